"""Postings kept between searches: the same answers as reading them anew, never a stale one after a commit, and
a bounded size; facets counted after the hits agree with those of a full search."""

from __future__ import annotations

import pytest

from search import posting_cache
from search.posting_cache import PostingCache
from search.searching import facet_counts, search
from tests.search.conftest import Indexed


@pytest.fixture
def empty_cache(monkeypatch: pytest.MonkeyPatch) -> PostingCache:
    cache = PostingCache()
    monkeypatch.setattr(posting_cache, "POSTINGS", cache)
    monkeypatch.setattr("search.doc_sets.POSTINGS", cache)
    return cache


def _found(indexed: Indexed, text: str) -> list[tuple[int, float, str]]:
    results = search(indexed.index, indexed.library, text, limit=50)
    return [(hit.id, hit.score, hit.snippet) for hit in results.hits]


def test_kept_postings_give_the_same_hits_as_postings_read_anew(indexed: Indexed, empty_cache: PostingCache) -> None:
    queries = ("Truppen", "Truppen Paris", "Kündigungen Leipzig", "Kartoffel OR Mieterverein")
    first = [_found(indexed, text) for text in queries]
    assert len(empty_cache) > 0
    kept = len(empty_cache)
    again = [_found(indexed, text) for text in queries]
    assert again == first and len(empty_cache) == kept, "the second round reads nothing anew"
    assert all(first), "each query finds something"


def test_a_commit_is_seen_at_once_despite_kept_postings(fresh: Indexed, empty_cache: PostingCache) -> None:
    assert search(fresh.index, fresh.library, "Mieterverein").total == 1
    with fresh.index.writer() as batch:
        batch.delete(fresh.ids["mieten.txt"])
    assert search(fresh.index, fresh.library, "Mieterverein").total == 0
    with fresh.index.writer() as batch:
        batch.add(fresh.library.article(fresh.ids["mieten.txt"]))
    assert search(fresh.index, fresh.library, "Mieterverein").total == 1


def test_the_cache_forgets_the_least_recently_used_terms_beyond_its_size() -> None:
    cache = PostingCache(max_postings=5)
    three = [((1, 2, 3), (1.0, 1.0, 1.0))]
    two = [((4, 5), (1.0, 2.0))]
    cache.blocks(("s", "text", "a"), lambda: three)
    cache.blocks(("s", "text", "b"), lambda: two)
    cache.blocks(("s", "text", "a"), lambda: pytest.fail("kept: not read again"))
    cache.blocks(("s", "text", "c"), lambda: two)  # 7 postings: "b", used least recently, goes
    assert cache.postings == 5 and len(cache) == 2
    assert cache.blocks(("s", "text", "b"), lambda: [((9,), (1.0,))]) == [((9,), (1.0,))]
    huge = [(tuple(range(6)), (1.0,) * 6)]
    assert cache.blocks(("s", "text", "d"), lambda: huge) == huge and cache.postings <= 5


def test_facets_counted_after_the_hits_are_those_of_a_full_search(indexed: Indexed) -> None:
    for text in ("Truppen", "Paris date:2023", "Kündigungen"):
        full = search(indexed.index, indexed.library, text)
        hits_only = search(indexed.index, indexed.library, text, facets=False)
        assert hits_only.facets == {} and hits_only.hits == full.hits and hits_only.total == full.total
        assert facet_counts(indexed.index, indexed.library, text) == full.facets

