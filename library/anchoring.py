"""Where a highlight sits, and finding it again in a changed text.

An anchor is a paragraph index with character offsets (end exclusive). Offsets alone break when a re-import
changes the text before them, so an annotation also keeps its quoted text and up to ``CONTEXT`` characters
either side. ``locate`` finds the quote again: every occurrence of it (whitespace may differ) is a
candidate, and the one whose surroundings agree best with the kept context wins, ties going to the
occurrence nearest the old paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: Characters of context kept on either side of a quote.
CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    """A piece of one paragraph's text: ``text[start:end]`` of paragraph ``paragraph``."""

    paragraph: int
    start: int
    end: int


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The up to ``CONTEXT`` characters before ``start`` and after ``end``."""
    return text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def locate(quote: str, prefix: str, suffix: str, paragraphs: Mapping[int, str], near: int) -> Anchor | None:
    """Where ``quote`` stands in ``paragraphs`` (index → text) now, or None when it is nowhere."""
    pattern = _flexible(quote)
    if pattern is None:
        return None
    best: tuple[float, Anchor] | None = None
    for index, text in paragraphs.items():
        for found in pattern.finditer(text):
            score = _agreement(text, found.start(), found.end(), prefix, suffix) - abs(index - near) / 1000
            if best is None or score > best[0]:
                best = (score, Anchor(index, found.start(), found.end()))
    return best[1] if best else None


def _flexible(quote: str) -> re.Pattern[str] | None:
    """The quote as a pattern in which any run of whitespace matches any other."""
    words = quote.split()
    return re.compile(r"\s+".join(re.escape(word) for word in words)) if words else None


def _agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the kept context agree with the text around ``start:end``."""
    before, after = context(text, start, end)
    return _common_length(before[::-1], prefix[::-1]) + _common_length(after, suffix)


def _common_length(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length
