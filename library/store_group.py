"""The import's writes in groups: one SQLite transaction for several files, each file under its own savepoint.

A commit writes every page its files changed once, so storing a file in a group of a hundred costs far
fewer page writes than a transaction of its own. What users rely on stays: a file's writes land whole
or not at all (its savepoint); a failed file leaves no trace; a cancel or an error commits every file
finished so far; a crash loses at most the open group, whose files have no record yet and are imported
again by the next import. The observer hears of an article only once it is committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from library import collector
from library.records import StoredContent
from library.store import Library

#: A group is committed after this many files or this many seconds after it opened, whichever comes first.
GROUP_FILES = 100
GROUP_SECONDS = 0.5


class StoreGroup:
    """Opens a transaction at the first file's writes and commits it when the group is full or old enough."""

    def __init__(self, library: Library, on_stored: Callable[[StoredContent], None] | None = None) -> None:
        self._library = library
        self._on_stored = on_stored
        self._stored: list[StoredContent] = []
        self._files = 0
        self._opened_at: float | None = None

    @contextmanager
    def file(self) -> Iterator[None]:
        """One file's writes: all of them go into the group, or (on an error) none."""
        if self._opened_at is None:
            self._library.begin()
            self._opened_at = time.monotonic()
        with self._library.savepoint():
            yield
        self._files += 1

    def stored(self, content: StoredContent) -> None:
        """Tell the observer of this article once its group is committed."""
        self._stored.append(content)

    def commit_when_due(self) -> None:
        if self._opened_at is not None and (
                self._files >= GROUP_FILES or time.monotonic() - self._opened_at >= GROUP_SECONDS):
            self.commit()

    def commit(self) -> None:
        """Commit the files stored so far (nothing when no group is open), tell the observer, and collect the
        group's garbage cycles (the import runs with the collector paused, ``library.collector``)."""
        if self._opened_at is None:
            return
        self._opened_at, self._files = None, 0
        stored, self._stored = self._stored, []
        if self._library.commit() and self._on_stored is not None:
            for content in stored:
                self._on_stored(content)
        collector.collect_young()
