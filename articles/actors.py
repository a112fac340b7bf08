"""People, organisations and places an article names, one actor each, with every mention.

:func:`find_actors` scans each paragraph for evidenced mentions (:mod:`articles.actor_patterns`), then
finds the later mentions of a person by surname alone (``Keir Starmer`` … ``Starmer`` … ``Starmers``)
and merges mentions into actors: a person by full name (a bare surname joins the one full name that
ends in it), an organisation or place by its canonical name (``Kölns`` → ``Köln``). Precision comes
first: a word becomes an actor only with evidence, a wrong actor being worse than a missed one.

:func:`actor_key` gives the key under which the library merges actors across articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from articles import text_case
from articles.actor_patterns import Mention, scan
from articles.actor_patterns import Paragraph as Scanned
from articles.actor_text import ORGANISATION, PERSON
from articles.findings import Actor, ActorKind, Span
from articles.gazetteers import Gazetteers, Word, gazetteers
from articles.model import Paragraph

#: A surname that is also one of these is not followed up on its own ("Thomas Mann" … "ein Mann").
NO_FOLLOW_UP: Final = Word.FUNCTION | Word.NOUN | Word.PLACE | Word.ORGANISATION | Word.ACRONYM | Word.ROLE
MIN_SURNAME: Final = 3
GENITIVE_ENDINGS: Final = ("", "s", "’s", "'s")  # Starmer, Starmers, Starmer's


def find_actors(paragraphs: Sequence[Paragraph]) -> list[Actor]:
    """The actors named in ``paragraphs``, in the order of their first mention, ids ``a1``, ``a2``, …"""
    lists = gazetteers()
    scanned = [Scanned(p.index, p.text, lists) for p in paragraphs if p.text]
    mentions = [m for p in scanned for m in scan(p)]
    surnames = _surnames(mentions, lists)
    if surnames:
        mentions += _follow_ups(scanned, mentions, surnames)
    mentions.sort(key=_text_order)
    return _actors(mentions, surnames)


def _text_order(m: Mention) -> tuple[int, int]:
    return m.span.paragraph, m.span.start


def person_mentions(actors: Iterable[Actor]) -> list[tuple[Span, str]]:
    """Every mention of a person with that person's full name, in text order (for speaker attribution)."""
    found = [(span, a.name) for a in actors if a.kind is PERSON for span in a.mentions]
    return sorted(found)


def _surnames(mentions: Iterable[Mention], lists: Gazetteers) -> dict[str, str]:
    """Surname -> the full name it stands for, for surnames that name one person and no common word."""
    full: dict[str, set[str]] = {}
    single: list[str] = []
    for m in mentions:
        if m.kind is PERSON:
            words = m.name.split()
            if len(words) > 1:
                full.setdefault(words[-1], set()).add(m.name)
            else:
                single.append(m.name)
    table = {surname: next(iter(names)) for surname, names in full.items() if len(names) == 1}
    for name in single:
        table.setdefault(name, name)
    return {s: n for s, n in table.items() if len(s) >= MIN_SURNAME and not lists.word(s) & NO_FOLLOW_UP}


def _surname_of(word: str, surnames: dict[str, str]) -> str | None:
    """The surname ``word`` is, also in the genitive ("Starmers", "Macron's")."""
    if word in surnames:
        return word
    for ending in GENITIVE_ENDINGS[1:]:
        if word.endswith(ending) and word[: -len(ending)] in surnames:
            return word[: -len(ending)]
    return None


def _follow_ups(scanned: Sequence[Scanned], mentions: Sequence[Mention], surnames: dict[str, str]) -> list[Mention]:
    """Mentions of known surnames that no mention found by the scan covers."""
    forms = {surname + ending for surname in surnames for ending in GENITIVE_ENDINGS}
    found = []
    for p in scanned:
        if forms.isdisjoint(p.words):
            continue
        taken = {k for m in mentions if m.span.paragraph == p.index for k in p.tokens_in(m.span)}
        found += [Mention(PERSON, p.span(i, i), w, w) for i, w in enumerate(p.words) if w in forms and i not in taken]
    return found


def _full_name(m: Mention, surnames: dict[str, str]) -> str:
    """The name a mention stands for: a bare surname stands for the one full name ending in it."""
    if m.kind is not PERSON or " " in m.name:
        return m.name
    surname = _surname_of(m.name, surnames)
    return surnames[surname] if surname is not None else m.name


def _actors(mentions: Sequence[Mention], surnames: dict[str, str]) -> list[Actor]:
    """Mentions grouped by :func:`actor_key` of the name they stand for; the first spelling names the actor."""
    groups: dict[str, tuple[str, list[Mention]]] = {}
    for m in mentions:
        name = _full_name(m, surnames) if m.kind is PERSON else m.name
        key = actor_key(name, m.kind)
        if key in groups:
            groups[key][1].append(m)
        else:
            groups[key] = (name, [m])
    actors = []
    for number, (name, group) in enumerate(groups.values(), start=1):
        texts: dict[str, None] = {}
        role = ""
        for m in group:
            texts[m.text] = None
            if not role:
                role = m.role  # (the first role stated)
        texts.pop(name, None)
        spans = tuple([m.span for m in group])
        actors.append(Actor(f"a{number}", name, group[0].kind, tuple(texts), role, spans))
    return actors


# Spelling variants folded by actor_key, applied in this order to a lowercase ASCII word.
TRANSLITERATIONS: Final = (("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("zh", "sh"), ("kh", "ch"), ("w", "v"), ("ck", "k"))
#: A letter written twice or more in a row: "Selenskyy", "Scholz" and "Schollz" meet.
DOUBLED: Final = re.compile(r"(.)\1+")
UMLAUTS: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


MAX_CACHED_KEYS: Final = 65_536
#: Name -> :func:`actor_key`, one table per kind (emptied when full): an article names its actors again and again.
#: (Chosen by identity: an enum member's hash is a Python-level call.)
_PERSON_KEYS: Final[dict[str, str]] = {}
_ORGANISATION_KEYS: Final[dict[str, str]] = {}
_PLACE_KEYS: Final[dict[str, str]] = {}


def actor_key(name: str, kind: ActorKind) -> str:
    """A key under which spellings of one actor meet across articles.

    Case, diacritics, ß and hyphens or spaces are folded for every kind (``Erdoğan`` = ``Erdogan``,
    ``Müller`` = ``Mueller``). For people, the common transliteration variants of names from Cyrillic
    are folded too: German ``sch``/``tsch``/``w``/``j`` and English ``sh``/``ch``/``v``/``y``, a
    word-initial ``z`` before a vowel, the endings ``-ij``, ``-yj``, ``-yy``, ``-y`` and doubled letters
    (``Selenskij`` = ``Selenskyj`` = ``Zelensky`` = ``Selensky``). Nothing else is guessed: ``Meier``
    and ``Maier`` stay apart.
    """
    keys = _PERSON_KEYS if kind is PERSON else _ORGANISATION_KEYS if kind is ORGANISATION else _PLACE_KEYS
    key = keys.get(name)
    if key is None:
        if len(keys) >= MAX_CACHED_KEYS:
            keys.clear()
        key = keys[name] = _key(name, kind)
    return key


def _key(name: str, kind: ActorKind) -> str:
    words = _ascii(text_case.lower(name).translate(UMLAUTS)).replace("-", " ").split()
    if kind is PERSON:
        words = [_fold_transliteration(w) for w in words]
    return f"{kind.value}:{' '.join(words)}"


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_transliteration(word: str) -> str:
    for old, new in TRANSLITERATIONS:
        word = word.replace(old, new)
    if word[:1] == "z" and word[1:2] in "aeiou":
        word = "s" + word[1:]
    word = word.replace("j", "y")
    for ending in ("iy", "yy", "ii", "y"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[: -len(ending)] + "i"
            break
    return DOUBLED.sub(r"\1", word)
