"""Desktop benchmark (offscreen) on a 40,000-article library.

The library is built by bulk-inserting stories (``corpus.py``'s sources and recombinations, with a
few photo captions, credits, related links and publisher's notes, and 3 % planted copies) straight
into a library, then indexed once; importing 40,000 files through the importer would take far longer
and measure the importer, not the app. It is cached in ``benchmarks/.corpus/gui-<N>-<seed>``.

Phases, each in its own process:

1. start: from the process's start to a shown main window that has run an event-loop turn (model
   not loaded, search index opened in the background), median of ``--starts`` runs;
   also when the search index is ready;
2. use: opening ``--articles`` random articles with every layer on (loading, analysis and rendering;
   from the request to the rendered pane), search-as-you-type latency for queries typed word by word
   (from the debounced query to the results shown), and the resident memory after that.

Targets: start <= 1.0 s, open p95 <= 100 ms, search p95 <= 100 ms, RSS <= 400 MB.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_bench.py [--files 40000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parent))
sys.path.insert(0, str(_HERE))

OUTLETS = ("Nordkurier", "Kieler Nachrichten", "Ostsee-Zeitung", "Der Standard", "Wikinews", "Hamburger Blatt",
           "Rhein-Post", "Sächsische Rundschau", "Berliner Abendblatt", "Allgäuer Anzeiger")
QUERIES = ("Regierung Berlin", "Flüchtlinge Österreich", "Polizei Unfall Autobahn", "Fußball Bundesliga Trainer",
           "Wahl Präsident", "\"Europäische Union\"", "Klimawandel Energie", "Wirtschaft Krise Banken")
TARGETS = {"start_s": 1.0, "open_p95_ms": 100.0, "search_p95_ms": 100.0, "rss_mb": 400.0}


def build_library(directory: Path, files: int, seed: int, corpora: Path) -> None:
    """Bulk-insert ``files`` articles and index them once (skipped when cached)."""
    from corpus import load_10kgnad, load_wikinews, scaled_stories

    from library.store import Library

    if (directory / "ready").exists():
        return
    rng = random.Random(seed)
    sources = load_10kgnad(corpora / "10kgnad" / "articles.csv", rng) + load_wikinews(corpora / "wikinews-quotes")
    stories = scaled_stories(sources, int(files * 0.97), rng)
    started = time.perf_counter()
    with Library.open(directory) as library, library.transaction():
        ids: list[int] = []
        for number in range(files):
            original = number if number < len(stories) else rng.randrange(len(stories))  # later ones: copies
            story = stories[original]
            article_id = library.add_article(_article(number, story, rng), f"/bench/{number}.txt", f"h{number}",
                                             frozenset())
            if original != number:
                library.mark_copy(article_id, ids[original])
            ids.append(article_id)
    print(f"inserted {files:,} articles in {time.perf_counter() - started:.1f} s; analysing …", flush=True)
    analyse_and_index(directory)
    (directory / "ready").write_text("1", encoding="utf-8")


def analyse_and_index(directory: Path) -> None:
    """Store every article's analysis (as an import does), then index the library once."""
    from library.reanalysis import reanalyse
    from library.store import Library
    from search.index import SearchIndex

    started = time.perf_counter()
    with Library.open(directory) as library:
        for _ in reanalyse(library):
            pass
    print(f"analysed in {time.perf_counter() - started:.1f} s; indexing …", flush=True)
    started = time.perf_counter()
    with Library.open(directory) as library:
        index, _ = SearchIndex.open(library)
        index.close()
    print(f"indexed in {time.perf_counter() - started:.1f} s", flush=True)


def _article(number: int, story: Any, rng: random.Random) -> Any:
    """A story as stored: title, body, and on some a caption, credit, related link or publisher's note."""
    from articles.model import Article, Metadata, Paragraph, Role

    date = story.date or f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    parts = [(Role.TITLE, story.title), *((Role.BODY, text) for text in story.paragraphs)]
    if number % 3 == 0:
        parts[2:2] = [(Role.CAPTION, "Blick auf den Tagungsort am Morgen"), (Role.CREDIT, "Foto: Archiv")]
    if number % 4 == 0:
        parts.append((Role.RELATED, "Mehr zum Thema - Weitere Berichte aus der Region"))
    if number % 5 == 0:
        parts.append((Role.DISCLAIMER, "© Alle Rechte vorbehalten."))
    paragraphs = tuple(Paragraph(i, role, text) for i, (role, text) in enumerate(parts))
    return Article(Metadata(title=story.title, date=date, source=OUTLETS[number % len(OUTLETS)], language="de"),
                   paragraphs, "txt")


def phase_start(library: Path, settings_file: Path) -> dict[str, float]:
    """Run in a fresh process: seconds from process start to an interactive window, and to search ready."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import start_window
    from desktop.settings import Settings

    app = QApplication(sys.argv[:1])
    window = start_window(Settings(library=str(library)), QSettings(str(settings_file), QSettings.Format.IniFormat))
    figures: dict[str, float] = {}
    QTimer.singleShot(0, lambda: (figures.setdefault("interactive", time.time()),
                                  figures.setdefault("interactive_cpu", time.process_time())))
    window.index_ready.connect(lambda: (figures.setdefault("search_ready", time.time()), window.close(), app.quit()))
    app.exec()
    return figures


def phase_use(library: Path, settings_file: Path, articles: int, seed: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from library.store import Library

    app = QApplication(sys.argv[:1])
    window = MainWindow(Settings(library=str(library)), QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.resize(1400, 860)
    window.show()

    def wait(signal: Any) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    wait(window.index_ready)
    with Library.open(library) as opened:
        ids = [row[0] for row in opened._db.execute("SELECT id FROM articles")]  # noqa: SLF001 (benchmark)
    rng = random.Random(seed)
    chosen = rng.sample(ids, articles + 5)
    opening = _timed(window.open_article, window.article_opened, chosen, wait)[5:]  # 5 load word lists
    typed = [" ".join(query.split()[:count]) for query in QUERIES for count in range(1, len(query.split()) + 1)]
    searching = _timed(window.search_bar.set_query, window.search_finished, typed, wait)
    listing = _list_operations(window, wait)
    rss, peak = _memory_mb()
    window.close()
    return {"list_ms": listing, "open_ms": [w for w, _ in opening], "open_cpu_ms": [c for _, c in opening],
            "search_ms": [w for w, _ in searching], "search_cpu_ms": [c for _, c in searching],
            "rss_mb": rss, "peak_rss_mb": peak}


def _timed(action: Any, done: Any, values: list[Any], wait: Any) -> list[tuple[float, float]]:
    """Wall and CPU milliseconds from each ``action(value)`` to its ``done`` signal."""
    taken = []
    for value in values:
        with _Timer() as timer:
            action(value)
            wait(done)
        taken.append(timer.taken)
    return taken


def _list_operations(window: Any, wait: Any) -> dict[str, float]:
    """The library table: each sort, a filter (until the new rows show; the query runs on a worker),
    and a jump to the list's middle (on the GUI thread: one page of rows)."""
    from PySide6.QtCore import Qt

    model, table, pane = window.model, window.library_pane.table, window.library_pane
    taken: dict[str, float] = {}
    for column, name in enumerate(("title", "source", "date", "copies", "read")):
        with _Timer() as timer:
            model.sort(column, Qt.SortOrder.AscendingOrder)
            wait(model.refreshed)
            model.data(model.index(0, 0))
        taken[f"sort by {name}"] = timer.taken[0]
    with _Timer() as timer:
        pane.filter.setText("Regierung")
        pane._on_timer_timeout()  # noqa: SLF001 (the debounced filter, without the wait)
        wait(model.refreshed)
        model.data(model.index(0, 0))
    taken["filter"] = timer.taken[0]
    pane.filter.setText("")
    pane._on_timer_timeout()  # noqa: SLF001
    wait(model.refreshed)
    with _Timer() as timer:
        middle = model.rowCount() // 2
        table.scrollTo(model.index(middle, 0))
        model.data(model.index(middle, 0))
    taken["jump to the middle"] = timer.taken[0]
    return taken


class _Timer:
    """Wall and CPU milliseconds (CPU of the whole process, all threads: robust when cores are shared)."""

    def __enter__(self) -> _Timer:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.taken = ((time.perf_counter() - self._wall) * 1000, (time.process_time() - self._cpu) * 1000)


def _memory_mb() -> tuple[float, float]:
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(value.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _child(phase: str, args: argparse.Namespace, library: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--phase", phase, "--library", str(library),
               "--articles", str(args.articles), "--seed", str(args.seed)]
    began = time.time()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["began"] = began
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=100, help="articles opened (default 100)")
    parser.add_argument("--starts", type=int, default=5, help="process starts timed (default 5)")
    parser.add_argument("--corpora", type=Path, default=_HERE.parents[1].parent / "shared" / "corpora")
    parser.add_argument("--phase", choices=("start", "use"), help=argparse.SUPPRESS)
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        settings = args.library.parent / f"settings-{os.getpid()}.ini"
        figures = (phase_start(args.library, settings) if args.phase == "start"
                   else phase_use(args.library, settings, args.articles, args.seed))
        print(json.dumps(figures))
        return 0
    library = _HERE / ".corpus" / f"gui-{args.files}-{args.seed}"
    build_library(library, args.files, args.seed, args.corpora)
    return _report(args, library)


def _report(args: argparse.Namespace, library: Path) -> int:
    starts, ready, cpu = [], [], []
    for _ in range(args.starts):
        figures = _child("start", args, library)
        starts.append(figures["interactive"] - figures["began"])
        cpu.append(figures["interactive_cpu"])
        ready.append(figures["search_ready"] - figures["began"])
    use = _child("use", args, library)
    results = {
        "start_s": statistics.median(starts), "open_p95_ms": _p95(use["open_ms"]),
        "search_p95_ms": _p95(use["search_ms"]), "rss_mb": use["rss_mb"],
    }
    print(f"\n== desktop on {args.files:,} articles ({os.cpu_count()} cores, offscreen)")
    print(f"start to interactive window: median {results['start_s']:.2f} s (runs: "
          + ", ".join(f"{s:.2f}" for s in starts) + f"); CPU {statistics.median(cpu):.2f} s (the process's own, "
          f"interpreter start included); search ready after {statistics.median(ready):.2f} s")
    load = os.getloadavg()[0]
    print(f"open an article, all layers: p50 {statistics.median(use['open_ms']):.0f} ms, "
          f"p95 {results['open_p95_ms']:.0f} ms, max {max(use['open_ms']):.0f} ms ({len(use['open_ms'])} articles); "
          f"CPU p50 {statistics.median(use['open_cpu_ms']):.0f} ms, p95 {_p95(use['open_cpu_ms']):.0f} ms")
    print(f"search as you type: p50 {statistics.median(use['search_ms']):.0f} ms, "
          f"p95 {results['search_p95_ms']:.0f} ms ({len(use['search_ms'])} queries); "
          f"CPU p50 {statistics.median(use['search_cpu_ms']):.0f} ms, p95 {_p95(use['search_cpu_ms']):.0f} ms")
    print("search wall ms by query: " + ", ".join(f"{ms:.0f}" for ms in use["search_ms"]))
    print(f"load average {load:.1f} on {os.cpu_count()} cores (above the core count, wall times include waiting)")
    print("library table: " + ", ".join(f"{k} {v:.0f} ms" for k, v in use["list_ms"].items()))
    print(f"resident memory: {use['rss_mb']:.0f} MB (peak {use['peak_rss_mb']:.0f} MB)")
    for key, target in TARGETS.items():
        print(f"  {key:<14} {results[key]:>8.2f}  target <= {target:<6}  {'PASS' if results[key] <= target else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
