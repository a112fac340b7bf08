"""Durable writes: the user's own work (annotations, reading lists, reading state) is on disk when a call returns.

The library runs SQLite in WAL mode with ``synchronous = NORMAL``, which after a power cut may lose the last
commits (never corrupts). A durable unit commits with ``synchronous = FULL``: the WAL is synced before the commit
returns. Inside a transaction that is already open, the unit is a savepoint of it, and the outer transaction
decides when (and how durably) it lands; several changes made as one command are thus all kept or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.store import Library


@contextmanager
def durable(library: Library) -> Iterator[sqlite3.Connection]:
    """One atomic unit of writes, committed and synced to disk before the caller hears that it returned."""
    db = library.connection
    if db.in_transaction:
        with library.savepoint():
            yield db
        return
    db.execute("PRAGMA synchronous = FULL")
    try:
        with library.transaction():
            yield db
    finally:
        db.execute("PRAGMA synchronous = NORMAL")
