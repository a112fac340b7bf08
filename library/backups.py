"""Backups of the library database: on demand, once a day, and before every schema upgrade.

Copies are made with SQLite's online backup API from a connection of their own: a copy is one consistent
moment of the database even while the desktop app or an import writes to it, and never holds a writer up for
longer than the copy takes. Each copy is written to a temporary file beside its target and renamed into place,
so a crash leaves the old copy or the new one, never half of one.

Automatic copies go to ``<library>/backups/``: ``library-YYYY-MM-DD.sqlite3`` at most once a day (none when
the database has not changed since the newest one), the newest ``KEEP_DAILY`` kept; and
``library-schema-N-YYYYMMDD-HHMMSS.sqlite3`` (the database as it was at schema N) before an upgrade, the newest
``KEEP_BEFORE_UPGRADE`` kept. Copies made by hand (``lesesaal backup``) and before a restore are never deleted.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from library.errors import LibraryError
from library.paths import database_path
from library.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_DAILY = 5
KEEP_BEFORE_UPGRADE = 3
_DAILY = re.compile(r"^library-(\d{4}-\d{2}-\d{2})\.sqlite3$")
_UPGRADE = re.compile(r"^library-schema-\d+-\d{8}-\d{6}\.sqlite3$")


class BackupFailed(LibraryError):
    """A copy of the library could not be made or read back."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes: int
    articles: int
    lists: int
    annotations: int


def backup_folder(directory: Path) -> Path:
    return directory / FOLDER


def copy_database(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` into ``target`` (replacing it) through the online backup API."""
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise BackupFailed(f"{target} is the library database itself; choose another file for the copy")
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(_read_only(source)) as reading, closing(sqlite3.connect(partial)) as writing:
            reading.backup(writing)
            writing.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"could not copy the library to {target}: {_reason(error)}") from None
    return target


def backup_library(directory: Path, target: Path | None = None) -> BackupReport:
    """A copy made by hand: into ``target`` (a file, or a folder to put it in), else into the backups folder.
    The copy is read back and checked before this returns."""
    if target is None or target.is_dir():
        folder = target if target is not None else backup_folder(directory)
        target = folder / f"library-{_stamp()}.sqlite3"
    copy_database(database_path(directory), target)
    return check_backup(target)


def check_backup(path: Path) -> BackupReport:
    """Read a copy back: it must be an intact Lesesaal library this Lesesaal can open (not one from a newer
    version). Its size and contents are reported."""
    if path.is_dir():
        raise BackupFailed(f"{path} is a folder; give the backup file itself (a .sqlite3 file in it)")
    try:
        with closing(_read_only(path)) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise BackupFailed(f"{path} is damaged ({verdict}); it cannot be used as a library")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "articles" not in tables:
                raise BackupFailed(f"{path} is not a Lesesaal library (it has no articles)")
            _check_version(path, int(db.execute("PRAGMA user_version").fetchone()[0]))
            articles, lists, annotations = (_count(db, tables, table)
                                            for table in ("articles", "reading_lists", "annotations"))
    except sqlite3.Error as error:
        raise BackupFailed(f"{path} cannot be read as a library: {_reason(error)}") from None
    return BackupReport(path, path.stat().st_size, articles, lists, annotations)


def _count(db: sqlite3.Connection, tables: set[str], table: str) -> int:
    """Rows of a table (0 when an older library has no such table yet)."""
    return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]) if table in tables else 0


def _check_version(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise BackupFailed(f"{path} was written by a newer Lesesaal (schema {version}, this one knows "
                           f"{SCHEMA_VERSION}); update Lesesaal to use it")


def restore_library(directory: Path, backup: Path) -> Path | None:
    """Make the library's database the copy ``backup`` (checked first). The database as it was is kept as
    ``backups/library-before-restore-*.sqlite3``, returned (None when there was none). Close the desktop app first;
    the next open upgrades an older copy's schema."""
    report = check_backup(backup)
    target = database_path(directory)
    kept = None
    if target.exists():
        kept = copy_database(target, backup_folder(directory) / f"library-before-restore-{_stamp()}.sqlite3")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with closing(_read_only(report.path)) as reading, closing(sqlite3.connect(target)) as writing:
            reading.backup(writing)
    except (OSError, sqlite3.Error) as error:
        raise BackupFailed(f"could not restore {backup}: {_reason(error)}; the library is as it was"
                           + (f" (a copy is in {kept})" if kept else "")) from None
    return kept


def daily_backup(directory: Path, today: date | None = None) -> Path | None:
    """Today's automatic copy, unless there is one already or nothing changed since the newest; then prunes."""
    folder = backup_folder(directory)
    day = (today or date.today()).isoformat()
    target = folder / f"library-{day}.sqlite3"
    source = database_path(directory)
    if target.exists() or not source.exists() or not _changed_since_newest(folder, source):
        return None
    copy_database(source, target)
    prune(folder, _DAILY, KEEP_DAILY)
    return target


def backup_before_upgrade(directory: Path, version: int) -> Path:
    """A copy of the database as it is at schema ``version``, made before it is upgraded."""
    folder = backup_folder(directory)
    target = copy_database(database_path(directory), folder / f"library-schema-{version}-{_stamp()}.sqlite3")
    prune(folder, _UPGRADE, KEEP_BEFORE_UPGRADE)
    return target


def prune(folder: Path, pattern: re.Pattern[str], keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` copies whose names match ``pattern`` (names sort by their date)."""
    found = sorted(p for p in folder.iterdir() if pattern.match(p.name)) if folder.is_dir() else []
    gone = found[:-keep] if keep else found
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def _changed_since_newest(folder: Path, source: Path) -> bool:
    daily = [p for p in folder.iterdir() if _DAILY.match(p.name)] if folder.is_dir() else []
    if not daily:
        return True
    newest = max(p.stat().st_mtime_ns for p in daily)
    written = [p.stat().st_mtime_ns for p in (source, source.with_name(source.name + "-wal")) if p.exists()]
    return max(written) > newest


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")


def _reason(error: BaseException) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
