"""Opening a library's database: WAL, the connection's settings, a backup before an upgrade, migrations,
and an error that says what to do when the file is locked or damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library import backups
from library.errors import LibraryUnavailable
from library.paths import database_path
from library.schema import SCHEMA_VERSION, migrate

_BUSY_TIMEOUT_MS = 10_000
#: Page cache of the connection (KiB): an import's group of files keeps its changed pages here until it commits.
_CACHE_KIB = 32_768


def connect(directory: Path) -> sqlite3.Connection:
    """A connection to the library database in ``directory`` (an existing folder), migrated to this version."""
    path = database_path(directory)
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        _back_up_before_upgrade(connection, directory)
        migrate(connection)
    except sqlite3.DatabaseError as error:
        raise LibraryUnavailable(_explain(path, error)) from None
    return connection


def _back_up_before_upgrade(connection: sqlite3.Connection, directory: Path) -> None:
    """A library with articles that this Lesesaal is about to upgrade is copied first (``library.backups``)."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if not 0 < version < SCHEMA_VERSION:
        return
    try:
        backups.backup_before_upgrade(directory, version)
    except backups.BackupFailed as error:
        raise LibraryUnavailable(f"the library needs an upgrade, and a copy of it is made first, but {error}; "
                                 "free some disk space and open it again") from None


def _explain(path: Path, error: sqlite3.DatabaseError) -> str:
    message = str(error)
    if "locked" in message or "busy" in message:
        return f"the library {path} is locked by another program; close it and try again"
    if "not a database" in message or "malformed" in message:
        return (f"the library database {path} is damaged ({message}); move it aside to start a new library "
                "(your article files are untouched)")
    return f"cannot open the library database {path}: {message}"
