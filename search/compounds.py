"""Split German compound nouns into the parts a reader searches for.

``Truppenentsendung`` is indexed beside ``truppen`` and ``entsendung``, so a search for either finds it.
The splitter only knows a word list (``resources/lexicon/german_nouns.txt.gz``, nouns from German
Wiktionary): a split must cover the whole word with known words of at least ``min_part`` letters,
joined at most by a linking element (Fugenelement), and the fewest parts win. That keeps short
syllables (``tat`` in ``Tatsache``) and invented splits (``Kart|offel``) out.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

LEXICON = "lexicon/german_nouns.txt.gz"
STOPLIST = "lexicon/compound_stoplist.txt"
CACHE_SIZE = 65_536

# A modifier ending in the linking element -es or -s is read without it: "waffenstillstands" ->
# "waffenstillstand", "bundes" -> "bund". The other linking elements (-n, -en, -e, -er, -ns) are not
# stripped: the lexicon holds the plural and genitive forms they coincide with (truppen, kinder,
# hunde, namens), so "truppen" stays "truppen"; stripping them only invented splits (wand|er|tour).
LINKS = ("es", "s")
# A head in the dative plural (Preise -> Preisen) is read as its nominative plural.
DATIVE_PLURAL_BASES = ("e", "el", "er")

_WORD = re.compile(r"[a-zäöü]+")

Split = tuple[str, ...]


def normalise(token: str) -> str:
    """Lowercase and fold ß to ss, the form the lexicon is written in."""
    return token.lower().replace("ß", "ss")


class CompoundSplitter:
    """Finds the parts of compound nouns, using a set of known (normalised) words."""

    def __init__(
        self,
        words: frozenset[str],
        min_part: int = 4,
        *,
        not_heads: frozenset[str] = frozenset(),
        not_modifiers: frozenset[str] = frozenset(),
    ) -> None:
        """``not_heads`` are never the last part (``schaft``), ``not_modifiers`` never an earlier one (``unter``)."""
        if min_part < 1:
            raise ValueError("min_part must be at least 1")
        self._head_words = words - not_heads
        self._modifier_words = words - not_modifiers
        self._min_part = min_part
        self._cached_parts: Callable[[str], Split] = lru_cache(maxsize=CACHE_SIZE)(self._parts)

    @classmethod
    def german(cls) -> CompoundSplitter:
        """The splitter over the shipped German noun lexicon; loaded on first use, one per process."""
        return _german_splitter()

    def parts(self, word: str) -> Split:
        """Parts of a compound to index beside the whole word, lowercase ß-folded; () when `word` is not a compound."""
        return self._cached_parts(word)

    def _parts(self, token: str) -> Split:
        word = normalise(token)
        if len(word) < 2 * self._min_part or not _WORD.fullmatch(word):
            return ()
        split = self._best_split(word)
        if split is None:
            return ()
        found: dict[str, None] = dict.fromkeys(split)
        for part in split:
            found.update(dict.fromkeys(self._cached_parts(part)))
        found.pop(word, None)
        return tuple(found)

    def _best_split(self, word: str) -> Split | None:
        """The split with the fewest parts; among those, the one with the longest head."""
        memo: dict[tuple[int, int], Split | None] = {}
        for modifiers in range(1, len(word) // self._min_part):
            for start in range(self._min_part * modifiers, len(word) - self._min_part + 1):
                head = self._head(word[start:])
                if head is None:
                    continue
                front = self._modifiers(word, start, modifiers, memo)
                if front is not None:
                    return (*front, head)
        return None

    def _modifiers(self, word: str, end: int, count: int, memo: dict[tuple[int, int], Split | None]) -> Split | None:
        """``word[:end]`` read as exactly ``count`` modifiers, the last one as long as possible."""
        key = (end, count)
        if key not in memo:
            memo[key] = self._find_modifiers(word, end, count, memo)
        return memo[key]

    def _find_modifiers(
        self, word: str, end: int, count: int, memo: dict[tuple[int, int], Split | None]
    ) -> Split | None:
        if count == 1:
            single = self._modifier(word[:end])
            return None if single is None else (single,)
        for start in range(self._min_part * (count - 1), end - self._min_part + 1):
            last = self._modifier(word[start:end])
            if last is None:
                continue
            rest = self._modifiers(word, start, count - 1, memo)
            if rest is not None:
                return (*rest, last)
        return None

    def _modifier(self, chunk: str) -> str | None:
        """The known word a non-final chunk stands for, its linking element taken off; None if none."""
        for link in LINKS:
            stem = self._stem(chunk, link)
            if stem is not None:
                return stem
        return chunk if chunk in self._modifier_words else None

    def _stem(self, chunk: str, link: str) -> str | None:
        if not chunk.endswith(link) or len(chunk) - len(link) < self._min_part:
            return None
        stem = chunk[: -len(link)]
        return stem if stem in self._modifier_words else None

    def _head(self, chunk: str) -> str | None:
        """The known word the final chunk stands for (a dative plural read as the plural); None if none."""
        if chunk in self._head_words:
            return chunk
        if chunk.endswith("n") and chunk[:-1].endswith(DATIVE_PLURAL_BASES):
            plural = chunk[:-1]
            if len(plural) >= self._min_part and plural in self._head_words:
                return plural
        return None


def read_lexicon(name: str = LEXICON) -> frozenset[str]:
    """The words of a gzip-compressed, one-word-a-line file in the ``resources`` package."""
    data = resources.files("resources").joinpath(name).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def parse_stoplist(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """``(not_heads, not_modifiers)`` from stoplist lines: ``-schaft`` is never a head, ``unter-`` never
    a modifier, a bare ``gros`` never either; ``#`` starts a comment."""
    not_heads: set[str] = set()
    not_modifiers: set[str] = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        word = normalise(entry.strip("-"))
        if not entry.endswith("-"):
            not_heads.add(word)
        if not entry.startswith("-"):
            not_modifiers.add(word)
    return frozenset(not_heads), frozenset(not_modifiers)


def read_stoplist(name: str = STOPLIST) -> tuple[frozenset[str], frozenset[str]]:
    """The stoplist file ``name`` in the ``resources`` package; see :func:`parse_stoplist`."""
    return parse_stoplist(resources.files("resources").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _german_splitter() -> CompoundSplitter:
    not_heads, not_modifiers = read_stoplist()
    return CompoundSplitter(read_lexicon(), not_heads=not_heads, not_modifiers=not_modifiers)
