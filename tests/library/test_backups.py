"""Backups: consistent while another connection writes, rolling retention, a copy before every upgrade, restore."""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from articles.model import Article, Metadata, Paragraph, Role
from library import backups
from library import reading_lists as rl
from library.paths import database_path
from library.schema import MIGRATIONS, SCHEMA_VERSION
from library.store import Library


def _add(library: Library, n: int) -> int:
    title = f"Gemeinderat tagt zum {n}. Mal"
    article = Article(Metadata(title=title, source="Kreisbote", date="2025-05-05"),
                      (Paragraph(0, Role.TITLE, title), Paragraph(1, Role.BODY, f"Sitzung Nummer {n} " * 40)), "txt")
    return library.add_article(article, f"/tmp/sitzung-{n}.txt", f"hash-{n}", frozenset())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    directory = tmp_path / "bibliothek"
    with Library.open(directory) as library:
        rl.create_list(library, "Protokolle")
        with library.transaction():
            _add(library, 0)
    return directory


def _write_pairs(directory: Path, stop: threading.Event, written: list[int]) -> None:
    """Another connection adds articles, each with its list entry in the same transaction."""
    with Library.open(directory) as library:
        list_id = rl.reading_list(library, "Protokolle").id
        n = 1
        while not stop.is_set() or n < 30:
            with library.transaction():
                article_id = _add(library, n)
                library.connection.execute(
                    "INSERT INTO reading_list_items (list_id, article_id, position, added_at) VALUES (?, ?, ?, '')",
                    (list_id, article_id, n))
            written.append(n)
            n += 1


def test_a_backup_is_consistent_while_another_connection_writes(folder: Path, tmp_path: Path) -> None:
    stop, written = threading.Event(), []  # type: ignore[var-annotated]
    writer = threading.Thread(target=_write_pairs, args=(folder, stop, written))
    writer.start()
    try:
        while len(written) < 5:
            threading.Event().wait(0.005)
        reports = [backups.backup_library(folder, tmp_path / f"kopie-{k}.sqlite3") for k in range(4)]
    finally:
        stop.set()
        writer.join()
    counts = []
    for report in reports:
        with sqlite3.connect(report.path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            entries = db.execute("SELECT COUNT(*) FROM reading_list_items").fetchone()[0]
            assert articles == entries + 1  # never an article without the entry written with it
            counts.append(articles)
        assert report.articles == counts[-1] and report.lists == 1
        assert not Path(f"{report.path}-wal").exists()  # the copy is one file
    assert counts == sorted(counts) and counts[0] >= 6
    with Library.open(folder) as library:
        assert library.count() == len(written) + 1 > counts[-1] - 1


def test_daily_backups_once_a_day_only_after_changes_and_the_newest_kept(folder: Path) -> None:
    first = date(2026, 3, 1)
    assert backups.daily_backup(folder, first) == folder / "backups" / "library-2026-03-01.sqlite3"
    assert backups.daily_backup(folder, first) is None  # one a day
    assert backups.daily_backup(folder, first + timedelta(days=1)) is None  # nothing changed since
    for day in range(1, 9):
        with Library.open(folder) as library, library.transaction():
            _add(library, 100 + day)
        assert backups.daily_backup(folder, first + timedelta(days=day)) is not None
    kept = sorted(p.name for p in (folder / "backups").iterdir())
    assert kept == [f"library-2026-03-0{d}.sqlite3" for d in range(5, 10)] and len(kept) == backups.KEEP_DAILY
    newest = backups.check_backup(folder / "backups" / kept[-1])
    assert newest.articles == 9


def test_copies_made_by_hand_are_never_pruned(folder: Path, tmp_path: Path) -> None:
    manual = backups.backup_library(folder)
    assert manual.path.parent == folder / "backups" and manual.articles == 1
    into = tmp_path / "sicherungen"
    into.mkdir()
    assert backups.backup_library(folder, into).path.parent == into
    for day in range(backups.KEEP_DAILY + 2):
        with Library.open(folder) as library, library.transaction():
            _add(library, 200 + day)
        backups.daily_backup(folder, date(2026, 4, 1) + timedelta(days=day))
    assert manual.path.exists()
    with pytest.raises(backups.BackupFailed, match="library database itself"):
        backups.backup_library(folder, database_path(folder))


def test_an_older_library_is_copied_before_it_is_upgraded(tmp_path: Path) -> None:
    folder = tmp_path / "alt"
    folder.mkdir()
    older = SCHEMA_VERSION - 1
    with closing(sqlite3.connect(database_path(folder))) as db:  # as the previous Lesesaal left it
        for script in MIGRATIONS[:older]:
            db.executescript(script)
        db.execute("INSERT INTO articles (title, format, path, content_hash, imported_at, updated_at) "
                   "VALUES ('Gemeinderat tagt', 'txt', '/tmp/a.txt', 'h', '2025-01-01', '2025-01-01')")
        db.execute(f"PRAGMA user_version = {older}")
        db.commit()
    with Library.open(folder) as library:
        assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    copies = list((folder / "backups").glob(f"library-schema-{older}-*.sqlite3"))
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == older
        assert db.execute("SELECT title FROM articles").fetchall() == [("Gemeinderat tagt",)]
    with Library.open(folder):
        pass
    assert len(list((folder / "backups").iterdir())) == 1  # an up-to-date library is not copied again


def test_restore_brings_back_lists_and_keeps_what_it_replaced(folder: Path, tmp_path: Path) -> None:
    copy = backups.backup_library(folder, tmp_path / "vorher.sqlite3").path
    with Library.open(folder) as library:
        rl.delete_list(library, "Protokolle")
        with library.transaction():
            _add(library, 7)
    kept = backups.restore_library(folder, copy)
    with Library.open(folder) as library:
        assert [x.name for x in rl.reading_lists(library)] == ["Protokolle"] and library.count() == 1
    assert kept is not None and backups.check_backup(kept).articles == 2


def test_a_damaged_copy_is_not_restored(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(backups.BackupFailed):
        backups.restore_library(folder, broken)
    with Library.open(folder) as library:
        assert library.count() == 1


def test_a_copy_from_a_newer_lesesaal_is_refused_and_the_library_stays_usable(folder: Path, tmp_path: Path) -> None:
    newer = backups.backup_library(folder, tmp_path / "neuer.sqlite3").path
    with closing(sqlite3.connect(newer)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
    with pytest.raises(backups.BackupFailed, match="newer Lesesaal"):
        backups.restore_library(folder, newer)
    with Library.open(folder) as library:
        assert library.count() == 1


def test_a_folder_given_as_the_copy_is_named_as_such(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(backups.BackupFailed, match="is a folder"):
        backups.restore_library(folder, tmp_path)
