"""Quoted speech or quoted term: what a pair of quotation marks holds.

Speech: a quote with a speech tag, a sentence, first-person words, a long stretch of prose, or a
short phrase in a sentence that reports speech (bezeichnete den Plan als „unausgegoren“; der Plan sei
„unausgegoren“). A term: a quoted name or title (every word capitalised), anything right after a
word such as ``sogenannte``, ``Motto`` or ``Titel`` or in parentheses, and any other short phrase.
"""

from __future__ import annotations

import re

from articles.findings import QuoteKind
from articles.quote_marks import Marked
from articles.speakers import word_before
from articles.speech_data import SpeechData

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…]\W*$")
#: A quoted phrase this long that reads like prose (not a title) is speech even without a tag.
_PROSE_WORDS = 6


def quote_kind(text: str, mark: Marked, tagged: bool, sentence_start: int, sentence_end: int,
               data: SpeechData) -> QuoteKind:
    """Direct speech or a term, for an outermost quote of a sentence; ``tagged``: a speech tag stands beside it."""
    inner = text[mark.inner_start:mark.inner_end]
    words = _WORD.findall(inner)
    previous = word_before(text, mark.start, 40).lower()
    if not words or previous in data.term_cues or text[max(0, mark.start - 1):mark.start] == "(":
        return QuoteKind.TERM
    if tagged or _speech_like(inner, words, data):
        return QuoteKind.DIRECT
    if _title_like(words, data):
        return QuoteKind.TERM
    if previous in data.as_words and _has_word(text, sentence_start, sentence_end, data.as_verbs):
        return QuoteKind.DIRECT
    if _reported(text, sentence_start, sentence_end, mark, data):
        return QuoteKind.DIRECT
    return QuoteKind.TERM


def inner_kind(text: str, mark: Marked, data: SpeechData) -> QuoteKind:
    """Direct speech or a term, for a quote inside another quote: speech only if it reads like speech."""
    inner = text[mark.inner_start:mark.inner_end]
    words = _WORD.findall(inner)
    return QuoteKind.DIRECT if words and _speech_like(inner, words, data) else QuoteKind.TERM


def _speech_like(inner: str, words: list[str], data: SpeechData) -> bool:
    if any(word.lower() in data.first_person for word in words):
        return True
    if len(words) >= 3 and _SENTENCE_END.search(inner) is not None:
        return True
    return len(words) >= _PROSE_WORDS and not _title_like(words, data)


def _title_like(words: list[str], data: SpeechData) -> bool:
    """Every word capitalised but short function words: a name or title (Koalition der Willigen)."""
    return all(word[0].isupper() or word.lower() in data.name_particles or len(word) <= 3 for word in words)


def _has_word(text: str, start: int, end: int, wanted: frozenset[str]) -> bool:
    return any(word.lower() in wanted for word in _WORD.findall(text, start, end))


def _reported(text: str, start: int, end: int, mark: Marked, data: SpeechData) -> bool:
    """The sentence around the quote reports speech: a speech verb or a Konjunktiv outside the quote."""
    words = _WORD.findall(text, start, mark.start) + _WORD.findall(text, mark.end, end)
    return any(word.lower() in data.cue_words or word.lower() in data.konjunktiv for word in words)
