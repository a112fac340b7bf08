"""Find mentions of people, organisations and places in one paragraph.

German capitalises every noun, so a capital letter proves nothing. A mention needs evidence:

- a person: a first name followed by a surname (``Keir Starmer``), a role cue or honorific followed by a
  name that is no common noun (``Bundeskanzler Merz``, ``Frau Baerbock``), or a name with a party in
  brackets (``Merz (CDU)``);
- an organisation: a listed name (``NATO``, ``Weißes Haus``), a ministry (``Außenministerium``), a legal
  form (``Siemens AG``), a leading word (``Universität Wien``) or an unlisted acronym (``UNHCR``);
- a place: a listed country or place name, or its genitive (``Frankreichs``).

Words between a role cue and the name it introduces make up the stated role (``Großbritanniens
Premierminister``). Mentions never overlap; the caller (:mod:`articles.actors`) merges them into actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from articles.findings import ActorKind, Span
from articles.gazetteers import NOT_NAME, Gazetteers, Word

#: Capitalised words (and acronyms, "G7", "al-Assad"): lowercase words only ever sit between them.
TOKEN = re.compile(r"(?<![\w-])((?:al-|el-)?[A-ZÀ-ÖØ-ÞĀ-ſ]\w*(?:[-'’.&]\w+)*|(?:dpa|ots|epd|ddp|kna|sid|sda)\b)")
#: What may stand between two words of one name: a space, or lowercase particles ("von der", "da").
NAME_GAP = re.compile(r" (?:von (?:der |dem |den )?|van (?:der |den |de )?|de (?:la )?|d[aiu] |del |della |la |le |bin |ibn |ter |ten |dos |y )?")
#: After a name: the end of a clause, or a bracket ("so Kolb.", "sagte Kolb (SPD)").
CLAUSE_END = frozenset(",.;:!?()\"“”«»")
#: A bracket after a name that makes it a person: an age ("Klum (37)") or a party ("Merz (CDU)").
AGE_OR_PARTY = re.compile(r" \( ?(?:\d{1,3}|([A-ZÄÖÜ][\w-]*)) ?\)")
#: A place named with a nationality adjective after a preposition: "im englischen Hatfield".
NATIONALITY_BEFORE = re.compile(r"\b(?:im|in|ins|aus|nach|vom) (?:dem |der )?([a-zäöü-]+en) $")
DATELINE = re.compile(r" ?[–-] | ?\( ?(?:dpa|apa|APA|AFP|AP|ots|sda|epd|ddp|Reuters)\b")
WORD_AFTER = re.compile(r" (\w+)")
MAX_NAME_WORDS = 4
MAX_ORGANISATION_WORDS = 4
ARTICLES = ("die ", "der ", "den ", "Die ", "Der ", "Den ", "(")
NEEDS_ARTICLE = frozenset({"Grüne", "Grünen", "Linke", "Linken"})

NOT_SURNAME = NOT_NAME
NOT_SURNAME_AFTER_FIRST_NAME = NOT_SURNAME & ~(Word.NOUN | Word.COMPOUND)
ANY_FIRST_NAME = Word.FIRST_NAME | Word.WEAK_FIRST_NAME
#: A word with none of these flags starts no mention (a legal form is looked for separately).
STARTS_MENTION = (
    Word.ROLE | Word.HONORIFIC | ANY_FIRST_NAME | Word.PLACE | Word.ORGANISATION | Word.ORGANISATION_NAME
) | (Word.ACRONYM | Word.LEAD | Word.NAME_LIKE | Word.ORGANISATION_CUE | Word.MEDIA_CUE | Word.PLACE_PREFIX)
LISTED = Word.LEAD | Word.ORGANISATION | Word.PLACE
ORGANISATION_PATTERN = Word.ORGANISATION_NAME | Word.ACRONYM | Word.ORGANISATION_CUE | Word.MEDIA_CUE | Word.LEAD
#: Lowercase words that may follow "sagte Kolb" ("sagte Kolb der Zeitung", "sagte Kolb am Montag").
AFTER_SPEAKER = frozenset({"der", "dem", "den", "am", "im", "in", "bei", "gegenüber", "vor", "nach", "auf", "dazu", "zuletzt"})
#: A quoted title after a media cue: der Zeitung „Die Welt“.
QUOTED_TITLE = re.compile(r" ?[„\"»“] ?([A-ZÄÖÜ0-9][^„\"»«“”\n]{0,60}?) ?[“\"«”]")
#: What joins names in a list: "Pinnick, Tabor und Gaskill".
LIST_GAPS = frozenset({", ", " und ", " sowie ", " oder ", " , "})


@dataclass(frozen=True)
class Mention:
    kind: ActorKind
    span: Span
    text: str  # the words as written: "Kölns"
    name: str  # the canonical name: "Köln"; for a person, the words as written
    role: str = ""


@dataclass(frozen=True)
class Found:
    mention: Mention
    next: int  # the first token after the match


class Paragraph:
    """One paragraph's capitalised words, with what the gazetteers say about each."""

    def __init__(self, index: int, text: str, lists: Gazetteers) -> None:
        self.index = index
        self.text = text
        self.lists = lists
        pieces = TOKEN.split(text)  # text, word, text, word, …, text: offsets by adding up lengths, in C
        offsets = list(accumulate(map(len, pieces), initial=0))
        self.words: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        known = lists.known_words()
        self.flags = [known[w] if w in known else lists.word(w) for w in self.words]
        heads = lists.organisation_heads
        self.heads = [i for i, w in enumerate(self.words) if w in heads]
        self.before_head = {k for h in self.heads for k in range(h - MAX_ORGANISATION_WORDS, h)}

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.text[self.ends[i - 1] : self.starts[i]]

    def adjacent(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` after a single space."""
        return 0 < i < len(self.words) and self.text[self.ends[i - 1] : self.starts[i]] == " "

    def in_name(self, i: int) -> bool:
        """Whether token ``i`` may continue a name ending at ``i - 1``: after a space, particles or an initial."""
        if not 0 < i < len(self.words):
            return False
        gap = self.text[self.ends[i - 1] : self.starts[i]]
        return gap == " " or NAME_GAP.fullmatch(gap) is not None or (gap == ". " and len(self.words[i - 1]) == 1)

    def word_before(self, i: int) -> str:
        """The word right before token ``i`` with one space between, lowercase ones included; "" if none."""
        start = self.starts[i]
        if self.text[start - 1 : start] != " ":
            return ""
        word = self.text[self.text.rfind(" ", max(0, start - 40), start - 1) + 1 : start - 1]
        return word if word.replace("-", "").isalnum() else ""

    def span(self, first: int, last: int) -> Span:
        return Span(self.index, self.starts[first], self.ends[last])

    def covered(self, first: int, last: int) -> str:
        return self.text[self.starts[first] : self.ends[last]]


def _next_has(p: Paragraph, i: int, wanted: int, unwanted: int = 0) -> bool:
    """Whether token ``i + 1`` follows ``i`` after a space and has a ``wanted`` flag and no ``unwanted`` one."""
    if i + 1 >= len(p) or not p.adjacent(i + 1):
        return False
    return bool(p.flags[i + 1] & wanted) and not p.flags[i + 1] & unwanted


def scan(paragraph: Paragraph) -> list[Mention]:
    """All mentions in ``paragraph``, left to right, without overlaps."""
    found: list[Mention] = []
    i = 0
    flags = paragraph.flags
    while i < len(flags):
        if flags[i] & STARTS_MENTION or i in paragraph.before_head:
            match = _match_at(paragraph, i)
            if match is not None:
                found.append(match.mention)
                i = match.next
                continue
        i += 1
    return _with_listed_names(paragraph, found)


def _with_listed_names(p: Paragraph, found: list[Mention]) -> list[Mention]:
    """Add the surnames listed beside a person's name: "Pinnick, Tabor und Gaskill"."""
    if not any(m.kind is ActorKind.PERSON for m in found):
        return found
    first_token = {start: k for k, start in enumerate(p.starts)}
    last_token = {end: k for k, end in enumerate(p.ends)}
    taken = {k for m in found for k in range(first_token.get(m.span.start, -1), last_token.get(m.span.end, -2) + 1)}
    queue = [m for m in found if m.kind is ActorKind.PERSON]
    while queue:
        m = queue.pop()
        for k in (first_token.get(m.span.start, -1) - 1, last_token.get(m.span.end, -2) + 1):
            if 0 <= k < len(p) and k not in taken and p.flags[k] & Word.NAME_LIKE and _listed_beside(p, k, m):
                if p.word_before(k) in p.lists.determiners:
                    continue
                taken.add(k)
                queue.append(_person(p, k, k, ""))
                found.append(queue[-1])
    return sorted(found, key=lambda m: m.span)


def _listed_beside(p: Paragraph, k: int, m: Mention) -> bool:
    """Whether token ``k`` and mention ``m`` are neighbours in a list."""
    gap = p.text[p.ends[k] : m.span.start] if p.ends[k] <= m.span.start else p.text[m.span.end : p.starts[k]]
    return gap in LIST_GAPS and not p.flags[k] & ANY_FIRST_NAME


def _match_at(p: Paragraph, i: int) -> Found | None:
    flags = p.flags[i]
    if flags & (Word.ROLE | Word.HONORIFIC):
        found = _person_after_cue(p, i)
        if found is not None:
            return found
    if flags & ANY_FIRST_NAME:
        found = _person_by_first_name(p, i, "")
        if found is not None:
            return found
    if i in p.before_head:
        last = _legal_form_end(p, i)
        if last is not None:
            return _organisation(p, i, last)
    found = _listed(p, i) if flags & LISTED else None
    if found is None and flags & ORGANISATION_PATTERN:
        found = _organisation_by_pattern(p, i)
    if found is None and flags & (Word.PLACE_PREFIX | Word.LEAD | Word.NAME_LIKE):
        found = _place_by_pattern(p, i)
    if found is None and flags & Word.NAME_LIKE:
        found = _person_by_context(p, i)
    return found


def _is_surname(p: Paragraph, i: int, mask: int = NOT_SURNAME) -> bool:
    """Whether token ``i`` may be a surname: no common word (unless ``mask`` allows it), no acronym or number."""
    flags = p.flags[i]
    if mask == NOT_SURNAME:
        return bool(flags & Word.NAME_LIKE)
    word = p.words[i]
    return not flags & mask and len(word) > 1 and not word.isupper() and not any(c.isdigit() for c in word)


def _name_end(p: Paragraph, i: int, mask: int) -> int:
    """The last token of a name whose first surname word is ``i`` (``Kim Jong Un``, ``Van der Bellen``)."""
    last = i
    j = i + 1
    while j < len(p) and j - i < MAX_NAME_WORDS and p.in_name(j):
        if p.flags[j] & Word.PARTICLE:  # "Alexander Van der Bellen"
            j += 1
            continue
        after_first_name = p.flags[j - 1] & Word.FIRST_NAME and j - 1 == last
        if not _is_surname(p, j, mask if after_first_name else NOT_SURNAME):
            break
        if p.gap(j) not in (" ", ". ") and not after_first_name:  # "von der" follows a first name only
            break
        last = j
        j += 1
    return last


def _person_by_first_name(p: Paragraph, i: int, role: str) -> Found | None:
    """``Keir Starmer``, ``John F. Kennedy``, ``Ursula von der Leyen``; a weak first name needs a clear surname."""
    j = i + 1
    if j >= len(p) or not p.in_name(j):
        return None
    if len(p.words[j]) == 1:  # a middle initial
        j += 1
        if not p.in_name(j) or p.gap(j) != ". ":
            return None
    weak = p.flags[i] & (Word.WEAK_FIRST_NAME | Word.PLACE | Word.ORGANISATION)
    mask = NOT_SURNAME if weak else NOT_SURNAME_AFTER_FIRST_NAME
    if p.flags[j] & Word.FIRST_NAME and not p.flags[j] & Word.WEAK_FIRST_NAME:
        mask = NOT_SURNAME_AFTER_FIRST_NAME  # "Recep Tayyip Erdoğan", "Jean Claude Juncker"
    if not _is_surname(p, j, mask):
        return None
    last = _name_end(p, j, mask)
    return Found(_person(p, i, last, role), last + 1)


def _person_after_cue(p: Paragraph, i: int) -> Found | None:
    """``Bundeskanzler Friedrich Merz``, ``Großbritanniens Premierminister Starmer``, ``Frau Baerbock``."""
    j = i + 1
    if j >= len(p) or not p.adjacent(j):
        return None
    role = _role_text(p, i)
    if p.flags[j] & ANY_FIRST_NAME:
        found = _person_by_first_name(p, j, role)
        if found is not None:
            return found
    if not _is_surname(p, j) or p.flags[j] & ANY_FIRST_NAME:
        return None
    last = _name_end(p, j, NOT_SURNAME)
    return Found(_person(p, j, last, role), last + 1)


def _role_text(p: Paragraph, i: int) -> str:
    """The role cue with a genitive place or nationality adjective before it; honorifics are no role."""
    if p.flags[i] & Word.HONORIFIC and not p.flags[i] & Word.ROLE:
        return ""
    before = p.word_before(i)
    if p.adjacent(i) and p.flags[i - 1] & Word.PLACE and before.endswith("s"):  # "Großbritanniens Premier"
        return p.covered(i - 1, i)
    if before and p.lists.is_nationality(before.lower()):  # "britische Premier"
        return p.text[p.starts[i] - len(before) - 1 : p.ends[i]]
    return p.words[i]


def _listed(p: Paragraph, i: int) -> Found | None:
    """A name from the gazetteers: the longest phrase starting here, else the word itself."""
    for form, name, kind in p.lists.phrases.get(p.words[i], ()):
        last = _phrase_end(p, i, form)
        if last is not None:
            return Found(Mention(ActorKind(kind), p.span(i, last), form, name), last + 1)
    flags = p.flags[i]
    word = p.words[i]
    if flags & Word.ORGANISATION and (word not in NEEDS_ARTICLE or _after_article(p, i)):
        return Found(Mention(ActorKind.ORGANISATION, p.span(i, i), word, p.lists.organisations[word]), i + 1)
    if flags & Word.PLACE and not flags & Word.ORGANISATION:
        return Found(Mention(ActorKind.PLACE, p.span(i, i), word, p.lists.places.get(word) or p.lists.places[word.capitalize()]), i + 1)
    return None


def _phrase_end(p: Paragraph, i: int, form: str) -> int | None:
    """The index of the last token of ``form`` when the text at token ``i`` is ``form``, a whole word."""
    end = p.starts[i] + len(form)
    if not p.text.startswith(form, p.starts[i]) or p.text[end : end + 1].isalnum():
        return None
    last = i
    while last + 1 < len(p) and p.ends[last + 1] <= end:
        last += 1
    return last if p.ends[last] == end else None


def _after_article(p: Paragraph, i: int) -> bool:
    start = p.starts[i]
    return p.text.startswith(ARTICLES, max(0, start - 4)) or p.text[start - 1 : start] == "("


def _organisation_by_pattern(p: Paragraph, i: int) -> Found | None:
    """``Außenministerium``, ``Siemens AG``, ``Universität Wien``, ``UNHCR``."""
    flags = p.flags[i]
    if flags & Word.ORGANISATION_NAME and len(p.words[i]) > len("ministerium") + 2:
        return _organisation(p, i, i)
    if p.words[i] in p.lists.organisation_leads and _next_has(p, i, Word.PLACE | Word.NAME_LIKE):
        return _organisation(p, i, _organisation_name_end(p, i + 1))
    if flags & Word.ACRONYM and not _shouting(p, i):
        return _organisation(p, i, i)
    if flags & Word.ORGANISATION_CUE and _next_has(p, i, Word.NAME_LIKE, ANY_FIRST_NAME):
        return _organisation(p, i + 1, _organisation_name_end(p, i + 1))
    if flags & Word.MEDIA_CUE:
        return _quoted_title(p, i)
    return None


def _quoted_title(p: Paragraph, i: int) -> Found | None:
    """The quoted title after a media cue, as an organisation: der Zeitung „Die Welt“."""
    quoted = QUOTED_TITLE.match(p.text, p.ends[i])
    if quoted is None:
        return None
    start, end = quoted.span(1)
    following = next((k for k in range(i + 1, len(p)) if p.starts[k] >= quoted.end()), len(p))
    return Found(Mention(ActorKind.ORGANISATION, Span(p.index, start, end), quoted.group(1), quoted.group(1)), following)


def _organisation(p: Paragraph, first: int, last: int) -> Found:
    text = p.covered(first, last)
    return Found(Mention(ActorKind.ORGANISATION, p.span(first, last), text, text), last + 1)


def _person(p: Paragraph, first: int, last: int, role: str) -> Mention:
    text = p.covered(first, last)
    return Mention(ActorKind.PERSON, p.span(first, last), text, text, role)


def _legal_form_end(p: Paragraph, i: int) -> int | None:
    """The index of ``AG``/``GmbH``/… ending a company name that starts at ``i``, if there is one."""
    if p.flags[i] & (Word.FUNCTION | Word.ROLE) or p.words[i] in p.lists.organisation_heads:
        return None
    j = i + 1
    while j < len(p) and j - i <= MAX_ORGANISATION_WORDS and p.adjacent(j) and p.flags[j] & Word.CAPITALISED:
        if p.words[j] in p.lists.organisation_heads:
            return j
        j += 1
    return None


def _shouting(p: Paragraph, i: int) -> bool:
    """Whether token ``i`` stands among other all-capital words (a headline in capitals)."""
    return any(0 <= k < len(p) and len(p.words[k]) > 1 and p.words[k].isupper() for k in (i - 1, i + 1))


def _organisation_name_end(p: Paragraph, i: int) -> int:
    """The last of the capitalised words from ``i`` on that continue a name (``FC Carl Zeiss Jena``)."""
    last = i
    while last + 1 < len(p) and last - i < MAX_ORGANISATION_WORDS and p.adjacent(last + 1):
        if p.flags[last + 1] & (Word.FUNCTION | Word.ROLE | Word.HONORIFIC) or not p.flags[last + 1] & Word.CAPITALISED:
            break
        last += 1
    return last


def _place_by_pattern(p: Paragraph, i: int) -> Found | None:
    """``Kanton Basel`` (the place after a lead word), ``im englischen Hatfield``, a dateline ``Linz – …``."""
    if p.words[i] in p.lists.place_leads and _next_has(p, i, Word.NAME_LIKE | Word.PLACE, ANY_FIRST_NAME):
        return _place(p, i + 1, _name_end(p, i + 1, NOT_SURNAME))
    if p.flags[i] & Word.PLACE_PREFIX and i + 1 < len(p) and p.gap(i + 1) in (" ", ". "):
        if p.flags[i + 1] & (Word.NAME_LIKE | Word.PLACE | ANY_FIRST_NAME):
            return _place(p, i, _organisation_name_end(p, i + 1))
    if not p.flags[i] & Word.NAME_LIKE or p.flags[i] & ANY_FIRST_NAME:
        return None
    start = p.starts[i]
    before = NATIONALITY_BEFORE.search(p.text, max(0, start - 40), start) if p.text[start - 3 : start] == "en " else None
    if before and p.lists.is_nationality(before.group(1)):
        return _place(p, i, i)
    if i == 0 and p.starts[0] == 0 and DATELINE.match(p.text, p.ends[0]):
        return _place(p, 0, 0)
    return None


def _place(p: Paragraph, first: int, last: int) -> Found:
    text = p.covered(first, last)
    return Found(Mention(ActorKind.PLACE, p.span(first, last), text, p.lists.places.get(text, text)), last + 1)


def _person_by_context(p: Paragraph, i: int) -> Found | None:
    """A name-like word made a person by what surrounds it: ``Merz (CDU)``, ``Klum (37)``, ``sagte Kolb.``,
    ``Kolb sagte``."""
    if not p.flags[i] & Word.NAME_LIKE or p.word_before(i) in p.lists.determiners:
        return None
    if p.flags[i] & ANY_FIRST_NAME:  # a first name alone is a person only as a known surname ("Gabriel")
        return _person_by_surname(p, i)
    last = _name_end(p, i, NOT_SURNAME)
    end = p.ends[last]
    bracket = AGE_OR_PARTY.match(p.text, end)
    if bracket and (bracket.group(1) is None or p.lists.word(bracket.group(1)) & Word.ORGANISATION):
        return Found(_person(p, i, last, ""), last + 1)
    verbs = p.lists.speech_verbs
    after = WORD_AFTER.match(p.text, end)
    next_word = after.group(1) if after else ""
    if p.word_before(i) in verbs and (p.text[end : end + 2].strip()[:1] in CLAUSE_END or next_word in AFTER_SPEAKER):
        return Found(_person(p, i, last, ""), last + 1)
    if next_word in verbs and next_word != "so":
        return Found(_person(p, i, last, ""), last + 1)
    return _person_by_surname(p, i) or _genitive_person(p, i)


def _person_by_surname(p: Paragraph, i: int) -> Found | None:
    """A known surname that is no common word (``Steinmeier``, ``Steinmeiers``)."""
    if not p.flags[i] & Word.SURNAME:
        return None
    word = p.words[i]
    if word[-1] != "s" and _next_has(p, i, Word.NOUN | Word.COMPOUND):  # an adjective: "Starke Zunahme"
        return None
    if word[:-1] in p.lists.surnames and word[-1] == "s":
        return Found(Mention(ActorKind.PERSON, p.span(i, i), word, word[:-1]), i + 1)
    return Found(_person(p, i, i, ""), i + 1)


def _genitive_person(p: Paragraph, i: int) -> Found | None:
    """``Sistos Talent``: a name in the genitive before a common noun; the person is named without the -s."""
    word = p.words[i]
    if len(word) < 5 or word[-1] != "s" or not _next_has(p, i, Word.NOUN | Word.COMPOUND):
        return None
    stem = word[:-1]
    if not p.lists.word(stem) & Word.NAME_LIKE or stem.endswith(("s", "x", "z", "e")):
        return None
    return Found(Mention(ActorKind.PERSON, p.span(i, i), word, stem), i + 1)
