"""Long articles: split the article text into parts that fit the model's context, and merge their points.

A part is a run of whole paragraphs whose prompt, with room for the reply, fits the context. Each part is
summarised with its own paragraph numbers, so citations survive the split. Merging keeps each part's points
in article order: the overview takes the parts' first overview sentences (verified first), the key points
are taken from the parts in turn, verified before unverified, up to the schema's maxima.
"""

from __future__ import annotations

from collections.abc import Sequence

from articles.model import Paragraph
from summarize.prompt import SummaryOptions, build_request
from summarize.protocol import Summarizer
from summarize.source import Source
from summarize.values import Point

#: Tokens for the chat template's turn markers around the two messages.
TEMPLATE_TOKENS = 48


def split_parts(source: Source, summarizer: Summarizer, options: SummaryOptions) -> list[tuple[Paragraph, ...]]:
    whole = build_request(source, source.paragraphs, options)
    room = summarizer.context_size - options.max_tokens - TEMPLATE_TOKENS
    if summarizer.count_tokens(whole.system + "\n" + whole.user) <= room:
        return [source.paragraphs]
    empty = build_request(source, (), options, (1, 1))
    budget = room - summarizer.count_tokens(empty.system + "\n" + empty.user)
    parts: list[tuple[Paragraph, ...]] = []
    current: list[Paragraph] = []
    used = 0
    for paragraph in source.paragraphs:
        cost = summarizer.count_tokens(f"[{paragraph.index}] {paragraph.text}") + 1
        if current and used + cost > budget:
            parts.append(tuple(current))
            current, used = [], 0
        current.append(paragraph)
        used += cost
    if current:
        parts.append(tuple(current))
    return parts


def merge_parts(parts: Sequence[tuple[tuple[Point, ...], tuple[Point, ...]]], options: SummaryOptions
                ) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    if len(parts) == 1:
        return parts[0]
    overview = _take([_best_first(o)[:1] for o, _ in parts], options.overview_items[1])
    key_points = _take([_best_first(k) for _, k in parts], options.key_point_items[1])
    return overview, key_points


def _best_first(points: Sequence[Point]) -> list[Point]:
    return sorted(points, key=lambda p: not p.verified)


def _take(lists: Sequence[list[Point]], limit: int) -> tuple[Point, ...]:
    """Points from each list in turn (round robin) up to ``limit``, then back in article order."""
    chosen: list[tuple[int, int, Point]] = []
    depth = 0
    while len(chosen) < limit and any(depth < len(points) for points in lists):
        for part, points in enumerate(lists):
            if depth < len(points) and len(chosen) < limit:
                chosen.append((part, depth, points[depth]))
        depth += 1
    return tuple(point for _, _, point in sorted(chosen, key=lambda c: (c[0], min(c[2].paragraphs, default=0))))
