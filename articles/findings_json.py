"""Findings as compact JSON text, for storing them with an article, and back."""

from __future__ import annotations

import json
from typing import Any

from articles.findings import Actor, ActorKind, Findings, Loaded, Quote, QuoteKind, Span


def findings_to_json(findings: Findings) -> str:
    """The findings as compact JSON; spans are written as [paragraph, start, end] (tuples encode as arrays).

    Hot at import (once per article in every reader process): the rows are built inline, without helpers.
    """
    data = {
        "quotes": [_quote(q) for q in findings.quotes],
        "actors": [(a.id, a.name, a.kind.value, a.aliases, a.role,
                    [(m.paragraph, m.start, m.end) for m in a.mentions]) for a in findings.actors],
        "loaded": [(m.span.paragraph, m.span.start, m.span.end, m.text, m.why, m.category) for m in findings.loaded],
    }
    return _ENCODE(data)


#: The rows are fresh tuples and lists of plain values, so they hold no cycle: not looking for one saves a fifth
#: of the encoding.
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def findings_from_json(text: str) -> Findings:
    """The findings ``findings_to_json`` wrote; raises ``ValueError`` (or ``KeyError``…) on damaged text."""
    data = json.loads(text)
    quotes = tuple(_read_quote(q) for q in data["quotes"])
    actors = tuple(Actor(a[0], a[1], ActorKind(a[2]), tuple(a[3]), a[4], tuple(Span(*m) for m in a[5]))
                   for a in data["actors"])
    loaded = tuple(Loaded(Span(*m[:3]), m[3], m[4], m[5]) for m in data["loaded"])
    return Findings(quotes, actors, loaded)


def _quote(quote: Quote) -> tuple[Any, ...]:
    span, speaker = quote.span, quote.speaker
    return (span.paragraph, span.start, span.end, quote.text, quote.kind.value,
            (speaker.paragraph, speaker.start, speaker.end) if speaker is not None else None, quote.speaker_name,
            [(c.paragraph, c.start, c.end) for c in quote.continuations])


def _read_quote(raw: list[Any]) -> Quote:
    speaker = Span(*raw[5]) if raw[5] is not None else None
    return Quote(Span(*raw[:3]), raw[3], QuoteKind(raw[4]), speaker, raw[6], tuple(Span(*c) for c in raw[7]))
