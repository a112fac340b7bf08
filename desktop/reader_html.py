"""The reading pane's HTML, built from stored paragraphs and findings: a pure function, no Qt.

Each highlight layer adds marks (start, end) inside a paragraph; overlapping marks are cut into
segments so that every segment is wrapped in the tags of all marks covering it. Non-article parts
(captions, credits, related links, disclaimers, promos, comments) are set apart in labelled
blocks that can be collapsed. Nothing here links to anything outside the document: the only
links are ``actor:``, ``copy:``, ``related:`` and ``toggle:`` for the pane to handle.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from articles.findings import Actor, ActorKind, Findings, QuoteKind, Span
from articles.model import Paragraph, Role
from library.annotations import COLOURS, Annotation
from library.records import StoredArticle
from search.analysis import word_terms


class Layer(str, Enum):
    QUOTES = "quotes"
    ACTORS = "actors"
    LOADED = "loaded"
    PARTS = "parts"  # non-article parts set apart
    HITS = "hits"
    ANNOTATIONS = "annotations"  # the user's own highlights, on top of the others


ALL_LAYERS = frozenset(Layer)

PART_LABELS: dict[Role, str] = {
    Role.CAPTION: "Photo caption", Role.CREDIT: "Credit", Role.RELATED: "Related links",
    Role.DISCLAIMER: "Publisher's note", Role.PROMO: "Promotion", Role.COMMENTS: "Reader comments",
}
_WORD = re.compile(r"\w+")
_HEAD_ROLES = (Role.TITLE, Role.KICKER, Role.SUBTITLE, Role.DATELINE)


@dataclass(frozen=True)
class Colours:
    """Colours of one theme (CSS colour strings)."""

    text: str = "#1d1d1f"
    muted: str = "#5f6368"
    link: str = "#1a5fb4"
    aside: str = "#f1f0ec"
    aside_label: str = "#6b5e3c"
    quote: str = "#dcebfa"
    person: str = "#8a2c9c"
    organisation: str = "#0b6e4f"
    place: str = "#9a4b00"
    loaded: str = "#fbe3c4"
    hit: str = "#ffe45c"
    hit_text: str = "#1d1d1f"
    flash: str = "#c7f0c2"
    #: The annotation colours, in the order of ``library.annotations.COLOURS``.
    highlights: tuple[str, ...] = ("#fff07a", "#bdf0c4", "#bfe0ff", "#ffc9de", "#e3cbff")


@dataclass(frozen=True)
class CopyLink:
    id: int
    title: str
    source: str


@dataclass(frozen=True)
class ReaderView:
    """Everything the pane shows of one article, loaded in the background."""

    article: StoredArticle
    findings: Findings = Findings()
    copies: tuple[CopyLink, ...] = ()  # the story's other copies (and its primary, for a copy)
    hit_terms: frozenset[str] = frozenset()
    #: The findings' actor ids -> the library-wide actor ids (``actor:ID`` in a search); empty when not stored.
    library_actors: Mapping[str, int] = field(default_factory=dict)
    annotations: tuple[Annotation, ...] = ()  # the user's, in reading order (detached ones are listed, not marked)


@dataclass(frozen=True)
class RenderOptions:
    layers: frozenset[Layer] = ALL_LAYERS
    colours: Colours = Colours()
    collapsed: frozenset[int] = frozenset()  # first paragraph index of each collapsed part
    flashed: frozenset[int] = frozenset()  # paragraphs to flash (cited by a summary point)


@dataclass(frozen=True, order=True)
class _Mark:
    start: int
    end: int
    order: int  # nesting: lower wraps higher
    opening: str = field(compare=False)
    closing: str = field(compare=False)


def article_html(view: ReaderView, options: RenderOptions = RenderOptions()) -> str:
    """The whole document: header, paragraphs with the chosen layers, parts set apart."""
    colours = options.colours
    marks = _marks_by_paragraph(view, options)
    body: list[str] = []
    header = _header(view, colours)
    for group in _groups(view.article.paragraphs):
        first = group[0]
        if header and first.role not in _HEAD_ROLES:  # the header follows the title and its meta lines
            body.append(header)
            header = ""
        if first.role in PART_LABELS and Layer.PARTS in options.layers:
            body.append(_part(group, marks, options))
        else:
            body.extend(_paragraph(p, marks.get(p.index, []), options) for p in group)
    body.append(header)
    return f'<html><body style="color:{colours.text}">' + "\n".join(body) + "</body></html>"


def _groups(paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """Runs of consecutive parts with one role form one block; every other paragraph stands alone."""
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if groups and paragraph.role in PART_LABELS and groups[-1][-1].role is paragraph.role:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return groups


def _header(view: ReaderView, colours: Colours) -> str:
    article = view.article
    meta = article.metadata
    said = any(p.role is Role.DATELINE for p in article.paragraphs)  # the article's own date and byline lines
    shown = (meta.source,) if said else (meta.source, (meta.date or "").replace("T", " "), meta.author)
    facts = [html.escape(part) for part in shown if part]
    lines = [f'<p class="meta" style="color:{colours.muted}">' + " · ".join(facts) + "</p>"] if facts else []
    if not any(p.role is Role.TITLE for p in article.paragraphs):
        lines.insert(0, f"<h1>{html.escape(meta.title or 'Untitled')}</h1>")
    links = []
    if view.copies:
        label = "Primary copy" if article.duplicate_of else f"{len(view.copies)} other " + (
            "copy" if len(view.copies) == 1 else "copies")
        links.append(label + ": " + ", ".join(
            f'<a href="copy:{c.id}">#{c.id} {html.escape(c.source or c.title)}</a>' for c in view.copies))
    links.append(f'<a href="related:{article.id}">Other coverage of this story</a>')
    lines.append(f'<p class="links" style="color:{colours.muted}">' + " &nbsp;·&nbsp; ".join(links) + "</p>")
    return f'<div class="header" id="article-{article.id}">' + "".join(lines) + "</div>"


_ROLE_TAGS: dict[Role, tuple[str, str]] = {
    Role.TITLE: ("h1", ""),
    Role.KICKER: ("p", "font-size:small; font-weight:600; text-transform:uppercase; letter-spacing:1px"),
    Role.SUBTITLE: ("p", "font-size:large"),
    Role.DATELINE: ("p", "font-size:small"),
    Role.LEAD: ("p", "font-weight:600"),
    Role.HEADING: ("h2", ""),
}


def _paragraph(paragraph: Paragraph, marks: list[_Mark], options: RenderOptions) -> str:
    tag, style = _ROLE_TAGS.get(paragraph.role, ("p", ""))
    if paragraph.role is Role.DATELINE or (paragraph.role in PART_LABELS):
        style += f"; color:{options.colours.muted}"
    if paragraph.index in options.flashed:
        style += f"; background-color:{options.colours.flash}"
    anchor = f'<a name="p{paragraph.index}"></a>'
    return (f'<{tag} id="p{paragraph.index}" class="{paragraph.role.value}" style="{style.strip("; ")}">'
            f"{anchor}{_marked_text(paragraph.text, marks)}</{tag}>")


def _part(group: list[Paragraph], marks: dict[int, list[_Mark]], options: RenderOptions) -> str:
    """A labelled block for a run of non-article paragraphs; collapsed, only its label shows."""
    colours = options.colours
    first = group[0].index
    collapsed = first in options.collapsed
    label = PART_LABELS[group[0].role]
    count = f" ({len(group)})" if len(group) > 1 else ""
    toggle = (f'<a href="toggle:{first}" style="color:{colours.aside_label}; text-decoration:none">'
              f'{"▸" if collapsed else "▾"} {label}{count}{" – hidden, click to show" if collapsed else ""}</a>')
    inner = [f'<p class="part-label" style="font-size:small; font-weight:600">{toggle}</p>']
    if not collapsed:
        inner.extend(_paragraph(p, marks.get(p.index, []), options) for p in group)
    return (f'<table class="part part-{group[0].role.value}" width="100%" cellpadding="8" cellspacing="0" '
            f'style="background-color:{colours.aside}; margin-top:6px; margin-bottom:10px">'
            f'<tr><td><a name="p{first}"></a>{"".join(inner)}</td></tr></table>')


def _marked_text(text: str, marks: list[_Mark]) -> str:
    if not marks:
        return html.escape(text)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = sorted((m for m in marks if m.start <= start and end <= m.end), key=lambda m: m.order)
        opening = "".join(m.opening for m in covering)
        closing = "".join(m.closing for m in reversed(covering))
        pieces.append(f"{opening}{html.escape(text[start:end])}{closing}")
    return "".join(pieces)


def _marks_by_paragraph(view: ReaderView, options: RenderOptions) -> dict[int, list[_Mark]]:
    found: dict[int, list[_Mark]] = {}
    layers, colours, findings = options.layers, options.colours, view.findings
    sources: list[Iterable[tuple[Span, _Mark]]] = []
    if Layer.QUOTES in layers:
        sources.append(_quote_marks(findings, colours))
    if Layer.LOADED in layers:
        sources.append(_loaded_marks(findings, colours))
    if Layer.HITS in layers and view.hit_terms:
        sources.append(_hit_marks(view.article.paragraphs, view.hit_terms, colours))
    if Layer.ACTORS in layers:
        sources.append(_actor_marks(findings.actors, colours))
    if Layer.ANNOTATIONS in layers:
        sources.append(_annotation_marks(view.annotations, colours))
    for source in sources:
        for span, mark in source:
            if span.end > span.start:
                found.setdefault(span.paragraph, []).append(mark)
    return found


def _quote_marks(findings: Findings, colours: Colours) -> Iterable[tuple[Span, _Mark]]:
    for quote in findings.quotes:
        if quote.kind is QuoteKind.TERM:
            tip, style = "Quoted term (no speaker)", "text-decoration:underline"
        else:
            who = quote.speaker_name or "speaker not recognised"
            tip = f"{'Direct' if quote.kind is QuoteKind.DIRECT else 'Reported'} speech — {who}"
            style = f"background-color:{colours.quote}"
        for span in (quote.span, *quote.continuations):
            yield span, _Mark(span.start, span.end, 0,
                              f'<span class="quote quote-{quote.kind.value}" title="{html.escape(tip)}" '
                              f'style="{style}">', "</span>")


def _loaded_marks(findings: Findings, colours: Colours) -> Iterable[tuple[Span, _Mark]]:
    for loaded in findings.loaded:
        tip = html.escape(f"Loaded wording: {loaded.why}")
        yield loaded.span, _Mark(loaded.span.start, loaded.span.end, 1,
                                 f'<span class="loaded" title="{tip}" style="background-color:{colours.loaded}; '
                                 f'text-decoration:underline">', "</span>")


def _hit_marks(paragraphs: Sequence[Paragraph], terms: frozenset[str],
               colours: Colours) -> Iterable[tuple[Span, _Mark]]:
    for paragraph in paragraphs:
        for match in _WORD.finditer(paragraph.text):
            if not terms.isdisjoint(word_terms(match.group())):
                start, end = match.span()
                yield Span(paragraph.index, start, end), _Mark(  # innermost: its colours win over an actor's
                    start, end, 4, f'<span class="hit" style="background-color:{colours.hit}; '
                    f'color:{colours.hit_text}">', "</span>")


def highlight_colour(name: str, colours: Colours) -> str:
    """The theme's colour for an annotation colour name (yellow for a name it does not know)."""
    return colours.highlights[COLOURS.index(name)] if name in COLOURS else colours.highlights[0]


def _annotation_marks(annotations: Sequence[Annotation], colours: Colours) -> Iterable[tuple[Span, _Mark]]:
    for annotation in annotations:
        if annotation.detached:
            continue
        said = [f"Note: {annotation.note}"] if annotation.note else []
        said += ["Tags: " + ", ".join(annotation.tags)] if annotation.tags else []
        tip = html.escape(" — ".join(said) or "Your highlight (right-click to edit)")
        span = Span(annotation.paragraph, annotation.start, annotation.end)
        yield span, _Mark(span.start, span.end, 5,  # innermost: on top of every other layer
                          f'<span class="annotation annotation-{annotation.colour}" title="{tip}" '
                          f'style="background-color:{highlight_colour(annotation.colour, colours)}; '
                          f'color:{colours.hit_text}">', "</span>")


def actor_colour(kind: ActorKind, colours: Colours) -> str:
    return {ActorKind.PERSON: colours.person, ActorKind.ORGANISATION: colours.organisation,
            ActorKind.PLACE: colours.place}[kind]


def _actor_marks(actors: Sequence[Actor], colours: Colours) -> Iterable[tuple[Span, _Mark]]:
    for actor in actors:
        role = f", {actor.role}" if actor.role else ""
        tip = html.escape(f"{actor.kind.value.capitalize()}: {actor.name}{role} — click to list articles naming them")
        opening = (f'<a class="actor actor-{actor.kind.value}" href="actor:{actor.id}" title="{tip}" '
                   f'style="color:{actor_colour(actor.kind, colours)}; text-decoration:none; font-weight:600">')
        for span in actor.mentions:
            yield span, _Mark(span.start, span.end, 3, opening, "</a>")


_FIELD = re.compile(r"\b(?:date|role|source|title|note):\S*|\btag:(?:\"[^\"]*\"|\S*)", re.IGNORECASE)
_NEGATED = re.compile(r"(?:^|\s)-\S+|\bNOT\s+\S+")
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def query_terms(query: str) -> frozenset[str]:
    """The index terms a query's plain words stand for, to mark them in an opened hit."""
    plain = _NEGATED.sub(" ", _FIELD.sub(" ", query))
    words = [w for w in _WORD.findall(plain) if w not in _OPERATORS]
    return frozenset(term for word in words for term in word_terms(word))
