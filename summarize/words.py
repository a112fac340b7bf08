"""Words, sentences, stems, names and numbers of German and English text, for the checker and extraction.

The language knowledge is data (``resources/summarize/checks.json``, ``resources/dates.json`` and the actor
gazetteers); this module only applies it. Stems come from Snowball (PyStemmer), the same algorithm the
search index uses, called directly so that summaries never depend on the search package.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import Stemmer

from articles.gazetteers import Word, gazetteers
from articles.language_data import load_resource_json

CHECKS = "summarize/checks.json"
WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[“”\"»«‘’)]*\s+(?=[A-ZÄÖÜ„“\"»«‚(0-9])")
_NAME_FLAGS = Word.NAME_LIKE | Word.SURNAME | Word.FIRST_NAME | Word.PLACE | Word.ORGANISATION | Word.ACRONYM
_NOT_NAME_FLAGS = Word.FUNCTION | Word.ADJECTIVE | Word.ROLE | Word.HONORIFIC
_GENITIVE = re.compile(r"(?:’s|'s|s)$")


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def checks() -> dict[str, Any]:
    data: dict[str, Any] = load_resource_json(CHECKS)
    return data


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Any:
    return Stemmer.Stemmer("english" if language == "en" else "german")


@lru_cache(maxsize=4)
def function_words(language: str) -> frozenset[str]:
    lists = checks()["function_words"]
    return frozenset(lists.get(language, lists["de"]))


def fold(word: str) -> str:
    """Lower case without diacritics, ß as ss: Straße = strasse, Selenskyj = selenskyj."""
    lowered = word.lower().replace("ß", "ss").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def content_words(text: str, language: str) -> list[str]:
    """Words that carry content: no function words, no one- and two-letter words."""
    stop = function_words(language)
    return [w for w in words(text) if len(w) > 2 and w.lower() not in stop]


def stem(word: str, language: str) -> str:
    return str(_stemmer(language).stemWord(fold(word)))


def stems(text: str, language: str) -> set[str]:
    return {stem(w, language) for w in content_words(text, language)}


def sentences(paragraph: int, text: str) -> Iterator[Sentence]:
    """The sentences of a paragraph; a full stop after a number or abbreviation ends none."""
    abbreviations = frozenset(checks()["abbreviations"])
    start = 0
    for gap in _SENTENCE_END.finditer(text):
        before = text[start:gap.start()].rsplit(None, 1)
        last = before[-1] if before else ""
        ordinal = last.isdigit() and len(last) <= 2  # am 11. Juli
        if text[gap.start()] == "." and (ordinal or last.lower().strip("(") in abbreviations or len(last) == 1):
            continue
        yield Sentence(paragraph, start, gap.end(), text[start:gap.end()].strip())
        start = gap.end()
    if text[start:].strip():
        yield Sentence(paragraph, start, len(text), text[start:].strip())


def is_name(word: str, sentence_start: bool = False) -> bool:
    """A capitalised word the gazetteers know as a name, or, inside a sentence, one unknown there (no common
    noun, no function word). At a sentence's start an unknown word is as likely a capitalised adjective
    (Verurteilte, Defekter), so it must be listed (``opening_unknowns`` finds the others)."""
    if not word[:1].isupper():
        return False
    flags = gazetteers().word(word)
    wanted = _NAME_FLAGS & ~Word.NAME_LIKE if sentence_start else _NAME_FLAGS
    return bool(flags & wanted) and not flags & _NOT_NAME_FLAGS


def names(text: str) -> list[str]:
    return [m.group() for m in WORD.finditer(text) if is_name(m.group(), _starts_sentence(text, m.start()))]


def opening_unknowns(text: str) -> list[str]:
    """Capitalised words opening a sentence that the gazetteers do not know: a name or a capitalised adjective
    (Verurteilte); the checker accepts one only when its stem is in the cited text."""
    return [m.group() for m in WORD.finditer(text) if _starts_sentence(text, m.start()) and m.group()[:1].isupper()
            and not is_name(m.group(), True) and is_name(m.group())]


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" „“\"»«(")
    return not before or before[-1] in ".!?:;"


def name_in(name: str, folded_words: set[str]) -> bool:
    """Whether a name (or its genitive, Macrons) occurs among folded words (also inflected: Frankreichs)."""
    base = fold(name)
    bare = _GENITIVE.sub("", base) if len(base) > 4 else base
    return any(w == base or w == bare or (w.startswith(bare) and len(w) - len(bare) <= 2) for w in folded_words)


def numbers(text: str) -> list[str]:
    """Numbers as written, normalised: 25.000 and 25000 are '25000'; 2,5 is '2.5'."""
    return [normalise_number(n) for n in NUMBER.findall(text)]


def normalise_number(raw: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return raw.replace(".", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return raw.replace(",", "")
    return raw.replace(",", ".")


def number_values(text: str) -> set[str]:
    """Every number a text states, in digits or as a word (drei = 3)."""
    table: dict[str, int] = checks()["number_words"]
    found = set(numbers(text))
    found.update(str(table[w.lower()]) for w in words(text) if w.lower() in table and w.lower() not in {"ein", "eine", "einen", "one"})
    return found


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    data = load_resource_json("dates.json")
    months = {fold(name) for names_ in data["months"] for name in names_ if len(name) > 3}
    return frozenset(months | {fold(day) for day in data["weekdays"] if len(day) > 3})


def dates(text: str) -> list[str]:
    """Month and weekday names in a text (years and days are numbers)."""
    known = date_words()
    return [w for w in words(text) if fold(w) in known]
