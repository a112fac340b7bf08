"""Text and JSON shapes of an article's analysis and of the library's actors. The JSON shapes are a public contract."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from articles.analysis import speaker_actor
from articles.findings import Actor, Quote, Span
from library.records import ActorSummary, LibraryActor, StoredFindings

_EXCERPT = 90


def findings_json(stored: StoredFindings | None) -> dict[str, Any]:
    """``quotes``, ``actors`` and ``loaded`` of ``show --json``; actor ids are the library-wide ids."""
    if stored is None:
        return {"quotes": [], "actors": [], "loaded": [], "analysis": None}
    findings, filed = stored.findings, stored.actors
    actors = [_actor_json(actor, filed[actor.id]) for actor in findings.actors if actor.id in filed]
    return {
        "quotes": [_quote_json(quote, findings.actors, filed) for quote in findings.quotes],
        "actors": actors,
        "loaded": [{**_span_json(m.span), "text": m.text, "why": m.why, "category": m.category}
                   for m in findings.loaded],
        "analysis": {"version": stored.version, "error": stored.error or None},
    }


def _span_json(span: Span) -> dict[str, int]:
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end}


def _speaker(quote: Quote, actors: Sequence[Actor], filed: dict[str, LibraryActor]) -> LibraryActor | None:
    actor = speaker_actor(quote, actors)
    return filed.get(actor.id) if actor is not None else None


def _quote_json(quote: Quote, actors: Sequence[Actor], filed: dict[str, LibraryActor]) -> dict[str, Any]:
    speaker = _speaker(quote, actors, filed)
    return {
        **_span_json(quote.span), "text": quote.text, "kind": quote.kind.value,
        "speaker": speaker.id if speaker else None,
        "speaker_name": speaker.name if speaker else quote.speaker_name,
        "continuations": [_span_json(span) for span in quote.continuations],
    }


def _actor_json(actor: Actor, filed: LibraryActor) -> dict[str, Any]:
    spellings = dict.fromkeys((actor.name, *actor.aliases))
    return {
        "id": filed.id, "name": filed.name, "kind": actor.kind.value,
        "aliases": [name for name in spellings if name != filed.name],
        "role": filed.role or None,
        "mentions": [_span_json(span) for span in actor.mentions],
    }


def findings_text(stored: StoredFindings | None) -> str:
    """The analysis under ``show``'s paragraphs: quotes with speakers, actors, loaded wording."""
    if stored is None:
        return ""
    shown = findings_json(stored)
    lines: list[str] = []
    if shown["quotes"]:
        lines += ["", "Quotes"] + [_quote_line(q) for q in shown["quotes"]]
    if shown["actors"]:
        lines += ["", "Actors"] + [_actor_line(a) for a in shown["actors"]]
    if shown["loaded"]:
        lines += ["", "Loaded wording"] + [f"  [{m['paragraph']:>3}] «{m['text']}»: {m['why']}" for m in shown["loaded"]]
    if stored.error:
        lines += ["", f"The analysis failed: {stored.error}"]
    return "\n".join(lines)


def _quote_line(quote: dict[str, Any]) -> str:
    text = quote["text"] if len(quote["text"]) <= _EXCERPT else quote["text"][: _EXCERPT - 1] + "…"
    who = quote["speaker_name"] or "speaker unknown"
    if quote["speaker"] is not None:
        who += f" (#{quote['speaker']})"
    return f"  [{quote['paragraph']:>3}] {quote['kind']:<8} «{text}» — {who}"


def _actor_line(actor: dict[str, Any]) -> str:
    line = f"  #{actor['id']:<5} {actor['name']} ({actor['kind']})"
    if actor["role"]:
        line += f", {actor['role']}"
    if actor["aliases"]:
        line += " — also: " + ", ".join(actor["aliases"])
    count = len(actor["mentions"])
    return line + f"; {count} mention{'s' if count != 1 else ''}"


def actor_summary_json(actor: ActorSummary) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
            "articles": actor.articles, "stories": actor.stories}


def actors_table(actors: Sequence[ActorSummary]) -> str:
    if not actors:
        return "No actors yet. Import articles with: lesesaal import PATH..."
    lines = [f"{'ID':>5}  {'ARTICLES':>8}  {'KIND':<12}  NAME"]
    for actor in actors:
        also = f"  (also: {', '.join(actor.aliases)})" if actor.aliases else ""
        lines.append(f"{actor.id:>5}  {actor.articles:>8}  {actor.kind:<12}  {actor.name}{also}")
    return "\n".join(lines)
