"""Quoted speech or quoted term: what a pair of quotation marks holds.

Speech: a quote with a speech tag, a sentence, first-person words, a long stretch of prose, a fragment
of three or more words that starts in lower case, a judgement after ``als``/``von`` with a verb such as
``bezeichnete`` or ``sprach``, or a phrase in a sentence that reports speech (der Plan sei
„unausgegoren“) or follows one.

A term: a quoted name or title (every word capitalised but function words), anything right after a
word such as ``sogenannte``, ``Motto``, ``Titel`` or a media noun (``Tageszeitung „Die Zeit“``) or in
parentheses, a name followed by its abbreviation (``„Allianz für Europa“ (AfE)``), a capitalised name in
the genitive of a noun (``Träger des „…-Preises“``), a short quoted name standing as a source (``laut
„tagesschau.de“``, ``„BBC News“ berichtet``), and any other short phrase.
"""

from __future__ import annotations

import re

from articles import text_case
from articles.findings import QuoteKind
from articles.quote_marks import Marked
from articles.speakers import Tag
from articles.speech_tokens import Token, tokens, tokens_before, word_before
from articles.speech_data import SpeechData

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZÄÖÜ][A-Za-zÄÖÜäöü.-]{0,9}\)")
_SENTENCE_END = re.compile(r"[.!?…]\W*$")
#: A quoted phrase this long that reads like prose (not a title) is speech even without a tag.
_PROSE_WORDS = 6
#: A quoted phrase this long that starts in lower case is a fragment of speech (titles start capitalised).
_FRAGMENT_WORDS = 3
#: A quoted name or title standing as a source (laut „X“) is at most this long.
_NAME_WORDS = 5


def quote_kind(text: str, mark: Marked, tag: Tag | None, sentence_start: int, sentence_end: int,
               data: SpeechData, in_speech: bool = False) -> QuoteKind:
    """Direct speech or a term, for an outermost quote of a sentence; ``tag``: the speech tag beside it."""
    inner = text[mark.inner_start:mark.inner_end]
    words = _WORD.findall(inner)
    previous = word_before(text, mark.start, 40)
    adjacent = text[max(0, mark.start - 2):mark.start].strip()
    if not words or (data.is_term_cue(previous) and (not adjacent or adjacent[-1].isalpha())) or adjacent == "(":
        return QuoteKind.TERM
    if _ACRONYM_AFTER.match(text, mark.end):
        return QuoteKind.TERM  # „Allianz für Europa“ (AfE): a name with its abbreviation
    if _institution_or_law(inner, words, data):
        return QuoteKind.TERM  # „Gesetz zur Bekämpfung …“, „Gesellschaft zur Förderung Freien Wissens e.V.“
    speech = _speech_like(inner, words, data)
    if not speech and words[0][0].isupper() and _genitive_of_noun(text, mark, data):
        return QuoteKind.TERM  # Träger des „Sacharow-Preises für geistige Freiheit“: a name in the genitive
    if not speech and _named_source(text, mark, words, text_case.lower(previous), data):
        return QuoteKind.TERM  # laut „tagesschau.de“; „BBC News“ berichtet: a name that is the source
    if not speech and text[sentence_start:mark.start].rstrip().endswith(":") and _has_word(
            text, sentence_start, mark.start, data.title_nouns):
        return QuoteKind.TERM  # stellte die neue CD der Gruppe vor: „Have a nice day“
    if speech or (tag is not None and not (tag.cue == ":" and _title_like(words, data))):
        return QuoteKind.DIRECT
    before = tokens_before(text, sentence_start, mark.start, 4)
    after_as = _after_as_word(before, data, data.as_words)
    if after_as and _has_word(text, sentence_start, sentence_end, data.as_verbs):
        return QuoteKind.DIRECT  # sprach von einer „Gefahr für Leib und Leben“
    if _after_as_word(before, data, data.naming_articles) and _has_word(text, sentence_start, sentence_end,
                                                                         data.naming_verbs):
        return QuoteKind.DIRECT  # nannte den Bericht eine „Zeitungsente“
    if _title_like(words, data) and (len(words) == 1 or not _german_phrase(words, data) or after_as):
        return QuoteKind.TERM  # a name or title, also one someone is presented as (… sich als „Leiter des …“)
    if (in_speech and not _apposition(text, sentence_start, mark, words)) or _reported(
            text, sentence_start, sentence_end, mark, data):
        return QuoteKind.DIRECT
    if len(words) >= _FRAGMENT_WORDS and words[0][0].islower():
        return QuoteKind.DIRECT  # „auf ganzer Linie versagt“: a fragment of someone's words, no title
    return QuoteKind.TERM


def _institution_or_law(inner: str, words: list[str], data: SpeechData) -> bool:
    """The quoted name of a law, programme or institution, or of a company with its legal form."""
    if any(token.rstrip(",;") in data.legal_forms for token in inner.split()[1:]):
        return True
    return (len(words) >= 3 and words[0][0].isupper() and text_case.lower(words[0]) in data.name_heads
            and text_case.lower(words[1]) in data.name_connectors)


def _apposition(text: str, sentence_start: int, mark: Marked, words: list[str]) -> bool:
    """A capitalised quote right after a noun inside the sentence (Dokumentation „Eine unbequeme Wahrheit“):
    the noun's name or title, not speech carried on from the sentence before."""
    before = text[sentence_start:mark.start]
    noun = word_before(text, mark.start, 40)
    return (words[0][0].isupper() and bool(noun) and noun[0].isupper() and before.endswith(noun + " ")
            and bool(before[:-len(noun) - 1].strip()))


def _german_phrase(words: list[str], data: SpeechData) -> bool:
    """Nouns joined by German function words (Opfer des Terrorismus): a phrase, not an English title."""
    return any(word in data.genitive_articles or word in data.prepositions or word in ("und", "oder")
               for word in map(text_case.lower, words[1:-1]))


def _after_as_word(before: list[Token], data: SpeechData, wanted: frozenset[str]) -> bool:
    """``als „…“``, ``von einer „…“``: a ``wanted`` word (an as-word, a naming article) among the tokens
    ``before`` the quote, past an article and adjectives."""
    for token in reversed(before):
        if token.lower in wanted:
            return True
        if token.lower not in data.determiners and not (token.text[0].islower()
                                                        and token.text.endswith(data.adjective_endings)):
            return False
    return False


def _genitive_of_noun(text: str, mark: Marked, data: SpeechData) -> bool:
    """The quote follows a noun and a genitive article (Teile des „…“, ein Sprecher der „…“)."""
    before = tokens_before(text, max(0, mark.start - 60), mark.start, 2)
    return (len(before) == 2 and before[1].lower in data.genitive_articles and before[0].capitalised
            and before[0].text[0].isalpha())


def _named_source(text: str, mark: Marked, words: list[str], previous: str, data: SpeechData) -> bool:
    """A short quoted name in the place of a source: after ``laut``, or before a speech verb (no comma)."""
    if len(words) > _NAME_WORDS:
        return False
    if previous in data.source_before:
        return True
    if not words[0][0].isupper():
        return False  # als „extrem“ bezeichnet: a judgement, not a name
    following = tokens(text, mark.end, min(len(text), mark.end + 60), 3)
    if following and following[0].lower in data.speech_verbs:
        return True
    return previous in data.determiners and any(token.lower in data.speech_verbs for token in following)


def inner_kind(text: str, mark: Marked, data: SpeechData) -> QuoteKind:
    """Direct speech or a term, for a quote inside another quote: speech only if it reads like speech."""
    inner = text[mark.inner_start:mark.inner_end]
    words = _WORD.findall(inner)
    return QuoteKind.DIRECT if words and _speech_like(inner, words, data) else QuoteKind.TERM


def _speech_like(inner: str, words: list[str], data: SpeechData) -> bool:
    if not data.first_person.isdisjoint(map(str.lower, words)):
        return True
    if len(words) >= 3 and _SENTENCE_END.search(inner) is not None:
        return True
    return len(words) >= _PROSE_WORDS and not _title_like(words, data)


def _title_like(words: list[str], data: SpeechData) -> bool:
    """Every word capitalised but short function words: a name or title (Koalition der Willigen)."""
    return all(word[0].isupper() or text_case.lower(word) in data.name_particles or len(word) <= 3 for word in words)


def _has_word(text: str, start: int, end: int, wanted: frozenset[str]) -> bool:
    return not wanted.isdisjoint(map(str.lower, _WORD.findall(text, start, end)))


def _reported(text: str, start: int, end: int, mark: Marked, data: SpeechData) -> bool:
    """The sentence around the quote reports speech: a speech verb or a Konjunktiv outside the quote."""
    words = _WORD.findall(text, start, mark.start) + _WORD.findall(text, mark.end, end)
    return not data.reporting_words.isdisjoint(map(str.lower, words))
