"""Compiled language data for paragraph roles (``resources/patterns/roles.json``).

Users extend the shipped lists with a file of the same shape; its lists are appended.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from articles.language_data import load_resource_json

try:  # the extra case-blind equivalences of ``re`` (ı ~ i, ſ ~ s, ...), by lowercase code point
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10 keeps them in sre_compile
    try:
        from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[attr-defined]
    except ImportError:  # another Python: every letter counts as unsure, keyword tests stay case-blind
        _EXTRA_CASES = {code: (code,) for code in range(0x250)}

_UNLIMITED = 1_000_000


@dataclass(frozen=True)
class LoweredWords:
    words: re.Pattern[str]
    #: Characters a case-blind ``re`` search treats as the words' letters but ``str.lower`` does not
    #: turn into them (dotless ı and long ſ for i and s, İ and Σ, which lowercase differently).
    unsure: re.Pattern[str]


@dataclass(frozen=True)
class PatternSet:
    """Regular expressions for one kind of paragraph, tried only on paragraphs up to ``max_chars``."""

    patterns: tuple[re.Pattern[str], ...]
    max_chars: int = _UNLIMITED
    #: All patterns as one alternation, for a single pass in ``matches`` (None when they use named groups).
    combined: re.Pattern[str] | None = None
    #: Words one of which every pattern needs: a cheap test that spares most paragraphs the patterns.
    keywords: re.Pattern[str] | None = None
    #: The same words lowercased, searched case-sensitively in the lowercased text (several times
    #: faster than a case-blind alternation), with the characters for which that could differ.
    lowered: LoweredWords | None = None

    def _worth_trying(self, text: str) -> bool:
        if len(text) > self.max_chars:
            return False
        if self.keywords is None:
            return True
        if self.lowered is not None and not self.lowered.unsure.search(text):
            return self.lowered.words.search(text.lower()) is not None
        return self.keywords.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """The first pattern's match, in list order (so named groups can be read)."""
        if not self._worth_trying(text):
            return None
        for pattern in self.patterns:
            found = pattern.search(text)
            if found:
                return found
        return None

    def matches(self, text: str) -> bool:
        if self.combined is None:
            return self.search(text) is not None
        return self._worth_trying(text) and self.combined.search(text) is not None


@dataclass(frozen=True)
class RolePatterns:
    credit: PatternSet
    copyright_notice: PatternSet
    glued_credit: PatternSet
    caption: PatternSet
    related: PatternSet
    promo: PatternSet
    disclaimer: PatternSet
    copyright_source: PatternSet
    self_reference_source: PatternSet
    comments_start: PatternSet
    comments_end: PatternSet
    byline: PatternSet
    agencies: frozenset[str]
    kicker_words: frozenset[str]
    leading_function_words: frozenset[str]
    generic_self_names: frozenset[str]


def load_role_patterns(extra_files: Sequence[Path] = ()) -> RolePatterns:
    """The shipped patterns, extended by each existing file in ``extra_files``."""
    data = _merged([load_resource_json("patterns/roles.json"), *(_read(path) for path in extra_files)])
    values: dict[str, Any] = {}
    for spec in fields(RolePatterns):
        entry = data[spec.name]
        values[spec.name] = (
            _pattern_set(entry) if "patterns" in entry else frozenset(word.lower() for word in entry["names"])
        )
    return RolePatterns(**values)


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def _merged(sources: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for source in sources:
        for name, value in source.items():
            if not isinstance(value, dict):
                continue
            target = merged.setdefault(name, {})
            for key, item in value.items():
                if isinstance(item, list):
                    target[key] = [*target.get(key, []), *item]
                else:
                    target[key] = item
    return merged


def _pattern_set(value: dict[str, Any]) -> PatternSet:
    flags = 0 if value.get("case_sensitive") else re.IGNORECASE
    sources: list[str] = value["patterns"]
    compiled = tuple(re.compile(pattern, flags) for pattern in sources)
    combined = None if any("(?P<" in pattern for pattern in sources) else re.compile(
        "|".join(f"(?:{pattern})" for pattern in sources), flags)
    words: list[str] = value.get("keywords", [])
    keywords = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE) if words else None
    return PatternSet(compiled, int(value.get("max_chars", _UNLIMITED)), combined, keywords, _lowered(words))


#: Characters whose ``str.lower`` differs from the one-letter lowercase ``re`` compares: İ becomes
#: i plus a combining dot, a final Σ becomes ς.
_LOWER_DIFFERS = {"İ": "i", "Σ": "σ"}


def _lowered(words: list[str]) -> LoweredWords | None:
    """The fast form of a keyword test, or None when a word's lowercase changes its length."""
    lowered = [word.lower() for word in words]
    if not words or any(len(word) != len(original) for word, original in zip(lowered, words)):
        return None
    letters = set("".join(lowered))
    unsure = {chr(code) for letter in letters for code in _EXTRA_CASES.get(ord(letter), ())}
    unsure |= {char.upper() for char in unsure if char.upper().lower() in unsure}
    unsure |= {char for char, lower in _LOWER_DIFFERS.items() if lower in letters}
    pattern = "[" + re.escape("".join(sorted(unsure))) + "]" if unsure else "(?!)"
    return LoweredWords(re.compile("|".join(re.escape(word) for word in lowered)), re.compile(pattern))
