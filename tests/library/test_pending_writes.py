"""Rows held back until a group commits: the ids SQLite would give, savepoints, failures, reads in between."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library import importer
from library.importer import IMPORTED, import_paths
from library.pending_writes import PendingWrites
from library.store import Library

INSERT = "INSERT INTO meldungen (id, titel) VALUES (?, ?)"
LINK = "INSERT INTO stichworte (meldung_id, wort) VALUES (?, ?)"
STORY = ("Hochwasser an der Oder\n\nIn Frankfurt an der Oder ist der Pegel am Dienstag auf über sechs Meter "
         "gestiegen, teilte das Landesamt für Umwelt mit. Die Stadt hat Sandsäcke an die Anwohner der Altstadt "
         "ausgegeben und zwei Straßen am Ufer gesperrt. {tail}")


def _database() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("CREATE TABLE meldungen (id INTEGER PRIMARY KEY, titel TEXT NOT NULL)")
    db.execute("CREATE TABLE stichworte (meldung_id INTEGER NOT NULL REFERENCES meldungen(id), wort TEXT NOT NULL)")
    return db


def _rows(db: sqlite3.Connection) -> list[tuple[object, ...]]:
    return db.execute("SELECT id, titel FROM meldungen ORDER BY id").fetchall()


def test_held_rows_get_the_ids_sqlite_would_give_and_land_parents_first() -> None:
    held, plain = _database(), _database()
    for db in (held, plain):
        db.executemany("INSERT INTO meldungen (titel) VALUES (?)", [("Sturm",), ("Glatteis",), ("Hitze",)])
        db.execute("DELETE FROM meldungen WHERE id = 3")  # the largest id is free again
    pending = PendingWrites(held, (INSERT, LINK))
    held.execute("BEGIN")
    for titel in ("Dürre", "Nebel"):
        new = pending.new_id("meldungen")
        pending.add(LINK, (new, titel.lower()))  # added before its parent: still written after it
        pending.add(INSERT, (new, titel))
        plain.execute("INSERT INTO meldungen (titel) VALUES (?)", (titel,))
    assert held.execute("SELECT COUNT(*) FROM meldungen").fetchone()[0] == 2  # nothing written yet
    pending.flush()
    held.execute("COMMIT")
    assert _rows(held) == _rows(plain) == [(1, "Sturm"), (2, "Glatteis"), (3, "Dürre"), (4, "Nebel")]
    assert held.execute("SELECT meldung_id, wort FROM stichworte").fetchall() == [(3, "dürre"), (4, "nebel")]


def test_a_rolled_back_unit_drops_its_rows_and_its_ids() -> None:
    db = _database()
    pending = PendingWrites(db, (INSERT, LINK))
    db.execute("BEGIN")
    pending.add(INSERT, (pending.new_id("meldungen"), "Sturm"))
    mark = pending.mark()
    pending.add(INSERT, (pending.new_id("meldungen"), "Glatteis"))
    pending.add(LINK, (2, "glatteis"))
    pending.rollback(mark)
    pending.add(INSERT, (pending.new_id("meldungen"), "Hitze"))
    pending.flush()
    assert _rows(db) == [(1, "Sturm"), (2, "Hitze")]
    assert db.execute("SELECT COUNT(*) FROM stichworte").fetchone()[0] == 0


def test_a_rollback_after_a_flush_leaves_the_written_rows_to_the_savepoint() -> None:
    db = _database()
    pending = PendingWrites(db, (INSERT, LINK))
    db.execute("BEGIN")
    mark = pending.mark()
    db.execute("SAVEPOINT unit")
    pending.add(INSERT, (pending.new_id("meldungen"), "Sturm"))
    pending.flush()
    pending.add(INSERT, (pending.new_id("meldungen"), "Glatteis"))
    pending.rollback(mark)
    db.execute("ROLLBACK TO unit")
    assert not pending and _rows(db) == []
    assert pending.new_id("meldungen") == 1


def test_rows_held_before_a_savepoint_and_written_inside_it_are_held_again_after_its_rollback() -> None:
    db = _database()
    pending = PendingWrites(db, (INSERT, LINK))
    db.execute("BEGIN")
    pending.add(INSERT, (pending.new_id("meldungen"), "Sturm"))  # a file finished before
    outer = pending.mark()
    db.execute("SAVEPOINT datei")
    pending.add(INSERT, (pending.new_id("meldungen"), "Glatteis"))
    inner = pending.mark()
    db.execute("SAVEPOINT analyse")
    pending.add(LINK, (2, "glatteis"))
    pending.flush()  # a read inside both savepoints
    pending.release(inner)
    db.execute("RELEASE analyse")
    pending.rollback(outer)
    db.execute("ROLLBACK TO datei")
    assert _rows(db) == [] and pending
    pending.add(INSERT, (pending.new_id("meldungen"), "Hitze"))
    pending.flush()
    db.execute("COMMIT")
    assert _rows(db) == [(1, "Sturm"), (2, "Hitze")]
    assert db.execute("SELECT COUNT(*) FROM stichworte").fetchone()[0] == 0


def test_a_row_that_cannot_be_written_rolls_the_whole_group_back() -> None:
    db = _database()
    pending = PendingWrites(db, (INSERT, LINK))
    db.execute("BEGIN")
    pending.add(INSERT, (pending.new_id("meldungen"), "Sturm"))
    pending.add(LINK, (99, "verwaist"))  # no such parent
    with pytest.raises(sqlite3.IntegrityError):
        pending.flush()
    assert not db.in_transaction and not pending and _rows(db) == []


def _write(folder: Path, stories: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, tail in stories.items():
        (folder / name).write_text(STORY.format(tail=tail), encoding="utf-8")


@pytest.mark.parametrize("memory_files", [1, 10**9])
def test_a_copy_of_an_article_held_in_the_same_group_is_found_and_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_files: int) -> None:
    monkeypatch.setattr(importer, "MEMORY_FILES", memory_files)
    _write(tmp_path / "in", {"a-oder.txt": "Der Scheitel der Flut wird am Donnerstag erwartet.",
                             "b-oder.txt": "Der Scheitel der Flut wird erst am Freitag erwartet."})
    with Library.open(tmp_path / "lib") as library:
        first, second = [step.outcome for step in import_paths(library, [tmp_path / "in"])]
        assert first.status == second.status == IMPORTED
        assert second.duplicate_of == first.article_id and "«Hochwasser an der Oder»" in second.message
        assert library.article(first.article_id).copies == (second.article_id,)
        assert [p.text for p in library.article(second.article_id).paragraphs][-1].endswith("Freitag erwartet.")


def test_a_row_added_outside_a_transaction_is_written_by_close(tmp_path: Path) -> None:
    _write(tmp_path / "in", {"a-oder.txt": "Der Scheitel der Flut wird am Donnerstag erwartet."})
    with Library.open(tmp_path / "lib") as library:
        [step] = import_paths(library, [tmp_path / "in" / "a-oder.txt"])
        assert step.outcome.article_id is not None
        library.add_file(str(tmp_path / "kopie.txt"), step.outcome.article_id, "abc")  # no transaction open
    with Library.open(tmp_path / "lib") as library:
        record = library.file_record(str(tmp_path / "kopie.txt"))
        assert record is not None and record.article_id == step.outcome.article_id


def test_rows_held_outside_a_transaction_land_together_or_not_at_all() -> None:
    db = _database()
    pending = PendingWrites(db, (INSERT, LINK))
    pending.add(INSERT, (1, "Sturmflut in Husum"))
    pending.add(LINK, (1, "Küste"))
    pending.add(LINK, (1, None))  # breaks NOT NULL after the article and its first tag were written
    with pytest.raises(sqlite3.IntegrityError):
        pending.flush()
    assert _rows(db) == [] and db.execute("SELECT COUNT(*) FROM stichworte").fetchone()[0] == 0
    assert not db.in_transaction and not pending
    pending.add(INSERT, (1, "Sturmflut in Husum"))
    pending.flush()
    assert _rows(db) == [(1, "Sturmflut in Husum")] and not db.in_transaction
