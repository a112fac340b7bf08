"""Reported speech in one sentence: who speaks, and the reported clause when it is clear.

Patterns (German first, English where it is the same):

- ``X sagte, (dass) … sei …`` and ``Am Montag sagte X, …``: the clause after the comma, when it opens
  with ``dass``/``ob`` or holds a Konjunktiv (sei, habe, werde …);
- ``… sei …, sagte X`` and ``… sei …, so X``: the clause before the comma;
- ``Wie X mitteilte, …`` and ``…, wie X mitteilte``;
- ``X teilte mit, dass …``: a dass-clause after any speech verb, weak ones (teilte, stellte) included;
- ``Laut X …``, ``Nach Angaben von X …``, ``X zufolge …``, ``according to X``: the rest of the sentence
  (the whole sentence when the source stands inside it).

A sentence with a speech verb but no clear reported clause still yields its speaker (``clause`` None):
quoted words in it (der Plan sei „unausgegoren“) are that speaker's.

Cost: the paragraph is searched once for cue words (``cue_positions``); only sentences holding one are
read further, and then only a few tokens around each cue, never the whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat
from typing import Final

from articles import text_case
from articles.speakers import Mention, phrase_at, subject_after, subject_of
from articles.speech_data import SpeechData
from articles.speech_tokens import Token, tokens, tokens_before, trim_end

_LOWER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Tokens read before a cue (back to the sentence start) and after it.
_HEAD_TOKENS = 24
_TAIL_TOKENS = 11
#: Tokens of a sentence read for a verb when nothing cheaper found its speaker.
_SENTENCE_TOKENS = 60
#: How far (in tokens) the comma before a reported clause may stand from its speech verb.
_VERB_TO_COMMA = 10

Ranges = Sequence[tuple[int, int]]
_CLAUSE_END = " \t\n.!?;:…)*_"  # trimmed from a reported clause (closing quotation marks stay with their quote)
_PHRASE = ("", "")  # what ``cue_forms`` gives for a word of a source phrase


class Cue:
    """A sentence's speech cue: the phrase naming the speaker and the reported clause (start, end)."""

    def __init__(self, word: str, mention: Mention | None, clause: tuple[int, int] | None) -> None:
        self.word: Final = word
        self.mention: Final = mention
        self.clause: Final = clause


def cue_positions(text: str, data: SpeechData) -> list[tuple[int, str]]:
    """Where cue words (speech verbs, laut, zufolge, nach Angaben, „, so“) stand in a paragraph, in order.

    One ``str.split`` and one set intersection (both in C) tell most paragraphs apart, which hold none; only
    the words found are then looked up in the text.
    """
    hits = data.split_cues.intersection(text.split())
    found: list[tuple[int, str]] = []
    for form in data.so_forms:
        if form in text:
            found.extend((index + 2, form[2:-1]) for index in _find_all(text, form))
    if not hits:
        return sorted(found) if found else found
    forms = data.cue_forms
    written_words = {forms[word] for word in hits}
    if _PHRASE in written_words:  # a word of a source phrase (Angaben, Informationen): look for the phrases
        written_words.discard(_PHRASE)
        _add_phrases(text, data, found)
    size = len(text)
    for written, word in written_words:
        length = len(written)
        index = text.find(written)
        while index >= 0:
            end = index + length
            if (index == 0 or not _is_letter(text[index - 1])) and (end == size or not _is_letter(text[end])):
                found.append((index, word))
            index = text.find(written, index + 1)
    found.sort()
    return found


def _add_phrases(text: str, data: SpeechData, found: list[tuple[int, str]]) -> None:
    """Adds where the source phrases (nach Angaben, nach Informationen …) stand."""
    for opening in data.phrase_openings:
        for index in _find_all(text, opening + " "):
            match = data.source_phrases.match(text, index)
            if match is not None and not _letter(text, index - 1):
                found.append((index, text_case.lower(match.group())))


def reports_nothing(text: str, cues: Sequence[tuple[int, str]], data: SpeechData) -> bool:
    """Whether no sentence of ``text`` can get a cue from these ``cues`` (and none is a speech verb, which
    always gives one): each is a ``dass`` that neither follows a comma nor has a speech verb in the ten words
    before it, the first test of :func:`_dass_cue` with the paragraph start for the sentence start (a later
    start leaves fewer words before it, so the test fails for every sentence)."""
    for position, word in cues:
        if word in data.source_before or " " in word or word in data.source_after or word in data.so_cue or \
                word not in data.subordinators:
            return False
        comma = trim_end(text, 0, position, " \t\n")
        if comma <= 0 or text[comma - 1] != ",":
            continue
        words = text[max(0, comma - 120):comma - 1].split()[-_VERB_TO_COMMA:]
        if any(text_case.lower(verb) in data.speech_verbs for verb in words):
            return False
    return True


def _find_all(text: str, word: str) -> list[int]:
    found = []
    index = text.find(word)
    while index >= 0:
        found.append(index)
        index = text.find(word, index + 1)
    return found


def _letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _is_letter(text[index])


def _is_letter(char: str) -> bool:
    """A character that continues a word: a cue word next to one is part of a longer word."""
    return char.isalnum() or char in "-_"


def sentence_cue(text: str, start: int, end: int, cues: Sequence[tuple[int, str]], quoted: Ranges,
                 data: SpeechData, need_speaker: bool = True) -> Cue | None:
    """The speech cue of the sentence ``text[start:end]`` from its ``cues``; ``quoted``: direct quotes.

    Without ``need_speaker`` a sentence whose speech verb has no clear reported clause gets a cue
    without its speaker (finding the speaker costs more than the rest).
    """
    clause_end = trim_end(text, start, end, _CLAUSE_END)
    first_verb: tuple[int, str] | None = None
    for position, word in cues:
        if _quoted(position, quoted):
            continue
        if word in data.source_before or " " in word:
            cue = _source_before(text, start, position, len(word.split()), clause_end, data)
        elif word in data.source_after:
            cue = _source_after(text, start, position, clause_end, data)
        elif word in data.so_cue:
            cue = _so_cue(text, start, position, quoted, data)
        elif word in data.subordinators:
            cue = _dass_cue(text, start, position, end, clause_end, data)
        else:
            cue = _verb_cue(text, start, position, end, clause_end, quoted, data)
            first_verb = first_verb or (position, word)
        if cue is not None:
            return cue
    if first_verb is None:
        return None
    if not need_speaker:
        return Cue(first_verb[1], None, None)
    toks, verb = _around(text, start, first_verb[0], end)
    return Cue(first_verb[1], subject_of(text, toks, verb, data), None)


def _quoted(position: int, quoted: Ranges) -> bool:
    return bool(quoted) and any(left <= position < right for left, right in quoted)


def _around(text: str, start: int, position: int, end: int,
            tail: list[Token] | None = None) -> tuple[list[Token], int]:
    """Tokens from the sentence start (if near) to a few after the cue, and the cue's index among them."""
    head = tokens(text, start, position, _HEAD_TOKENS) if position - start < _HEAD_TOKENS * 8 else []
    if len(head) == _HEAD_TOKENS:
        head = []  # the sentence start is far: only the words after the verb can name the speaker
    return head + (tail if tail is not None else tokens(text, position, end, _TAIL_TOKENS)), len(head)


def _verb_cue(text: str, start: int, position: int, end: int, clause_end: int, quoted: Ranges,
              data: SpeechData) -> Cue | None:
    """Reported speech around a speech verb: ``…, sagte X``; ``Wie X mitteilte, …``; ``X sagte, dass …``.

    The tokens after the verb are read only when one of the three can apply (most speech verbs stand in
    sentences with none of them, and reading the tokens is most of the cost).
    """
    tail: list[Token] | None = None
    reach = max(start, position - 80)
    wie = max(map(text.rfind, data.wie_forms, repeat(reach), repeat(position)))  # the last wie/as before
    if wie >= 0 and (wie == start or not _letter(text, wie - 1)):
        tail = tokens(text, position, end, _TAIL_TOKENS)
        cue = _wie_cue(text, start, wie, tail, clause_end, data)
        if cue is not None:
            return cue
    before = trim_end(text, start, position, " \t\n")
    if before > start and text[before - 1] == "," and not _quoted(before - 1, quoted):
        clause = _clause_before(text, start, before - 1, quoted, data)
        if clause is not None:
            tail = tail if tail is not None else tokens(text, position, end, _TAIL_TOKENS)
            return Cue(tail[0].lower, subject_after(text, tail, 1, data)[0], clause)
    if text.find(",", position, end) < 0:
        return None  # a clause after the verb follows a comma (see _clause_after)
    tail = tail if tail is not None else tokens(text, position, end, _TAIL_TOKENS)
    clause = _clause_after(text, tail, clause_end, quoted, data)
    if clause is None:
        return None
    toks, verb = _around(text, start, position, end, tail)
    return Cue(tail[0].lower, subject_of(text, toks, verb, data), clause)


def _wie_cue(text: str, start: int, wie: int, tail: list[Token], end: int, data: SpeechData) -> Cue | None:
    """``Wie X mitteilte, …`` (the clause after) and ``…, wie X mitteilte`` (the clause before)."""
    between = tokens(text, text.find(" ", wie) + 1, tail[0].start, 8)
    mention, used = phrase_at(text, between, data)
    if mention is None or used < len(between) - 2:
        return None
    if wie == start and len(tail) > 2 and tail[1].text == ",":
        return Cue(tail[0].lower, mention, (tail[2].start, end))
    comma = trim_end(text, start, wie, " \t\n")
    if comma > start + 1 and text[comma - 1] == "," and (len(tail) < 2 or tail[1].text in ".!?;"):
        return Cue(tail[0].lower, mention, (start, comma - 1))
    return None


def _dass_cue(text: str, start: int, position: int, end: int, clause_end: int, data: SpeechData) -> Cue | None:
    """``Die Polizei teilte mit, dass …``: any speech verb, weak ones too, shortly before ``, dass``."""
    comma = trim_end(text, start, position, " \t\n")
    if comma <= start or text[comma - 1] != ",":
        return None
    words = text[max(start, comma - 120):comma - 1].split()[-_VERB_TO_COMMA:]
    if not any(text_case.lower(word) in data.speech_verbs for word in words):
        return None  # most dass-clauses report nothing: a cheap look before tokenizing
    before = tokens_before(text, start, comma - 1, _VERB_TO_COMMA)
    verb = next((index for index in range(len(before) - 1, -1, -1) if before[index].lower in data.speech_verbs), -1)
    if verb < 0:
        return None
    toks, index = _around(text, start, before[verb].start, end)
    return Cue(before[verb].lower, subject_of(text, toks, index, data), (position, clause_end))


def _source_before(text: str, start: int, position: int, first: int, end: int, data: SpeechData) -> Cue | None:
    """``Laut X …`` / ``Nach Angaben des X …``: X, then the clause (the whole sentence when inside it);
    ``first``: how many words the source word or phrase has."""
    toks = tokens(text, position, end, _TAIL_TOKENS)
    if first < len(toks) and toks[first].lower in data.source_prepositions:
        first += 1
    mention, _ = phrase_at(text, toks[first:], data)
    after = _phrase_end(toks, first, data)
    if after >= len(toks) or after == first:
        return Cue(toks[0].lower, mention, None)
    at_start = not text[start:position].strip(" *_")
    clause_start = toks[after].start if at_start else start
    return Cue(toks[0].lower, mention, (clause_start, end) if clause_start < end else None)


def _source_after(text: str, start: int, position: int, end: int, data: SpeechData) -> Cue:
    """``X zufolge …``: X is the phrase before the postposition."""
    before = tokens_before(text, start, position, 8)
    first = len(before)
    while first > 0 and (before[first - 1].capitalised or before[first - 1].lower in data.determiners):
        first -= 1
    mention, _ = phrase_at(text, before[first:], data)
    rest = tokens(text, position, end, 2)
    if len(rest) < 2:
        return Cue(rest[0].lower, mention, None)
    at_start = not text[start:before[first].start if first < len(before) else position].strip(" *_")
    return Cue(rest[0].lower, mention, (rest[1].start if at_start else start, end))


def _phrase_end(toks: list[Token], index: int, data: SpeechData) -> int:
    """The token after a source phrase: articles, adjectives after them, nouns, names and their attributes."""
    first = index
    while index < len(toks):
        word = toks[index]
        if word.lower in data.determiners and (index == first or word.lower in data.genitive_articles):
            index += 1
            while index < len(toks) and not toks[index].capitalised and toks[index].text[0].isalpha():
                index += 1
        elif word.capitalised or word.lower in data.name_particles or word.text in "„“”\"»«":
            index += 1
        elif word.lower in data.prepositions and index + 1 < len(toks) and (
                toks[index + 1].capitalised or toks[index + 1].lower in data.determiners):
            index += 1
        else:
            break
    return index


def _so_cue(text: str, start: int, position: int, quoted: Ranges, data: SpeechData) -> Cue | None:
    """``…, so X.``: a source after the reported clause."""
    toks = tokens(text, position, len(text), _TAIL_TOKENS)
    mention, _ = phrase_at(text, toks[1:], data)
    if mention is None:
        return None
    return Cue(toks[0].lower, mention, _clause_before(text, start, position - 2, quoted, data))


def _clause_before(text: str, start: int, comma: int, quoted: Ranges, data: SpeechData) -> tuple[int, int] | None:
    """The reported clause from the sentence start to ``comma``, if it is reported speech."""
    if quoted:
        words = list(_LOWER_WORD.finditer(text, start, comma))
        unquoted = sum(1 for word in words if not _quoted(word.start(), quoted))
        lowered = [text_case.lower(word.group()) for word in words]
    else:
        lowered = [text_case.lower(word) for word in _LOWER_WORD.findall(text, start, comma)]
        unquoted = len(lowered)
    if unquoted < 2:
        return None  # a direct quote with its tag, not reported speech
    if lowered[0] not in data.subordinators and data.konjunktiv.isdisjoint(lowered):
        return None
    return start, comma


def _clause_after(text: str, tail: list[Token], end: int, quoted: Ranges, data: SpeechData) -> tuple[int, int] | None:
    """``X sagte (am Montag), (dass) … sei …``: the clause after the comma that follows the verb ``tail[0]``."""
    for comma in range(1, min(len(tail) - 1, _VERB_TO_COMMA)):
        if tail[comma].text in ":;" or _quoted(tail[comma].start, quoted):
            return None
        if tail[comma].text != ",":
            continue
        first = tail[comma + 1]
        if _quoted(first.start, quoted) or first.start >= end:
            return None
        if first.lower in data.subordinators or not data.konjunktiv.isdisjoint(
                map(str.lower, _LOWER_WORD.findall(text, first.start, end))):
            return first.start, end
        return None
    return None


def any_verb_cue(text: str, start: int, end: int, quoted: Ranges, data: SpeechData) -> Cue | None:
    """For quoted words in a sentence without a cue: any speech verb, weak ones too (sieht X einen „Angriff“)."""
    toks = tokens(text, start, end, _SENTENCE_TOKENS)
    for index, token in enumerate(toks):
        if (token.lower in data.speech_verbs or token.lower in data.as_verbs) and not _quoted(token.start, quoted):
            mention = subject_of(text, toks, index, data)
            if mention is not None:
                return Cue(token.lower, mention, None)
    return None
