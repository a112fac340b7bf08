"""Quitting while background jobs run: every job ends before the window is gone (no worker thread outlives it to
run Python code or emit signals while the interpreter tears down), no result reaches the closed window, and what
a job had finished is kept: the next start goes on from there."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, QSettings, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from articles.model import Article, Metadata, Paragraph, Role  # noqa: E402
from desktop import jobs  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from library.analysing import AnalysisSetup  # noqa: E402
from library.store import Library  # noqa: E402
from tests.desktop.conftest import SAMPLES  # noqa: E402
from tests.desktop.fakes import FakeSummaries, streamed_summary  # noqa: E402

HOLD_SECONDS = 0.3  # how long a held job keeps running after it started (the window closes meanwhile)


def _article(n: int) -> Article:
    title = f"Hafenausbau in Kiel, Teil {n}"
    body = (f"„Wir bauen den Hafen bis 2030 aus“, sagte Bürgermeisterin Anna Berg am Montag in Kiel. "
            f"Der Ausbau kostet {n} Millionen Euro. Die Reederei Nordlicht begrüßte die Pläne, der Umweltverband "
            "Küstenschutz warnte dagegen vor den Folgen für die Förde.")
    return Article(Metadata(title=title, source="Kieler Blatt", date="2025-03-0" + str(1 + n % 9), language="de"),
                   (Paragraph(0, Role.TITLE, title), Paragraph(1, Role.BODY, body),
                    Paragraph(2, Role.CAPTION, "Der Hafen am Morgen")), "txt")


def _unanalysed_library(directory: Path, count: int) -> None:
    """Articles stored as an older Lesesaal left them: no analysis and no search index yet."""
    with Library.open(directory) as library, library.transaction():
        for n in range(count):
            library.add_article(_article(n), f"/archiv/hafen-{n}.txt", f"hafen-{n}", frozenset())


def _window(qtbot: Any, directory: Path, settings_file: Path, **extra: Any) -> MainWindow:
    window = MainWindow(Settings(library=str(directory)), QSettings(str(settings_file), QSettings.Format.IniFormat),
                        **extra)
    qtbot.addWidget(window)
    window.show()
    return window


def _ready(qtbot: Any, window: MainWindow) -> MainWindow:
    if window.slot.index is None:
        with qtbot.waitSignal(window.index_ready, timeout=60_000):
            pass
    if window.analysis_refresh.done is None:
        with qtbot.waitSignal(window.analysis_refresh.finished, timeout=60_000):
            pass
    return window


def _held(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """Make the window's job ``jobs.<name>`` announce its start and keep running a moment before its real work."""
    started = threading.Event()
    real: Callable[..., Any] = getattr(jobs, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        started.set()
        time.sleep(HOLD_SECONDS)
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, name, held)
    return started


def _closed_while_running(qtbot: Any, window: MainWindow, started: threading.Event, signal: Any = None) -> list[Any]:
    """Close the window while a job runs; returns what ``signal`` delivered after the close (nothing, we hope)."""
    qtbot.waitUntil(started.is_set, timeout=10_000)  # events go on meanwhile: a job may start another
    assert not window.runner.idle
    delivered: list[Any] = []
    window.close()
    if signal is not None:
        signal.connect(lambda *args: delivered.append(args))
    assert window.runner.idle, "a job was still running after the window closed"
    QApplication.processEvents()  # results a job sent before it ended are queued: they must be dropped
    return delivered


def test_the_qt_binding_keeps_pythons_reference_counts_when_disconnecting() -> None:
    """PySide6 6.12.0's ``SignalInstance.disconnect()`` returned True/False without a reference of its own: every
    call took one from the interpreter's ``True``, which then died at exit ("bool_dealloc", SIGABRT) after enough
    waits in the benchmark or pytest-qt's ``waitSignal``. That version is excluded in pyproject.toml."""

    class Sender(QObject):
        fired = Signal()

    sender, receiver = Sender(), QObject()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        sender.fired.connect(receiver.deleteLater)
        sender.fired.disconnect(receiver.deleteLater)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_quitting_while_the_index_is_built_keeps_what_is_indexed(qtbot: Any, tmp_path: Path,
                                                                  settings_file: Path) -> None:
    directory = tmp_path / "bibliothek"
    _unanalysed_library(directory, 450)  # above the handover: indexed by a worker process
    window = _window(qtbot, directory, settings_file)
    assert {t.name for t in window.runner.running} >= {"open index"}
    window.close()
    assert window.runner.idle and window.slot.index is None
    again = _ready(qtbot, _window(qtbot, directory, settings_file))
    found = jobs.run_search(directory, again.slot, "Hafenausbau Kiel")
    assert found is not None and found.total == 450


def test_quitting_during_the_re_analysis_keeps_the_analyses_and_the_next_start_finishes(
        qtbot: Any, tmp_path: Path, settings_file: Path, caplog: pytest.LogCaptureFixture) -> None:
    directory = tmp_path / "bibliothek"
    _unanalysed_library(directory, 300)
    window = _window(qtbot, directory, settings_file)
    with qtbot.waitSignal(window.analysis_refresh.progressed, timeout=60_000):
        pass
    with caplog.at_level(logging.ERROR):
        window.close()
    assert window.runner.idle and not caplog.records
    version = AnalysisSetup.for_library(directory).version
    with Library.open(directory) as library:
        left = len(library.stale_analyses(version))
    assert 0 < left < 300, "the analyses made before the close are kept, the rest is still to do"
    again = _ready(qtbot, _window(qtbot, directory, settings_file))
    assert again.analysis_refresh.done == left and again.library.stale_analyses(version) == []
    anna = next(a for a in again.library.actors() if a.name == "Anna Berg")
    found = jobs.run_search(directory, again.slot, f"actor:{anna.id}")
    assert found is not None and found.total == 300, "articles re-indexed when the index batch was dropped at the close"


@pytest.mark.parametrize(("job", "start", "result"), [
    ("library_actors", lambda w: w.refresh_actors(), "actors_counted"),
    ("run_search", lambda w: w.search_bar.set_query("Fähre"), "search_finished"),
    ("search_facets", lambda w: w.search_bar.set_query("Fähre"), "facets_counted"),
    ("load_view", lambda w: w.open_article(w.library.list_ids(w.model.query)[0]), "article_opened"),
    ("run_related", lambda w: w.reader.related_requested.emit(w.library.list_ids(w.model.query)[0]), ""),
    ("list_ids", lambda w: w.library_pane.set_facet("year", "2025"), ""),
])
def test_quitting_while_a_pool_job_runs_drops_its_result(samples_window: Any, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch, job: str,
                                                         start: Callable[[Any], None], result: str) -> None:
    window = samples_window
    started = _held(monkeypatch, job)
    start(window)
    delivered = _closed_while_running(qtbot, window, started, getattr(window, result) if result else None)
    assert delivered == []


def test_quitting_during_an_import_keeps_the_finished_files(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    directory = window.library_dir
    window.start_import([SAMPLES])
    delivered = _closed_while_running(qtbot, window, _started(window, "import"), window.import_finished)
    assert delivered == []
    with Library.open(directory) as library:
        stored = library.count()
    again = _ready(qtbot, _window(qtbot, directory, directory.parent / "wieder.ini"))
    assert again.library.count() == stored
    found = jobs.run_search(directory, again.slot, "Fähre")
    assert found is not None and found.total <= stored


def _started(window: MainWindow, name: str) -> threading.Event:
    started = threading.Event()
    if any(task.name == name for task in window.runner.running):
        started.set()
    return started


def test_quitting_during_a_summary_ends_the_run(make_window: Any, qtbot: Any) -> None:
    with_samples = make_window()
    with qtbot.waitSignal(with_samples.import_finished, timeout=60_000):
        with_samples.start_import([SAMPLES])
    with_samples.import_dialog.close()
    first = with_samples.library.list_ids(with_samples.model.query)[0]
    with_samples.close()
    fake = FakeSummaries(streamed_summary(first, 1), hold_after=1)
    window = make_window(summary_run=fake.run)
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.open_article(first)
    window.summary.summarise()
    started = threading.Event()
    qtbot.waitUntil(lambda: bool(fake.choices), timeout=10_000)
    started.set()
    delivered = _closed_while_running(qtbot, window, started, window.summary.summary_finished)
    assert fake.stopped.is_set() and delivered == []


def test_the_app_quitting_without_a_closed_window_still_ends_its_jobs(samples_window: Any, qtbot: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = samples_window
    started = _held(monkeypatch, "library_actors")
    window.refresh_actors()
    assert started.wait(10)
    QApplication.instance().aboutToQuit.emit()  # what QApplication.quit() sends before the event loop ends
    assert window.runner.idle and window.slot.index is None
