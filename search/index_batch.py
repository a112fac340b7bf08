"""The index's single writer: changes collected in batches, written here or in a worker process.

A batch starts by queueing its changes. A small one (a repair, a few imported files) is written in
this process when it is committed. Once a batch holds ``HANDOVER`` changes (an import of a folder),
its changes go to an ``IndexWorker`` process instead, which analyses and writes them while this
process goes on parsing and storing articles; the import then costs the importing process little
more than sending each document.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import Every

from library.records import StoredArticle, StoredContent
from search.documents import document_for
from search.errors import SearchUnavailable
from search.segment_writer import FastSegmentWriter

#: Documents per commit, and postings (about 45 bytes each in memory) at which a batch is committed
#: early. A commit writes every term of its batch once, so larger batches index faster and leave
#: fewer segments to search; a crash loses at most one batch of index work (never library data),
#: which the next start repairs.
BATCH_SIZE = 10_000
BATCH_POSTINGS = 3_000_000
#: Changes after which a batch is handed to a worker process (below, starting one costs more).
HANDOVER = 400
LOCK_WAIT_SECONDS = 15.0

#: One change: ("add", document fields), ("delete", article id) or ("clear", None).
Change = tuple[str, Any]


class IndexBatch:
    """Adds and deletes documents; ``commit()`` makes them visible, ``cancel()`` drops what is pending."""

    def __init__(self, handle: whoosh_index.Index) -> None:
        self._handle = handle
        self._queued: list[Change] = []
        self._worker: Any = None

    def add(self, article: StoredArticle | StoredContent) -> None:
        self._change(("add", document_for(article)))

    def delete(self, article_id: int) -> None:
        self._change(("delete", article_id))

    def clear(self) -> None:
        self._change(("clear", None))

    def _change(self, change: Change) -> None:
        if self._worker is not None:
            self._worker.send(change)
            return
        self._queued.append(change)
        if len(self._queued) >= HANDOVER and (os.cpu_count() or 1) >= 2:
            from search.index_worker import IndexWorker

            self._worker = IndexWorker.start(self._handle.storage.folder, LOCK_WAIT_SECONDS)
            for queued in self._queued:
                self._worker.send(queued)
            self._queued.clear()

    def commit(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.finish()
        elif self._queued:
            writer = BatchWriter(self._handle, LOCK_WAIT_SECONDS)
            try:
                for change in self._queued:
                    writer.apply(change)
            except BaseException:
                writer.cancel()
                raise
            finally:
                self._queued.clear()
            writer.commit()

    def cancel(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.cancel()
        self._queued.clear()


class BatchWriter:
    """Writes changes with the fast segment writer, committing every ``BATCH_SIZE`` documents.

    ``after_commit`` runs before the first change that follows a commit, not at once: a commit that
    ends the batch (the last of an import, when the importing process waits for it) is not followed by it."""

    def __init__(self, handle: whoosh_index.Index, lock_wait: float, *,
                 after_commit: Callable[[], object] | None = None) -> None:
        self._handle = handle
        self._lock_wait = lock_wait
        self._after_commit = after_commit
        self._committed = False  # a commit whose ``after_commit`` has not run
        self._writer: FastSegmentWriter | None = None
        self._pending = 0

    def _current(self) -> FastSegmentWriter:
        if self._writer is None:
            try:
                self._writer = FastSegmentWriter(self._handle, timeout=self._lock_wait)
            except LockError:
                raise SearchUnavailable(
                    "another Lesesaal is updating the search index; try again when it has finished") from None
        return self._writer

    def apply(self, change: Change) -> None:
        if self._committed:
            self._committed = False
            if self._after_commit is not None:
                self._after_commit()
        kind, value = change
        if kind == "add":
            self._current().update_document(**value)
        elif kind == "delete":
            self._current().delete_by_term("id", str(value))
        else:
            self._current().delete_by_query(Every())
            return
        self._pending += 1
        if self._pending >= BATCH_SIZE or self._current().buffered_postings >= BATCH_POSTINGS:
            self.commit()

    def commit(self) -> None:
        """Commits what is pending."""
        if self._writer is not None:
            self._writer.commit()
            self._writer = None
            self._committed = True
        self._pending = 0

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
