"""Patterns that find organisations and places.

- listed names, the longest phrase first (``Koalition der Willigen``, ``Weißes Haus``, ``Kölns``);
- ``Außenministerium``, ``Bundesärztekammer``, ``Bundesministerium für Bildung und Forschung``;
- ``Siemens AG`` (a legal form), ``Universität Wien``, ``FC Carl Zeiss Jena`` (a leading word),
  ``der Autobauer Opel`` (an organisation cue), ``der Zeitung „Die Welt“`` (a quoted title), ``UNHCR``;
- ``Hessischer Rundfunk``, ``Schwarzes Meer``: a capitalised adjective inside a sentence before a head;
- ``Kanton Basel``, ``San Remo``, ``im englischen Hatfield``, a dateline ``Linz – …``.
"""

from __future__ import annotations

import re
from typing import Final

from articles import text_case
from articles.actor_text import (
    ORGANISATION,
    PERSON,
    PLACE,
    ADJECTIVE_ENDINGS,
    ANY_FIRST_NAME,
    ARTICLES,
    CONNECTORS,
    DATELINE,
    LIST_GAPS,
    MAX_ORGANISATION_WORDS,
    NATIONALITY_BEFORE,
    NEEDS_ARTICLE,
    NOT_ADJECTIVE,
    NOT_SURNAME,
    QUOTED_TITLE,
    Found,
    Mention,
    Paragraph,
    capitalised_run_end,
    head_noun,
    name_end,
    next_has,
    sentence_start,
)
from articles.findings import Span
from articles.gazetteers import Word

CLUB_NUMBER: Final = "1. "
#: A two-digit founding year after a city: "Mainz 05" (never a count: "Mainz 05 Prozent" does not occur).
CLUB_YEAR: Final = re.compile(r" (\d\d)(?!\d|[.,:/-]\d| ?(?:%|Prozent|Euro|Jahre|Minuten|Punkte|km|Uhr))")
#: ", der größte Computer-Dienstleister", ", die Fondsfirma der …": an apposition whose noun may name an organisation.
APPOSITION: Final = re.compile(r" ?, (?:der|die|das|dem|den|ein|eine) (?:[a-zäöüß][\w-]* ){0,2}([A-ZÄÖÜ][\w-]*)")
APPOSITION_OPENINGS: Final = (",", " ,")  # how an ``APPOSITION`` starts
OPENING_QUOTES: Final = frozenset("„“\"»«")
#: The rest of a quoted name up to its closing quotation mark: at most six more words, all capitalised or short.
QUOTED_NAME_END: Final = re.compile(r"((?: (?:[A-ZÄÖÜ][\w-]*|[a-zäöü]{1,4})){1,6}) ?[“\"«”»]")
#: Legal forms written with a full stop that belongs to the name: "Google Inc."
DOTTED_LEGAL_FORMS: Final = frozenset({"Inc", "Ltd", "Corp", "Co"})


def listed(p: Paragraph, i: int) -> Found | None:
    """A name from the gazetteers: the longest phrase starting here, else the word itself; an organisation
    that opens a longer quoted name is that name („Financial Times Deutschland“)."""
    found = _listed(p, i)
    if found is None or found.mention.kind is not ORGANISATION:
        return found
    quoted = _quoted_name_from(p, i)
    return quoted if quoted is not None and quoted.mention.span.end > found.mention.span.end else found


def _listed(p: Paragraph, i: int) -> Found | None:
    for form, name, kind in p.lists.phrases.get(p.words[i], ()):
        end = p.starts[i] + len(form)
        if p.text.startswith(form, p.starts[i]) and not p.text[end : end + 1].isalnum():
            return Found(Mention(kind, Span(p.index, p.starts[i], end), form, name), p.first_token_from(end, i + 1))
    flags = p.flags[i]
    word = p.words[i]
    if flags & Word.ORGANISATION and (word not in NEEDS_ARTICLE or _after_article(p, i) and not next_has(p, i, Word.CAPITALISED)):
        return Found(Mention(ORGANISATION, p.span(i, i), word, p.lists.organisations[word]), i + 1)
    if flags & Word.PLACE and not flags & Word.ORGANISATION:
        if _names_vessel(p, i):
            return None
        club = CLUB_YEAR.match(p.text, p.ends[i])
        if club is not None:  # "Mainz 05", "Hannover 96": a club named by its city and founding year
            text = p.text[p.starts[i] : club.end(1)]
            return Found(Mention(ORGANISATION, Span(p.index, p.starts[i], club.end(1)), text, text), i + 1)
        return Found(Mention(PLACE, p.span(i, i), word, p.lists.places.get(word) or p.lists.places[word.capitalize()]), i + 1)
    return None


def _names_vessel(p: Paragraph, i: int) -> bool:
    """``die Fähre Skagerrak``, ``mit dem Namen „Skagerrak“``: a place name that names a ship (not a route ``Kiel–Oslo``)."""
    start = p.starts[i] - (p.text[p.starts[i] - 1 : p.starts[i]] in OPENING_QUOTES)
    before = p.text[max(0, start - 24) : start]
    if not before.endswith(" ") or p.text[p.ends[i] : p.ends[i] + 1] in ("–", "-"):
        return False
    return before.rstrip().rpartition(" ")[2] in p.lists.vessel_cues


def with_listed_organisations(p: Paragraph, found: list[Mention]) -> list[Mention]:
    """Add the unknown names listed beside an organisation: "den Herstellern Siemens und Bombardier"."""
    organisations = [m for m in found if m.kind is ORGANISATION]
    if not organisations:
        return found
    taken = None  # the tokens of the mentions, once a neighbour in a list asks
    added = []
    for m in organisations:
        inside = p.tokens_in(m.span)
        for k in (inside.start - 1, inside.stop):
            if 0 <= k < len(p.words) and _listed_beside(p, k, m) and _unknown_name(p, k):
                taken = {k for m in found for k in p.tokens_in(m.span)} if taken is None else taken
                if k not in taken:
                    taken.add(k)
                    added.append(organisation_found(p, k, k).mention)
    return sorted(found + added, key=lambda m: m.span.start) if added else found


def _unknown_name(p: Paragraph, k: int) -> bool:
    """A name-like word no list knows as anything else (no first name, surname or place)."""
    return bool(p.flags[k] & (Word.NAME_LIKE | Word.ACRONYM)) and not p.flags[k] & (
        ANY_FIRST_NAME | Word.SURNAME | Word.PLACE) and p.word_before(k) not in p.lists.determiners


def _listed_beside(p: Paragraph, k: int, m: Mention) -> bool:
    gap = p.text[p.ends[k] : m.span.start] if p.ends[k] <= m.span.start else p.text[m.span.end : p.starts[k]]
    return gap in LIST_GAPS


def quoted_name(p: Paragraph, i: int) -> Found | None:
    """„Bündnis Zukunft Österreich“: a quoted name that starts with a word such as Bündnis, Partei or Allianz."""
    return _quoted_name_from(p, i) if p.words[i] in p.lists.quoted_organisation_heads else None


def _quoted_name_from(p: Paragraph, i: int) -> Found | None:
    """The whole quoted name that token ``i`` opens (also « Name » with blanks inside the marks), or None."""
    if p.gap(i).rstrip(" ")[-1:] not in OPENING_QUOTES or i + 1 >= len(p):
        return None
    closing = QUOTED_NAME_END.match(p.text, p.ends[i])
    if closing is None or not p.adjacent(i + 1):
        return None
    end = closing.end(1)
    text = p.text[p.starts[i] : end]
    return Found(Mention(ORGANISATION, Span(p.index, p.starts[i], end), text, text), p.first_token_from(end, i + 1))


def _after_article(p: Paragraph, i: int) -> bool:
    start = p.starts[i]
    return p.text.startswith(ARTICLES, max(0, start - 4)) or p.text[start - 1 : start] == "("


def organisation_by_pattern(p: Paragraph, i: int) -> Found | None:
    """``Außenministerium``, ``Siemens AG``, ``Universität Wien``, ``UNHCR``."""
    flags = p.flags[i]
    if flags & Word.ORGANISATION_NAME:
        last = _with_connected_names(p, i)
        if last > i or text_case.lower(p.words[i]) not in p.lists.organisation_suffixes:  # not a bare "Ministerium"
            return organisation_found(p, i, last)
    if flags & Word.ORGANISATION_LEAD and next_has(p, i, Word.PLACE | Word.NAME_LIKE):
        return organisation_found(p, i, capitalised_run_end(p, i + 1))
    if flags & Word.CLUB_LEAD and next_has(p, i, Word.CAPITALISED, Word.FUNCTION | Word.ROLE):
        return _club(p, i, capitalised_run_end(p, i + 1))
    if flags & Word.ACRONYM and not _shouting(p, i):  # "UNHCR"; "THW Kiel", "MSV Duisburg"
        named = next_has(p, i, Word.NAME_LIKE, ANY_FIRST_NAME | Word.ORGANISATION) or next_has(
            p, i, Word.PLACE, Word.FIRST_NAME | Word.ORGANISATION)  # "THW Kiel": a place, though also a rare first name
        return organisation_found(p, i, capitalised_run_end(p, i + 1) if named else i)
    if flags & Word.ORGANISATION_CUE and (_cued_name(p, i) or _cued_club(p, i)):
        return organisation_found(p, i + 1, capitalised_run_end(p, i + 1))
    if flags & (Word.MEDIA_CUE | Word.ORGANISATION_CUE):
        return _quoted_title(p, i)  # der Zeitung „Die Welt“, die Firma „Chip Shop“
    return None


def organisation_by_context(p: Paragraph, i: int) -> Found | None:
    """``die Übernahme von Schering``, ``Kunde von Spezstroi``: an unknown name where only a company fits."""
    start = p.starts[i]
    if not p.text.endswith(p.lists.organisation_context, max(0, start - 24), start) or not _unknown_name(p, i):
        return None
    last = capitalised_run_end(p, i)
    if not all(_unknown_name(p, k) or p.flags[k] & Word.ACRONYM for k in range(i + 1, last + 1)):
        last = i
    return organisation_found(p, i, last)


def _cued_name(p: Paragraph, i: int) -> bool:
    """``der Autobauer Opel``: a name after an organisation cue; not ``Dienstleister Nordeuropas`` (a place's genitive)."""
    return next_has(p, i, Word.NAME_LIKE | Word.PLACE, ANY_FIRST_NAME) and not (
        p.flags[i + 1] & Word.PLACE and p.words[i + 1].endswith("s"))


def _cued_club(p: Paragraph, i: int) -> bool:
    """``beim Traditionsverein Preußen Münster``: a cue, then a common noun and a place (a club's name)."""
    return next_has(p, i, Word.NOUN, Word.FUNCTION | Word.ROLE | Word.ADJECTIVE) and next_has(p, i + 1, Word.PLACE)


def organisation_by_apposition(p: Paragraph, i: int) -> Found | None:
    """``Tieto Enator, der größte Computer-Dienstleister``: an unknown name explained by an organisation noun."""
    if p.flags[i] & (ANY_FIRST_NAME | Word.SURNAME | Word.PLACE):
        return None
    last = capitalised_run_end(p, i)
    if not p.text.startswith(APPOSITION_OPENINGS, p.ends[last]):  # (the comma first: the test below reads every
        return None  # word of the run)
    if not all(p.flags[k] & (Word.NAME_LIKE | Word.ACRONYM) for k in range(i, last + 1)):
        return None
    explained = APPOSITION.match(p.text, p.ends[last])
    if explained is None:
        return None
    noun = p.lists.word(explained.group(1))
    return organisation_found(p, i, last) if noun & Word.ORGANISATION_CUE and not noun & Word.ROLE else None


def _club(p: Paragraph, i: int, last: int) -> Found:
    """A sports club from its leading word, with a number before it: ``1. FC Köln``."""
    start = p.starts[i] - len(CLUB_NUMBER) if p.text.startswith(CLUB_NUMBER, p.starts[i] - len(CLUB_NUMBER)) else p.starts[i]
    text = p.text[start : p.ends[last]]
    return Found(Mention(ORGANISATION, Span(p.index, start, p.ends[last]), text, text), last + 1)


def _with_connected_names(p: Paragraph, last: int) -> int:
    """The last token of ``Bundesministerium für Bildung und Forschung`` from its first."""
    end = last
    while end + 1 < len(p) and end - last < MAX_ORGANISATION_WORDS and p.gap(end + 1) in CONNECTORS:
        if p.gap(end + 1) == " " and end == last or not p.flags[end + 1] & (Word.NOUN | Word.NAME_LIKE | Word.PLACE):
            break
        end += 1
    return end if p.gap(last + 1 if last + 1 < len(p) else last) == " für " else last


def named_by_adjective(p: Paragraph, i: int) -> Found | None:
    """``Hessischer Rundfunk``, ``Schwarzes Meer``: a capitalised adjective inside a sentence before a head noun."""
    word = p.words[i]
    if not word.endswith(ADJECTIVE_ENDINGS) or p.flags[i] & NOT_ADJECTIVE or sentence_start(p, i):
        return None
    if i + 1 >= len(p) or not p.adjacent(i + 1):
        return None
    head = head_noun(p.words[i + 1])
    if head in p.lists.organisation_adjective_heads:
        return organisation_found(p, i, i + 1)
    if head in p.lists.place_adjective_heads:
        return _place(p, i, i + 1)
    return None


def _quoted_title(p: Paragraph, i: int) -> Found | None:
    """The quoted title after a media cue, as an organisation: der Zeitung „Die Welt“."""
    quoted = QUOTED_TITLE.match(p.text, p.ends[i])
    if quoted is None:
        return None
    start, end = quoted.span(1)
    following = p.first_token_from(quoted.end(), i + 1)
    return Found(Mention(ORGANISATION, Span(p.index, start, end), quoted.group(1), quoted.group(1)), following)


def organisation_found(p: Paragraph, first: int, last: int) -> Found:
    text = p.covered(first, last)
    name = _without_genitive(p, text) if first == last else text
    return Found(Mention(ORGANISATION, p.span(first, last), text, name), last + 1)


def _without_genitive(p: Paragraph, word: str) -> str:
    """``Bundesverwaltungsgerichts`` -> ``Bundesverwaltungsgericht``: an institution's name in the nominative."""
    for ending in ("es", "s"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and p.lists.word(stem) & Word.ORGANISATION_NAME:
            return stem
    return word


def company(p: Paragraph, i: int) -> Found | None:
    """``Siemens AG``, ``Google Inc.``: a company name ending in a legal form."""
    last = legal_form_end(p, i)
    if last is None:
        return None
    while last + 1 < len(p) and p.gap(last + 1) in (" of ", " for ") and p.flags[last + 1] & Word.CAPITALISED:
        last += 1  # "California Institute of Technology"
    end = p.ends[last] + (p.words[last] in DOTTED_LEGAL_FORMS and p.text[p.ends[last] : p.ends[last] + 1] == ".")
    text = p.text[p.starts[i] : end]
    return Found(Mention(ORGANISATION, Span(p.index, p.starts[i], end), text, text), last + 1)


def legal_form_end(p: Paragraph, i: int) -> int | None:
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


def place_by_pattern(p: Paragraph, i: int) -> Found | None:
    """``Kanton Basel`` (the place after a lead word), ``im englischen Hatfield``, a dateline ``Linz – …``."""
    if p.flags[i] & Word.PLACE_LEAD and next_has(p, i, Word.NAME_LIKE | Word.PLACE, ANY_FIRST_NAME):
        return _place(p, i + 1, name_end(p, i + 1, NOT_SURNAME))
    if p.flags[i] & Word.PLACE_PREFIX and _starts_place(p, i):
        return _place(p, i, capitalised_run_end(p, i + 1))
    return place_by_context(p, i)


def place_by_context(p: Paragraph, i: int) -> Found | None:
    """``im englischen Hatfield``, a dateline ``Linz – …``: a name made a place by what surrounds it."""
    if not p.flags[i] & Word.NAME_LIKE or p.flags[i] & ANY_FIRST_NAME:
        return None
    start = p.starts[i]
    before = NATIONALITY_BEFORE.search(p.text, max(0, start - 40), start) if p.text[start - 3 : start] == "en " else None
    if before and p.lists.is_nationality(before.group(1)):
        return _place(p, i, i)
    if i == 0 and p.starts[0] == 0 and DATELINE.match(p.text, p.ends[0]):
        return _place(p, 0, 0)
    return None


def _starts_place(p: Paragraph, i: int) -> bool:
    """Whether the place prefix at ``i`` (``San``, ``St``) is followed by the rest of a name in the same sentence."""
    if i + 1 >= len(p) or p.gap(i + 1) not in (" ", ". ") or sentence_start(p, i + 1):
        return False
    return bool(p.flags[i + 1] & (Word.NAME_LIKE | Word.PLACE | ANY_FIRST_NAME))


def _place(p: Paragraph, first: int, last: int) -> Found:
    text = p.covered(first, last)
    return Found(Mention(PLACE, p.span(first, last), text, p.lists.places.get(text, text)), last + 1)
