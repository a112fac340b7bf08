"""The duplicate rule both ways: the same story saved twice is one story; coverage by others is not."""

from __future__ import annotations

from pathlib import Path

from library.duplicates import copy_score, shingles
from library.importer import import_paths
from library.store import Library
from tests.conftest import FIXTURES

STORY = FIXTURES / "articles" / "de_rt_style.txt"
SAME_STORY_OTHER_CAPTURE = FIXTURES / "articles" / "de_same_story_copy2.md"
SAME_EVENT_OTHER_OUTLET = FIXTURES / "articles" / "de_other_outlet_same_event.txt"


def import_all(library: Library, *paths: Path) -> list[int | None]:
    return [step.outcome.article_id for step in import_paths(library, list(paths))]


def test_same_story_saved_twice_is_one_story_with_two_copies(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        first, second = import_all(library, STORY, SAME_STORY_OTHER_CAPTURE)
        assert first is not None and second is not None
        assert library.article(second).duplicate_of == first
        assert library.article(first).copies == (second,)


def test_other_outlets_coverage_of_the_same_event_is_not_a_copy(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        first, other = import_all(library, STORY, SAME_EVENT_OTHER_OUTLET)
        assert other is not None
        assert library.article(other).duplicate_of is None
        assert library.article(first or 0).copies == ()


def test_boilerplate_kicker_and_trailing_disclaimer_do_not_hide_a_copy(tmp_path: Path) -> None:
    body = STORY.read_text(encoding="utf-8")
    variant = tmp_path / "variant.txt"
    variant.write_text("Ausland\n\n" + body + "\n\nJetzt spenden und unabhängigen Journalismus unterstützen!\n\n"
                       "Kommentare\n\nHans: Stimmt alles nicht.", encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        first, second = import_all(library, STORY, variant)
        assert library.article(second or 0).duplicate_of == first


def test_a_capture_cut_short_by_a_paywall_is_still_a_copy() -> None:
    text = " ".join(f"Satz Nummer {n} berichtet über den Gipfel in Paris und seine Folgen." for n in range(40))
    assert copy_score(shingles(text), shingles(text[: len(text) // 2])) > 0


def test_unrelated_short_texts_are_not_copies() -> None:
    assert copy_score(shingles("Macron trifft Starmer in Paris."), shingles("Scholz reist nach Rom.")) == 0


def test_chosen_primary_takes_over_the_group(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        first, second = import_all(library, STORY, SAME_STORY_OTHER_CAPTURE)
        library.set_primary(second or 0)
        assert library.article(second or 0).duplicate_of is None
        assert library.article(first or 0).duplicate_of == second


def test_removing_the_primary_promotes_its_oldest_copy(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        first, second = import_all(library, STORY, SAME_STORY_OTHER_CAPTURE)
        library.remove(first or 0)
        assert library.article(second or 0).duplicate_of is None
        assert [s.id for s in library.summaries()] == [second]


def test_a_short_brief_quoted_inside_longer_articles_does_not_make_them_copies() -> None:
    brief = "Die Polizei hat am Montag in Köln drei Verdächtige festgenommen, die einen Anschlag geplant haben sollen."
    first = brief + " " + " ".join(f"Der Bericht aus Köln nennt Einzelheit {n} zum Verlauf des Tages." for n in range(40))
    second = brief + " " + " ".join(f"Eine Reportage aus Bonn schildert Aspekt {n} der Ermittlungen." for n in range(40))
    assert copy_score(shingles(brief), shingles(first)) == 0
    assert copy_score(shingles(first), shingles(second)) == 0
