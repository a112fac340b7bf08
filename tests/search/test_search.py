"""Search as users type it: German words, compounds, the query language, snippets, facets, related."""

from __future__ import annotations

import pytest

from search.searching import related, search
from tests.search.conftest import Indexed

PARIS, COPY, OTHER = "truppen-paris.txt", "truppen-paris2-kopie.md", "schutztruppe-anderes-blatt.html"
KARTOFFEL, MIETEN = "kartoffel.txt", "mieten.txt"


def found(indexed: Indexed, text: str, **options: object) -> set[str]:
    names = {article_id: name for name, article_id in indexed.ids.items()}
    results = search(indexed.index, indexed.library, text, limit=50, **options)  # type: ignore[arg-type]
    return {names[hit.id] for hit in results.hits}


@pytest.mark.parametrize(("query", "expected"), [
    ("Truppe", {PARIS, OTHER}),                 # stemming: Truppe ~ Truppen
    ("kündigen", {PARIS, MIETEN}),              # Kündigung ~ kündigen
    ("Kuendigung", {PARIS, MIETEN}),            # ue = ü
    ("Strasse", {PARIS, KARTOFFEL}),            # ss = ß
    ("Straße", {PARIS, KARTOFFEL}),
    ("Selenskij", {PARIS, OTHER}),              # transliteration: Selenskyj = Selenskij
    ("Entsendung", {PARIS, OTHER}),             # compound part of Truppenentsendung
    ("Waffenstillstand", {PARIS}),              # part of Waffenstillstandsabkommen
    ("Kartoffel", {KARTOFFEL}),                 # part of Kartoffelernte
])
def test_german_words_find_their_forms(indexed: Indexed, query: str, expected: set[str]) -> None:
    assert found(indexed, query) == expected


def test_compound_parts_do_not_over_match(indexed: Indexed) -> None:
    assert found(indexed, "tat") == set()           # not in Tatsache, Tatsächlich or Kartoffel
    assert found(indexed, "Ernte") == {KARTOFFEL}   # Kartoffelernte, but no stray syllables
    assert found(indexed, "offel") == set()


def test_duplicates_are_collapsed_into_the_primary_with_a_count(indexed: Indexed) -> None:
    results = search(indexed.index, indexed.library, "Truppenentsendung")
    [hit] = results.hits
    assert hit.id == indexed.ids[PARIS] and hit.duplicates == 1 and results.total == 1


def test_phrase_and_boolean_operators(indexed: Indexed) -> None:
    assert found(indexed, '"Koalition der Willigen"') == {PARIS}
    assert found(indexed, '"Willigen der Koalition"') == set()
    assert found(indexed, "Kartoffel OR Mieterverein") == {KARTOFFEL, MIETEN}
    assert found(indexed, "Truppen AND Peskow") == {OTHER}
    assert found(indexed, "Truppen NOT Peskow") == {PARIS}
    assert found(indexed, "Truppen -Peskow") == {PARIS}


def test_prefix_and_fuzzy(indexed: Indexed) -> None:
    assert found(indexed, "Truppenents*") == {PARIS}
    assert found(indexed, "Kündig*") == {PARIS, MIETEN}
    assert found(indexed, "Kartofel~") == {KARTOFFEL}


def test_field_filters(indexed: Indexed) -> None:
    assert found(indexed, "title:Schutztruppe") == {OTHER}
    assert found(indexed, "title:Soldaten") == set()
    assert found(indexed, "source:nordkurier") == {OTHER}
    assert found(indexed, "source:Morgenpost Kündigung") == {MIETEN}


def test_captions_and_comments_are_searched_only_on_request(indexed: Indexed) -> None:
    assert found(indexed, "Putin") == set()
    assert found(indexed, "role:comments Putin") == {PARIS}
    assert found(indexed, "Selenski") == {PARIS, OTHER}  # folded: Selenskyj in the text
    assert found(indexed, "role:caption Kiew") == {PARIS}
    assert found(indexed, "Spende") == set()
    assert found(indexed, "role:disclaimer Spende") == {PARIS}  # the copy's appeal; shown as its primary


def test_date_ranges(indexed: Indexed) -> None:
    assert found(indexed, "date:2025-07..2025-09") == {PARIS, OTHER}
    assert found(indexed, "date:2024") == {KARTOFFEL}
    assert found(indexed, "date:..2023") == {MIETEN}
    assert found(indexed, "Truppen date:2025-07-12") == {OTHER}


def test_syntax_errors_still_search_and_say_what_was_ignored(indexed: Indexed) -> None:
    results = search(indexed.index, indexed.library, '"Koalition der')
    assert results.ignored == ['an unclosed quotation mark (")'] and results.hits
    results = search(indexed.index, indexed.library, "autor:Macron Truppen date:gestern")
    assert any(item.startswith("autor:") for item in results.ignored)
    assert any(item.startswith("date:gestern") for item in results.ignored)
    assert {hit.id for hit in results.hits} == {indexed.ids[PARIS]}


def test_snippets_highlight_the_matched_forms(indexed: Indexed) -> None:
    [hit] = search(indexed.index, indexed.library, "Entsendung date:2025-07-11").hits
    assert "<mark>Truppenentsendung</mark>" in hit.snippet
    assert "Truppenentsendung" in hit.snippet_text and "<mark>" not in hit.snippet_text


def test_sort_by_date_newest_first(indexed: Indexed) -> None:
    hits = search(indexed.index, indexed.library, "in", sort="date", limit=10).hits
    dates = [hit.date for hit in hits if hit.date]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 3


def test_facets_count_sources_and_years(indexed: Indexed) -> None:
    facets = search(indexed.index, indexed.library, "*").facets
    assert facets["source"]["Nordkurier Online"] == 1
    assert facets["year"]["2025"] >= 2 and facets["year"]["2024"] == 1


def test_related_coverage_is_another_outlets_story_not_a_copy(indexed: Indexed) -> None:
    hits = related(indexed.index, indexed.library, indexed.ids[PARIS])
    ids = [hit.id for hit in hits]
    assert ids[0] == indexed.ids[OTHER]
    assert indexed.ids[COPY] not in ids and indexed.ids[PARIS] not in ids
    assert indexed.ids[KARTOFFEL] not in ids
