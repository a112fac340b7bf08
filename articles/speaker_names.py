"""From a speaker phrase to the named mention a quote is attributed to.

With person mentions from the actor analysis, a name phrase is the mention it overlaps. Without them
(or where they say nothing) the phrase's own words are the name; a single capitalised word at a
sentence start counts only if the article also writes it capitalised inside a sentence, since German
capitalises the first word of every sentence (``Weiter sagte …``). A pronoun points back to the latest
named mention before it outside quotes, at most two paragraphs back, whose gender (from a title or role
such as ``Frau`` or ``Sprecherin``) does not contradict it; ``sie`` with a plural verb is left unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.findings import Span
from articles.model import Paragraph
from articles.quote_marks import Marked
from articles.speakers import Mention, role_names, word_before
from articles.speech_data import SpeechData

Named = tuple[Span, str]

_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:“”\"»«]\s*)$")
_AFTER_ARTICLE = re.compile(r"\b(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e|en|em|er|es)?) +([A-ZÄÖÜ][\w'’-]*)")
_MID_SENTENCE = re.compile(r"(?<=[\w,;)–-]) +([A-ZÄÖÜ][\w'’-]*)")
#: How many paragraphs back a pronoun may look for its person.
_PRONOUN_REACH = 2


class SpeakerNames:
    """Named mentions of one article, in text order, for attributing quotes."""

    def __init__(self, paragraphs: Sequence[Paragraph], people: Sequence[Named], data: SpeechData) -> None:
        self._texts = {paragraph.index: paragraph.text for paragraph in paragraphs}
        self._order = {paragraph.index: position for position, paragraph in enumerate(paragraphs)}
        self._people = [(named, _gender_before(self._texts[named[0].paragraph], named[0].start, data))
                        for named in sorted(people)]
        self._found: list[tuple[Named, str]] = []  # names read from speaker phrases, with gender
        self._quoted: dict[int, list[tuple[int, int]]] = {}
        self._introduced: dict[int, list[tuple[Named, str]]] = {}  # role + name mentions, read on demand
        self._after_article: set[str] | None = None  # capitalised words after an article, read on demand
        self._mid_sentence: set[str] | None = None  # capitalised words inside sentences, read on demand
        self._data = data

    def enter(self, paragraph: int, marks: Sequence[Marked]) -> None:
        """Note the paragraph's quotes: a person named inside a quote is no antecedent."""
        self._quoted[paragraph] = [(mark.start, mark.end) for mark in marks if mark.depth == 0]

    def named(self, paragraph: int, mention: Mention, verb: str) -> Named | None:
        """The named mention a speaker phrase stands for; a pronoun's antecedent; None if unknown."""
        if mention.kind == "pronoun":
            if mention.gender == "f" and verb.endswith("en"):
                return None  # sie sagten: plural
            return self._antecedent(paragraph, mention.start, mention.gender)
        if mention.kind != "name":
            return None
        for (span, name), _ in self._people:
            if span.paragraph == paragraph and span.start < mention.end and mention.start < span.end:
                return span, name
        text = self._texts[paragraph]
        word = text[mention.start:mention.end]
        if " " not in word and (self._common_noun(word) or (
                _SENTENCE_OPENING.search(text, 0, mention.start) and not self._inside(word))):
            return None
        found = (Span(paragraph, mention.start, mention.end), word)
        self._found.append((found, mention.gender))
        return found

    def _common_noun(self, word: str) -> bool:
        """Whether ``word`` stands right after an article somewhere in the article (die Kritik): no name."""
        if self._after_article is None:
            self._after_article = {found for text in self._texts.values() for found in _AFTER_ARTICLE.findall(text)}
        return word in self._after_article

    def _inside(self, word: str) -> bool:
        """Whether ``word`` also stands capitalised inside a sentence somewhere in the article."""
        if self._mid_sentence is None:
            self._mid_sentence = {found for text in self._texts.values() for found in _MID_SENTENCE.findall(text)}
        return word in self._mid_sentence

    def _antecedent(self, paragraph: int, position: int, gender: str) -> Named | None:
        """The latest fitting person before the pronoun: a speaker found so far, else (without the actor
        analysis) a person introduced by a role nearby, but only when that person is the only one."""
        here = (self._order[paragraph], position)
        pools = [self._people] if self._people else [self._found_names(), self._nearby_role_names(paragraph)]
        for number, pool in enumerate(pools):
            fitting = [(key, named) for key, named in self._fitting(pool, here, gender)]
            if number == 1 and len({named[1] for _, named in fitting}) > 1:
                return None  # several people introduced nearby: which one is meant is a guess
            if fitting:
                return max(fitting)[1]
        return None

    def _fitting(self, pool: list[tuple[Named, str]], here: tuple[int, int],
                 gender: str) -> list[tuple[tuple[int, int], Named]]:
        fitting = []
        for named, known_gender in pool:
            span = named[0]
            key = (self._order[span.paragraph], span.start)
            if key >= here or here[0] - key[0] > _PRONOUN_REACH or self._in_quote(span):
                continue
            if not (gender and known_gender and gender != known_gender):
                fitting.append((key, named))
        return fitting

    def _found_names(self) -> list[tuple[Named, str]]:
        return self._found

    def _nearby_role_names(self, paragraph: int) -> list[tuple[Named, str]]:
        order = self._order[paragraph]
        nearby = [index for index, position in self._order.items() if order - _PRONOUN_REACH <= position <= order]
        return [named for index in nearby for named in self._role_names(index)]

    def _role_names(self, paragraph: int) -> list[tuple[Named, str]]:
        """Without the actor analysis: names introduced by a role or title (Präsident Petr Pavel)."""
        if paragraph not in self._introduced:
            text = self._texts[paragraph]
            self._introduced[paragraph] = [
                ((Span(paragraph, mention.start, mention.end), text[mention.start:mention.end]), mention.gender)
                for mention in role_names(text, self._data)]
        return self._introduced[paragraph]

    def _in_quote(self, span: Span) -> bool:
        return any(start < span.start < end for start, end in self._quoted.get(span.paragraph, ()))


def _gender_before(text: str, start: int, data: SpeechData) -> str:
    """The gender a title or role right before a name gives (Frau, Sprecherin → f; Herr → m)."""
    lower = word_before(text, start).lower()
    if lower in data.female_words or (lower.endswith("in") and data.is_role(lower)):
        return "f"
    return "m" if lower in data.male_words else ""
