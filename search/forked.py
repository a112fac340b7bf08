"""One job run in a forked child while this process does other work: the index write's second core.

The final write of a large segment is plain Python work on data this process already holds (millions of
postings), so a thread cannot share it (the interpreter lock) and a spawned process would first have to be
sent all of it. A forked child has it all at once, copy-on-write. ``start`` forks a child that runs the job,
pickles its result into a pipe and ends; ``Forked.result`` reads that result. Where ``os.fork`` is missing
(Windows), or fails, ``start`` returns ``None`` and the caller does the job itself; a child that fails or is
killed leaves its job to ``result``, which then runs it here (so its error, if any, is raised here).

The child closes every file it inherited except its end of the pipe: it cannot hold the index's write lock
(an ``flock`` shared with this process's descriptor) or the worker's pipe to the importing process open
after this process ends, and it never runs cleanup code of this process (it leaves with ``os._exit``).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import warnings
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")

_allowed = False  # set by ``allow``, for this process only (a spawned child starts without it)


def allow() -> None:
    """Lets ``start`` fork in this process; only for a process whose other threads (if any) hold no lock
    and no system framework state a child could need."""
    global _allowed
    _allowed = True


class Forked(Generic[T]):
    """A running child's job; ``result`` once (it waits for the child), or ``abandon`` it."""

    def __init__(self, pid: int, pipe: int, job: Callable[[], T]) -> None:
        self.pid = pid
        self._pipe = pipe
        self._job = job

    def result(self) -> T:
        """The job's result from the child, or from running the job here if the child could not give it."""
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                data = pipe.read()
        except BaseException:  # (interrupted: the child is ended, not left behind)
            self._end()
            raise
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) == 0 and data:
            found: T = pickle.loads(data)
            return found
        return self._job()

    def abandon(self) -> None:
        """Ends the child (this process gave up on what it was doing)."""
        os.close(self._pipe)
        self._end()

    def _end(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def possible() -> bool:
    """Whether ``start`` may fork here: the system can, and this process allowed it."""
    return _allowed and hasattr(os, "fork")


def start(job: Callable[[], T]) -> Forked[T] | None:
    """``job`` running in a forked child, or ``None`` where this system or this process cannot fork."""
    if not possible():
        return None
    read, write = os.pipe()
    try:
        with warnings.catch_warnings():  # (Python 3.12 warns on any fork beside threads; the child runs none)
            warnings.filterwarnings("ignore", message=r".*multi-threaded.*fork", category=DeprecationWarning)
            pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:
        _child(job, read, write)
    os.close(write)
    return Forked(pid, read, job)


def _child(job: Callable[[], T], read: int, write: int) -> NoReturn:
    code = 1
    try:
        gc.disable()  # a collection would touch (and so copy) every object of the parent
        os.close(read)
        os.closerange(3, write)
        os.closerange(write + 1, _open_max())
        data = pickle.dumps(job(), pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write, view):]
        code = 0
    finally:
        os._exit(code)


def _open_max() -> int:
    try:
        return max(int(os.sysconf("SC_OPEN_MAX")), 1024)
    except (AttributeError, OSError, ValueError):
        return 65536
