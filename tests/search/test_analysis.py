"""``term_positions`` makes of a text exactly what the German analyzer makes of it when indexing."""

from __future__ import annotations

import pytest

from search import analysis
from search.analysis import german_analyzer, term_positions

TEXTS = [
    "Die Bundesregierung beschloss am Dienstag das Klimaschutzgesetz; die Regierung will es rasch umsetzen.",
    "Straßenbahnfahrer streiken in Köln. Der Streik der Straßenbahnfahrer trifft Pendler und Schüler.",
    "„Wir bleiben“, sagte Bürgermeisterin Müller. Über 3000 Menschen demonstrierten am Rathausplatz.",
    "",
]


def _analyzers(text: str) -> dict[bytes, list[int]]:
    found: dict[bytes, list[int]] = {}
    for token in german_analyzer()(text, positions=True, mode="index"):
        found.setdefault(token.text.encode("utf-8"), []).append(token.pos)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_a_texts_terms_and_positions_are_the_analyzers(text: str) -> None:
    positions = term_positions(text)
    assert positions == _analyzers(text)
    assert list(positions) == list(_analyzers(text))  # the terms in the analyzer's order, too


def test_the_same_terms_come_back_after_the_word_cache_was_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "_INDEX_TERMS", {})
    monkeypatch.setattr(analysis, "_INDEX_TERMS_LIMIT", 3)
    for text in TEXTS:
        assert term_positions(text) == _analyzers(text)
        assert len(analysis._INDEX_TERMS) <= 3
