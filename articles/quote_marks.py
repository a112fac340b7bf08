"""Quoted spans in one paragraph: pairs of quotation marks in every German and English style.

Styles: „…“ (also „…” and „…" in careless text), “…”, "…", »…« and «…» (whichever comes first in the
paragraph opens), ‚…‘, ‘…’ and ›…‹. Curly single marks double as apostrophes (don’t, Kids’), so ’ only
closes when it does not sit between two letters. Marks pair with a stack, so quotes nest; an opening
mark that is never closed is dropped at the paragraph end (it cannot swallow the rest of the article)
unless the quote is left open on purpose because the next paragraph continues it (the convention: the
next paragraph opens with a mark again, and the open quote began a sentence), which ``quoted_spans``
reports as ``open_at_end``. One pass over the marks: linear in the paragraph length.
"""

from __future__ import annotations

import re
from typing import Final

_MARK = re.compile(r"[„“”\"»«‚‘’›‹]")
_OPEN_CONTEXT = frozenset(" \t\n\r([{/–—-*_\u00a0:„“\"»«‚‘›‹")
_CLOSE_CONTEXT = frozenset(" \t\n\r)]}/.,;:!?–—-*_\u00a0…„“”\"»«‘’›‹")
#: How deep in the stack a closing mark may look for its opener; deeper openers stay open.
_MAX_REACH = 3
#: Closing marks each opening mark accepts (first one is the proper one).
_CLOSERS = {
    "„": "“”\"",
    "“": "”“\"",
    "”": "”",
    "\"": "\"“”",
    "‚": "‘’",
    "‘": "’",
    "›": "‹",
    "‹": "›",
    "»": "«",
    "«": "»",
}
_DOUBLE_OPENERS = frozenset("„“\"»«")


class Marked:
    """One quoted span: ``start``/``end`` enclose the marks; ``inner`` is the text between them."""

    def __init__(self, start: int, end: int, inner_start: int, inner_end: int, opener: str, depth: int,
                 open_at_end: bool = False) -> None:
        self.start: Final = start
        self.end: Final = end
        self.inner_start: Final = inner_start
        self.inner_end: Final = inner_end
        self.opener: Final = opener
        self.depth: Final = depth  # 0 for an outermost quote
        self.open_at_end: Final = open_at_end  # unclosed, runs to the paragraph end (continued in the next paragraph)


def has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds a quotation mark of any style (what ``_MARK`` finds and the pairing reads).

    A test per mark is cheaper than one regular-expression search: a text stores its characters as narrow as
    its widest one, so in a paragraph without a character above U+00FF (most) a test for „ or “ costs nothing.
    """
    return ("„" in text or "“" in text or "\"" in text or "»" in text or "«" in text or "”" in text or "’" in text
            or "‘" in text or "‚" in text or "›" in text or "‹" in text)


def quoted_spans(text: str, continued: bool = False) -> list[Marked]:
    """Every quoted span in ``text``, in order of their opening marks.

    ``continued`` says the next paragraph starts with an opening mark: an outermost quote still open
    at the end is then kept as running to the paragraph end.
    """
    french = _french_guillemets(text)
    stack: list[tuple[str, int]] = []
    found: list[Marked] = []
    for match in _MARK.finditer(text):
        position = match.start()
        mark = _guillemet(match.group(), french)
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < len(text) else " "
        if _try_close(text, stack, found, mark, position, before, after):
            continue
        if _can_open(mark, before, after):
            stack.append((mark, position))
    if continued and stack:
        opener, position = stack[0]
        if opener in _DOUBLE_OPENERS and _opens_sentence(text, position):
            found.append(_marked(text, position, len(text), 1, 0, opener, open_at_end=True))
    found.sort(key=lambda span: span.start)
    return found


def opens_with_quote(text: str) -> bool:
    """Whether ``text`` starts (after blanks, ``*`` and ``_``) with an opening double quotation mark that a
    non-blank character follows."""
    return _OPENING_QUOTE.match(text) is not None


_OPENING_QUOTE = re.compile(r"[ \t*_]*[„“\"»«](?=\S)")


def _opens_sentence(text: str, position: int) -> bool:
    """Whether the mark at ``position`` starts the paragraph, a sentence, or follows a colon."""
    before = text[:position].rstrip(" \t*_")
    return not before or before[-1] in ".!?:…“”\"»«"


def _french_guillemets(text: str) -> bool:
    """«…» when « comes before » in the paragraph, else »…«."""
    left = text.find("«")
    if left < 0:
        return False
    right = text.find("»")
    return right < 0 or left < right


def _guillemet(mark: str, french: bool) -> str:
    """Normalise guillemets so that the opener is always the key of ``_CLOSERS``: » opens unless French."""
    if not french:
        return mark
    return {"«": "»", "»": "«", "‹": "›", "›": "‹"}.get(mark, mark)


def _try_close(text: str, stack: list[tuple[str, int]], found: list[Marked], mark: str, position: int,
               before: str, after: str) -> bool:
    if not stack or not _can_close(mark, before, after):
        return False
    for reach in range(1, min(_MAX_REACH, len(stack)) + 1):
        opener, start = stack[-reach]
        if mark in _CLOSERS[opener] and position > start + 1:
            del stack[-reach:]
            found.append(_marked(text, start, position + 1, 1, 1, opener, depth=len(stack)))
            return True
    return False


def _can_close(mark: str, before: str, after: str) -> bool:
    if mark in "’'" and before.isalpha() and after.isalpha():
        return False  # an apostrophe: don’t, O’Brien
    if mark == "\"" or mark == "”":
        return not before.isspace() or after in _CLOSE_CONTEXT
    return mark in "“‘’«»‹›"


def _can_open(mark: str, before: str, after: str) -> bool:
    if after.isspace() and mark != "„":
        return False
    if mark in "„‚»«›‹":
        return mark != "‚" or not after.isspace()
    if mark in "“‘\"”":
        return before in _OPEN_CONTEXT or before.isspace()
    return False


def _marked(text: str, start: int, end: int, open_len: int, close_len: int, opener: str, depth: int = 0,
            open_at_end: bool = False) -> Marked:
    inner_start, inner_end = start + open_len, end - close_len
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return Marked(start, end, inner_start, inner_end, opener, depth, open_at_end)
