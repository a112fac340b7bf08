"""A process that writes a large batch of index changes while the importing process goes on.

The worker holds the index's write lock (an OS file lock, released when the process ends however
it ends) and applies the changes it is sent through a ``BatchWriter``: analysis, postings and
commits all happen there. It ends when its parent does, so a killed import leaves no writer
behind; the next start repairs what was not committed. Whatever goes wrong in the worker is sent
back and raised in the parent when the batch is finished.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.errors import SearchUnavailable

if TYPE_CHECKING:
    from search.index_batch import BatchWriter

log = logging.getLogger(__name__)

#: Changes sent together (one pickle and one pipe write per group instead of per document), and
#: groups that may wait to be sent (about 5 MB): a sending thread takes them to the pipe, so the
#: import goes on while the worker is busy with a commit or not scheduled. The backlog also bounds
#: how far the worker may fall behind: once it is full the import (and so the readers) waits, and
#: the cores go to the worker. A larger one let a starved worker fall 4,000 documents behind,
#: left to index on one core after the last file was read.
GROUP = 64
BACKLOG = 16
_STOPPED = "the search index's writer process stopped unexpectedly; the next start repairs the index"


class IndexWorker:
    """The parent's end: ``send`` changes, then ``finish`` (commit) or ``cancel``."""

    def __init__(self, process: Any, connection: Any) -> None:
        self._process = process
        self._connection = connection
        self._outbox: list[Any] = []
        self._broken = False
        self._backlog: queue.Queue[tuple[str, Any] | None] = queue.Queue(BACKLOG)
        self._sender = threading.Thread(target=self._send_backlog, name="index-changes", daemon=True)
        self._sender.start()

    @classmethod
    def start(cls, directory: str, lock_wait: float) -> IndexWorker:
        context = multiprocessing.get_context("spawn")  # safe beside threads (the GUI) on every platform
        ours, theirs = context.Pipe()
        process = context.Process(target=serve, args=(directory, lock_wait, theirs), name="lesesaal-indexer",
                                  daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours)

    def send(self, change: Any) -> None:
        self._outbox.append(change)
        if len(self._outbox) >= GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._outbox:
            self._backlog.put(("changes", self._outbox))
        self._outbox = []

    def _send_backlog(self) -> None:
        while (message := self._backlog.get()) is not None:
            if not self._broken:
                try:
                    self._connection.send(message)
                except OSError:  # the worker ended; why is read in finish()
                    self._broken = True

    def _send_last(self, message: tuple[str, Any]) -> None:
        self._flush()
        self._backlog.put(message)
        self._backlog.put(None)
        self._sender.join()

    def finish(self) -> None:
        """Commit everything sent; raises what went wrong in the worker, if anything did."""
        self._send_last(("commit", None))
        try:
            outcome, error = self._connection.recv()
        except (OSError, EOFError):
            outcome, error = "failed", SearchUnavailable(_STOPPED)
        finally:
            self._close()
        if outcome != "committed":
            raise error

    def cancel(self) -> None:
        self._outbox = []
        self._send_last(("cancel", None))  # a worker already gone committed nothing cancel could keep out
        self._close()

    def _close(self) -> None:
        self._connection.close()
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.kill()


def worker_writer(directory: str, lock_wait: float) -> BatchWriter:
    """The worker's batch writer on the index in ``directory``, the cyclic collector off but after each commit
    that more changes follow."""
    from whoosh import index as whoosh_index

    from search import forked
    from search.index_batch import BatchWriter

    # The postings buffered until a commit are millions of lists, ints and bytes that form no cycles
    # (3,000 re-indexed documents leave 19 objects in cycles), so the cyclic collector's passes over
    # them are wasted: about a tenth of adding documents. Reference counting still frees everything;
    # what a commit leaves in cycles (a few hundred objects) is collected before the next change (none
    # after the last commit: the process ends).
    gc.disable()
    forked.allow()  # (a process of its own: its large commits may share their work with a forked child)
    return BatchWriter(whoosh_index.open_dir(directory), lock_wait, after_commit=gc.collect)


def serve(directory: str, lock_wait: float, connection: Any) -> None:
    """The worker's loop (runs in the worker process)."""
    _exit_with_parent()
    writer = worker_writer(directory, lock_wait)
    try:
        while True:
            kind, payload = connection.recv()
            if kind == "changes":
                for change in payload:
                    writer.apply(change)
            elif kind == "commit":
                writer.commit()
                connection.send(("committed", None))
                return
            else:
                writer.cancel()
                return
    except BaseException as error:
        writer.cancel()
        connection.send(("failed", _sendable(error)))


def _sendable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        log.exception("the index writer failed")
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _exit_with_parent() -> None:
    """End the worker when its parent ends (killed or crashed), so it never holds the lock alone."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel
        threading.Thread(target=lambda: (multiprocessing.connection.wait([sentinel]), os._exit(1)),
                         name="exit-with-parent", daemon=True).start()
