"""The word lists the actor finder consults, loaded once per process, and what they say about one word.

Data files (sources and licences in ``resources/analysis/README.md``):

- ``analysis/actors.json``: role cues, organisations, patterns and stop lists (this project).
- ``analysis/first_names.txt.gz``, ``analysis/places.txt.gz``, ``analysis/countries.txt``: gazetteers
  built by ``tools/build_actor_gazetteers.py``.
- ``lexicon/german_nouns.txt.gz``: German nouns, to tell a common noun from a name.

:func:`gazetteers` loads everything on first use; :meth:`Gazetteers.word` describes a word, cached,
so an article costs a dict look-up per capitalised word.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final

from articles import text_case
from articles.findings import ActorKind
from articles.language_data import load_resource_json, shared_words

ACTORS: Final = "analysis/actors.json"
FIRST_NAMES: Final = "analysis/first_names.txt.gz"
SURNAMES: Final = "analysis/surnames.txt.gz"
PLACES: Final = "analysis/places.txt.gz"
COUNTRIES: Final = "analysis/countries.txt"
NOUNS: Final = "lexicon/german_nouns.txt.gz"

#: First names this common (1 rare … 13 very common in some country) count as names on their own.
COMMON_FIRST_NAME: Final = 2
#: A first name this common stays strong even when it is also a noun ("Lars", "Max").
COMMON_DESPITE_NOUN: Final = 6
MAX_GAZETTEER_WORDS: Final = 6
#: Unlisted all-capital words this long are taken as organisations; two letters are mostly other abbreviations.
MIN_ACRONYM: Final = 3
#: Distinct words whose flags are kept (a bound on memory: the cache starts afresh when full).
MAX_CACHED_WORDS: Final = 500_000
GENITIVE_ENDINGS: Final = ("s", "x", "z", "ß")
#: The last letters by which role suffixes and organisation and media cues are looked up (none is shorter).
SUFFIX_TAIL: Final = 2
NO_SUFFIXES: Final[tuple[tuple[str, ...], ...]] = ((), (), ())
#: A listed name of several words: (written form, canonical name, kind).
Phrase = tuple[str, str, ActorKind]
#: A word ending in a common noun this long (after at least three letters) reads as a compound noun.
MIN_COMPOUND_HEAD: Final = 5
#: Pronominal adverbs ("Hierzu", "Daraufhin") are function words; participles used as nouns ("Reisende") adjectives.
PRONOMINAL_ADVERB: Final = re.compile(
    r"(?:hier|da|dar|wo|wor)(?:an|auf|aus|bei|durch|für|gegen|hin|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)(?:hin)?"
)
DIGIT: Final = re.compile(r"\d")
PARTICIPLE_ENDINGS: Final = ("ende", "endes", "enden", "ender", "endem")
NOUN_ENDINGS: Final = ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "ungen", "heiten", "keiten", "tionen")


class Word:
    """Bit flags: what the lists say about one word as written.

    Plain ints, as enum flags are slow here; ``Final`` so that compiled code (mypyc) reads them as constants.
    """

    NONE: Final = 0
    CAPITALISED: Final = 1
    FUNCTION: Final = 2  # "Doch", "Am": never a name
    NOUN: Final = 4  # a common noun (or an inflected form of one)
    FIRST_NAME: Final = 8  # a first name that is not also a common word
    WEAK_FIRST_NAME: Final = 16  # a rare first name, or one that is also a noun, place or function word
    PLACE: Final = 32
    ORGANISATION: Final = 64
    ROLE: Final = 128  # "Präsident", "Außenministerin", "SPD-Chef"
    HONORIFIC: Final = 256  # "Frau", "Dr"
    ACRONYM: Final = 512  # "UNHCR": an organisation unless listed otherwise
    ORGANISATION_NAME: Final = 1024  # "Außenministerium"
    ADJECTIVE: Final = 2048  # "Deutschen", "Britische": a capitalised adjective, never a name
    PARTICLE: Final = 4096  # "von", "van", "bin"
    COMPOUND: Final = 8192  # ends in a common noun ("Sparpaket") or a noun suffix ("Regierung"): not a name after a role
    LEAD: Final = 16384  # starts a listed phrase ("Weißes") or an organisation ("Universität")
    NAME_LIKE: Final = 32768  # capitalised and no common word: may be a surname
    ORGANISATION_CUE: Final = 1 << 16  # "Autobauer", "Softwarekonzerns": the name of an organisation may follow
    MEDIA_CUE: Final = 1 << 17  # "Zeitung": a quoted title may follow
    PLACE_PREFIX: Final = 1 << 18  # "San", "Bad": starts a place name
    SURNAME: Final = 1 << 19  # a known surname ("Steinmeier"), or its genitive ("Steinmeiers")
    ORGANISATION_LEAD: Final = 1 << 20  # one of ``organisation_leads``: "Universität"
    CLUB_LEAD: Final = 1 << 21  # one of ``club_leads``: "FC"
    PLACE_LEAD: Final = 1 << 22  # one of ``place_leads``: "Kanton"


#: Words with any of these flags are not surnames on their own.
NOT_NAME: Final = (
    Word.FUNCTION | Word.NOUN | Word.PLACE | Word.ORGANISATION | Word.ROLE | Word.HONORIFIC | Word.ACRONYM
) | (Word.ORGANISATION_NAME | Word.ADJECTIVE | Word.COMPOUND)


@dataclass(frozen=True)
class Gazetteers:
    """All word lists, as sets and dicts. Names are matched as written, other words case-folded."""

    first_names: dict[str, int]
    surnames: frozenset[str]
    places: dict[str, str]  # written form -> canonical name ("Kölns" -> "Köln")
    organisations: dict[str, str]  # written form -> canonical name
    phrases: dict[str, tuple[Phrase, ...]]  # first word -> (form, name, kind), longest first
    nouns: frozenset[str]  # lowercase, ß folded to ss
    role_cues: frozenset[str]
    role_suffixes: tuple[str, ...]
    honorifics: frozenset[str]
    particles: frozenset[str]
    function_words: frozenset[str]
    not_acronyms: frozenset[str]
    nationality_stems: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    organisation_heads: frozenset[str]
    organisation_leads: frozenset[str]
    hyphen_organisation_heads: frozenset[str]
    quoted_organisation_heads: frozenset[str]
    club_leads: frozenset[str]
    place_leads: frozenset[str]
    organisation_context: tuple[str, ...]  # "Übernahme von ": an unknown name after one is an organisation
    vessel_cues: frozenset[str]  # "Fähre", "namens": a place name after one names a ship
    speech_verbs: frozenset[str]
    #: Candidates for a speech verb before a capitalised word (" sagte K"): group 1 is one of ``speech_verbs``.
    speech_cue: re.Pattern[str]
    spaced_speech_verbs: frozenset[str]  # " sagte ": each verb between blanks
    person_cues: frozenset[str]
    person_verbs: frozenset[str]
    adverb_endings: tuple[str, ...]
    place_prefixes: frozenset[str]
    organisation_cues: tuple[str, ...]
    media_cues: tuple[str, ...]
    determiners: frozenset[str]
    federal_heads: tuple[str, ...]
    organisation_adjective_heads: frozenset[str]
    place_adjective_heads: frozenset[str]
    #: Both of the above, hyphenated ones left out: a hyphenated word is looked up by its last part.
    adjective_heads: frozenset[str]
    #: One of ``adjective_heads`` as the last part of a hyphenated word ("Fußball-Union").
    hyphenated_adjective_head: re.Pattern[str]
    _words: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: A word's last ``SUFFIX_TAIL`` letters -> the role suffixes, organisation cues and media cues ending so.
    _suffixes_by_tail: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, compare=False, repr=False)
    _flag_values: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    #: A word's flags -> the patterns the actor scan tries at it, as bits (filled by :mod:`articles.actor_patterns`).
    scan_plans: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_suffixes_by_tail", _by_tail(self.role_suffixes, self.organisation_cues, self.media_cues))

    def word(self, text: str) -> int:
        """The flags for ``text``; computed once per distinct word."""
        flags = self._words.get(text)
        if flags is None:
            described = self._describe(text)
            # Words with equal flags share one int object: the scan reads a few hot objects, not one per word.
            flags = self._flag_values.setdefault(described, described)
            if len(self._words) >= MAX_CACHED_WORDS:
                self._words.clear()
            self._words[text] = flags
        return flags

    def known_words(self) -> dict[str, int]:
        """The flags of every word described so far (read-only; :meth:`word` adds to it)."""
        return self._words

    def is_noun(self, text: str) -> bool:
        return _fold(text) in self.nouns

    def is_nationality(self, lower: str) -> bool:
        """``britische``, ``US-amerikanischen``: a nationality adjective in any ending (the ending is tested
        first: two comparisons rule out most words, where the stems are a hundred)."""
        return lower.rstrip("enrms").endswith("isch") and lower.startswith(self.nationality_stems) or (
            lower.startswith("deutsch") and len(lower) <= 9
        )

    def _describe(self, text: str) -> int:
        lower = text_case.lower(text)
        flags = Word.NONE
        if text[:1].isupper():
            flags |= Word.CAPITALISED
        if lower in self.function_words or PRONOMINAL_ADVERB.fullmatch(lower):
            flags |= Word.FUNCTION
        if lower in self.particles:
            flags |= Word.PARTICLE
        flags |= self._name_flags(text, lower)
        flags |= self._common_word_flags(text, lower)
        flags |= self._lead_flags(text)
        plain = len(text) > 1 and not text.isupper() and DIGIT.search(text) is None
        if flags & Word.SURNAME and not flags & Word.NOUN:
            flags &= ~Word.COMPOUND  # "Steinmeier" is no compound of "Meier"
        plain = plain and not flags & Word.CLUB_LEAD  # "VfL"
        if flags & Word.CAPITALISED and not flags & NOT_NAME and plain:
            flags |= Word.NAME_LIKE
        return flags

    def _lead_flags(self, text: str) -> int:
        flags = Word.NONE
        if text in self.organisation_leads:
            flags |= Word.ORGANISATION_LEAD
        if text in self.club_leads:
            flags |= Word.CLUB_LEAD
        if text in self.place_leads:
            flags |= Word.PLACE_LEAD
        return flags | Word.LEAD if flags or text in self.phrases else flags

    def _name_flags(self, text: str, lower: str) -> int:
        flags = Word.NONE
        if lower in self.function_words or text in self.place_prefixes:
            return Word.PLACE_PREFIX if text in self.place_prefixes else flags
        if text in self.places or (text.isupper() and text.capitalize() in self.places):  # "TOKIO"
            flags |= Word.PLACE
        if text in self.organisations:
            flags |= Word.ORGANISATION
        if text in self.surnames or (text[-1:] == "s" and text[:-1] in self.surnames):
            flags |= Word.SURNAME
        first = self._first_name_frequency(text)
        if first:
            weak = first < COMMON_FIRST_NAME or lower in self.function_words or text in self.places
            weak = weak or (first < COMMON_DESPITE_NOUN and _fold(text) in self.nouns)
            flags |= Word.WEAK_FIRST_NAME if weak else Word.FIRST_NAME
        if MIN_ACRONYM <= len(text) <= 6 and text.isupper() and text.isalpha() and text not in self.not_acronyms and not flags:
            flags |= Word.ACRONYM
        return flags

    def _common_word_flags(self, text: str, lower: str) -> int:
        flags = Word.NONE
        folded = _fold(text)
        if folded in self.nouns or (folded.endswith("n") and folded[:-1] in self.nouns):
            flags |= Word.NOUN
        elif folded.endswith(NOUN_ENDINGS) or self._ends_in_noun(folded):
            flags |= Word.COMPOUND
        role_suffixes, organisation_cues, media_cues = self._suffixes_by_tail.get(lower[-SUFFIX_TAIL:], NO_SUFFIXES)
        if text in self.role_cues or (lower.endswith(role_suffixes) and len(lower) > 6):
            flags |= Word.ROLE
        if text in self.honorifics or text in self.person_cues:
            flags |= Word.HONORIFIC
        if lower.endswith(organisation_cues) and text[:1].isupper():
            flags |= Word.ORGANISATION_CUE
        if lower.endswith(media_cues) and text[:1].isupper():
            flags |= Word.MEDIA_CUE
        if text[:1].isupper() and (lower.endswith(self.organisation_suffixes) or self._is_federal(lower)
                                   or self._is_hyphenated_institution(text, lower)):
            flags |= Word.ORGANISATION_NAME
        if self.is_nationality(lower) or lower.endswith(("ische", "ischen", "ischer", "isches", "ischem") + PARTICIPLE_ENDINGS):
            flags |= Word.ADJECTIVE
        return flags

    def _is_hyphenated_institution(self, text: str, lower: str) -> bool:
        """``Otto-Schott-Gymnasium``, ``Max-Planck-Institut``: a named institution, its name joined by hyphens."""
        if "-" not in text:
            return False
        parts = text.split("-")
        return len(parts) >= 2 and lower.rsplit("-", 1)[1] in self.hyphen_organisation_heads and all(
            part[:1].isupper() for part in parts[:-1])

    def _is_federal(self, lower: str) -> bool:
        """``Bundesärztekammer``, ``Bundesnachrichtendienst``: one federal institution."""
        return lower.startswith("bundes") and len(lower) > 9 and lower.endswith(self.federal_heads)

    def _ends_in_noun(self, folded: str) -> bool:
        heads = range(3, len(folded) - MIN_COMPOUND_HEAD + 1)
        return "-" not in folded[:3] and not self.nouns.isdisjoint([folded[k:] for k in heads])

    def _first_name_frequency(self, text: str) -> int:
        if "-" not in text:
            return self.first_names.get(text, 0)
        parts = [self.first_names.get(part, 0) for part in text.split("-")]  # "Frank-Walter"
        return min(parts) if len(parts) == 2 else 0


def _by_tail(*lists: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each last ``SUFFIX_TAIL`` letters, the suffixes of each list that end in them (in list order).

    A word ends in a suffix of at least ``SUFFIX_TAIL`` letters only if both end in the same letters, so
    ``word.endswith(suffixes)`` equals ``word.endswith(found[word[-SUFFIX_TAIL:]][k])``: a few comparisons
    instead of one per suffix (there are 150 role suffixes)."""
    if any(len(suffix) < SUFFIX_TAIL for suffixes in lists for suffix in suffixes):
        raise ValueError(f"a suffix shorter than {SUFFIX_TAIL} letters")
    tails = {suffix[-SUFFIX_TAIL:] for suffixes in lists for suffix in suffixes}
    return {tail: tuple(tuple(s for s in suffixes if s.endswith(tail)) for suffixes in lists) for tail in tails}


def _fold(text: str) -> str:
    return text_case.lower(text).replace("ß", "ss")


def _read_lines(name: str) -> Iterator[str]:
    data = resources.files("resources").joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return iter(data.decode("utf-8").splitlines())


def _with_genitives(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each name and its genitive in -s ("Frankreichs"), mapped to the name; "Paris" has none."""
    forms: dict[str, str] = {}
    for form, name in names:
        forms.setdefault(form, name)
        if " " not in form and not form.endswith(GENITIVE_ENDINGS):
            forms.setdefault(form + "s", name)
    return forms


def _groups(entries: Iterable[str]) -> list[tuple[str, str]]:
    """``"Weißes Haus|Weißen Haus"`` -> each written form with the first one, the canonical name."""
    pairs = []
    for entry in entries:
        forms = entry.split("|")
        pairs += [(form, forms[0]) for form in forms]
    return pairs


def _countries() -> list[tuple[str, str]]:
    """Country names with the shortest name of the same country: "Russische Föderation" -> "Russland"."""
    rows = [line.split("\t") for line in _read_lines(COUNTRIES)]
    shortest: dict[str, str] = {}
    for name, code in rows:
        if code not in shortest or len(name) < len(shortest[code]):
            shortest[code] = name
    return [(name, shortest[code]) for name, code in rows]


def _places(data: dict[str, list[str]]) -> dict[str, str]:
    """Hand-listed names first (they choose the canonical name), then countries, then Wiktionary's places."""
    pairs = _groups(data["places"]) + _countries()
    pairs += [(form, lemma) for form, lemma in (line.split("\t") for line in _read_lines(PLACES))]
    return _with_genitives(pairs)


def _phrases(places: dict[str, str], organisations: dict[str, str]) -> dict[str, tuple[Phrase, ...]]:
    """Multi-word names keyed by their first word, longest first: (written form, name, kind)."""
    found: dict[str, list[Phrase]] = {}
    for table, kind in ((organisations, ActorKind.ORGANISATION), (places, ActorKind.PLACE)):
        for form, name in table.items():
            if " " in form and len(form.split()) <= MAX_GAZETTEER_WORDS:
                found.setdefault(form.split()[0], []).append((form, name, kind))
    return {first: tuple(sorted(entries, key=lambda e: -len(e[0]))) for first, entries in found.items()}


#: A lowercase word between blanks before a capitalised word (" sagte K"); a speech cue when the word is a verb.
#: (Twice as fast as an alternation of the 200-odd verbs, which is tried at every blank.)
LOWER_WORD_BEFORE_CAPITAL: Final = re.compile(r"(?<= )([^\W\dA-ZÄÖÜ_]+) (?=[A-ZÄÖÜ])")
LOWER_WORD: Final = re.compile(r"[^\W\dA-ZÄÖÜ_]+")


def _speech_cue(verbs: list[str]) -> re.Pattern[str]:
    """Lowercase one-word verbs are found by the one cheap pattern and a set look-up (see ``speech_cue``)."""
    if all(LOWER_WORD.fullmatch(verb) for verb in verbs):
        return LOWER_WORD_BEFORE_CAPITAL
    alternatives = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(rf"(?<= )((?:{alternatives})) (?=[A-ZÄÖÜ])")


@lru_cache(maxsize=1)
def gazetteers() -> Gazetteers:
    """The shipped lists; loaded on first use, once per process."""
    data = load_resource_json(ACTORS)
    places = _places(data)
    organisations = dict(_groups(data["organisations"]))
    first_names = {}
    for line in _read_lines(FIRST_NAMES):
        name, frequency = line.split("\t")
        first_names[name] = int(frequency)
    first_names.update(dict.fromkeys(data["first_names"], COMMON_FIRST_NAME))
    adjective_heads = _unhyphenated(data["adjective_heads_organisation"] + data["adjective_heads_place"])
    return Gazetteers(
        first_names=first_names,
        surnames=frozenset(_read_lines(SURNAMES)),
        places=places,
        organisations=organisations,
        phrases=_phrases(places, organisations),
        nouns=frozenset(_read_lines(NOUNS)),
        role_cues=frozenset(r.rstrip(".") for r in data["role_cues"]),
        role_suffixes=tuple(data["role_suffixes"]),
        honorifics=frozenset(h.rstrip(".") for h in data["honorifics"]),
        particles=frozenset(shared_words("name_particles")),
        function_words=frozenset(shared_words("function_words")),
        not_acronyms=frozenset(data["acronyms_not_organisations"]),
        nationality_stems=tuple(data["nationality_adjectives"]),
        organisation_suffixes=tuple(data["organisation_suffixes"]),
        organisation_heads=frozenset(h.rstrip(".") for h in data["organisation_heads"]),
        organisation_leads=frozenset(data["organisation_leads"]),
        hyphen_organisation_heads=frozenset(data["hyphen_organisation_heads"]),
        quoted_organisation_heads=frozenset(data["quoted_organisation_heads"]),
        club_leads=frozenset(data["club_leads"]),
        place_leads=frozenset(data["place_leads"]),
        organisation_context=tuple(phrase + " " for phrase in data["organisation_context_before"]),
        vessel_cues=frozenset(data["vessel_cues"]),
        speech_verbs=frozenset(shared_words("speech_verbs", "so_cue")),
        speech_cue=_speech_cue(shared_words("speech_verbs", "so_cue")),
        spaced_speech_verbs=frozenset(f" {verb} " for verb in shared_words("speech_verbs", "so_cue")),
        person_cues=frozenset(data["person_cues"]),
        person_verbs=frozenset(data["person_verbs"]),
        adverb_endings=tuple(data["adverb_endings"]),
        place_prefixes=frozenset(data["place_prefixes"]),
        organisation_cues=tuple(data["organisation_cues"]),
        media_cues=tuple(data["media_cues"]),
        determiners=frozenset(shared_words("determiners")),
        federal_heads=tuple(data["federal_organisation_heads"]),
        organisation_adjective_heads=frozenset(data["adjective_heads_organisation"]),
        place_adjective_heads=frozenset(data["adjective_heads_place"]),
        adjective_heads=frozenset(adjective_heads),
        hyphenated_adjective_head=_last_part(adjective_heads),
    )


def _unhyphenated(words: list[str]) -> list[str]:
    return [word for word in words if "-" not in word]


def _last_part(words: list[str]) -> re.Pattern[str]:
    """A pattern for any of ``words`` ending a hyphenated word."""
    return re.compile("-(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")
