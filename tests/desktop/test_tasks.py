"""The task helper: progress, results and errors arrive on the GUI thread; cancel reaches the job."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from articles.errors import NotAnArticle  # noqa: E402
from desktop.error_dialog import show_error  # noqa: E402
from desktop.tasks import TaskRunner  # noqa: E402
from library.importer import CancelToken  # noqa: E402


def _counting(token: CancelToken, started: threading.Event, go_on: threading.Event) -> Iterator[int]:
    yield 1
    started.set()
    go_on.wait(10)
    for n in range(2, 100):
        if token.cancelled:
            return n
        yield n
    return 100


def test_steps_and_result_arrive_on_the_gui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    gui = QApplication.instance().thread()
    go_on = threading.Event()
    go_on.set()
    results: list[int] = []
    task = runner.run("count", lambda t: _counting(t, threading.Event(), go_on),
                      progressed=lambda n: seen.append((n, QThread.currentThread() is gui)), finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [100] and [n for n, _ in seen] == list(range(1, 100))
    assert all(on_gui for _, on_gui in seen) and task.done and not runner.running


def test_cancel_reaches_the_job_between_steps(qtbot: Any) -> None:
    runner = TaskRunner()
    started, go_on = threading.Event(), threading.Event()
    results: list[int] = []
    task = runner.run("count", lambda t: _counting(t, started, go_on), finished=results.append)
    assert started.wait(10)
    task.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [2]


def test_errors_arrive_as_failed_and_reach_the_user(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    runner = TaskRunner()

    def broken(_token: CancelToken) -> None:
        raise NotAnArticle("die Datei ist leer")

    errors: list[BaseException] = []
    runner.run("broken", broken, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    box = show_error(None, errors[0], doing="Import")
    assert box.text() == "Die Datei ist leer." and box.icon() == QMessageBox.Icon.Warning
    box.close()
    with caplog.at_level(logging.ERROR):
        bug = show_error(None, ZeroDivisionError("division by zero"))
    assert "ZeroDivisionError" in bug.text() and "details are in the log" in bug.text()
    assert caplog.records and caplog.records[0].exc_info is not None
    bug.close()
