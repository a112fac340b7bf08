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
    i = 0
    flags = paragraph.flags
    while i < len(flags):
        if flags[i] & STARTS_MENTION or i in paragraph.special:
            match = _match_at(paragraph, i)
            if match is not None:
                found.append(match.mention)
                i = match.next
                continue
        i += 1
    return with_listed_organisations(paragraph, with_listed_names(paragraph, found))


def _names_organisation(p: Paragraph, i: int) -> bool:
    """Whether an organisation cue that only ends like a role (``Erstligisten``, as ``Polizisten``) is followed by
    a name no list knows as a person's: ``den bulgarischen Erstligisten Litex Lovech``. A listed role cue
    (``Investor``) keeps introducing a person."""
    return bool(p.flags[i] & Word.ORGANISATION_CUE) and p.words[i] not in p.lists.role_cues and next_has(
        p, i, Word.NAME_LIKE, ANY_FIRST_NAME | Word.SURNAME)


def _match_at(p: Paragraph, i: int) -> Found | None:
    flags = p.flags[i]
    if i in p.long_forms:
        return organisation_found(p, i, p.long_forms[i])
    if i in p.bracketed:
        return organisation_found(p, i, i)
    if flags & (Word.ROLE | Word.HONORIFIC) and not _names_organisation(p, i):
        found = person_after_cue(p, i)
        if found is not None:
            return found
    if flags & ANY_FIRST_NAME and i in p.before_head:
        found = company(p, i)  # "Coral Airways", "Hugo Boss AG": a first name inside a company's name
        if found is not None:
            return found
    if flags & ANY_FIRST_NAME:
        found = person_by_first_name(p, i, "")
        if found is not None:
            return found
    if i in p.after_speech:
        found = speaking_surname(p, i)
        if found is not None:
            return found
    if i in p.before_head:
        found = company(p, i)
        if found is not None:
            return found
    found = quoted_name(p, i) if i in p.special else None
    if found is None and flags & LISTED:
        found = listed(p, i)
    if found is None and flags & ORGANISATION_PATTERN:
        found = organisation_by_pattern(p, i)
    if found is None and i in p.special:
        found = named_by_adjective(p, i)
    if found is None and flags & (Word.PLACE_PREFIX | Word.LEAD | Word.NAME_LIKE):
        found = place_by_pattern(p, i)
    if found is None and (flags & Word.NAME_LIKE or i in p.after_speech):
        found = person_by_context(p, i)
    if found is None and flags & (Word.NAME_LIKE | Word.ACRONYM):
        found = organisation_by_apposition(p, i) or organisation_by_context(p, i)
    return found
