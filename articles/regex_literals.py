"""Cheap tests that spare a paragraph a regular expression which cannot match it.

``required_literals`` reads a pattern's syntax tree and names literal strings one of which every
match must contain (``\\b(folgen sie uns|follow us)\\b`` needs ``folgen sie uns`` or ``follow us``);
``WordTest`` then tells in one fast pass whether a text holds any of them, case-blind the way
``re.IGNORECASE`` compares. A pattern that starts with ``^`` is cheap anyway: the engine tries it at
the start only. Both only ever rule out texts; whether a text matches is still the pattern's say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from articles import text_case

try:  # Python 3.11 and later
    import re._constants as _sre  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _parser

try:  # the extra case-blind equivalences of ``re`` (ı ~ i, ſ ~ s, ...), by lowercase code point
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10 keeps them in sre_compile
    try:
        from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[attr-defined]
    except ImportError:  # another Python: every letter counts as unsure, keyword tests stay case-blind
        _EXTRA_CASES = {code: (code,) for code in range(0x250)}

#: Most alternative strings a literal set may have before it is cut (each optional part doubles them).
_MAX_STRINGS = 64
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)
#: Lower-case characters of German news text, most frequent first: a word is looked for by its rarest one
#: (here and by the loaded-words filter, :mod:`articles.loaded`); unlisted ones count as rarest.
_FREQUENT = " enisratdhulcgmo,.bwfkzp0129-vüäö3458ß67:jyxq"
#: Characters whose ``str.lower`` differs from the one-letter lowercase ``re`` compares: İ becomes
#: i plus a combining dot, a final Σ becomes ς.
_LOWER_DIFFERS = {"İ": "i", "Σ": "σ"}

Literals = frozenset[str]
_Items = Sequence[tuple[Any, Any]]


@lru_cache(maxsize=1024)  # patterns are loaded again for each import: read each one once
def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Strings one of which (compared case-blind) is in every text the pattern matches; None if unknown."""
    try:
        return _required(list(_parser.parse(pattern, flags)))
    except (re.error, RecursionError, TypeError, ValueError):  # a pattern this reading does not follow
        return None


@lru_cache(maxsize=1024)
def is_anchored(pattern: str, flags: int = 0) -> bool:
    """True when every alternative of the pattern starts at the text's start (``^`` without MULTILINE, ``\\A``)."""
    try:
        parsed = _parser.parse(pattern, flags)
        return _starts_anchored(list(parsed), parsed.state.flags)
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return False


def _starts_anchored(items: _Items, flags: int) -> bool:
    if not items:
        return False
    op, value = items[0]
    if op is _sre.AT:
        return value is _sre.AT_BEGINNING_STRING or (value is _sre.AT_BEGINNING and not flags & re.MULTILINE)
    if op is _sre.SUBPATTERN:
        return _starts_anchored(list(value[-1]), (flags | value[1]) & ~value[2])
    if op is _sre.BRANCH:
        return all(_starts_anchored(list(alternative), flags) for alternative in value[1])
    return False


def _exact(items: _Items) -> set[str] | None:
    """Every string the items can match, when these are few and plain literals."""
    strings = {""}
    for op, value in items:
        item = _exact_item(op, value)
        if item is None:
            return None
        strings = {left + right for left in strings for right in item}
        if len(strings) > _MAX_STRINGS:
            return None
    return strings


def _exact_item(op: Any, value: Any) -> set[str] | None:
    if op is _sre.LITERAL:
        return {chr(value)}
    if op is _sre.AT:
        return {""}  # zero width: the literals on either side stay adjacent
    if op is _sre.IN:
        return {chr(code) for _, code in value} if all(kind is _sre.LITERAL for kind, _ in value) else None
    if op is _sre.SUBPATTERN:
        return _exact(list(value[-1]))
    if op is _sre.BRANCH:
        strings = _each_alternative(value[1], _exact)
        return strings if strings is not None and len(strings) <= _MAX_STRINGS else None
    if op in _REPEATS and value[1] <= 1:
        exact = _exact(list(value[2]))
        return None if exact is None else exact | {""} if value[0] == 0 else exact
    return None


def _required(items: _Items) -> Literals | None:
    """The best set of strings one of which every match of the sequence holds, if there is one."""
    best: Literals | None = None
    run = {""}  # the strings the literal stretch read so far can match, back to back
    for op, value in items:
        exact = _exact_item(op, value)
        if exact is not None:
            longer = {left + right for left in run for right in exact}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
            best, run = _better(best, _usable(run)), exact
            continue
        best, run = _better(_better(best, _usable(run)), _required_in(op, value)), {""}
    return _better(best, _usable(run))


def _required_in(op: Any, value: Any) -> Literals | None:
    """What one item that is not a plain literal needs (a group, a branch, a repeat, a lookaround)."""
    if op is _sre.SUBPATTERN:
        return _required(list(value[-1]))
    if op is _ATOMIC:
        return _required(list(value))
    if op is _sre.ASSERT:  # a positive lookahead or lookbehind must match too
        return _required(list(value[1]))
    if op in _REPEATS and value[0] >= 1:
        return _required(list(value[2]))
    if op is _sre.BRANCH:
        strings = _each_alternative(value[1], _required)
        return None if strings is None else frozenset(strings)
    return None


def _each_alternative(alternatives: Iterable[Any], read: Callable[[_Items], Iterable[str] | None]) -> set[str] | None:
    """The strings ``read`` gives for every alternative of a branch, or None if one has none."""
    strings: set[str] = set()
    for alternative in alternatives:
        found = read(list(alternative))
        if found is None:
            return None
        strings.update(found)
    return strings


def _usable(strings: set[str]) -> Literals | None:
    return frozenset(strings) if strings and "" not in strings else None


def _better(first: Literals | None, second: Literals | None) -> Literals | None:
    """The more selective set: the one whose least telling string is rarer, then the smaller one."""
    if first is None or second is None:
        return first if second is None else second
    return first if _selectivity(first) >= _selectivity(second) else second


def _selectivity(strings: Literals) -> tuple[float, int]:
    return min(sum(_weight(char) for char in string) for string in strings), -len(strings)


def _weight(char: str) -> float:
    """How much a character narrows a search: spaces are everywhere, symbols such as € or © are rare."""
    if char.isspace():
        return 0.5
    return 1.0 if char.isalnum() or char in ".,:;!?-'\"()" else 4.0


@dataclass(frozen=True)
class WordTest:
    """Whether a text holds one of some words, compared case-blind as ``re.IGNORECASE`` does."""

    #: The words as one case-blind alternation: the reference answer.
    blind: re.Pattern[str]
    #: The same words lowercased, searched case-sensitively in the lowercased text (several times faster),
    #: or None when a word's lowercase changes its length.
    lowered: re.Pattern[str] | None
    #: Characters a case-blind search treats as the words' letters but ``str.lower`` does not turn into them
    #: (dotless ı and long ſ for i and s, İ and Σ, which lowercase differently): texts with one ask ``blind``.
    unsure: re.Pattern[str] | None

    @classmethod
    def of(cls, words: Iterable[str]) -> WordTest | None:
        chosen = sorted(set(words))
        if not chosen or "" in chosen:
            return None
        blind = re.compile("|".join(re.escape(word) for word in chosen), re.IGNORECASE)
        lowered = [text_case.lower(word) for word in chosen]
        if any(len(word) != len(original) for word, original in zip(lowered, chosen)):
            return cls(blind, None, None)
        return cls(blind, _by_rarest_character(lowered), _unsure_characters(lowered))

    def found(self, text: str, lowered: str | None = None) -> bool:
        """``lowered``, when given, must be ``text.lower()``."""
        if self.lowered is not None and (self.unsure is None or not self.unsure.search(text)):
            return self.lowered.search(text_case.lower(text) if lowered is None else lowered) is not None
        return self.blind.search(text) is not None


def _unsure_characters(lowered: Sequence[str]) -> re.Pattern[str] | None:
    letters = set("".join(lowered))
    unsure = {chr(code) for letter in letters for code in _EXTRA_CASES.get(ord(letter), ())}
    unsure |= {char.upper() for char in unsure if text_case.lower(char.upper()) in unsure}
    unsure |= {char for char, lower in _LOWER_DIFFERS.items() if lower in letters}
    return re.compile("[" + re.escape("".join(sorted(unsure))) + "]") if unsure else None


def _by_rarest_character(words: Sequence[str]) -> re.Pattern[str]:
    """One search for all words that starts each try at an anchor, a word's rarest character, which the
    engine skips to in C; the character after it picks the words to check, the rest of a word is checked
    behind and ahead without consuming it."""
    anchors = _anchor_characters(words)
    tree: dict[str, dict[str, set[str]]] = {}
    for word in words:
        at = max((index for index, char in enumerate(word) if char in anchors), key=lambda index: rarity(word[index]))
        behind = f"(?<={re.escape(word[:at + 2])})" if at else ""
        ahead = f"(?={re.escape(word[at + 2:])})" if at + 2 < len(word) else ""
        tree.setdefault(word[at], {}).setdefault(word[at + 1:at + 2], set()).add(behind + ahead)
    return re.compile("|".join(
        re.escape(anchor) + _group(re.escape(after) + _group(checks) for after, checks in sorted(nexts.items()))
        for anchor, nexts in sorted(tree.items())
    ))


def _anchor_characters(words: Sequence[str]) -> set[str]:
    """Each word's rarest character, less the most frequent of them while every word keeps one."""
    chosen = {max(word, key=rarity) for word in words}
    for char in sorted(chosen, key=rarity):
        if all(set(word) & (chosen - {char}) for word in words if char in word):
            chosen.discard(char)
    return chosen


def _group(alternatives: Iterable[str]) -> str:
    listed = sorted(set(alternatives))
    return listed[0] if len(listed) == 1 else "(?:" + "|".join(listed) + ")"


def rarity(char: str) -> int:
    """How rare ``char`` is in German news text: a larger number is rarer."""
    rank = _FREQUENT.find(char)
    return len(_FREQUENT) if rank < 0 else rank
