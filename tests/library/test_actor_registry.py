"""One actor per person across the library: spellings and surnames merge, namesakes stay apart."""

from __future__ import annotations

import shutil
from pathlib import Path

from library.analysing import ActorEntry, AnalysisResult
from library.importer import import_paths
from library.records import ActorSummary
from library.store import Library
from tests.conftest import FIXTURES

ANALYSIS = FIXTURES / "analysis"
EMPTY = '{"quotes":[],"actors":[],"loaded":[]}'


def _import(library: Library, folder: Path, *names: str) -> list[int]:
    ids = []
    for name in names:  # one at a time, so the order is the test's
        shutil.copy(ANALYSIS / name, folder / name)
        (step,) = import_paths(library, [folder / name])
        assert step.outcome.article_id is not None, step.outcome.message
        ids.append(step.outcome.article_id)
    return ids


def _by_name(library: Library) -> dict[str, ActorSummary]:
    return {actor.name: actor for actor in library.actors()}


def test_transliterations_of_one_name_are_one_actor_with_every_spelling(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _import(library, tmp_path, "kiew-flugabwehr.txt", "selenskij-winter.md", "zelensky-london.txt")
        actors = _by_name(library)
        selenskyj = actors["Wolodymyr Selenskyj"]
        assert (selenskyj.kind, selenskyj.articles) == ("person", 3)
        assert set(selenskyj.aliases) >= {"Selenskij", "Zelensky"}
        assert not {"Selenskij", "Zelensky"} & set(actors)


def test_a_surname_first_then_the_full_name_keeps_one_actor_and_its_id(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        (first,) = _import(library, tmp_path, "zelensky-london.txt")
        bare = _by_name(library)["Starmer"]
        (second,) = _import(library, tmp_path, "starmer-paris.txt")
        actors = _by_name(library)
        assert "Starmer" not in actors
        starmer = actors["Keir Starmer"]
        assert starmer.id == bare.id and starmer.articles == 2 and "Starmer" in starmer.aliases
        roles = set()
        for article_id in (first, second):
            stored = library.findings(article_id)
            assert stored is not None
            roles |= {filed.role for filed in stored.actors.values() if filed.id == starmer.id}
        assert roles == {"Premierminister", "Großbritanniens Premierminister"}  # each article's own role


def test_a_full_name_then_the_surname_alone_joins_the_full_name(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _import(library, tmp_path, "starmer-paris.txt", "zelensky-london.txt")
        assert _by_name(library)["Keir Starmer"].articles == 2


def _store(library: Library, article_id: int, *people: str) -> None:
    entries = tuple(ActorEntry(f"a{n}", "person", name, (), "") for n, name in enumerate(people, start=1))
    with library.transaction():
        library.store_analysis(article_id, AnalysisResult("test", EMPTY, entries))


def test_a_surname_two_people_share_is_not_guessed(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        ids = _import(library, tmp_path, "starmer-paris.txt", "zelensky-london.txt", "kiew-flugabwehr.txt",
                      "selenskij-winter.md")
        _store(library, ids[0], "Olaf Scholz")
        _store(library, ids[1], "Anna Scholz")
        _store(library, ids[2], "Scholz")
        actors = _by_name(library)
        assert {actors[name].articles for name in ("Olaf Scholz", "Anna Scholz", "Scholz")} == {1}
        assert library.actors_named("Scholz") == {actors[n].id for n in ("Olaf Scholz", "Anna Scholz", "Scholz")}
        assert library.actors_named("olaf scholz") == {actors["Olaf Scholz"].id}


def test_an_actor_no_article_names_any_more_is_gone(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        paris, london = _import(library, tmp_path, "starmer-paris.txt", "zelensky-london.txt")
        library.remove(paris)
        actors = _by_name(library)
        assert "Emmanuel Macron" not in actors and actors["Keir Starmer"].articles == 1
        library.remove(london)
        assert library.actors() == []
