"""Findings as compact JSON text, for storing them with an article, and back."""

from __future__ import annotations

import json
from typing import Any

from articles.findings import Actor, ActorKind, Findings, Loaded, Quote, QuoteKind, Span


def findings_to_json(findings: Findings) -> str:
    data = {
        "quotes": [_quote(q) for q in findings.quotes],
        "actors": [[a.id, a.name, a.kind.value, list(a.aliases), a.role, [list(_span(m)) for m in a.mentions]]
                   for a in findings.actors],
        "loaded": [[*_span(m.span), m.text, m.why, m.category] for m in findings.loaded],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def findings_from_json(text: str) -> Findings:
    """The findings ``findings_to_json`` wrote; raises ``ValueError`` (or ``KeyError``…) on damaged text."""
    data = json.loads(text)
    quotes = tuple(_read_quote(q) for q in data["quotes"])
    actors = tuple(Actor(a[0], a[1], ActorKind(a[2]), tuple(a[3]), a[4], tuple(Span(*m) for m in a[5]))
                   for a in data["actors"])
    loaded = tuple(Loaded(Span(*m[:3]), m[3], m[4], m[5]) for m in data["loaded"])
    return Findings(quotes, actors, loaded)


def _span(span: Span) -> tuple[int, int, int]:
    return span.paragraph, span.start, span.end


def _quote(quote: Quote) -> list[Any]:
    speaker = list(_span(quote.speaker)) if quote.speaker is not None else None
    return [*_span(quote.span), quote.text, quote.kind.value, speaker, quote.speaker_name,
            [list(_span(c)) for c in quote.continuations]]


def _read_quote(raw: list[Any]) -> Quote:
    speaker = Span(*raw[5]) if raw[5] is not None else None
    return Quote(Span(*raw[:3]), raw[3], QuoteKind(raw[4]), speaker, raw[6], tuple(Span(*c) for c in raw[7]))
