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

_UNLIMITED = 1_000_000


@dataclass(frozen=True)
class PatternSet:
    """Regular expressions for one kind of paragraph, tried only on paragraphs up to ``max_chars``."""

    patterns: tuple[re.Pattern[str], ...]
    max_chars: int = _UNLIMITED
    #: All patterns as one alternation, for a single pass in ``matches`` (None when they use named groups).
    combined: re.Pattern[str] | None = None
    #: Words one of which every pattern needs: a cheap test that spares most paragraphs the patterns.
    keywords: re.Pattern[str] | None = None

    def _worth_trying(self, text: str) -> bool:
        return len(text) <= self.max_chars and (self.keywords is None or self.keywords.search(text) is not None)

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
    return PatternSet(compiled, int(value.get("max_chars", _UNLIMITED)), combined, keywords)
