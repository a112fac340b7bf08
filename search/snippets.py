"""Snippets: the passages of a text where the query's terms occur, each match in ``<mark>``.

A word is marked when one of the terms it is indexed as (stemmed, folded, compound parts) is among
the query's terms, so ``Entsendung`` marks ``Truppenentsendung``. Matches close together form a
passage; the passages with the most different matched words are shown, in text order, with " … "
between them and where the text goes on before or after them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from search.analysis import word_terms

_WORD = re.compile(r"\w+")
SEPARATOR = " … "


@dataclass
class _Passage:
    start: int
    end: int
    words: list[tuple[int, int]]

    def score(self, text: str) -> tuple[int, int]:
        distinct = {text[start:end].lower() for start, end in self.words}
        return len(distinct), len(self.words)


def snippet(text: str, terms: frozenset[str] | set[str], *, max_chars: int = 240, surround: int = 60,
            passages: int = 2) -> str:
    """HTML (escaped text, matches in ``<mark>``) of up to ``passages`` passages; "" without a match."""
    matches = [m.span() for m in _WORD.finditer(text) if not terms.isdisjoint(word_terms(m.group()))]
    if not matches:
        return ""
    found = _passages(matches, span=max_chars - 2 * surround)
    best = sorted(sorted(found, key=lambda p: p.score(text), reverse=True)[:passages], key=lambda p: p.start)
    shown = SEPARATOR.join(_render(text, passage, surround) for passage in best)
    start, end = _bounds(text, best[0], surround)[0], _bounds(text, best[-1], surround)[1]
    return ("… " if text[:start].strip() else "") + shown + (" …" if text[end:].strip() else "")


def _passages(matches: list[tuple[int, int]], span: int) -> list[_Passage]:
    found: list[_Passage] = []
    for start, end in matches:
        if found and end - found[-1].start <= span:
            found[-1].end = end
            found[-1].words.append((start, end))
        else:
            found.append(_Passage(start, end, [(start, end)]))
    return found


def _bounds(text: str, passage: _Passage, surround: int) -> tuple[int, int]:
    """Where a passage's shown text starts and ends: ``surround`` characters around its words, at word edges."""
    start = min(_word_start(text, max(0, passage.start - surround)), passage.start)
    end = max(_word_end(text, min(len(text), passage.end + surround)), passage.end)
    return start, end


def _render(text: str, passage: _Passage, surround: int) -> str:
    start, end = _bounds(text, passage, surround)
    pieces: list[str] = []
    position = start
    for word_start, word_end in passage.words:
        pieces.append(html.escape(text[position:word_start]))
        pieces.append(f"<mark>{html.escape(text[word_start:word_end])}</mark>")
        position = word_end
    pieces.append(html.escape(text[position:end]))
    return "".join(pieces).strip()


def _word_start(text: str, position: int) -> int:
    """Move forward to the start of a word, so a passage does not begin mid-word."""
    if position == 0 or not text[position - 1].isalnum():
        return position
    space = text.find(" ", position)
    return position if space == -1 else space + 1


def _word_end(text: str, position: int) -> int:
    if position >= len(text) or not text[position].isalnum():
        return position
    space = text.rfind(" ", 0, position)
    return position if space == -1 else space
