"""From a speaker phrase to the named mention a quote is attributed to.

With person mentions from the actor analysis, a name phrase is the mention it overlaps. Without them
(or where they say nothing) the phrase's own words are the name; a single capitalised word at a
sentence start counts only if the article also writes it capitalised inside a sentence, since German
capitalises the first word of every sentence (``Weiter sagte …``). A pronoun points back to the latest
named mention before it outside quotes, at most two paragraphs back, whose gender (from a title or role
such as ``Frau`` or ``Sprecherin``) does not contradict it; ``sie`` with a plural verb is left unknown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from articles import text_case
from articles.findings import Span
from articles.model import Paragraph
from articles.quote_marks import Marked
from articles.speakers import Mention, role_names
from articles.speech_data import SpeechData
from articles.speech_tokens import word_before

Named = tuple[Span, str]

_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:“”\"»«]\s*)$")
_MID_SENTENCE = re.compile(r"[\w,;)–-] {1,2}$")  # before a word inside a sentence
#: No person mention is longer than this; it bounds the search for the one a phrase overlaps.
_LONGEST_NAME = 120
#: How many paragraphs back a pronoun may look for its person.
_PRONOUN_REACH = 2


class SpeakerNames:
    """Named mentions of one article, in text order, for attributing quotes."""

    def __init__(self, paragraphs: Sequence[Paragraph], people: Sequence[Named], data: SpeechData) -> None:
        self._texts = {paragraph.index: paragraph.text for paragraph in paragraphs}
        self._order = {paragraph.index: position for position, paragraph in enumerate(paragraphs)}
        self._paragraphs = [paragraph.index for paragraph in paragraphs]
        order = self._order  # people in text order (the number keeps equal keys in their order, as sorted does)
        ranked = sorted([((order[named[0].paragraph], named[0].start), number, named)
                         for number, named in enumerate(people)])
        self._people = [named for _, _, named in ranked]
        self._people_keys = [key for key, _, _ in ranked]
        self._genders: dict[int, str] = {}  # of people, by number in ``_people``: read on demand
        self._found: list[tuple[Named, str]] = []  # names read from speaker phrases, with gender
        self._quoted: dict[int, list[tuple[int, int]]] = {}
        self._introduced: dict[int, list[tuple[Named, str]]] = {}  # role + name mentions, read on demand
        self._word_uses: dict[str, list[tuple[str, int]]] = {}  # where single-word names stand, read on demand
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
        order = self._order[paragraph]
        for number in range(bisect.bisect_left(self._people_keys, (order, mention.end)), 0, -1):
            person = self._people[number - 1]
            if self._people_keys[number - 1] < (order, mention.start - _LONGEST_NAME):
                break
            if person[0].start < mention.end and mention.start < person[0].end:
                self._found.append(self._person(number - 1))
                return person
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
        return any(text_case.lower(word_before(text, index, 15)) in self._data.determiners for text, index in self._uses(word))

    def _inside(self, word: str) -> bool:
        """Whether ``word`` also stands capitalised inside a sentence somewhere in the article."""
        return any(_MID_SENTENCE.search(text, max(0, index - 3), index) for text, index in self._uses(word))

    def _uses(self, word: str) -> list[tuple[str, int]]:
        """Where ``word`` stands as a whole word in the article's paragraphs (cached)."""
        if word not in self._word_uses:
            self._word_uses[word] = [(text, index) for text in self._texts.values() for index in _find_word(text, word)]
        return self._word_uses[word]

    def _antecedent(self, paragraph: int, position: int, gender: str) -> Named | None:
        """The latest fitting person before the pronoun: a speaker found so far, else (without the actor
        analysis) a person introduced by a role nearby, but only when that person is the only one."""
        here = (self._order[paragraph], position)
        found = self._latest(self._found.__getitem__, len(self._found), here, gender)  # speakers first
        if found is not None or self._people:
            return found or self._latest(self._person, bisect.bisect_left(self._people_keys, here), here, gender)
        nearby = [named for named in self._nearby_role_names(paragraph) if self._fits(named, here, gender)]
        if len({named[0][1] for named in nearby}) != 1:
            return None  # nobody, or several people introduced nearby: which one is meant is a guess
        return max(nearby, key=lambda named: self._key(named[0][0]))[0]

    def _latest(self, pool: Callable[[int], tuple[Named, str]], size: int, here: tuple[int, int],
                gender: str) -> Named | None:
        """The last fitting mention of the first ``size`` in ``pool`` (in text order) before ``here``, within
        reach; ``pool(number)`` gives mention ``number`` with its gender."""
        for number in range(size, 0, -1):
            candidate = pool(number - 1)
            if here[0] - self._key(candidate[0][0])[0] > _PRONOUN_REACH:
                return None
            if self._fits(candidate, here, gender):
                return candidate[0]
        return None

    def _fits(self, candidate: tuple[Named, str], here: tuple[int, int], gender: str) -> bool:
        (span, _), known_gender = candidate
        key = self._key(span)
        if key >= here or here[0] - key[0] > _PRONOUN_REACH or self._in_quote(span):
            return False
        return not (gender and known_gender and gender != known_gender)

    def _person(self, number: int) -> tuple[Named, str]:
        """Person ``number`` with the gender the title or role before the mention gives."""
        named = self._people[number]
        if number not in self._genders:
            self._genders[number] = _gender_before(self._texts[named[0].paragraph], named[0].start, self._data)
        return named, self._genders[number]

    def _key(self, span: Span) -> tuple[int, int]:
        return self._order[span.paragraph], span.start

    def _nearby_role_names(self, paragraph: int) -> list[tuple[Named, str]]:
        order = self._order[paragraph]
        nearby = self._paragraphs[max(0, order - _PRONOUN_REACH):order + 1]
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
        quoted = self._quoted.get(span.paragraph, [])
        index = bisect.bisect_left(quoted, (span.start, 0)) - 1
        return index >= 0 and quoted[index][0] < span.start < quoted[index][1]


def _find_word(text: str, word: str) -> list[int]:
    found = []
    index = text.find(word)
    while index >= 0:
        end = index + len(word)
        if (index == 0 or not text[index - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append(index)
        index = text.find(word, end)
    return found


def _gender_before(text: str, start: int, data: SpeechData) -> str:
    """The gender a title or role right before a name gives (Frau, Sprecherin → f; Herr → m)."""
    lower = text_case.lower(word_before(text, start))
    if lower in data.female_words or data.is_feminine_role(lower):
        return "f"
    return "m" if lower in data.male_words else ""
