"""Split German compound nouns into the parts a reader searches for.

``Truppenentsendung`` is indexed beside ``truppen`` and ``entsendung``, so a search for either finds it.
The splitter knows only a word list (``resources/lexicon/german_nouns.txt.gz``, nouns from German
Wiktionary) and a short list of hand-made rules (``resources/lexicon/compound_rules.txt``). A split
must cover the whole word with known words of at least ``min_part`` letters, joined at most by a
linking element, and the fewest parts win. That keeps short syllables (``tat`` in ``Tatsache``) and
invented splits (``Kart|offel``) out.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEXICON = "lexicon/german_nouns.txt.gz"
RULES = "lexicon/compound_rules.txt"
CACHE_SIZE = 65_536

# How a modifier chunk is read, first fit wins: the linking element -es or -s taken off
# ("waffenstillstands" -> "waffenstillstand", "bundes" -> "bund"), then the chunk as it is. The
# links -n, -en, -e, -er and -ns are not taken off: they coincide with plural and genitive forms the
# lexicon holds ("truppen", "kinder", "namens"), and taking them off only invented splits (wand|er|tour).
LINKS = ("es", "s")
# Then, for the few words the rules allow, a final -e the compound dropped is put back, with or
# without a linking -s: "grenz" -> "grenze", "hilfs" -> "hilfe".
DROPPED_E_LINKS = ("", "s")
# A head in the dative plural ("preisen") is read as its nominative plural ("preise").
DATIVE_PLURAL_BASES = ("e", "el", "er")

_WORD = re.compile(r"[a-zäöü]+")

Split = tuple[str, ...]


def normalise(token: str) -> str:
    """Lowercase and fold ß to ss, the form the lexicon is written in."""
    return token.lower().replace("ß", "ss")


@dataclass(frozen=True)
class CompoundRules:
    """Hand-made exceptions to the lexicon, all in normalised form."""

    not_heads: frozenset[str] = frozenset()  # never the last part: "schaft" (Wirt|schaft)
    not_modifiers: frozenset[str] = frozenset()  # never an earlier part: "unter" (Unter|kunft)
    not_split: frozenset[str] = frozenset()  # never split at all: "hochzeit" (hoch|zeit)
    drop_e: frozenset[str] = frozenset()  # may lose their final -e as a modifier: "grenze" (Grenz|kontrolle)


class CompoundSplitter:
    """Finds the parts of compound nouns, using a set of known (normalised) words."""

    def __init__(self, words: frozenset[str], min_part: int = 4, *, rules: CompoundRules | None = None) -> None:
        if min_part < 1:
            raise ValueError("min_part must be at least 1")
        self._rules = rules or CompoundRules()
        self._words = words
        self._min_part = min_part
        self._cached_parts: Callable[[str], Split] = lru_cache(maxsize=CACHE_SIZE)(self._parts)
        self._cached_structure: Callable[[str], tuple[tuple[int, ...], tuple[int, ...]]] = lru_cache(
            maxsize=CACHE_SIZE
        )(self._structure)

    @classmethod
    def german(cls) -> CompoundSplitter:
        """The splitter over the shipped German noun lexicon and rules; loaded on first use, one per process."""
        return _german_splitter()

    def parts(self, word: str) -> Split:
        """Parts of a compound to index beside the whole word, lowercase ß-folded; () when `word` is not a compound."""
        return self._cached_parts(word)

    def noun_parts(self, token: str) -> Split:
        """Like :meth:`parts`, but () unless ``token`` is capitalised as German nouns are.

        For indexers that still see the original case: it skips adjectives and verbs, whose rare
        false splits (``dauer|haft``) are most of what the splitter still gets wrong.
        """
        return self._cached_parts(token) if token[:1].isupper() else ()

    def _parts(self, token: str) -> Split:
        word = normalise(token)
        top, bounds = self._cached_structure(word)
        if not top:
            return ()
        # The parts of the best split first, then every known word between two part boundaries.
        spans = list(zip((0, *top), (*top, len(word))))
        edges = (0, *bounds, len(word))
        spans += [(edges[i], edges[j]) for i in range(len(edges)) for j in range(len(edges) - 1, i, -1)]
        readings = (self._reading(word, start, end) for start, end in spans if (start, end) != (0, len(word)))
        return tuple(dict.fromkeys(part for part in readings if part is not None and part != word))

    def _reading(self, word: str, start: int, end: int) -> str | None:
        """The known word that ``word[start:end]`` stands for, read as a head if it ends the word."""
        chunk = word[start:end]
        return self._head(chunk) if end == len(word) else self._modifier(chunk)

    def _structure(self, word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Where the parts of the best split of ``word`` begin, and where all parts begin, its parts'
        own parts included; ``((), ())`` if ``word`` is no compound."""
        if len(word) < 2 * self._min_part or word in self._rules.not_split or not _WORD.fullmatch(word):
            return (), ()
        top = self._best_split(word)
        if top is None:
            return (), ()
        edges = (0, *top, len(word))
        bounds = set(top)
        for start, end in zip(edges, edges[1:]):
            reading = self._reading(word, start, end)
            nested = self._cached_structure(reading)[1] if reading is not None else ()
            bounds.update(start + bound for bound in nested if start + bound < end)
        return top, tuple(sorted(bounds))

    def _best_split(self, word: str) -> tuple[int, ...] | None:
        """Where the parts begin in the split with the fewest parts; among those, the longest head."""
        memo: dict[tuple[int, int], tuple[int, ...] | None] = {}
        for modifiers in range(1, len(word) // self._min_part):
            for start in range(self._min_part * modifiers, len(word) - self._min_part + 1):
                if self._head(word[start:]) is None:
                    continue
                front = self._modifier_starts(word, start, modifiers, memo)
                if front is not None:
                    return (*front, start)
        return None

    def _modifier_starts(
        self, word: str, end: int, count: int, memo: dict[tuple[int, int], tuple[int, ...] | None]
    ) -> tuple[int, ...] | None:
        """Where ``count`` modifiers covering ``word[:end]`` begin (after the first), the last one as
        long as possible; None if they cannot. Memoised in ``memo``."""
        key = (end, count)
        if key not in memo:
            memo[key] = self._find_modifier_starts(word, end, count, memo)
        return memo[key]

    def _find_modifier_starts(
        self, word: str, end: int, count: int, memo: dict[tuple[int, int], tuple[int, ...] | None]
    ) -> tuple[int, ...] | None:
        if count == 1:
            return () if self._modifier(word[:end]) is not None else None
        for start in range(self._min_part * (count - 1), end - self._min_part + 1):
            if self._modifier(word[start:end]) is None:
                continue
            rest = self._modifier_starts(word, start, count - 1, memo)
            if rest is not None:
                return (*rest, start)
        return None

    def _modifier(self, chunk: str) -> str | None:
        """The known word a non-final chunk stands for, its linking element taken off; None if none."""
        for link in LINKS:
            stem = chunk[: -len(link)]
            if chunk.endswith(link) and len(stem) >= self._min_part and self._is_modifier(stem):
                return stem
        if self._is_modifier(chunk):
            return chunk
        for link in DROPPED_E_LINKS:
            if chunk.endswith(link):
                restored = chunk[: len(chunk) - len(link)] + "e"
                if len(restored) >= self._min_part and restored in self._rules.drop_e:
                    return restored
        return None

    def _head(self, chunk: str) -> str | None:
        """The known word the final chunk stands for (a dative plural read as the plural); None if none."""
        if chunk in self._rules.not_heads:
            return None
        if chunk in self._words:
            return chunk
        plural = chunk[:-1]
        if chunk.endswith("n") and plural.endswith(DATIVE_PLURAL_BASES) and len(plural) >= self._min_part:
            return plural if plural in self._words and plural not in self._rules.not_heads else None
        return None

    def _is_modifier(self, word: str) -> bool:
        return word in self._words and word not in self._rules.not_modifiers


def read_lexicon(name: str = LEXICON) -> frozenset[str]:
    """The words of a gzip-compressed, one-word-a-line file in the ``resources`` package."""
    data = resources.files("resources").joinpath(name).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def parse_rules(text: str) -> CompoundRules:
    """Read rule entries, separated by white space; ``#`` starts a comment.

    ``-schaft`` is never a head, ``unter-`` never a modifier, a bare ``gros`` never any part,
    ``=hochzeit`` is never split, and ``+grenze`` may drop its final -e as a modifier.
    """
    kinds: dict[str, set[str]] = {"heads": set(), "modifiers": set(), "split": set(), "drop_e": set()}
    for line in text.splitlines():
        for entry in line.split("#", 1)[0].split():
            _add_rule(entry, kinds)
    return CompoundRules(
        not_heads=frozenset(kinds["heads"]),
        not_modifiers=frozenset(kinds["modifiers"]),
        not_split=frozenset(kinds["split"]),
        drop_e=frozenset(kinds["drop_e"]),
    )


def _add_rule(entry: str, kinds: dict[str, set[str]]) -> None:
    if entry[0] in "=+":
        kinds["split" if entry[0] == "=" else "drop_e"].add(normalise(entry[1:]))
        return
    word = normalise(entry.strip("-"))
    if not entry.endswith("-"):
        kinds["heads"].add(word)
    if not entry.startswith("-"):
        kinds["modifiers"].add(word)


def read_rules(name: str = RULES) -> CompoundRules:
    """The rules file ``name`` in the ``resources`` package; see :func:`parse_rules`."""
    return parse_rules(resources.files("resources").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _german_splitter() -> CompoundSplitter:
    return CompoundSplitter(read_lexicon(), rules=read_rules())
