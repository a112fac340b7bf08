"""Compiled language data for quotes and speakers (``resources/analysis/speech.json``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from articles.language_data import SHARED_WORDS, load_resource_json


@dataclass(frozen=True)
class SpeechData:
    speech_verbs: frozenset[str]
    weak_speech_verbs: frozenset[str]
    impersonal: frozenset[str]
    so_cue: frozenset[str]
    source_before: frozenset[str]
    source_phrases: re.Pattern[str]
    source_after: frozenset[str]
    as_words: frozenset[str]
    as_verbs: frozenset[str]
    naming_articles: frozenset[str]  # nannte den Bericht eine „…“
    naming_verbs: frozenset[str]
    pronoun_gender: dict[str, str]
    first_person: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    titles: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    role_nouns: frozenset[str]
    role_suffixes: tuple[str, ...]
    term_cues: frozenset[str]
    name_heads: frozenset[str]
    name_connectors: frozenset[str]
    legal_forms: frozenset[str]
    term_cue_suffixes: tuple[str, ...]
    konjunktiv: frozenset[str]
    subordinators: frozenset[str]
    clause_words: frozenset[str]
    abbreviations: frozenset[str]
    #: A word before a full stop this long or longer is no abbreviation (nor an initial, nor a day: 5. Mai).
    abbreviation_free: int
    name_particles: frozenset[str]
    function_words: frozenset[str]
    auxiliaries: frozenset[str]
    quoted_participles: frozenset[str]
    subject_first_verbs: frozenset[str]
    genitive_articles: frozenset[str]
    conjunctions: frozenset[str]
    clause_openers: frozenset[str]
    relative_pronouns: frozenset[str]
    title_nouns: frozenset[str]
    source_prepositions: frozenset[str]
    object_articles: frozenset[str]
    quoting_verbs: frozenset[str]
    wie_cue: frozenset[str]
    opinion_prepositions: frozenset[str]
    feminine_suffixes: tuple[str, ...]
    masculine_articles: frozenset[str]
    adjective_endings: tuple[str, ...]
    phrase_openings: tuple[str, ...]  # first words of the source phrases as written: nach, Nach, according …
    cue_words: frozenset[str]  # words that make a sentence worth reading for reported speech
    reporting_words: frozenset[str]  # cue words but the subordinators, and Konjunktiv forms: speech is reported
    cue_forms: dict[str, tuple[str, str]]  # cue words as str.split() leaves them → (as written, word)
    split_cues: frozenset[str]  # the keys of ``cue_forms``: one set test tells a paragraph holds none
    so_forms: tuple[str, ...]  # ", so " for each so-cue word, as it stands in a paragraph
    wie_forms: tuple[str, ...]  # "wie ", "Wie ", "as ", "As ": the wie-cue words as written before a name

    def is_term_cue(self, word: str) -> bool:
        """A word after which a quoted phrase is a name or title: sogenannte, Motto, Tageszeitung."""
        lower = word.lower()
        return lower in self.term_cues or lower.endswith(self.term_cue_suffixes)

    def is_feminine_role(self, word: str) -> bool:
        """A role held by a woman: Sprecherin, Ministerin."""
        return word.lower().endswith(self.feminine_suffixes) and self.is_role(word)

    def is_role(self, word: str) -> bool:
        """A role or description (Präsident, Außenamtssprecherin, Experten), not a name."""
        lower = word.lower()
        return lower in self.role_nouns or lower.endswith(self.role_suffixes) or lower in self.titles


def _words(entry: Any, key: str = "words") -> frozenset[str]:
    return frozenset(word.lower() for word in entry[key])


def _split_forms(words: frozenset[str], fixed: tuple[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """Each word as ``str.split`` may leave it (sagte, sagte. Laut (laut …) → (the word as written, the word);
    with ``fixed``, every form gives that instead."""
    forms: dict[str, tuple[str, str]] = {}
    for word in words:
        for written in (word, word[:1].upper() + word[1:]):
            value = fixed or (written, word)
            forms[written] = value
            for mark in ",.:;!?)“”\"«»":
                forms[written + mark] = value
            for mark in "(„“\"»«":
                forms[mark + written] = value
    return forms


def _phrase_words(phrases: list[str]) -> frozenset[str]:
    """The word after ``nach`` (or ``according``) in each source phrase: Angaben, Informationen, to."""
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


@lru_cache(maxsize=None)
def speech_data() -> SpeechData:
    """The shipped speech data, loaded and compiled once."""
    data = {**load_resource_json("analysis/speech.json"), **load_resource_json(SHARED_WORDS)}
    phrases = sorted(data["source_before"]["phrases"], key=len, reverse=True)
    pronouns = data["pronouns"]
    strong_verbs = _words(data["speech_verbs"])
    cue_words = strong_verbs | _words(data["source_before"]) | _words(data["source_after"]) | {"dass", "daß"}
    return SpeechData(
        speech_verbs=strong_verbs | _words(data["weak_speech_verbs"]),
        weak_speech_verbs=_words(data["weak_speech_verbs"]),
        impersonal=_words(data["impersonal_subjects"]),
        so_cue=_words(data["so_cue"]),
        source_before=_words(data["source_before"]),
        source_phrases=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE),
        source_after=_words(data["source_after"]),
        as_words=_words(data["as_cue"], "before_quote"),
        as_verbs=_words(data["as_cue"], "verbs"),
        naming_articles=_words(data["naming_cue"], "before_quote"),
        naming_verbs=_words(data["naming_cue"], "verbs"),
        pronoun_gender={word: gender for gender in ("m", "f", "x") for word in pronouns[gender]},
        first_person=_words(data["first_person"]),
        determiners=_words(data["determiners"]),
        prepositions=_words(data["prepositions"]),
        titles=_words(data["titles"]),
        female_words=_words(data["female_titles"]),
        male_words=_words(data["male_titles"]),
        role_nouns=_words(data["role_nouns"]),
        role_suffixes=tuple(sorted(_words(data["role_nouns"], "suffixes"))),
        term_cues=_words(data["term_cues"]),
        name_heads=_words(data["name_heads"]),
        name_connectors=_words(data["name_heads"], "connectors"),
        legal_forms=frozenset(data["name_heads"]["legal_forms"]),
        term_cue_suffixes=tuple(sorted(_words(data["term_cues"], "suffixes"))),
        konjunktiv=_words(data["konjunktiv"]),
        subordinators=_words(data["subordinators"]),
        clause_words=_words(data["clause_words"]),
        abbreviations=(abbreviations := _words(data["abbreviations"])),
        abbreviation_free=max(2, *map(len, abbreviations)) + 1,
        name_particles=_words(data["name_particles"]),
        function_words=_words(data["function_words"]),
        auxiliaries=_words(data["passive_cue"], "auxiliaries"),
        quoted_participles=_words(data["passive_cue"], "participles"),
        subject_first_verbs=_words(data["subject_first_verbs"]),
        genitive_articles=_words(data["genitive_articles"]),
        conjunctions=_words(data["conjunctions"]),
        clause_openers=_words(data["clause_openers"]),
        relative_pronouns=_words(data["relative_pronouns"]),
        title_nouns=_words(data["title_nouns"]),
        source_prepositions=_words(data["source_prepositions"]),
        object_articles=_words(data["object_articles"]),
        quoting_verbs=_words(data["quoting_verbs"]),
        wie_cue=_words(data["wie_cue"]),
        opinion_prepositions=_words(data["opinion_prepositions"]),
        feminine_suffixes=tuple(data["gender"]["feminine_suffixes"]),
        masculine_articles=frozenset(data["gender"]["masculine_articles"]),
        adjective_endings=tuple(data["adjective_endings"]["words"]),
        phrase_openings=tuple(sorted({form for phrase in phrases for word in phrase.split()[:1]
                                      for form in (word, word[:1].upper() + word[1:])})),
        cue_words=cue_words,
        reporting_words=(cue_words - _words(data["subordinators"])) | _words(data["konjunktiv"]),
        cue_forms=(forms := _split_forms(cue_words) | _split_forms(_phrase_words(phrases), ("", ""))),
        split_cues=frozenset(forms),
        so_forms=tuple(f", {word} " for word in sorted(_words(data["so_cue"]))),
        wie_forms=tuple(form + " " for word in sorted(_words(data["wie_cue"])) for form in (word, word.capitalize())),
    )
