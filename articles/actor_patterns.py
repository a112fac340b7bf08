"""Find mentions of people, organisations and places in one paragraph.

German capitalises every noun, so a capital letter proves nothing: a mention needs evidence, and each
capitalised word is tried against the patterns in this order, the first match winning and the scan going
on after it:

1. a long form before its acronym (``Alternative für Deutschland (AfD)``), and the acronym, or a name in
   brackets after an organisation noun (``Atomenergieagentur (Rosatom)``);
2. a role cue or honorific before a name (:mod:`articles.actor_people`: ``Bundeskanzler Friedrich Merz``);
3. a first name before a surname (``Keir Starmer``);
4. a company with its legal form (``Siemens AG``);
5. a listed organisation or place, the longest phrase first (:mod:`articles.actor_organisations`);
6. an organisation pattern (``Außenministerium``, ``FC Carl Zeiss Jena``, ``UNHCR``), then a name made by a
   capitalised adjective (``Hessischer Rundfunk``), then a place pattern (``Kanton Basel``);
7. a person known by context (``Merz (CDU)``, ``sagte Kolb.``, a listed surname).

Last, surnames listed beside a person's name become people too (``Pinnick, Tabor und Gaskill``), and unknown
names listed beside an organisation organisations (``Siemens und Bombardier``).
Mentions never overlap; the caller (:mod:`articles.actors`) merges them into actors.
"""

from __future__ import annotations

from typing import Final

from articles.actor_organisations import (
    company,
    organisation_by_apposition,
    organisation_by_context,
    listed,
    quoted_name,
    with_listed_organisations,
    named_by_adjective,
    organisation_by_pattern,
    organisation_found,
    place_by_context,
    place_by_pattern,
)
from articles.actor_people import (
    person_after_cue,
    person_by_context,
    person_by_first_name,
    speaking_surname,
    with_listed_names,
)
from articles.actor_text import (
    ANY_FIRST_NAME,
    LISTED,
    ORGANISATION_PATTERN,
    STARTS_MENTION,
    Found,
    Mention,
    Paragraph,
    next_has,
)
from articles.gazetteers import Word

__all__ = ["Mention", "Paragraph", "scan"]


def scan(paragraph: Paragraph) -> list[Mention]:
    """All mentions in ``paragraph``, left to right, without overlaps."""
    found: list[Mention] = []
    free = 0  # the first token no match covers (special tokens before the first, below 0, are skipped too)
    special, plans, flags = paragraph.special, paragraph.lists.scan_plans, paragraph.flags
    for i in _candidates(paragraph):
        if i < free:
            continue
        if i in special:  # (the long forms, bracketed names, tokens after a speech verb or before a head)
            match = _special_match_at(paragraph, i)
        else:  # the patterns the word may start, the first match winning
            plan = plans.get(flags[i])  # (a few hundred distinct flags: a small, hot dict)
            match = _planned_match(paragraph, i, _new_plan(paragraph, i) if plan is None else plan)
        if match is not None:
            found.append(match.mention)
            free = match.next
    if not found:  # (nothing to list names beside)
        return found
    return with_listed_organisations(paragraph, with_listed_names(paragraph, found))


def _candidates(p: Paragraph) -> list[int]:
    """The tokens that may start a mention, in order: by their flags, or as one of the paragraph's special tokens."""
    flagged = [i for i, flags in enumerate(p.flags) if flags & STARTS_MENTION]
    if not p.special:
        return flagged
    return sorted(p.special.union(flagged))


def _names_organisation(p: Paragraph, i: int) -> bool:
    """Whether an organisation cue that only ends like a role (``Erstligisten``, as ``Polizisten``) is followed by
    a name no list knows as a person's: ``den bulgarischen Erstligisten Litex Lovech``. A listed role cue
    (``Investor``) keeps introducing a person."""
    return bool(p.flags[i] & Word.ORGANISATION_CUE) and p.words[i] not in p.lists.role_cues and next_has(
        p, i, Word.NAME_LIKE, ANY_FIRST_NAME | Word.SURNAME)


# The patterns a plain token may start, as bits of its scan plan (tried in this order).
CUE: Final = 1
FIRST_NAME: Final = 2
LISTED_NAME: Final = 4
ORGANISATION_BY_PATTERN: Final = 8
PLACE_BY_PATTERN: Final = 16
PLACE_BY_CONTEXT: Final = 32
PERSON_BY_CONTEXT: Final = 64
UNKNOWN_ORGANISATION: Final = 128


def _new_plan(p: Paragraph, i: int) -> int:
    plans = p.lists.scan_plans
    plan = plans[p.flags[i]] = _plan(p.flags[i])
    return plan


def _plan(flags: int) -> int:
    """The patterns of :func:`_special_match_at`, in its order, that may match a word with these flags when
    it is no special token: a pattern whose word-level condition fails is left out."""
    plan = 0
    if flags & (Word.ROLE | Word.HONORIFIC):
        plan |= CUE
    if flags & ANY_FIRST_NAME:
        plan |= FIRST_NAME
    if flags & LISTED:
        plan |= LISTED_NAME
    if flags & (Word.ORGANISATION_NAME | Word.ACRONYM | Word.ORGANISATION_CUE | Word.MEDIA_CUE | Word.ORGANISATION_LEAD
                | Word.CLUB_LEAD):
        plan |= ORGANISATION_BY_PATTERN  # (the conditions it starts from)
    if flags & (Word.PLACE_LEAD | Word.PLACE_PREFIX):
        plan |= PLACE_BY_PATTERN
    elif flags & Word.NAME_LIKE and not flags & ANY_FIRST_NAME:
        plan |= PLACE_BY_CONTEXT  # (the part of place_by_pattern that takes such a word)
    if flags & Word.NAME_LIKE:
        plan |= PERSON_BY_CONTEXT
    if flags & (Word.NAME_LIKE | Word.ACRONYM) and not flags & (ANY_FIRST_NAME | Word.SURNAME | Word.PLACE):
        plan |= UNKNOWN_ORGANISATION  # apposition, then context (neither takes a known name)
    return plan


def _planned_match(p: Paragraph, i: int, plan: int) -> Found | None:
    """The first match of the patterns in ``plan`` at token ``i`` (direct calls, in the order of :func:`_plan`)."""
    found = None
    if plan & CUE and not _names_organisation(p, i):
        found = person_after_cue(p, i)
    if found is None and plan & FIRST_NAME:
        found = person_by_first_name(p, i, "")
    if found is None and plan & LISTED_NAME:
        found = listed(p, i)
    if found is None and plan & ORGANISATION_BY_PATTERN:
        found = organisation_by_pattern(p, i)
    if found is None and plan & PLACE_BY_PATTERN:
        found = place_by_pattern(p, i)
    if found is None and plan & PLACE_BY_CONTEXT:
        found = place_by_context(p, i)
    if found is None and plan & PERSON_BY_CONTEXT:
        found = person_by_context(p, i)
    if found is None and plan & UNKNOWN_ORGANISATION:
        found = organisation_by_apposition(p, i) or organisation_by_context(p, i)
    return found


def _special_match_at(p: Paragraph, i: int) -> Found | None:
    flags = p.flags[i]
    if i in p.long_forms:
        return organisation_found(p, i, p.long_forms[i])
    if i in p.bracketed:
        return organisation_found(p, i, i)
    if flags & (Word.ROLE | Word.HONORIFIC) and not _names_organisation(p, i):
        found = person_after_cue(p, i)
        if found is not None:
            return found
    before_head = i in p.before_head
    if flags & ANY_FIRST_NAME:
        found = company(p, i) if before_head else None  # "Coral Airways", "Hugo Boss AG": a first name inside a
        found = found or person_by_first_name(p, i, "")  # company's name
        if found is not None:
            return found
    after_speech = i in p.after_speech
    if after_speech:
        found = speaking_surname(p, i)
        if found is not None:
            return found
    if before_head and not flags & ANY_FIRST_NAME:  # (tried above for a first name)
        found = company(p, i)
        if found is not None:
            return found
    return _organisation_or_place_at(p, i) or _by_context_at(p, i, after_speech)


def _organisation_or_place_at(p: Paragraph, i: int) -> Found | None:
    """A special token's organisation or place; the scan plans cover the patterns a plain token can start."""
    flags = p.flags[i]
    found = quoted_name(p, i)
    if found is None and flags & LISTED:
        found = listed(p, i)
    if found is None and flags & ORGANISATION_PATTERN:
        found = organisation_by_pattern(p, i)
    if found is None:
        found = named_by_adjective(p, i)
    if found is None and flags & (Word.PLACE_PREFIX | Word.LEAD | Word.NAME_LIKE):
        found = place_by_pattern(p, i)
    return found


def _by_context_at(p: Paragraph, i: int, after_speech: bool) -> Found | None:
    flags = p.flags[i]
    found = None
    if flags & Word.NAME_LIKE or after_speech:
        found = person_by_context(p, i)
    if found is None and flags & (Word.NAME_LIKE | Word.ACRONYM):
        found = organisation_by_apposition(p, i) or organisation_by_context(p, i)
    return found
