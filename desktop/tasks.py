"""The one helper that runs long jobs off the GUI thread.

A job is a plain callable taking a ``CancelToken`` and returning either a value or a generator.
A generator's items arrive as ``progressed`` (progress steps, summary chunks), its return value
as ``finished``; an exception as ``failed``. Cancelling sets the job's token; the job checks it
between its steps (an import after each file, a summary between chunks) and ends cleanly. All three are delivered on the GUI thread by
queued signals, so jobs never touch widgets. Writes (import, index) and model calls each go to a
single-worker lane, everything else to a shared pool.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from library.importer import CancelToken

log = logging.getLogger(__name__)

Job = Callable[[CancelToken], Any]
Slot = Callable[[Any], object]


class Task(QObject):
    """A job on its way: connect to its signals, ``cancel()`` it from the GUI."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Runnable(QRunnable):
    def __init__(self, task: Task, job: Job) -> None:
        super().__init__()
        self._task = task
        self._job = job

    def run(self) -> None:
        task = self._task
        try:
            result = self._job(task.token)
            if inspect.isgenerator(result):
                result = _drain(result, task)
        except BaseException as error:  # handed to the GUI thread, which logs or shows it
            task.failed.emit(error)
            return
        task.finished.emit(result)


def _drain(generator: Any, task: Task) -> Any:
    while True:
        try:
            item = next(generator)
        except StopIteration as stop:
            return stop.value
        task.progressed.emit(item)


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        #: Single-worker lanes: index and library writes (Whoosh allows one writer), model calls (a model is
        #: not thread-safe), and the user's annotations (saved in order, never queued behind an import).
        self._lanes = {"pool": self._pool}
        for lane in ("writer", "model", "annotations"):
            self._lanes[lane] = QThreadPool(self)
            self._lanes[lane].setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._closed = False  # after shutdown, results still on their way are dropped

    def run(self, name: str, job: Job, *, lane: str = "pool", progressed: Slot | None = None,
            finished: Slot | None = None, failed: Slot | None = None) -> Task:
        """Start ``job``; the slots are connected before it starts, so no signal is missed."""
        task = Task(name)
        self._running.add(task)
        queued = Qt.ConnectionType.QueuedConnection
        task.finished.connect(lambda _result: self._forget(task), queued)
        task.failed.connect(lambda _error: self._forget(task), queued)
        for signal, slot in ((task.progressed, progressed), (task.finished, finished), (task.failed, failed)):
            if slot is not None:
                signal.connect(self._unless_closed(slot), queued)
        self._lanes[lane].start(_Runnable(task, job))
        return task

    def _unless_closed(self, slot: Slot) -> Slot:
        def deliver(value: Any) -> None:
            if not self._closed:
                slot(value)

        return deliver

    def _forget(self, task: Task) -> None:
        task.done = True
        self._running.discard(task)

    @property
    def running(self) -> frozenset[Task]:
        return frozenset(self._running)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel what is running and wait for it (used when the window closes); later results are dropped."""
        self._closed = True
        for task in list(self._running):
            task.cancel()
        for pool in self._lanes.values():
            pool.waitForDone(timeout_ms)
