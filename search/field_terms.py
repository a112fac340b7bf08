"""A document's terms for the index's small fields, as Whoosh's ``field.index`` gives them, cheaper.

Whoosh indexes a number as sixteen terms (one per 4-bit shift), converting and range-checking the value for
each; an id or a keyword list goes through an analyzer's token objects. ``terms_of`` makes the same
``(term, frequency, weight, encoded value)`` items with one conversion a number and one ``findall`` a keyword
list, for the field types and settings it knows (``fast_indexer``); any other field (or value) takes
Whoosh's own path. Tests compare each with ``field.index``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any

from whoosh.analysis import IDTokenizer, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint

Item = tuple[bytes, int, float, bytes]
#: A field's indexing: its items for a value, or None when the value is not of the kind it takes.
Indexer = Callable[[Any], "list[Item] | None"]

_SPACE_SEPARATED = r"[^ \t\r\n]+"  # whoosh's SpaceSeparatedTokenizer, KEYWORD's analyzer without commas


def fast_indexer(field: Any) -> Indexer | None:
    """The cheaper indexing of ``field``, or None when only Whoosh's own is exact for it."""
    kind = type(field)
    if kind in (NUMERIC, DATETIME) and field.shift_step:
        return _numbers(field)
    analyzer: Any = field.analyzer if kind in (ID, KEYWORD) else None
    if kind is ID and type(analyzer) is IDTokenizer and type(field.format) is Existence:
        return _one_term(field.format.field_boost)
    if (kind is KEYWORD and type(analyzer) is RegexTokenizer and not analyzer.gaps
            and analyzer.expression.pattern == _SPACE_SEPARATED and type(field.format) is Frequency):
        return _keywords(field.format.field_boost, analyzer.expression)
    return None


def _numbers(field: Any) -> Indexer:
    shifts = range(field.shift_step, field.bits, field.shift_step)
    unpack, to_bytes = field._struct.unpack, field.sortable_to_bytes

    def index(value: Any) -> list[Item] | None:
        if not isinstance(value, (int, datetime)):
            return None
        first: bytes = field.to_bytes(value)  # converted and checked once; the shifts only move its bits
        sortable = unpack(first[1:])[0]
        return [(first, 1, 1.0, b""), *((to_bytes(sortable, shift), 1, 1.0, b"") for shift in shifts)]

    return index


def _one_term(boost: float) -> Indexer:
    def index(value: Any) -> list[Item] | None:
        return [(value.encode("utf-8"), 1, boost, b"")] if isinstance(value, str) else None

    return index


def _keywords(boost: float, expression: re.Pattern[str]) -> Indexer:
    findall = expression.findall
    once: dict[str, Item] = {}  # a word's item when it is given once (most are): made once per indexer
    single = pack_uint(1)

    def index(value: Any) -> list[Item] | None:
        if not isinstance(value, str):
            return None
        words = findall(value)
        if len(set(words)) < len(words):
            return [(word.encode("utf-8"), count, count * boost, pack_uint(count))
                    for word, count in Counter(words).items()]
        items = []
        for word in words:
            item = once.get(word)
            if item is None:
                item = once[word] = (word.encode("utf-8"), 1, boost, single)
            items.append(item)
        return items

    return index


def terms_of(field: Any, indexer: Indexer | None, value: Any) -> list[Item]:
    """The items of ``value`` in ``field``: through ``indexer`` where it takes the value, else Whoosh's."""
    found = indexer(value) if indexer is not None else None
    return found if found is not None else list(field.index(value))
