"""``lesesaal-gui --self-test FILE [--model GGUF]``: proves an installed build is complete, in the real window.

Each step waits on the window's own signals: FILE is imported and opened, a word of its title is searched, the
reading pane is rendered to an image (and the window's icon must be drawn), the article is summarised
extractively and by the model (``--model``, else the one the app would choose, such as a model bundled at build
time), and a batch of generated articles is
imported, large enough for the import's reader processes and the index worker process (which a frozen build must
be able to start). Then the window closes and one JSON object goes to stdout, or to ``self-test.json`` in the
library folder when there is none (a windowed Windows build): ``{"ok", "frozen", "analysis", "platform", "seconds",
"steps": {"import", "search", "reader", "extractive", "model", "batch"}}``, each step ``{"ok", ...what it
found}``; ``analysis`` is ``articles.compiled_status()`` ("compiled (mypyc)" or "pure Python: <why>"). Exit code 0
when every step passed. For packagers' smoke tests.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from articles import compiled_status
from desktop.main_window import MainWindow
from desktop.open_handler import OpenHandler
from desktop.summaries import EXTRACTIVE, LLM, Summary
from library.importer import ImportOutcome
from search.searching import SearchResults

Step = Callable[[], None]
_POLL_MS = 200
#: Files in the batch step: past the import's threshold for reader processes (64) and the index's for its
#: worker process (400 changes).
BATCH = 420


class SelfTest(QObject):
    def __init__(self, window: MainWindow, handler: OpenHandler, file: Path, timeout_s: float = 900) -> None:
        super().__init__(window)
        self.window, self.handler, self.file = window, handler, file.resolve()
        self.article_id: int | None = None
        self.title = ""
        self.steps: dict[str, dict[str, Any]] = {}
        self._started = time.perf_counter()
        self._queue: list[Step] = [self._import, self._search, self._reader, self._extractive, self._model,
                                   self._batch]
        self._timeout = QTimer(self, singleShot=True, interval=int(timeout_s * 1000))
        self._timeout.timeout.connect(lambda: self._finish(f"timed out after {timeout_s:.0f} s"))
        self._finished = False
        self._count_before = 0

    def start(self) -> None:
        self._timeout.start()
        self._next()

    def _next(self) -> None:
        if self._queue and not self._finished:
            self._queue.pop(0)()
        else:
            self._finish()

    def _record(self, name: str, ok: bool, **found: Any) -> None:
        self.steps[name] = {"ok": ok, **found}
        if ok:
            self._next()
        else:
            self._finish()

    # Steps ------------------------------------------------------------------------------------

    def _import(self) -> None:
        self.window.import_finished.connect(self._on_import_finished)
        self.handler.open([str(self.file)])

    def _on_import_finished(self, outcomes: list[ImportOutcome]) -> None:
        ours = [o for o in outcomes if o.path.resolve() == self.file]
        if not ours:
            return  # another import (the samples of a first start)
        self.window.import_finished.disconnect(self._on_import_finished)
        outcome = ours[0]
        if outcome.article_id is None:
            self._record("import", False, status=outcome.status, message=outcome.message)
            return
        self.article_id = outcome.article_id
        self.window.article_opened.connect(self._on_article_opened)

    def _on_article_opened(self, article_id: int) -> None:
        view = self.window.reader.view
        if article_id != self.article_id or view is None:
            return
        self.window.article_opened.disconnect(self._on_article_opened)
        self.title = view.article.metadata.title
        self._record("import", True, id=article_id, title=self.title, paragraphs=len(view.article.paragraphs),
                     library_articles=self.window.library.count())

    def _search(self) -> None:
        words = sorted(re.findall(r"\w{4,}", self.title), key=len, reverse=True)
        if not words:
            self._record("search", False, reason=f"no word to search in the title «{self.title}»")
            return
        self.window.search_finished.connect(self._on_search_finished)
        self.window.search_bar.set_query(words[0])

    def _on_search_finished(self, results: SearchResults) -> None:
        self.window.search_finished.disconnect(self._on_search_finished)
        found = any(hit.id == self.article_id for hit in results.hits)
        self._record("search", found, query=results.query, total=results.total)

    def _reader(self) -> None:
        image = self.window.reader.grab().toImage()
        text = self.window.reader.toPlainText()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        icon = sorted(size.width() for size in self.window.windowIcon().availableSizes())
        ok = bool(self.title) and self.title in text and not image.isNull() and len(colours) > 2 and bool(icon)
        self._record("reader", ok, width=image.width(), height=image.height(), colours=len(colours),
                     text_chars=len(text), icon_sizes=icon)

    def _extractive(self) -> None:
        self._summarise("extractive", EXTRACTIVE)

    def _model(self) -> None:
        if self.window.summary.method.findData(LLM) < 0:
            self._record("model", False, reason="no model found: pass --model GGUF, or build with --model")
            return
        self._summarise("model", LLM)

    def _summarise(self, name: str, method: str) -> None:
        panel = self.window.summary
        panel.choose(method)

        def finished(summary: Summary) -> None:
            panel.summary_finished.disconnect(finished)
            self._on_summary(name, summary)

        panel.summary_finished.connect(finished)
        panel.summarise()
        self._watch_summary(name)

    def _watch_summary(self, name: str) -> None:
        panel = self.window.summary
        if name in self.steps:
            return
        if not panel.running() and panel.summary is None:
            self._record(name, False, reason=panel.status.text())
            return
        QTimer.singleShot(_POLL_MS, lambda: self._watch_summary(name))

    def _on_summary(self, name: str, summary: Summary) -> None:
        if name in self.steps:
            return
        timings = summary.timings
        ran = summary.method == EXTRACTIVE if name == "extractive" else timings.completion_tokens > 0
        self._record(name, ran and bool(summary.key_points), method=summary.method,
                     model=summary.model.name if summary.model else None, key_points=len(summary.key_points),
                     warnings=list(summary.warnings), completion_tokens=timings.completion_tokens,
                     seconds=round(timings.total_s, 2))

    def _batch(self) -> None:
        folder = self.window.library_dir / "self-test-batch"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(BATCH):
            (folder / f"pegel-{n:03d}.txt").write_text(_batch_article(n), encoding="utf-8")
        self._count_before = self.window.library.count()
        self.window.import_finished.connect(self._on_batch_imported)
        self.window.start_import([folder])

    def _on_batch_imported(self, outcomes: list[ImportOutcome]) -> None:
        self.window.import_finished.disconnect(self._on_batch_imported)
        imported = sum(1 for o in outcomes if o.article_id is not None)
        added = self.window.library.count() - self._count_before
        self._record("batch", imported == BATCH == added, files=BATCH, imported=imported, added=added)

    # The end ----------------------------------------------------------------------------------

    def _finish(self, problem: str = "") -> None:
        if self._finished:
            return
        self._finished = True
        self._timeout.stop()
        report = {"ok": not problem and all(step["ok"] for step in self.steps.values()) and not self._queue,
                  "frozen": bool(getattr(sys, "frozen", False)), "analysis": compiled_status(),
                  "platform": QGuiApplication.platformName(),
                  "seconds": round(time.perf_counter() - self._started, 2), "steps": self.steps}
        if problem:
            report["problem"] = problem
        _write(json.dumps(report, ensure_ascii=False, indent=2), self.window.library_dir)
        self.window.close()
        QGuiApplication.exit(0 if report["ok"] else 1)


def _write(text: str, library_dir: Path) -> None:
    if sys.stdout is not None:
        print(text, flush=True)
    else:
        (library_dir / "self-test.json").write_text(text + "\n", encoding="utf-8")


def _batch_article(n: int) -> str:
    return (f"Pegelmeldung {n} vom Elbeabschnitt {n % 23}\n\n"
            f"An der Messstelle {n} stand das Wasser am Morgen bei {120 + n} Zentimetern, {n % 9} mehr als am Vortag. "
            f"Das Amt erwartet für den Abschnitt {n % 23} bis zum Abend keine Warnstufe.\n")
