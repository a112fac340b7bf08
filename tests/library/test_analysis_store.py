"""Each article's analysis stored with it at import, re-made when the analysis version changes, never fatal."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from articles.actors import find_actors
from articles.findings import Findings
from articles.findings_json import findings_to_json
from articles.model import Article, Paragraph, Role
from library import analysing
from library.actor_registry import entry_keys
from library.analysing import ActorEntry, AnalysisResult, AnalysisSetup, user_lexicon_file
from library.importer import IMPORTED, ImportOptions, import_paths
from library.paths import database_path
from library.reanalysis import reanalyse
from library.schema import MIGRATIONS, SCHEMA_VERSION
from library.store import Library
from tests.conftest import FIXTURES

ANALYSIS = FIXTURES / "analysis"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(ANALYSIS, folder)
    return folder


def _import(library: Library, *paths: Path, analyse: bool = True) -> dict[str, int]:
    steps = list(import_paths(library, list(paths), options=ImportOptions(analyse=analyse)))
    assert all(step.outcome.status == IMPORTED for step in steps), [s.outcome.message for s in steps]
    return {step.outcome.path.name: step.outcome.article_id or 0 for step in steps}


def test_import_stores_each_articles_findings_with_the_current_version(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        ids = _import(library, inbox)
        version = AnalysisSetup.for_library(library.directory).version
        assert library.stale_analyses(version) == []
        stored = library.findings(ids["kiew-flugabwehr.txt"])
        assert stored is not None and stored.version == version and stored.error == ""
        assert {a.name for a in stored.findings.actors} >= {"Wolodymyr Selenskyj", "Friedrich Merz"}
        assert [m.text for m in stored.findings.loaded] == ["Machthabers", "sogenannte"]
        assert set(stored.actors) == {a.id for a in stored.findings.actors}  # every actor filed library-wide


def test_a_failing_analysis_costs_no_article(tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(analysing, "analyse_each", broken)
    with Library.open(tmp_path / "lib") as library:
        ids = _import(library, inbox / "kiew-flugabwehr.txt")
        article_id = ids["kiew-flugabwehr.txt"]
        assert library.article(article_id).metadata.title == "Selenskyj bittet Merz um mehr Flugabwehr"
        stored = library.findings(article_id)
        assert stored is not None and "kaputt" in stored.error and stored.findings.actors == ()


def test_an_article_failing_among_a_readers_chunk_costs_the_others_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    analyser = AnalysisSetup(None).analyser()
    first = (Paragraph(0, Role.BODY, "Bundeskanzler Friedrich Merz reist nach Kiew."),)
    second = (Paragraph(0, Role.BODY, "„Wir brauchen Hilfe“, sagte der Bürgermeister Vitali Klitschko."),)
    alone = analyser(second)

    def failing_on_merz(paragraphs: list[Paragraph]) -> object:
        if "Merz" in paragraphs[0].text:
            raise RuntimeError("kaputt")
        return find_actors(paragraphs)

    monkeypatch.setattr("articles.analysis.find_actors", failing_on_merz)
    failed, other = analyser.all([first, second])
    assert "kaputt" in failed.error and failed.findings_json == findings_to_json(Findings()) and not failed.actors
    assert other == alone and other.actors and other.error == ""


def test_findings_that_cannot_be_filed_are_stored_empty_beside_the_article(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        article_id = _import(library, inbox / "starmer-paris.txt", analyse=False)["starmer-paris.txt"]
        damaged = AnalysisResult("v", '{"quotes":[],"actors":[],"loaded":[]}',
                                 (ActorEntry("a1", "alien", "Zorg", (), ""),))
        with library.transaction():
            library.store_analysis(article_id, damaged)
        stored = library.findings(article_id)
        assert stored is not None and "could not be stored" in stored.error
        assert library.actors() == [] and library.article(article_id).paragraphs


def test_findings_of_an_article_added_in_the_same_transaction_that_cannot_be_filed_cost_no_article(
        tmp_path: Path, inbox: Path) -> None:
    """As an import stores a new file: its rows are still held when the filing looks actors up and fails."""
    with Library.open(tmp_path / "lib") as library:
        source = _import(library, inbox / "starmer-paris.txt", analyse=False)["starmer-paris.txt"]
        stored = library.article(source)
        article = Article(stored.metadata, stored.paragraphs, stored.format)
        damaged = AnalysisResult("v", '{"quotes":[],"actors":[],"loaded":[]}',
                                 (ActorEntry("a1", "alien", "Zorg", (), ""),))
        with library.transaction():
            article_id = library.add_article(article, "/anderswo/starmer.txt", "anders", frozenset({1, 2, 3}))
            library.store_analysis(article_id, damaged, fresh=True, keys=[("zorg",)])
    with Library.open(tmp_path / "lib") as library:
        assert library.article(article_id).paragraphs == stored.paragraphs
        found = library.findings(article_id)
        assert found is not None and "could not be stored" in found.error
        assert library.actors() == []


def test_findings_that_cannot_be_filed_through_a_large_import_cost_no_article_and_no_actor(
        tmp_path: Path, inbox: Path) -> None:
    """With the import memory, filing only holds rows: a failing entry drops the actors its article had filed
    so far (held, and in the memory), and the article stored in the same transaction stays."""
    good = ActorEntry("a1", "person", "Keir Starmer", ("Starmer",), "Premierminister")
    with Library.open(tmp_path / "lib") as library, library.hold_import_memory():
        source = _import(library, inbox / "starmer-paris.txt", analyse=False)["starmer-paris.txt"]
        stored = library.article(source)
        article = Article(stored.metadata, stored.paragraphs, stored.format)
        damaged = AnalysisResult("v", '{"quotes":[],"actors":[],"loaded":[]}',
                                 (good, ActorEntry("a2", "alien", "Zorg", (), "")))
        with library.transaction():
            article_id = library.add_article(article, "/anderswo/starmer.txt", "anders", frozenset({1, 2, 3}))
            keys = [entry_keys(good), ("x:zorg",)]  # as a reader works them out: Starmer is filed, then Zorg fails
            assert library.store_analysis(article_id, damaged, fresh=True, keys=keys) == ()
        with library.transaction():  # the memory forgot the dropped actor: Starmer is new again, as in the tables
            (starmer,) = library.store_analysis(source, AnalysisResult("v", "{}", (good,)))
    with Library.open(tmp_path / "lib") as library:
        assert library.article(article_id).paragraphs == stored.paragraphs
        found = library.findings(article_id)
        assert found is not None and "could not be stored" in found.error
        assert [(actor.id, actor.name, actor.aliases) for actor in library.actors()] == [
            (starmer, "Keir Starmer", ("Starmer",))]
    db = sqlite3.connect(database_path(tmp_path / "lib"))
    assert db.execute("SELECT id, name FROM actors").fetchall() == [(starmer, "Keir Starmer")]  # no orphan row
    db.close()


def test_a_changed_user_lexicon_reanalyses_every_article(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        ids = _import(library, inbox)
        before = library.index_states()
        lexicon = user_lexicon_file(library.directory)
        lexicon.parent.mkdir(parents=True, exist_ok=True)
        lexicon.write_text(json.dumps({"label": {"entries": [
            {"term": "Stadtwerke", "why": "Ein Testeintrag.", "lang": "de"}]}}), encoding="utf-8")
        setup = AnalysisSetup.for_library(library.directory)
        assert sorted(library.stale_analyses(setup.version)) == sorted(ids.values())
        progress = list(reanalyse(library, setup))
        assert progress[-1] == (len(ids), len(ids)) and library.stale_analyses(setup.version) == []
        stored = library.findings(ids["selenskij-winter.md"])
        assert stored is not None and [m.text for m in stored.findings.loaded] == ["Stadtwerke"]
        after = library.index_states()
        assert all(after[i][0] != before[i][0] for i in ids.values())  # the search index will follow
        assert list(reanalyse(library, setup)) == []


def test_articles_imported_without_analysis_are_analysed_later(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        ids = _import(library, inbox, analyse=False)
        assert library.findings(ids["starmer-paris.txt"]) is None and library.actors() == []
        assert len(list(reanalyse(library))) == len(ids)
        assert {a.name for a in library.actors()} >= {"Keir Starmer", "Wolodymyr Selenskyj"}


def test_a_library_from_before_the_analysis_is_migrated_and_analysed(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _import(library, inbox / "starmer-paris.txt", analyse=False)
    with sqlite3.connect(database_path(tmp_path / "lib")) as db:  # back to the first schema
        first = sqlite3.connect(":memory:")
        first.executescript(MIGRATIONS[0])
        kept = set(first.execute("SELECT name FROM sqlite_master"))
        later = [(kind, name) for kind, name in db.execute("SELECT type, name FROM sqlite_master WHERE type IN "
                                                           "('table', 'index') AND name NOT LIKE 'sqlite_%'")
                 if (name,) not in kept]
        db.executescript("".join(f"DROP {kind.upper()} IF EXISTS {name};" for kind, name in later)
                         + "PRAGMA user_version = 1;")
    with Library.open(tmp_path / "lib") as library:
        assert library._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(list(reanalyse(library))) == 1
        assert "Keir Starmer" in {a.name for a in library.actors()}


def test_a_changed_file_drops_the_analysis_of_its_old_text(tmp_path: Path, inbox: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        path = inbox / "starmer-paris.txt"
        article_id = _import(library, path)["starmer-paris.txt"]
        path.write_text("Neue Fassung\n\nDie Stadtwerke in Kiel erhöhen die Preise.\n", encoding="utf-8")
        list(import_paths(library, [path], options=ImportOptions(analyse=False)))
        assert library.findings(article_id) is None
        assert "Keir Starmer" not in {a.name for a in library.actors()}  # no article names him any more
