"""The stored form of findings: compact JSON with the text as written, in the order the library reads it."""

from __future__ import annotations

import json

from articles.findings import Actor, ActorKind, Findings, Loaded, Quote, QuoteKind, Span
from articles.findings_json import findings_from_json, findings_to_json

FINDINGS = Findings(
    quotes=(Quote(Span(1, 1, 21), "Wir schaffen das nie", QuoteKind.DIRECT, Span(1, 30, 42), "Jörg Müller",
                  (Span(1, 50, 60),)),
            Quote(Span(2, 0, 9), "laut Plan", QuoteKind.INDIRECT)),
    actors=(Actor("a1", "Jörg Müller", ActorKind.PERSON, ("Müller",), "Bürgermeister", (Span(1, 30, 42),)),),
    loaded=(Loaded(Span(3, 4, 14), "Machthaber", "wertet die Person ab", "label"),),
)


def test_stored_findings_are_compact_json_with_umlauts_as_written() -> None:
    stored = findings_to_json(FINDINGS)
    assert "Jörg Müller" in stored and "\\u" not in stored
    assert ", " not in stored.replace("Wir schaffen das nie", "") and ": " not in stored


def test_each_finding_is_stored_as_one_array_in_the_documented_field_order() -> None:
    data = json.loads(findings_to_json(FINDINGS))
    assert list(data) == ["quotes", "actors", "loaded"]
    assert data["quotes"][0] == [1, 1, 21, "Wir schaffen das nie", "direct", [1, 30, 42], "Jörg Müller", [[1, 50, 60]]]
    assert data["quotes"][1] == [2, 0, 9, "laut Plan", "indirect", None, None, []]
    assert data["actors"] == [["a1", "Jörg Müller", "person", ["Müller"], "Bürgermeister", [[1, 30, 42]]]]
    assert data["loaded"] == [[3, 4, 14, "Machthaber", "wertet die Person ab", "label"]]


def test_stored_findings_read_back_equal() -> None:
    assert findings_from_json(findings_to_json(FINDINGS)) == FINDINGS
    assert findings_from_json(findings_to_json(Findings())) == Findings()
