"""German-first text analysis for the index: ``tokenizer | compounds | lowercase | fold | stem``.

Each stage is a small Whoosh filter, testable alone:
- ``FoldFilter``: ß → ss; transliteration variants folded (y → i, a final ``ij`` → i), so that
  ``Selenskyj`` and ``Selenskij`` index alike. Umlauts are folded by the stemmer (Snowball German
  maps ä/ö/ü to a/o/u and reads ``ue`` as ü), so ``Kuendigung`` = ``Kündigung``.
- ``CompoundFilter``: at index time, a compound is indexed with its parts at the same position
  (``Truppenentsendung`` also as ``Truppen`` and ``Entsendung``); queries are not split, so the
  whole word still matches the whole word.
- ``GermanStemFilter``: Snowball German (PyStemmer, in C) with a cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import Stemmer
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, Token

from search.compounds import CompoundSplitter

#: Bump when analysis changes: the index is rebuilt from the library when its version differs.
ANALYSIS_VERSION = 3
_STEM_CACHE_LIMIT = 200_000


def fold(text: str) -> str:
    """The folded spelling of a lowercase word: ß, y/i and final ij variants made equal."""
    text = text.replace("ß", "ss").replace("y", "i")
    return text[:-1] if text.endswith("ij") else text


class FoldFilter(Filter):  # type: ignore[misc]
    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class CompoundFilter(Filter):  # type: ignore[misc]
    """Adds a compound's parts as further tokens at its position, when indexing only.

    It runs on the original spelling, before lowercasing and folding: only capitalised words
    (German nouns) are split, and the lexicon is looked up with the real letters (``Asyl``, not
    the folded ``asil``).
    """

    def __init__(self, splitter: CompoundSplitter | None = None) -> None:
        self._splitter = splitter

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        splitter = self._splitter or CompoundSplitter.german()
        for token in tokens:
            whole = token.text  # later filters change the token in place once it is yielded
            yield token
            if token.mode == "index" and len(whole) >= 8:
                for part in splitter.noun_parts(whole):
                    token.text = part
                    yield token


class GermanStemFilter(Filter):  # type: ignore[misc]
    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("german")
        self._cache: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._stemmer.stemWord(word)
            if len(self._cache) >= _STEM_CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = stem
        return stem

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if not token.stopped:
                token.text = self.stem(token.text)
            yield token


def german_analyzer() -> Any:
    """The analyzer for article text, titles and the other text fields."""
    return RegexTokenizer(r"\w+") | CompoundFilter() | LowercaseFilter() | FoldFilter() | GermanStemFilter()


def analyse(text: str, mode: str = "query") -> list[str]:
    """The terms a text becomes (for tests and for building queries by hand)."""
    return [token.text for token in german_analyzer()(text, mode=mode)]


_SHARED_STEMMER = GermanStemFilter()
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms one word of text is indexed as, in the analyzer's order: the word stemmed, then a
    compound's parts stemmed. Exactly what ``german_analyzer()`` makes of it in index mode."""
    pieces = (word, *CompoundSplitter.german().noun_parts(word)) if len(word) >= 8 else (word,)
    return tuple(_SHARED_STEMMER.stem(fold(piece.lower())) for piece in pieces)


#: Each word's index terms (``word_index_terms``) met so far; emptied when it reaches ``_INDEX_TERMS_LIMIT``.
#: A plain dict, not ``lru_cache``: its lookup is the per-word cost of indexing text.
_INDEX_TERMS: dict[str, tuple[bytes, ...]] = {}
_INDEX_TERMS_LIMIT = 200_000


def word_index_terms(word: str) -> tuple[bytes, ...]:
    """``word_terms`` as the index stores them (UTF-8)."""
    terms = _INDEX_TERMS.get(word)
    if terms is None:
        terms = _new_index_terms(word)
    return terms


def _new_index_terms(word: str) -> tuple[bytes, ...]:
    if len(_INDEX_TERMS) >= _INDEX_TERMS_LIMIT:
        _INDEX_TERMS.clear()
    terms = _INDEX_TERMS[word] = tuple(term.encode("utf-8") for term in word_terms(word))
    return terms


def term_positions(text: str) -> dict[bytes, list[int]]:
    """Each index term of a text (UTF-8) with the positions of the words it comes from.

    The same result as running ``german_analyzer()`` over the text, at a tenth of the cost: one regex
    pass and a dict lookup per word instead of a chain of five generators per token."""
    positions: dict[bytes, list[int]] = {}
    known, found_at = _INDEX_TERMS.get, positions.get
    for position, word in enumerate(_WORD.findall(text)):
        terms = known(word)
        if terms is None:
            terms = _new_index_terms(word)
        for term in terms:
            found = found_at(term)
            if found is None:
                positions[term] = [position]
            else:
                found.append(position)
    return positions


def stem(word: str) -> str:
    """A lowercase, folded word's stem, as the index holds it."""
    return _SHARED_STEMMER.stem(word)
