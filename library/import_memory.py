"""What a large import keeps in memory instead of asking the database per article: actors, sketches, files.

Each part is loaded at its first use and then mirrors the writes the library makes, so that every answer
equals the database's. Anything that could make them differ drops them, to be loaded again when next
needed: a rolled-back savepoint or transaction, and a commit by another connection (``PRAGMA
data_version`` moves), checked whenever a transaction begins and at each look-up between transactions.
Outside ``Library.hold_import_memory``
nothing is held and every look-up goes to the database, as a small import (one file into a large
library) is cheaper that way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

from library.actor_memory import ActorMemory


#: Shingles (packed) of the articles an import wrote last, kept to compare later ones with: 1 KB an article.
KEPT_SHINGLES = 20_000


class SketchMemory:
    """The ``sketches`` table by hash (which articles hold each sketch hash), and the shingles of the articles
    written last (the others are read from the database when needed)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._holders: dict[int, list[int]] = {}
        self._sketch_of: dict[int, list[int]] = {}
        self._shingles: dict[int, bytes] = {}
        for value, article_id in db.execute("SELECT hash, article_id FROM sketches ORDER BY rowid"):
            self._holders.setdefault(value, []).append(article_id)
            self._sketch_of.setdefault(article_id, []).append(value)

    def holders(self, value: int) -> Sequence[int]:
        return self._holders.get(value, ())

    def shingles(self, article_id: int) -> bytes | None:
        """The article's stored shingles (``duplicates.pack``) when they are kept here."""
        return self._shingles.get(article_id)

    def add(self, article_id: int, sketch: Sequence[int], shingles: bytes) -> None:
        """An article's sketch and shingles just written."""
        holders = self._holders
        for value in sketch:
            if value in holders:
                holders[value].append(article_id)
            else:
                holders[value] = [article_id]
        self._sketch_of[article_id] = list(sketch)
        self._shingles[article_id] = shingles
        if len(self._shingles) > KEPT_SHINGLES:
            del self._shingles[next(iter(self._shingles))]  # the oldest

    def remove(self, article_id: int) -> None:
        self._shingles.pop(article_id, None)
        for value in self._sketch_of.pop(article_id, ()):
            holders = self._holders[value]
            holders.remove(article_id)
            if not holders:
                del self._holders[value]


class FileMemory:
    """The ``files`` table: each path's record, and each content hash's paths in the table's (rowid) order."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._records: dict[str, tuple[int, str]] = {}
        self._paths_by_hash: dict[str, dict[str, int]] = {}
        for path, article_id, content_hash in db.execute(
                "SELECT path, article_id, content_hash FROM files ORDER BY rowid"):
            self.add(path, article_id, content_hash)

    def record(self, path: str) -> tuple[int, str] | None:
        """The article and content hash stored for a path."""
        return self._records.get(path)

    def article_with_content(self, content_hash: str) -> int | None:
        """The article of the oldest row with this content, as ``LIMIT 1`` on the table's index finds it."""
        paths = self._paths_by_hash.get(content_hash)
        return next(iter(paths.values())) if paths else None

    def add(self, path: str, article_id: int, content_hash: str) -> None:
        """A row written with INSERT OR REPLACE: a replaced row goes, the new one comes last."""
        old = self._records.get(path)
        if old is not None:
            del self._paths_by_hash[old[1]][path]
        self._records[path] = (article_id, content_hash)
        self._paths_by_hash.setdefault(content_hash, {})[path] = article_id


_Memory = TypeVar("_Memory", ActorMemory, SketchMemory, FileMemory)


class ImportMemory:
    """Holds the memories while ``enabled``; hands out None otherwise. ``before_load`` is called before a memory
    is loaded from the database (the library writes the rows it holds back, ``library.pending_writes``)."""

    def __init__(self, before_load: Callable[[], None] = lambda: None) -> None:
        self._before_load = before_load
        self.enabled = False
        self._loaded: dict[type, object] = {}  # each memory by its class, loaded when first asked for
        self._data_version: int | None = None

    def actors(self, db: sqlite3.Connection) -> ActorMemory | None:
        return self._memory(db, ActorMemory)

    def sketches(self, db: sqlite3.Connection) -> SketchMemory | None:
        return self._memory(db, SketchMemory)

    def files(self, db: sqlite3.Connection) -> FileMemory | None:
        return self._memory(db, FileMemory)

    def _memory(self, db: sqlite3.Connection, kind: type[_Memory]) -> _Memory | None:
        self._check_outside_transaction(db)
        memory = self._loaded.get(kind)
        if self.enabled and memory is None:
            self._before_load()
            memory = self._loaded[kind] = kind(db)
        return cast("_Memory | None", memory)

    def check(self, db: sqlite3.Connection) -> None:
        """Call as a transaction begins: another connection's commit since the last one drops the memories."""
        version = int(db.execute("PRAGMA data_version").fetchone()[0])
        if version != self._data_version:
            self.drop()
        self._data_version = version

    def _check_outside_transaction(self, db: sqlite3.Connection) -> None:
        """A read between transactions (the import reads files ahead) sees the other connections' commits too;
        inside one, begun with the write lock, nothing else can commit."""
        if self.enabled and not db.in_transaction:
            self.check(db)

    def drop(self) -> None:
        self._loaded.clear()
