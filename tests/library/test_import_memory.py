"""A large import looks actors and sketches up in memory; the library it stores is the one the queries give."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from articles.actors import actor_key
from articles.findings import ActorKind
from library import importer
from library.analysing import ActorEntry, AnalysisResult
from library.importer import import_paths
from library.paths import database_path
from library.store import Library

EMPTY = '{"quotes":[],"actors":[],"loaded":[]}'
SCHOLZ = actor_key("Olaf Scholz", ActorKind.PERSON)
BRIDGE = ("In Dresden ist am Samstag eine neue Brücke für Radfahrer und Fußgänger eröffnet worden, teilte die Stadt "
          "mit. Die Bauarbeiten dauerten drei Jahre und kosteten nach Angaben der Verwaltung 48 Millionen Euro.")
STORIES = {
    "a-starmer.txt": ("Treffen in London", "Premierminister Starmer empfing am Montag Gäste aus Kiew. „Wir stehen "
                      "an Ihrer Seite“, sagte Starmer vor der Downing Street."),
    "b-keir.txt": ("Starmer in Paris", "Der britische Premierminister Keir Starmer reiste am Dienstag nach Paris. "
                   "Dort traf Keir Starmer den französischen Präsidenten Emmanuel Macron im Élysée."),
    "c-macron.txt": ("Macron antwortet", "Macron sagte am Mittwoch, Europa müsse mehr für seine Sicherheit tun. "
                     "Präsident Emmanuel Macron sprach in Brüssel vor der NATO."),
    "d-selenskij.txt": ("Winter in Kiew", "Präsident Wolodymyr Selenskyj bat um Flugabwehr. „Wir brauchen Hilfe“, "
                        "sagte Selenskij in Kiew."),
    "e-zelensky.txt": ("Zelensky in Berlin", "Der ukrainische Präsident Zelensky traf Bundeskanzler Friedrich Merz in "
                       "Berlin. Merz sagte, Deutschland bleibe verlässlich."),
    "f-bruecke.txt": ("Neue Brücke über die Elbe", BRIDGE),
    "g-bruecke-kopie.txt": ("Neue Brücke über die Elbe eröffnet", BRIDGE.replace("Samstag", "Sonnabend")),
    "g-bruecke-gleich.txt": ("Neue Brücke über die Elbe", BRIDGE),  # the same bytes as f-bruecke.txt
    "h-namesakes.txt": ("Zwei Müller", "Die Ministerin Anna Müller und der Bürgermeister Peter Müller stritten. "
                        "Müller sagte danach, man sei sich einig."),
}
EDITS = {  # a re-import: actors move, one loses its only article, a copy stops being one
    "a-starmer.txt": ("Treffen in London", "Bundeskanzler Friedrich Merz empfing am Montag Gäste aus Kiew."),
    "c-macron.txt": ("Macron antwortet", "Der Präsident sagte am Mittwoch, Europa müsse mehr tun."),
    "g-bruecke-kopie.txt": ("Ein neuer Radweg", "In Leipzig wurde ein Radweg entlang der Pleiße fertig, sagte "
                            "Bürgermeister Burkhard Jung bei der Eröffnung am Freitag vor vielen Gästen."),
    "h-namesakes.txt": ("Zwei Minister", "Die beiden stritten lange und einigten sich am Ende doch."),
}


def _write(folder: Path, stories: dict[str, tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, text) in stories.items():
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def _dump(library_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the times of import."""
    db = sqlite3.connect(database_path(library_dir))
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = {}
    for table in tables:
        cursor = db.execute(f'SELECT * FROM "{table}"')
        keep = [n for n, column in enumerate(cursor.description) if not column[0].endswith("_at")]
        dump[table] = sorted((tuple(row[n] for n in keep) for row in cursor), key=repr)
    db.close()
    return dump


def _import_twice(folder: Path, library_dir: Path) -> list[str]:
    """Import the stories, then the edited ones, one file at a time in a fixed order; the SQL run."""
    statements: list[str] = []
    with Library.open(library_dir) as library:
        library.connection.set_trace_callback(statements.append)
        for stories in (STORIES, EDITS):
            _write(folder, stories)
            for step in import_paths(library, [folder]):
                assert step.outcome.status != importer.FAILED, step.outcome.message
    return statements


def test_memory_and_queries_store_the_same_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MEMORY_FILES", 10**9)
    asked = _import_twice(tmp_path / "in", tmp_path / "queried")
    monkeypatch.setattr(importer, "MEMORY_FILES", 1)
    held = _import_twice(tmp_path / "in", tmp_path / "held")
    assert any("FROM actor_names WHERE key IN" in sql for sql in asked)
    looked_up = ("FROM actor_names WHERE key IN", "FROM sketches WHERE hash", "FROM files WHERE")
    assert not any(part in sql for sql in held for part in looked_up)
    dump = _dump(tmp_path / "held")
    assert dump == _dump(tmp_path / "queried")
    names = {row[2] for row in dump["actors"]}
    assert {"Keir Starmer", "Friedrich Merz"} <= names and "Starmer" not in names  # the surname was taken over
    assert "Anna Müller" not in names and "Burkhard Jung" in names  # her only article no longer names her
    copies = [row for row in dump["articles"] if row[-1] is not None]
    assert len(copies) == 0  # the copy of the bridge story became a story of its own


def _result(*entries: ActorEntry) -> AnalysisResult:
    return AnalysisResult("test", EMPTY, entries)


def _article(library: Library, folder: Path, name: str) -> int:
    _write(folder, {name: ("Meldung", f"{BRIDGE} {name}")})
    (step,) = import_paths(library, [folder / name])
    assert step.outcome.article_id is not None
    return step.outcome.article_id


def test_an_actor_another_program_filed_meanwhile_is_joined(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library, library.hold_import_memory():
        first, second = _article(library, tmp_path, "a.txt"), _article(library, tmp_path, "b.txt")
        with library.transaction():
            library.store_analysis(first, _result(ActorEntry("a1", "person", "Anna Müller", (), "")))
        other = sqlite3.connect(database_path(tmp_path / "lib"))
        with other:
            cursor = other.execute("INSERT INTO actors (kind, name, key, surname_key) VALUES ('person', 'Olaf Scholz', ?, ?)",
                                   (SCHOLZ, actor_key("Scholz", ActorKind.PERSON)))
            other.execute("INSERT INTO actor_names VALUES (?, 'Olaf Scholz', ?)", (cursor.lastrowid, SCHOLZ))
        other.close()
        with library.transaction():
            ids = library.store_analysis(second, _result(ActorEntry("a1", "person", "Olaf Scholz", (), "")))
        assert ids == (cursor.lastrowid,)


def test_an_actor_whose_filing_was_rolled_back_is_filed_again(tmp_path: Path) -> None:
    scholz = ActorEntry("a1", "person", "Olaf Scholz", (), "")
    broken = ActorEntry("a2", "no such kind", "Niemand", (), "")
    with Library.open(tmp_path / "lib") as library, library.hold_import_memory():
        first, second = _article(library, tmp_path, "a.txt"), _article(library, tmp_path, "b.txt")
        with library.transaction():  # Scholz is written, then the broken entry rolls the filing back
            assert library.store_analysis(first, _result(scholz, broken),
                                          keys=[(SCHOLZ,), ("x:niemand",)]) == ()
        with library.transaction():  # a bare surname would join the one person with it: none is left
            (actor_id,) = library.store_analysis(second, _result(ActorEntry("a1", "person", "Scholz", (), "")))
        assert [(actor.id, actor.name) for actor in library.actors()] == [(actor_id, "Scholz")]


def test_a_file_another_program_imported_between_two_groups_is_seen(tmp_path: Path) -> None:
    _write(tmp_path / "in", {"a.txt": ("Meldung", BRIDGE)})
    path = str(tmp_path / "in" / "a.txt")
    with Library.open(tmp_path / "lib") as library, library.hold_import_memory():
        assert library.file_record(path) is None  # the memory of the files is loaded here
        with Library.open(tmp_path / "lib") as other:
            (step,) = import_paths(other, [tmp_path / "in" / "a.txt"])
        record = library.file_record(path)
        assert record is not None and record.article_id == step.outcome.article_id
