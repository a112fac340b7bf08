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
from articles.regex_literals import WordTest, is_anchored, required_literals

_UNLIMITED = 1_000_000


@dataclass(frozen=True)
class PatternSet:
    """Regular expressions for one kind of paragraph, tried only on paragraphs up to ``max_chars``.

    A text matches when one of the patterns matches it and it holds one of ``keywords``. The patterns that
    start at the text's start (cheap) or need no literal are tried as one alternation, ``always``; the others
    as ``filtered``, and only on texts holding one of their ``literals`` (see ``articles.regex_literals``).
    """

    patterns: tuple[re.Pattern[str], ...]
    max_chars: int = _UNLIMITED
    #: Words one of which every pattern needs: a cheap test that spares most paragraphs the patterns.
    keywords: WordTest | None = None
    #: Per pattern: whether it is only tried on texts that hold one of ``literals``.
    needs_literal: tuple[bool, ...] = ()
    #: Strings one of which every match of a ``needs_literal`` pattern holds.
    literals: WordTest | None = None
    #: The patterns as two alternations (None when they use named groups: ``matches`` then uses ``search``).
    always: re.Pattern[str] | None = None
    filtered: re.Pattern[str] | None = None
    #: Whether ``always`` holds a pattern that may cost more than the keyword test (one not anchored).
    keywords_first: bool = True

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The first pattern's match, in list order (so named groups can be read). ``lowered``, when given,
        is ``text.lower()``."""
        if len(text) > self.max_chars:
            return None
        worth: bool | None = None  # whether the text holds a literal, found out when first needed
        for pattern, needs_literal in zip(self.patterns, self.needs_literal or (False,) * len(self.patterns)):
            if needs_literal:
                if worth is None:
                    worth = self.literals is None or self.literals.found(text, lowered)
                if not worth:
                    continue
            found = pattern.search(text)
            if found:
                return found if self._has_keyword(text, lowered) else None
        return None

    def matches(self, text: str, lowered: str | None = None) -> bool:
        if self.always is None and self.filtered is None:
            return self.search(text, lowered) is not None
        if len(text) > self.max_chars or (self.keywords_first and not self._has_keyword(text, lowered)):
            return False
        hit = (self.always is not None and self.always.search(text) is not None) or (
            self.filtered is not None and (self.literals is None or self.literals.found(text, lowered))
            and self.filtered.search(text) is not None)
        return hit and (self.keywords_first or self._has_keyword(text, lowered))

    def _has_keyword(self, text: str, lowered: str | None) -> bool:
        return self.keywords is None or self.keywords.found(text, lowered)


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
    literals = [None if is_anchored(source, flags) else required_literals(source, flags) for source in sources]
    needs_literal = tuple(found is not None for found in literals)
    keywords = WordTest.of(value.get("keywords", []))
    filtered = [source for source, needs in zip(sources, needs_literal) if needs]
    always = [source for source, needs in zip(sources, needs_literal) if not needs]
    named_groups = any("(?P<" in source for source in sources)  # ``matches`` then uses ``search``
    return PatternSet(
        patterns=tuple(re.compile(source, flags) for source in sources),
        max_chars=int(value.get("max_chars", _UNLIMITED)),
        keywords=keywords,
        needs_literal=needs_literal,
        literals=WordTest.of(word for found in literals if found for word in found),
        always=None if named_groups else _alternation(always, flags),
        filtered=None if named_groups else _alternation(filtered, flags),
        keywords_first=keywords is not None and not all(is_anchored(source, flags) for source in always),
    )


def _alternation(sources: list[str], flags: int) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{source})" for source in sources), flags) if sources else None
