"""Patterns that find people: first name and surname, role cue and name, and names known by context.

- ``Keir Starmer``, ``John F. Kennedy``, ``Ursula von der Leyen``: a first name before a surname;
- ``Bundeskanzler Friedrich Merz``, ``Großbritanniens Premierminister Starmer``, ``Frau Baerbock``: a
  role cue or honorific before a name; the cue, with a genitive country or nationality adjective before
  it, is the stated role;
- ``Merz (CDU)``, ``Klum (37)``, ``sagte Kolb.``, ``Kolb sagte``, ``Sistos Talent``, ``Steinmeier`` (a
  listed surname), ``Pinnick, Tabor und Gaskill`` (names listed beside a person): a name-like word made
  a person by what surrounds it.
"""

from __future__ import annotations

from typing import Final

from articles import text_case
from articles.actor_text import (
    PERSON,
    ABBREVIATED,
    ABBREVIATION_GAPS,
    AFTER_SPEAKER,
    AGE_OR_PARTY,
    ANY_FIRST_NAME,
    CLAUSE_END,
    LIST_GAPS,
    NOT_SURNAME,
    NOT_SURNAME_AFTER_FIRST_NAME,
    WORD_AFTER,
    Found,
    Mention,
    Paragraph,
    is_surname,
    name_end,
    next_has,
    sentence_start,
)
from articles.findings import Span
from articles.gazetteers import Word


def with_listed_names(p: Paragraph, found: list[Mention]) -> list[Mention]:
    """Add the surnames listed beside a person's name: "Pinnick, Tabor und Gaskill"."""
    queue = [m for m in found if m.kind is PERSON]
    taken = None  # the tokens of the mentions, once a neighbour in a list asks
    while queue:
        m = queue.pop()
        inside = p.tokens_in(m.span)
        for k in (inside.start - 1, inside.stop):
            if 0 <= k < len(p.words) and p.flags[k] & Word.NAME_LIKE and _listed_beside(p, k, m):
                taken = {k for m in found for k in p.tokens_in(m.span)} if taken is None else taken
                if k in taken or p.word_before(k) in p.lists.determiners:
                    continue
                taken.add(k)
                queue.append(person_mention(p, k, k, ""))
                found.append(queue[-1])
    return found if taken is None else sorted(found, key=_start)


def _start(m: Mention) -> int:
    return m.span.start


def _listed_beside(p: Paragraph, k: int, m: Mention) -> bool:
    """Whether token ``k`` and mention ``m`` are neighbours in a list."""
    gap = p.text[p.ends[k] : m.span.start] if p.ends[k] <= m.span.start else p.text[m.span.end : p.starts[k]]
    return gap in LIST_GAPS and not p.flags[k] & ANY_FIRST_NAME


def person_by_first_name(p: Paragraph, i: int, role: str) -> Found | None:
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
    if not is_surname(p, j, mask):
        return None
    last = name_end(p, j, mask)
    return Found(person_mention(p, i, last, role), last + 1)


def person_after_cue(p: Paragraph, i: int) -> Found | None:
    """``Bundeskanzler Friedrich Merz``, ``Großbritanniens Premierminister Starmer``, ``Frau Baerbock``."""
    j = i + 1
    if j >= len(p) or not (p.adjacent(j) or p.gap(j) in ABBREVIATION_GAPS and p.words[i] in ABBREVIATED):
        return None
    role = _role_text(p, i)
    if p.flags[j] & Word.HONORIFIC and j + 1 < len(p):  # "Oberarzt Dr. Meier"
        found = person_after_cue(p, j)
        if found is None:
            return None
        m = found.mention
        return Found(Mention(m.kind, m.span, m.text, m.name, role), found.next)
    if p.flags[j] & ANY_FIRST_NAME:
        found = person_by_first_name(p, j, role)
        if found is None and p.flags[j] & Word.FIRST_NAME and p.flags[i] & Word.HONORIFIC:  # "Sohn Tobias"
            found = Found(person_mention(p, j, j, role), j + 1)
        if found is not None:
            return found
    mask = NOT_SURNAME_AFTER_FIRST_NAME if p.words[i] in p.lists.honorifics else NOT_SURNAME  # "Frau Müller"
    if p.flags[j] & Word.SURNAME and p.flags[i] & Word.ROLE and _ends_clause(p, j):
        mask = NOT_SURNAME_AFTER_FIRST_NAME  # "der CSU-Politiker Straubinger, …": a listed surname, though a noun
    if not is_surname(p, j, mask) or p.flags[j] & ANY_FIRST_NAME:
        return None
    last = name_end(p, j, NOT_SURNAME)
    return Found(person_mention(p, j, last, role), last + 1)


def _role_text(p: Paragraph, i: int) -> str:
    """The role cue with a genitive place or nationality adjective before it; honorifics are no role."""
    if p.flags[i] & Word.HONORIFIC and not p.flags[i] & Word.ROLE:
        return ""
    before = p.word_before(i)
    if p.adjacent(i) and p.flags[i - 1] & Word.PLACE and before.endswith("s"):  # "Großbritanniens Premier"
        return p.covered(i - 1, i)
    if before and p.lists.is_nationality(text_case.lower(before)):  # "britische Premier"
        return p.text[p.starts[i] - len(before) - 1 : p.ends[i]]
    return p.words[i]


def person_mention(p: Paragraph, first: int, last: int, role: str) -> Mention:
    text = p.covered(first, last)
    return Mention(PERSON, p.span(first, last), text, text, role)


def person_by_context(p: Paragraph, i: int) -> Found | None:
    """A name-like word made a person by what surrounds it: ``Merz (CDU)``, ``Klum (37)``, ``sagte Kolb.``,
    ``Kolb sagte``."""
    before = p.word_before(i)
    if before in p.lists.speech_verbs and _ends_clause(p, i) and not p.flags[i] & NOT_SURNAME_AFTER_FIRST_NAME:
        return Found(person_mention(p, i, i, ""), i + 1)  # "erklärte Gates.": even a noun is a name here
    if before in p.lists.particles:
        found = particle_surname_after_speech(p, i)
        if found is not None:
            return found
    if not p.flags[i] & Word.NAME_LIKE or before in p.lists.determiners:
        return None
    if p.flags[i] & ANY_FIRST_NAME:  # a first name alone is a person only as a known surname ("Gabriel")
        return _person_by_surname(p, i)
    last = name_end(p, i, NOT_SURNAME)
    end = p.ends[last]
    if p.text.startswith(" (", end):
        bracket = AGE_OR_PARTY.match(p.text, end)
        if bracket and (bracket.group(1) is None or p.lists.word(bracket.group(1)) & Word.ORGANISATION):
            return Found(person_mention(p, i, last, ""), last + 1)
    verbs = p.lists.speech_verbs
    after = WORD_AFTER.match(p.text, end) if p.text.startswith(" ", end) else None
    next_word = after.group(1) if after else ""
    if before in verbs and (p.text[end : end + 2].strip()[:1] in CLAUSE_END or next_word in AFTER_SPEAKER):
        return Found(person_mention(p, i, last, ""), last + 1)
    if next_word in verbs and next_word != "so":
        return Found(person_mention(p, i, last, ""), last + 1)
    if before == "sich" and next_word[:1].islower() and not p.words[last].endswith(("te", "ten")):
        return Found(person_mention(p, i, last, ""), last + 1)  # "äußerte sich Baykal nicht"
    if next_word in p.lists.person_verbs and _opens_clause(p, i) and not p.flags[i] & PERSON_VERB_VETO \
            and not text_case.lower(p.words[i]).endswith(p.lists.adverb_endings):
        return Found(person_mention(p, i, last, ""), last + 1)  # "Pofalla gehört seit Langem zu …"
    return _person_by_surname(p, i) or _genitive_person(p, i)


def particle_surname_after_speech(p: Paragraph, i: int) -> Found | None:
    """``erklärt van der Vaart,``: a name that starts with its particles, right after a speech verb."""
    if not p.flags[i] & Word.NAME_LIKE or not _ends_clause(p, i):
        return None
    start = p.starts[i]
    window = p.text[max(0, start - 40) : start].split(" ")[:-1]  # the words before, the last one empty
    k = len(window)
    while k > 0 and window[k - 1] in p.lists.particles:
        k -= 1
    if k == len(window) or k == 0 or window[k - 1] not in p.lists.speech_verbs:
        return None
    first = start - len(" ".join(window[k:])) - 1
    text = p.text[first : p.ends[i]]
    return Found(Mention(PERSON, Span(p.index, first, p.ends[i]), text, text), i + 1)


def speaking_surname(p: Paragraph, i: int) -> Found | None:
    """``sagte Schönberg.``: after a speech verb, a listed surname is a person even when it names a place too."""
    if p.flags[i] & Word.SURNAME and i in p.after_speech and _ends_clause(p, i):
        return Found(person_mention(p, i, i, ""), i + 1)
    return None


#: Words that a verb after them does not make a person: organisations, places, acronyms, surnames (listed apart).
PERSON_VERB_VETO: Final = (Word.ORGANISATION | Word.PLACE | Word.ACRONYM | Word.ORGANISATION_NAME | Word.ORGANISATION_CUE
                    | Word.ADJECTIVE)


def _opens_clause(p: Paragraph, i: int) -> bool:
    """Whether token ``i`` opens a clause inside a sentence, after a comma or "und" (the subject's place).
    A sentence's first word is left out: its capital letter says nothing (Insgesamt, Klar ist …)."""
    before = p.text[max(0, p.starts[i] - 5) : p.starts[i]]
    return before.endswith((", ", " und ")) and not sentence_start(p, i)


def _ends_clause(p: Paragraph, i: int) -> bool:
    return p.text[p.ends[i] : p.ends[i] + 2].strip()[:1] in CLAUSE_END


def _person_by_surname(p: Paragraph, i: int) -> Found | None:
    """A known surname that is no common word (``Steinmeier``, ``Steinmeiers``)."""
    if not p.flags[i] & Word.SURNAME:
        return None
    word = p.words[i]
    if word[-1] != "s" and next_has(p, i, Word.NOUN | Word.COMPOUND):  # an adjective: "Starke Zunahme"
        return None
    if word[:-1] in p.lists.surnames and word[-1] == "s":
        return Found(Mention(PERSON, p.span(i, i), word, word[:-1]), i + 1)
    return Found(person_mention(p, i, i, ""), i + 1)


def _genitive_person(p: Paragraph, i: int) -> Found | None:
    """``Sistos Talent``: a name in the genitive before a common noun; the person is named without the -s."""
    word = p.words[i]
    if len(word) < 5 or word[-1] != "s" or not next_has(p, i, Word.NOUN | Word.COMPOUND):
        return None
    stem = word[:-1]
    if not p.lists.word(stem) & Word.NAME_LIKE or stem.endswith(("s", "x", "z", "e")):
        return None
    return Found(Mention(PERSON, p.span(i, i), word, stem), i + 1)
