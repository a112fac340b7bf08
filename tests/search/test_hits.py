"""Hits are built from the library as it is: the story's primary copy with the matched copy's snippet, and a story
removed from the library before the index caught up is left out rather than failing the search."""

from __future__ import annotations

from search.searching import search
from tests.search.conftest import Indexed


def test_a_story_removed_before_the_index_caught_up_is_left_out(fresh: Indexed) -> None:
    before = search(fresh.index, fresh.library, "Mieterverein OR Kartoffel", limit=10)
    assert {hit.id for hit in before.hits} >= {fresh.ids["mieten.txt"]}
    fresh.library.remove(fresh.ids["mieten.txt"])  # the index still has its document until the next sync
    after = search(fresh.index, fresh.library, "Mieterverein OR Kartoffel", limit=10)
    assert fresh.ids["mieten.txt"] not in {hit.id for hit in after.hits}
    assert [hit.id for hit in after.hits] == [hit.id for hit in before.hits if hit.id != fresh.ids["mieten.txt"]]


def test_a_hit_shows_its_story_and_marks_the_words_in_its_snippet(indexed: Indexed) -> None:
    hit = search(indexed.index, indexed.library, "Kündigungen").hits[0]
    stored = indexed.library.article(hit.id)
    assert (hit.title, hit.source, hit.date, hit.duplicates) == (
        stored.metadata.title, stored.metadata.source, stored.metadata.date, len(stored.copies))
    assert "<mark>Kündigungen</mark>" in hit.snippet
