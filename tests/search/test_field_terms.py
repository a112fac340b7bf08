"""The cheaper indexing of the small fields gives exactly Whoosh's terms, and steps aside where it is not exact."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from whoosh.analysis import IDTokenizer, LowercaseFilter
from whoosh.fields import ID, KEYWORD, NUMERIC

from search.field_terms import fast_indexer, terms_of
from search.schema import article_schema

SCHEMA = article_schema()


@pytest.mark.parametrize(("name", "value"), [
    ("group", 1), ("group", 48_213), ("sort_date", 0), ("sort_date", 1_751_328_000),
    ("date", datetime(2025, 7, 1, 9, 30)), ("date", datetime(1969, 12, 31, 23, 59)),
    ("id", "4711"), ("fingerprint", "9f3ac1:4711:3"), ("year", "2025"), ("source_name", "Kieler Nachrichten"),
    ("source_name", "Süddeutsche Zeitung"), ("actor", "3 14 15 3"), ("actor", "7"), ("actor", " 12\t9\n12  "),
    # edges: before 1970 and far ahead, the largest ids, a time zone, a date given without a time, empty values
    ("sort_date", -2_208_988_800), ("sort_date", 253_402_300_799), ("group", 2**63 - 1), ("group", -(2**63)),
    ("date", datetime.fromisoformat("2024-05-01T10:00:00+02:00")), ("date", datetime.fromisoformat("2024-05-01")),
    ("date", datetime(1, 1, 1)), ("id", ""), ("source_name", "Ćevapčići-Bote 🗞"), ("actor", ""), ("actor", " "),
    ("actor", "1\u00a02"),
])
def test_a_fields_terms_are_whooshs(name: str, value: Any) -> None:
    field = SCHEMA[name]
    indexer = fast_indexer(field)
    assert indexer is not None, f"{name} has a cheaper path"
    assert sorted(terms_of(field, indexer, value)) == sorted(field.index(value))


@pytest.mark.parametrize(("name", "value"), [("group", 2**63), ("sort_date", -(2**63) - 1), ("group", 10**30)])
def test_a_number_out_of_range_fails_as_in_whoosh(name: str, value: int) -> None:
    field = SCHEMA[name]
    with pytest.raises(ValueError) as whooshs:
        list(field.index(value))
    with pytest.raises(ValueError) as ours:
        terms_of(field, fast_indexer(field), value)
    assert str(ours.value) == str(whooshs.value)


def test_a_repeated_actor_counts_in_its_frequency_and_weight() -> None:
    field = SCHEMA["actor"]
    found = dict((term, (freq, weight)) for term, freq, weight, _ in terms_of(field, fast_indexer(field), "3 14 3"))
    assert found == {b"3": (2, 2.0), b"14": (1, 1.0)}


def test_one_indexer_gives_whooshs_actor_terms_document_after_document() -> None:
    field = SCHEMA["actor"]
    indexer = fast_indexer(field)  # one per segment: the items of words given once are kept and reused
    for value in ["3 14 15", "14 3", "3 3 14", "15", "14 92 3 15"]:
        assert sorted(terms_of(field, indexer, value)) == sorted(field.index(value))


@pytest.mark.parametrize("field", [ID(analyzer=IDTokenizer() | LowercaseFilter()), KEYWORD(commas=True), KEYWORD(lowercase=True),
                                   NUMERIC(int, shift_step=0), SCHEMA["tag"], SCHEMA["source"], SCHEMA["text"]])
def test_fields_with_other_settings_go_whooshs_way(field: Any) -> None:
    assert fast_indexer(field) is None


@pytest.mark.parametrize(("name", "value"), [("group", [1, 2]), ("id", ["a", "b"]), ("actor", ["3", "14"])])
def test_values_of_another_kind_go_whooshs_way(name: str, value: Any) -> None:
    field = SCHEMA[name]
    assert sorted(terms_of(field, fast_indexer(field), value)) == sorted(field.index(value))
