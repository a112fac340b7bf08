"""One paragraph cut into capitalised words for the actor finder, and what the word lists say about each.

Only capitalised words (and a few lowercase agency names, ``dpa``) are tokens: lowercase words only ever
sit between them, so the text between two tokens (``gap``) tells whether they are adjacent, joined by
name particles (``von der``) or far apart. A :class:`Mention` is what the patterns in
:mod:`articles.actor_patterns`, :mod:`articles.actor_people` and :mod:`articles.actor_organisations` find.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Final

from articles.findings import ActorKind, Span
from articles.gazetteers import LOWER_WORD_BEFORE_CAPITAL, NOT_NAME, Gazetteers, Word

#: Capitalised words (and acronyms, "G7", "al-Assad"): lowercase words only ever sit between them.
TOKEN: Final = re.compile(r"(?<![\w-])((?:al-|el-)?[A-ZÀ-ÖØ-ÞĀ-ſ]\w*(?:[-'’.&]\w+)*|(?:dpa|ots|epd|ddp|kna|sid|sda)\b)")
#: The same without the lowercase starts, twice as fast (the first character is tested before the look-behind).
CAPITALISED_TOKEN: Final = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-ſ](?<![\w-]\w)\w*(?:[-'’.&]\w+)*)")
LOWERCASE_STARTS: Final = (" al-", " el-", "dpa", " ots", "(ots", "epd", "ddp", " kna", "(kna", " sid", "(sid", " sda", "(sda")
#: Shorter pieces, one of which each of the ``LOWERCASE_STARTS`` holds: most paragraphs have none, found in fewer passes.
LOWERCASE_START_PIECES: Final = ("l-", "dp", "epd", "ots", "kna", "sid", "sda")
#: What may stand between two words of one name: a space, or lowercase particles ("von der", "da").
NAME_GAP: Final = re.compile(r" (?:von (?:der |dem |den )?|van (?:der |den |de )?|de (?:la )?|d[aiu] |del |della |la |le |bin |ibn |ter |ten |dos |y )?")
#: After a name: the end of a clause, or a bracket ("so Kolb.", "sagte Kolb (SPD)").
CLAUSE_END: Final = frozenset(",.;:!?()\"“”«»")
#: A bracket after a name that makes it a person: an age ("Klum (37)") or a party ("Merz (CDU)").
AGE_OR_PARTY: Final = re.compile(r" \( ?(?:\d{1,3}|([A-ZÄÖÜ][\w-]*)) ?\)")
#: A place named with a nationality adjective after a preposition: "im englischen Hatfield".
NATIONALITY_BEFORE: Final = re.compile(r"\b(?:im|in|ins|aus|nach|vom) (?:dem |der )?([a-zäöü-]+en) $")
DATELINE: Final = re.compile(r" ?[–-] | ?\( ?(?:dpa|apa|APA|AFP|AP|ots|sda|epd|ddp|Reuters)\b")
WORD_AFTER: Final = re.compile(r" (\w+)")
MAX_NAME_WORDS: Final = 4
MAX_ORGANISATION_WORDS: Final = 4
ARTICLES: Final = ("die ", "der ", "den ", "Die ", "Der ", "Den ", "(")
#: Listed parties that are common words too: a party only after an article ("der Union", not "Union Berlin").
NEEDS_ARTICLE: Final = frozenset({"Grüne", "Grünen", "Linke", "Linken", "Union"})

NOT_SURNAME: Final = NOT_NAME
NOT_SURNAME_AFTER_FIRST_NAME: Final = NOT_SURNAME & ~(Word.NOUN | Word.COMPOUND | Word.HONORIFIC)
#: Cues written abbreviated, with the gap after their full stop: "Dr. Meier".
ABBREVIATED: Final = frozenset({"Dr", "Prof", "Mag", "Ing", "Hr", "Fr", "Mr", "Mrs", "Ms"})
ABBREVIATION_GAPS: Final = frozenset({". ", " . "})
ANY_FIRST_NAME: Final = Word.FIRST_NAME | Word.WEAK_FIRST_NAME
#: A word with none of these flags starts no mention (a legal form is looked for separately).
STARTS_MENTION: Final = (
    Word.ROLE | Word.HONORIFIC | ANY_FIRST_NAME | Word.PLACE | Word.ORGANISATION | Word.ORGANISATION_NAME
) | (Word.ACRONYM | Word.LEAD | Word.NAME_LIKE | Word.ORGANISATION_CUE | Word.MEDIA_CUE | Word.PLACE_PREFIX)
LISTED: Final = Word.LEAD | Word.ORGANISATION | Word.PLACE
ORGANISATION_PATTERN: Final = Word.ORGANISATION_NAME | Word.ACRONYM | Word.ORGANISATION_CUE | Word.MEDIA_CUE | Word.LEAD
#: Lowercase words that may follow "sagte Kolb" ("sagte Kolb der Zeitung", "sagte Kolb am Montag").
AFTER_SPEAKER: Final = frozenset({"der", "dem", "den", "am", "im", "in", "bei", "gegenüber", "vor", "nach", "auf", "dazu", "zuletzt"})
#: A quoted title after a media cue: der Zeitung „Die Welt“.
QUOTED_TITLE: Final = re.compile(r" ?[„\"»“] ?([A-ZÄÖÜ0-9][^„\"»«“”\n]{0,60}?) ?[“\"«”]")
#: Capitals that may open the name after a speech verb (as ``gazetteers.LOWER_WORD_BEFORE_CAPITAL`` reads them).
CUE_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
ADJECTIVE_ENDINGS: Final = ("e", "en", "er", "es", "em")
NOT_ADJECTIVE: Final = Word.FUNCTION | Word.ROLE | Word.PLACE | Word.ORGANISATION | ANY_FIRST_NAME
#: What may join the words of an organisation's name after "für": Bundesamt für Migration und Flüchtlinge.
CONNECTORS: Final = frozenset({" ", " für ", " und ", " der ", " des "})
#: Words between the words of a long form and its acronym: Alternative für Deutschland (AfD).
LONG_FORM_GAPS: Final = frozenset({" ", "-", " für ", " der ", " des ", " und ", " of ", " for ", " and ", " on ", " de ", " du "})
MAX_LONG_FORM_WORDS: Final = 7
#: What joins names in a list: "Pinnick, Tabor und Gaskill".
LIST_GAPS: Final = frozenset({", ", " und ", " sowie ", " oder ", " , "})
#: Words that end a run of capitalised words (see :func:`capitalised_run_end`).
NOT_IN_RUN: Final = Word.FUNCTION | Word.ROLE | Word.HONORIFIC


#: The kinds, read once: an enum member's look-up on its class is slow, and the scan names them often.
PERSON: Final = ActorKind.PERSON
ORGANISATION: Final = ActorKind.ORGANISATION
PLACE: Final = ActorKind.PLACE


# Mention and Found are plain classes with attributes fixed in __init__ (``Final``) rather than frozen dataclasses
# or named tuples: a scan makes one per match, a frozen dataclass's __init__ costs twice as much, and compiled
# (mypyc) they are native classes, built and read without a Python-level call.
class Mention:
    """One mention the patterns found."""

    __slots__ = ("kind", "span", "text", "name", "role")

    def __init__(self, kind: ActorKind, span: Span, text: str, name: str, role: str = "") -> None:
        self.kind: Final = kind
        self.span: Final = span
        self.text: Final = text  # the words as written: "Kölns"
        self.name: Final = name  # the canonical name: "Köln"; for a person, the words as written
        self.role: Final = role


class Found:
    """A pattern's match: the mention and the first token after it."""

    __slots__ = ("mention", "next")

    def __init__(self, mention: Mention, next: int) -> None:
        self.mention: Final = mention
        self.next: Final = next


class Paragraph:
    """One paragraph's capitalised words, with what the gazetteers say about each."""

    __slots__ = ("index", "text", "lists", "words", "starts", "ends", "gaps", "flags", "heads", "before_head",
                 "in_brackets", "long_forms", "bracketed", "after_speech", "special")

    def __init__(self, index: int, text: str, lists: Gazetteers) -> None:
        self.index = index
        self.text = text
        self.lists = lists
        pattern = TOKEN if _has_lowercase_start(text) else CAPITALISED_TOKEN
        pieces = pattern.split(text)  # text, word, text, word, …, text: offsets by adding up lengths, in C
        offsets = list(accumulate(map(len, pieces), initial=0))
        words: list[str] = pieces[1::2]
        self.words = words
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        #: ``gaps[i]``: the text between token ``i - 1`` and token ``i`` ("" before the first token).
        self.gaps: list[str] = pieces[::2]
        self.gaps[0] = ""
        try:
            self.flags: list[int] = list(map(lists.known_words().__getitem__, words))
        except KeyError:  # a word not described yet
            self.flags = list(map(lists.word, words))
        heads = lists.organisation_heads
        self.heads = [] if heads.isdisjoint(words) else [i for i, w in enumerate(words) if w in heads]
        self.before_head = {k for h in self.heads for k in range(h - MAX_ORGANISATION_WORDS, h)}
        #: Tokens right after an opening bracket and before its closing one: "(AfD)", "( BdB )".
        self.in_brackets = _bracketed_tokens(self) if "(" in text else []
        self.long_forms = _long_forms(self) if self.in_brackets else {}
        #: Names in brackets that a long form or an organisation noun before them explains: General Motors (GM),
        #: Bundesverband deutscher Banken (BdB), Atomenergieagentur (Rosatom).
        self.bracketed = _bracketed_names(self, self.long_forms) if self.in_brackets else set()
        #: Tokens right after a speech verb ("sagte Gates"): a person even when a common noun.
        self.after_speech = _after_speech_verbs(self, pieces[0])
        #: Tokens that start no mention by their own flags but may by what is around them.
        self.special = self.before_head | _before_named_heads(self) | self.after_speech
        if self.in_brackets:
            self.special.update(self.long_forms, self.bracketed)
        heads = lists.quoted_organisation_heads
        if not heads.isdisjoint(words):
            self.special.update(k for k, w in enumerate(words) if w in heads)

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.gaps[i]

    def adjacent(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` after a single space."""
        return 0 < i < len(self.words) and self.gaps[i] == " "

    def in_name(self, i: int) -> bool:
        """Whether token ``i`` may continue a name ending at ``i - 1``: after a space, particles or an initial."""
        if not 0 < i < len(self.words):
            return False
        gap = self.gaps[i]
        return gap == " " or _name_gap(gap) or (gap == ". " and len(self.words[i - 1]) == 1)

    def word_before(self, i: int) -> str:
        """The word right before token ``i`` with one space between, lowercase ones included; "" if none."""
        start = self.starts[i]
        if self.text[start - 1 : start] != " ":
            return ""
        word = self.text[self.text.rfind(" ", max(0, start - 40), start - 1) + 1 : start - 1]
        return word if word.replace("-", "").isalnum() else ""

    def _token_at(self, start: int) -> int | None:
        k = bisect_left(self.starts, start)
        return k if k < len(self.starts) and self.starts[k] == start else None

    def first_token_from(self, offset: int, first: int) -> int:
        """The first token from ``first`` on that starts at or after ``offset``; ``len(self)`` if none."""
        return bisect_left(self.starts, offset, first)

    def tokens_in(self, span: Span) -> range:
        """The indices of the tokens that start inside ``span``."""
        return range(bisect_left(self.starts, span.start), bisect_left(self.starts, span.end))

    def span(self, first: int, last: int) -> Span:
        return Span(self.index, self.starts[first], self.ends[last])

    def covered(self, first: int, last: int) -> str:
        return self.text[self.starts[first] : self.ends[last]]


def _has_lowercase_start(text: str) -> bool:
    """Whether ``text`` may hold a token that starts in lowercase (``al-Assad``, ``dpa``): then ``TOKEN`` cuts it."""
    for piece in LOWERCASE_START_PIECES:  # (a loop of native tests when compiled; any(map(…)) calls through Python)
        if piece in text:
            return any(map(text.__contains__, LOWERCASE_STARTS))
    return False


def _before_named_heads(p: Paragraph) -> set[int]:
    """The tokens before a head that a capitalised adjective names: "Hessischer Rundfunk", "Europäische Fußball-Union"."""
    named_heads = p.lists.adjective_heads
    if "-" in p.text and p.lists.hyphenated_adjective_head.search(p.text):  # a hyphenated word's head is its last part
        return {k - 1 for k, w in enumerate(p.words) if (head_noun(w) if "-" in w else w) in named_heads}
    return set() if named_heads.isdisjoint(p.words) else {k - 1 for k, w in enumerate(p.words) if w in named_heads}


def _name_gap(gap: str) -> bool:
    """Whether ``gap`` is one of the particles that join the words of a name (``NAME_GAP``)."""
    if len(gap) > MAX_NAME_GAP or gap[:1] != " ":  # (most gaps: a stretch of lowercase words, never cached)
        return False
    joins = _NAME_GAPS.get(gap)
    if joins is None:
        if len(_NAME_GAPS) >= MAX_CACHED_GAPS:
            _NAME_GAPS.clear()
        joins = _NAME_GAPS[gap] = NAME_GAP.fullmatch(gap) is not None
    return joins


#: The longest text ``NAME_GAP`` matches (" van der ").
MAX_NAME_GAP: Final = 9
MAX_CACHED_GAPS: Final = 1024
#: Short gaps and whether they join a name, as found.
_NAME_GAPS: Final[dict[str, bool]] = {}


def _after_speech_verbs(p: Paragraph, before_first: str) -> set[int]:
    """The tokens that start with a capital right after a speech verb between blanks (" sagte Kolb").

    A one-word verb is the last word of the text before the token (its ``gap``; ``before_first`` for the
    first token), so one set look-up per gap finds them."""
    lists = p.lists
    if lists.speech_cue is not LOWER_WORD_BEFORE_CAPITAL:  # a verb of several words: the pattern finds them
        verbs = lists.speech_verbs
        starts = [m.end() for m in lists.speech_cue.finditer(p.text) if m.group(1) in verbs]
        return {k for k in map(p._token_at, starts) if k is not None}
    spaced = lists.spaced_speech_verbs
    gaps = p.gaps
    found = {k for k in range(1, len(gaps)) if len(gaps[k]) > 3 and gaps[k][gaps[k].rfind(" ", 0, -1):] in spaced}
    if before_first[before_first.rfind(" ", 0, -1):] in spaced and p.words:
        found.add(0)
    return {k for k in found if p.words[k][0] in CUE_CAPITALS} if found else found


def head_noun(word: str) -> str:
    """The last part of a hyphenated compound (``Fußball-Union`` -> ``Union``), else the word."""
    return word.rsplit("-", 1)[-1] if "-" in word else word


def next_has(p: Paragraph, i: int, wanted: int, unwanted: int = 0) -> bool:
    """Whether token ``i + 1`` follows ``i`` after a space and has a ``wanted`` flag and no ``unwanted`` one."""
    if i + 1 >= len(p.words) or p.gaps[i + 1] != " ":
        return False
    flags = p.flags[i + 1]
    return bool(flags & wanted) and not flags & unwanted


def _long_forms(p: Paragraph) -> dict[int, int]:
    """First token -> last token of the long forms before an acronym in brackets: Alternative für Deutschland (AfD)."""
    found = {}
    candidates = [k for k in p.in_brackets if p.flags[k] & (Word.ACRONYM | Word.ORGANISATION)
                  or _acronym_like(p.words[k]) and _closed(p, k)]
    for k in candidates:
        if p.words[k].isalpha():
            first = _long_form_start(p, k - 1, p.words[k].upper())
            if first is not None:
                found[first] = k - 1
    return found


def _acronym_like(word: str) -> bool:
    """Short, starting with a capital and with another one: GM, BdB, VfL (an acronym where brackets define it)."""
    return 2 <= len(word) <= 6 and word[0].isupper() and sum(c.isupper() for c in word) >= 2 and word.isalpha()


def _bracketed_tokens(p: Paragraph) -> list[int]:
    """The tokens right after an opening bracket that follows the token before them: "(AfD", "( BdB"."""
    return [k for k in range(1, len(p.words)) if "(" in p.gaps[k] and p.gaps[k].strip() == "("
            and p.text[p.starts[k] - 2 : p.starts[k]].strip().endswith("(")]


def _closed(p: Paragraph, k: int) -> bool:
    """Whether token ``k`` is all there is in its brackets: "(GM)", "( BdB )"."""
    return p.text[p.ends[k] : p.ends[k] + 2].strip()[:1] == ")"


def _bracketed_names(p: Paragraph, long_forms: dict[int, int]) -> set[int]:
    """Tokens in brackets right after a long form they abbreviate, or after an organisation noun they name."""
    inside = {k for k in p.in_brackets if _closed(p, k)}
    found = {last + 1 for last in long_forms.values() if last + 1 in inside}
    for k in inside:
        if p.flags[k - 1] & (Word.ORGANISATION_CUE | Word.ORGANISATION_NAME) and p.flags[k] & Word.NAME_LIKE \
                and not p.flags[k] & (Word.FIRST_NAME | Word.PLACE):
            found.add(k)
    return found


def _long_form_start(p: Paragraph, last: int, acronym: str) -> int | None:
    """The first token of the long form ending at ``last`` whose initials spell (part of) ``acronym``."""
    first = last
    while first > 0 and last - first < MAX_LONG_FORM_WORDS and _long_form_gap(p.gap(first)):
        first -= 1
    for start in range(first, last):  # the longest run whose initials fit, two words at least
        initials = "".join(p.words[k][0].upper() for k in range(start, last + 1))
        if initials[0] == acronym[0] and _is_subsequence(initials, acronym):
            return start
    return None


def _long_form_gap(gap: str) -> bool:
    """Whether ``gap`` may join two words of a long form: a space, a hyphen or one lowercase word."""
    return gap in LONG_FORM_GAPS or (gap[:1] == " " == gap[-1:] and gap[1:-1].isalpha() and gap[1:-1].islower())


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def is_surname(p: Paragraph, i: int, mask: int = NOT_SURNAME) -> bool:
    """Whether token ``i`` may be a surname: no common word (unless ``mask`` allows it), no acronym or number."""
    flags = p.flags[i]
    if mask == NOT_SURNAME:
        return bool(flags & Word.NAME_LIKE)
    word = p.words[i]
    return not flags & mask and len(word) > 1 and not word.isupper() and not any(c.isdigit() for c in word)


def name_end(p: Paragraph, i: int, mask: int) -> int:
    """The last token of a name whose first surname word is ``i`` (``Kim Jong Un``, ``Van der Bellen``)."""
    last = i
    j = i + 1
    while j < len(p.words) and j - i < MAX_NAME_WORDS and p.in_name(j):
        if p.flags[j] & Word.PARTICLE:  # "Alexander Van der Bellen"
            j += 1
            continue
        after_first_name = p.flags[j - 1] & Word.FIRST_NAME and j - 1 == last
        if not is_surname(p, j, mask if after_first_name else NOT_SURNAME):
            break
        if p.gaps[j] not in (" ", ". ") and not after_first_name:  # "von der" follows a first name only
            break
        last = j
        j += 1
    return last


def sentence_start(p: Paragraph, i: int) -> bool:
    """Whether token ``i`` starts a sentence (or the paragraph), opening quotes and brackets aside."""
    k = p.starts[i] - 1
    while k >= 0 and p.text[k] in " „“\"»«‚‘'(":
        k -= 1
    return k < 0 or p.text[k] in ".!?:;–—"


def capitalised_run_end(p: Paragraph, i: int) -> int:
    """The last of the capitalised words from ``i`` on that continue a name (``FC Carl Zeiss Jena``)."""
    last = i
    count = len(p.words)
    while last + 1 < count and last - i < MAX_ORGANISATION_WORDS and p.gaps[last + 1] == " ":
        if p.flags[last + 1] & NOT_IN_RUN or not p.flags[last + 1] & Word.CAPITALISED:
            break
        last += 1
    return last
