"""Plain text to paragraphs: blank lines separate paragraphs, hard-wrapped lines are re-joined."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_SPACES = re.compile(r"[ \t\f\v]+")
_LINE_END_HYPHEN = re.compile(r"(?<=[a-zäöüß])-$")
_LINE_END_COMPOUND_HYPHEN = re.compile(r"(?<=\w)-$")
_LIST_MARKER = re.compile(r"^\s*([-*•·–]|\d{1,2}[.)])\s+")
#: Lines in a hard-wrapped file are at most this long; longer lines mean one paragraph per line.
_MAX_WRAP_WIDTH = 100


def split_paragraphs(text: str) -> list[str]:
    """Paragraph texts of a plain text, whitespace collapsed, wrapped lines joined."""
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]  # the spaces never span a line
    groups = list(blank_separated(lines))
    width = wrap_width(groups)
    paragraphs: list[str] = []
    for group in groups:
        paragraphs.extend(_unwrap(group, width))
    return [p for p in paragraphs if p]


def wrap_width(groups: list[list[str]]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when it is not hard-wrapped.

    In a wrapped text every line but the last of a paragraph ends near the wrap column.
    """
    inner = [len(line) for group in groups for line in group[:-1]]
    if len(inner) < 3:
        return None
    width = max(inner)
    if width > _MAX_WRAP_WIDTH or width < 30:
        return None
    near_width = sum(1 for n in inner if n >= width - 20)
    return width if near_width >= len(inner) * 0.7 else None


def blank_separated(lines: list[str]) -> Iterator[list[str]]:
    group: list[str] = []
    for line in lines:
        if line:
            group.append(line)
        elif group:
            yield group
            group = []
    if group:
        yield group


def _unwrap(lines: list[str], width: int | None) -> Iterator[str]:
    """Join lines of one blank-separated group; without a wrap width every line stands alone."""
    current = ""
    for line, following in zip(lines, [*lines[1:], ""]):
        current = join_wrapped(current, line) if current else line
        if not following or _LIST_MARKER.match(following) or not continues_paragraph(line, following, width):
            yield current
            current = ""


def continues_paragraph(line: str, following: str, width: int | None) -> bool:
    """Whether ``following`` continues the paragraph that ``line`` is part of."""
    if width is not None:
        return len(line) >= width - 20
    return following[:1].islower() and not line.endswith((".", "!", "?", ":", "“", "\"", "»"))


def join_wrapped(first: str, second: str) -> str:
    """Join two wrapped lines: ``Waffen-`` + ``stillstand`` is one word, ``SPD-`` + ``Fraktion`` keeps its hyphen."""
    if not first.endswith(("-", "-\n")):  # both patterns end in a hyphen (``$`` allows a newline after it)
        return f"{first} {second}"
    if _LINE_END_HYPHEN.search(first) and second[:1].islower():
        return first[:-1] + second
    if _LINE_END_COMPOUND_HYPHEN.search(first) and second[:1].isupper():
        return first + second
    return f"{first} {second}"
