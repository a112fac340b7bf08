"""The Whoosh index beside the library: open, keep in step with the library, repair, rebuild.

The library is the source of truth. Every time the index is opened it is compared with the
library (missing, extra and stale documents); differences are fixed at once. An index that
cannot be read (a damaged segment, a half-written table of contents, a different analysis
version) is set aside and rebuilt from the library. A lock left by a killed process is no
obstacle: Whoosh's lock is an OS file lock that dies with its process.
"""

from __future__ import annotations

import errno
import json
import logging
import pickle
import shutil
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher

from library.importer import CancelToken
from library.store import Library
from search.analysis import ANALYSIS_VERSION
from search.doc_table import DocTable
from search.documents import document_for, fingerprint
from search.errors import SearchUnavailable
from search.schema import article_schema
from search.index_batch import IndexBatch

log = logging.getLogger(__name__)

INDEX_FOLDER = "index"
_VERSION_FILE = "lesesaal-index.json"
#: 2: text fields indexed by GermanText; 3: one-posting terms inline; 4: actor field and column; 5: notes and tags
_INDEX_FORMAT = 5

ProgressCallback = Callable[[int, int], None]
#: What reading a damaged index raises (Whoosh has no error type of its own for it).
_DAMAGE = (OSError, ValueError, EOFError, KeyError, AttributeError, LookupError, TypeError, struct.error,
           pickle.UnpicklingError)



@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt_because: str = ""


class SearchIndex:
    """An open index. One writer at a time per process (``writer()``); searchers are free."""

    _writer_lock = threading.Lock()

    def __init__(self, directory: Path, handle: whoosh_index.Index) -> None:
        self.directory = directory
        self._handle = handle
        #: Opening a searcher reads every segment's term table (0.1 s at 40,000 articles), so one
        #: stays open and is reopened only after a commit changed the index; searches take turns on it.
        self._searcher: Searcher | None = None
        self._table: DocTable | None = None
        self._search_lock = threading.RLock()

    @classmethod
    def open(cls, library: Library, *, progress: ProgressCallback | None = None,
             cancel: CancelToken | None = None) -> tuple[SearchIndex, SyncReport]:
        """Open the library's index, create or rebuild it if needed, and bring it in step."""
        directory = library.directory / INDEX_FOLDER
        problem = _unusable_reason(directory)
        if problem:
            _set_aside(directory, problem)
        index = cls._open_or_create(directory)
        try:
            report = index.sync(library, progress=progress, cancel=cancel)
        except _DAMAGE as error:  # a segment that opened but cannot be read
            index.close()
            if isinstance(error, OSError) and error.errno == errno.ENOSPC:
                raise SearchUnavailable("the disk is full: the search index cannot be updated") from None
            problem = f"it could not be read ({type(error).__name__}: {error})"
            _set_aside(directory, problem)
            index = cls._open_or_create(directory)
            report = index.sync(library, progress=progress, cancel=cancel)
        return index, replace(report, rebuilt_because=problem)

    @classmethod
    def _open_or_create(cls, directory: Path) -> SearchIndex:
        if not whoosh_index.exists_in(str(directory)):
            _create(directory)
        # Plain reads, not mmap: with mmap, opening a searcher maps and touches every segment file
        # (400 MB resident at 40,000 articles); read normally, it stays under 40 MB, equally fast.
        return cls(directory, FileStorage(str(directory), supports_mmap=False).open_index())

    def close(self) -> None:
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        self._handle.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A searcher of the latest committed state; never waits for a writer."""
        with self._search_lock:
            if self._searcher is None or not self._searcher.up_to_date():
                # Opened afresh, not refresh()ed: whoosh3's refresh reuses a segment's reader even when
                # the commit deleted documents from it (they would still be found), and fails on an
                # empty index.
                if self._searcher is not None:
                    self._searcher.close()
                self._searcher = self._handle.searcher()
            yield self._searcher

    @contextmanager
    def snapshot(self) -> Iterator[tuple[Searcher, DocTable]]:
        """The searcher with its table of per-document values (read once per committed state)."""
        with self.searcher() as searcher:
            if self._table is None or self._table.generation != searcher.reader().generation():
                self._table = DocTable.read(searcher.reader())
            yield searcher, self._table

    @contextmanager
    def writer(self) -> Iterator[IndexBatch]:
        """The single writer: documents added through it are committed in batches."""
        with self._writer_lock:
            batch = IndexBatch(self._handle)
            try:
                yield batch
            except BaseException:
                batch.cancel()
                raise
            batch.commit()

    def states(self) -> dict[int, str]:
        """Article id → fingerprint of every document in the index."""
        with self.searcher() as searcher:
            return {int(fields["id"]): fields.get("fingerprint", "") for fields in searcher.all_stored_fields()}

    def sync(self, library: Library, *, progress: ProgressCallback | None = None,
             cancel: CancelToken | None = None) -> SyncReport:
        """Add missing, replace stale and delete extra documents so the index matches the library."""
        wanted = {article_id: fingerprint(h, group) for article_id, (h, group) in library.index_states().items()}
        present = self.states()
        stale = [i for i, fp in wanted.items() if i in present and present[i] != fp]
        missing = [i for i in wanted if i not in present]
        extra = [i for i in present if i not in wanted]
        if not (stale or missing or extra):
            return SyncReport()
        with self.writer() as batch:
            for article_id in extra:
                batch.delete(article_id)
            todo = sorted(missing + stale)
            for done, article_id in enumerate(todo, start=1):
                if cancel is not None and cancel.cancelled:
                    break
                batch.add(library.article(article_id))
                if progress is not None:
                    progress(done, len(todo))
        return SyncReport(added=len(missing), updated=len(stale), removed=len(extra))

    def rebuild(self, library: Library, *, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None) -> int:
        """Index every article of the library afresh; returns the number indexed."""
        ids = sorted(library.index_states())
        with self.writer() as batch:
            batch.clear()
            for done, article_id in enumerate(ids, start=1):
                if cancel is not None and cancel.cancelled:
                    return done - 1
                batch.add(library.article(article_id))
                if progress is not None:
                    progress(done, len(ids))
        return len(ids)

    def document_count(self) -> int:
        with self.searcher() as searcher:
            return int(searcher.doc_count())


def _create(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    whoosh_index.create_in(str(directory), article_schema())
    (directory / _VERSION_FILE).write_text(
        json.dumps({"format": _INDEX_FORMAT, "analysis": ANALYSIS_VERSION}), encoding="utf-8")


def _unusable_reason(directory: Path) -> str:
    """Why an existing index folder cannot be used as it is ("" when it can, or there is none)."""
    if not directory.exists():
        return ""
    try:
        version = json.loads((directory / _VERSION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "its version file is missing or damaged"
    if version != {"format": _INDEX_FORMAT, "analysis": ANALYSIS_VERSION}:
        return "it was built by another version of Lesesaal's text analysis"
    try:
        whoosh_index.open_dir(str(directory)).close()
    except Exception as error:  # any failure to open means the files are damaged
        return f"it could not be opened ({type(error).__name__}: {error})"
    return ""


def _set_aside(directory: Path, reason: str) -> None:
    """Remove an unusable index (it holds nothing the library does not have)."""
    log.warning("rebuilding the search index in %s because %s", directory, reason)
    if directory.exists():
        shutil.rmtree(directory, ignore_errors=True)
    if directory.exists():  # Windows may hold a file open: move it out of the way instead
        directory.rename(directory.with_name(f"{directory.name}.damaged-{int(time.time())}"))
