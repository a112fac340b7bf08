"""Render the desktop app's main views to PNG, offscreen, in light and dark (used for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds a fresh library from the bundled samples in a temporary folder; touches no real library.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LESESAAL_MODEL", None)  # the shots show extractive summaries, whatever model this machine has

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import offer_samples  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.settings_dialog import SettingsDialog  # noqa: E402
from desktop.theme import apply_theme  # noqa: E402


MODEL = Path.home() / ".cache/lesesaal/test-models/SmolLM2-135M-Instruct.Q4_1.gguf"


def wait_for(signal: SignalInstance, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


#: What the annotation shot highlights: (paragraph among the body's, its words from .. to, colour, note, tags).
_HIGHLIGHTS = ((0, (0, 6), "yellow", "", ()),
               (1, (2, 9), "green", "Zahlen mit der Pressemitteilung vergleichen", ("Referat",)),
               (2, (0, 4), "pink", "Zitat für die Einleitung", ("Zitat", "offene Frage")))


def annotate(window: MainWindow) -> None:
    """Highlights in three of the open article's body paragraphs, two with notes, made through the window."""
    assert window.reader.view is not None
    body = [p.text for p in window.reader.view.article.paragraphs if p.role.value == "body"]
    for number, (first, last), colour, note, tags in _HIGHLIGHTS:
        if number >= len(body):
            continue
        words = " ".join(body[number].split()[first:last])
        window.reader.setTextCursor(window.reader.document().find(words))
        window.annotations.colour = colour
        if note:
            window.annotations.annotate.trigger()
            dialog = window.annotations.dialog
            assert dialog is not None
            dialog.note.setPlainText(note)
            dialog.tags.setText(", ".join(tags))
            dialog.accept()
        else:
            window.annotations.highlight.trigger()
        wait_for(window.annotations.annotations_saved)


def views(app: QApplication, theme: str, out: Path, work: Path) -> None:
    apply_theme(app, theme)
    os.environ["LESESAAL_MODELS"] = str(work / "no-models")
    settings = Settings(library=str(work / "library"), theme=theme)
    window = MainWindow(settings, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    window.show()
    if offer_samples(window):
        wait_for(window.import_finished)
        assert window.import_dialog is not None
        shoot(window.import_dialog, out / f"import-report-{theme}.png")
        window.import_dialog.close()
    else:
        wait_for(window.index_ready)
    wait_for(window.actors_counted, 5_000)  # the sidebar's library-wide actors, counted on a worker
    window.library_pane.select_row(1)
    wait_for(window.article_opened)
    window.summary.summarise()
    wait_for(window.summary.summary_finished)
    shoot(window, out / f"library-{theme}.png")
    annotate(window)
    window.reader.verticalScrollBar().setValue(0)
    shoot(window.annotation_panel.parentWidget(), out / f"annotations-{theme}.png")
    window.search_bar.set_query("Fähre Göteborg")
    wait_for(window.search_finished)
    wait_for(window.facets_counted, 3_000)  # the sidebar's counts follow the hits
    window.results.article_chosen.emit(window.results.hit_ids[0])
    wait_for(window.article_opened)
    shoot(window, out / f"search-{theme}.png")
    dialog = SettingsDialog(settings, window)
    dialog.show()
    if MODEL.exists():  # a small real model, where one is at hand, to show what the header check tells
        dialog.choose_model_file(str(MODEL))
    shoot(dialog, out / f"settings-{theme}.png")
    dialog.close()
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    for theme in ("light", "dark"):
        with tempfile.TemporaryDirectory(prefix="lesesaal-shots-") as work:
            views(app, theme, args.out, Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
