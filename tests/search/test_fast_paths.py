"""The fast paths beside Whoosh (matching sets, BM25 ranking, fuzzy words, snippets) agree with it.

A synthetic index of several segments, with posting lists longer than one block and deleted
documents, checks the block-wise readers against Whoosh's own matchers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from whoosh import index as whoosh_index

from search.doc_sets import matching_docs
from search.doc_table import DocTable
from search.query import EXPANSIONS, expand_multiterms, parse_query, within_one_edit
from search.ranking import best
from search.schema import article_schema
from search.snippets import snippet

WORDS = ["Regierung", "Polizei", "Wahl", "Minister", "Truppen", "Entsendung", "Hafen", "Fähre", "Kiel", "Streik",
         "Bürgermeister", "Haushalt", "Gericht", "Urteil", "Klimawandel"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("segments")
    handle = whoosh_index.create_in(str(folder), article_schema())
    chance = random.Random(7)
    docnum = 0
    for _segment in range(3):
        writer = handle.writer()
        for _ in range(400):
            docnum += 1
            text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(3, 40)))
            writer.add_document(id=str(docnum), title=chance.choice(WORDS), text=text, group=docnum,
                                source_name=chance.choice(["Kieler Blatt", "Hafenbote"]), sort_date=docnum,
                                year=str(2000 + docnum % 5))
        writer.commit(merge=False)
    writer = handle.writer()
    for deleted in range(1, 1200, 7):
        writer.delete_by_term("id", str(deleted))
    writer.commit(merge=False)
    with handle.searcher() as opened:
        yield opened
    handle.close()


QUERIES = ["Regierung", "Polizei Wahl", "Polizei OR Fähre", "Minister -Hafen", "Truppen NOT Kiel",
           '"Polizei Wahl"', "Regier*", "Gerict~", "title:Urteil Streik", "*"]


@pytest.mark.parametrize("text", QUERIES)
def test_matching_sets_equal_whooshs_matches(searcher: Any, text: str) -> None:
    wanted = expand_multiterms(parse_query(text, searcher.schema).query, searcher.reader())
    assert len(searcher.subsearchers) >= 3
    expected = set(searcher.docs_for_query(wanted))
    assert matching_docs(wanted, searcher) == expected
    assert not any(searcher.reader().is_deleted(docnum) for docnum in expected)


@pytest.mark.parametrize("text", ["Regierung", "Klimawandel", "Polizei Wahl"])
def test_bm25_scores_equal_whooshs(searcher: Any, text: str) -> None:
    wanted = parse_query(text, searcher.schema).query
    table = DocTable.read(searcher.reader())
    ours = dict(best(wanted, searcher, table, matching_docs(wanted, searcher), 20))
    theirs = {hit.docnum: hit.score for hit in searcher.search(wanted, limit=20)}
    shared = set(ours) & set(theirs)
    assert len(shared) >= 15
    for docnum in shared:
        assert ours[docnum] == pytest.approx(theirs[docnum], rel=1e-3)


def test_prefix_and_fuzzy_words_stand_for_their_most_frequent_terms(searcher: Any) -> None:
    wanted = expand_multiterms(parse_query("Regier*", searcher.schema).query, searcher.reader())
    terms = {text for field, text in wanted.iter_all_terms() if field == "text"}
    assert "regier" in terms and len(terms) <= EXPANSIONS + 1
    fuzzy = expand_multiterms(parse_query("Gerict~", searcher.schema).query, searcher.reader())
    assert "gericht" in {text for _, text in fuzzy.iter_all_terms()}


def test_a_prefix_longer_than_the_stem_still_finds_the_stem() -> None:
    parsed = parse_query("Regier*", article_schema())
    leaves = {(type(node).__name__, node.text) for node in parsed.query.leaves()}
    assert ("Prefix", "regier") in leaves     # Regierung, Regierungschef
    assert ("Term", "regi") in leaves         # regieren, regiert


@pytest.mark.parametrize(("a", "b", "close"), [
    ("regir", "regier", True), ("regir", "regie", True), ("regir", "rgeir", True), ("kartofel", "kartoffel", True),
    ("regir", "region", False), ("abc", "bca", False), ("abcd", "badc", False), ("ab", "", False),
])
def test_one_edit_apart(a: str, b: str, close: bool) -> None:
    assert within_one_edit(a, b) is close and within_one_edit(b, a) is close


def test_snippets_mark_compounds_escape_html_and_join_passages() -> None:
    text = ("Die Truppenentsendung nach <Kiel> wurde beschlossen. " + "Dazwischen steht viel anderer Text. " * 12
            + "Am Ende ging es erneut um die Entsendung.")
    made = snippet(text, {"entsend"})
    assert "<mark>Truppenentsendung</mark>" in made and "<mark>Entsendung</mark>" in made
    assert "&lt;Kiel&gt;" in made and " … " in made
    assert snippet(text, {"kartoffel"}) == ""


def test_facets_count_a_story_once_per_source() -> None:
    table = DocTable(generation=1, group=[1, 1, 1, 4], source=["A", "A", "B", "A"], year=["2024", "2024", "2024", ""],
                     sort_date=[3, 2, 1, 0])
    assert table.facets([0, 1, 2, 3]) == {"source": {"A": 2, "B": 1}, "year": {"2024": 1}}
    assert table.stories([0, 1, 2, 3]) == 2
    assert table.newest_first([3, 1, 0]) == [0, 1, 3]


@pytest.mark.parametrize("text", [
    "Die Truppenentsendung nach Kiel: Waffenstillstandsabkommen, Straße, Selenskyj, Kündigung und kündigen.",
    "Regierung Regierungschef regieren 2025 COVID_19 Fähre fahren Fähren Asylbewerberheim Grenzkontrollen",
    "",
])
def test_fast_indexing_gives_the_analyzers_terms(text: str) -> None:
    from whoosh.fields import TEXT

    fast = article_schema()["text"]
    slow = TEXT(analyzer=fast.analyzer)
    assert sorted(fast.index(text)) == sorted(slow.index(text))


def test_a_prefix_stands_for_its_completions_most_frequent_across_segments(tmp_path: Any) -> None:
    """More completions than are kept, each split over two segments: the kept ones have the highest total
    document frequency, not the highest in any one segment."""
    handle = whoosh_index.create_in(str(tmp_path), article_schema())
    names = [f"Wahlkreis{chr(ord('a') + n)}x" for n in range(EXPANSIONS + 10)]
    for segment in range(2):
        writer = handle.writer()
        for rank, name in enumerate(names):
            # even ranks are frequent in the first segment, odd ones in the second; in all, rank + 2 documents
            count = rank + 1 if rank % 2 == segment else 1
            for number in range(count):
                writer.add_document(id=f"{segment}-{rank}-{number}", text=name, group=number)
        writer.commit(merge=False)
    with handle.searcher() as opened:
        reader = opened.reader()
        wanted = expand_multiterms(parse_query("Wahlkreis*", opened.schema).query, reader)
        kept = {text for field, text in wanted.iter_all_terms() if field == "text"}
        totals = sorted(reader.expand_prefix("text", "wahlkreis"), key=lambda term: -reader.doc_frequency("text", term))
        assert kept == {term.decode() for term in totals[:EXPANSIONS]}
    handle.close()
