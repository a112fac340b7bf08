"""Per-document values (story, source, year, date) as plain lists, for counting and sorting matches.

Whoosh computes facets and duplicate collapsing by scoring every matching document in Python,
which costs a quarter of a second for a common word at 40,000 articles. Reading these few columns
once per committed index state lets a search count stories and facets, and sort by date, straight
from the matching document numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime
from typing import Any

from search.documents import seconds_since_epoch

_DEFAULTS: dict[str, Any] = {"group": -1, "source_name": "", "year": "", "sort_date": 0, "actor_ids": b""}


@dataclass(frozen=True, eq=False)
class DocTable:
    generation: int | None
    group: Sequence[int]  # the story's primary article id
    source: Sequence[str]
    year: Sequence[str]
    sort_date: Sequence[int]  # seconds since 1970; 0 for undated
    actor_ids: Sequence[bytes] = ()  # the library-wide actor ids the article names, as b"3 14"
    _norms: dict[tuple[str, float, float], list[float]] = field(default_factory=dict, repr=False)

    def bm25_length_norms(self, name: str, searcher: Any, k1: float, b: float) -> list[float]:
        """Per document, BM25's length part ``k1 * (1 - b + b * length / average length)`` for a
        field: computed on first use, then a list lookup per posting."""
        key = (name, k1, b)
        if key not in self._norms:
            reader = searcher.reader()
            count = reader.doc_count_all()
            average = (reader.field_length(name) / count if count else 0.0) or 1.0
            self._norms[key] = [k1 * (1 - b + b * (reader.doc_field_length(docnum, name, 0) or 0) / average)
                                for docnum in range(count)]
        return self._norms[key]

    @classmethod
    def read(cls, reader: Any) -> DocTable:
        def column(name: str) -> list[Any]:
            values: list[Any] = []
            for leaf, _offset in reader.leaf_readers():  # per segment: one may lack the column
                count = leaf.doc_count_all()
                read = list(leaf.column_reader(name)) if leaf.has_column(name) else []
                values.extend(read[:count] if len(read) >= count else read + [_DEFAULTS[name]] * (count - len(read)))
            return values

        return cls(reader.generation(), column("group"), column("source_name"), column("year"),
                   column("sort_date"), column("actor_ids"))

    def stories(self, docnums: Iterable[int]) -> int:
        group = self.group
        return len({group[d] for d in docnums})

    def facets(self, docnums: Iterable[int]) -> dict[str, dict[str, int]]:
        """Stories per source and per year (a story's copies in one source count once)."""
        counted: dict[str, dict[str, int]] = {}
        for name, (keys, values) in self._facet_keys.items():
            counts = Counter(values[key] for key in {keys[d] for d in docnums})
            counts.pop("", None)
            counted[name] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        return counted

    def actor_counts(self, docnums: Iterable[int]) -> Counter[int]:
        """Stories per library-wide actor id, each story counted by one of its matching copies (copies name
        the same actors but for rare edits). Counted in C: a dict, a map and a Counter, no loop in Python."""
        group = self.group
        one_per_story = {group[d]: d for d in docnums}
        return Counter(chain.from_iterable(map(self._actors.__getitem__, one_per_story.values())))

    @cached_property
    def _actors(self) -> list[tuple[int, ...]]:
        return [tuple(int(part) for part in value.split()) if value else () for value in self.actor_ids]

    @cached_property
    def _facet_keys(self) -> dict[str, tuple[list[int], list[str]]]:
        """Per facet: each document's (story, value) pair as a small number, and each number's value.
        Counting numbers in a set is several times faster than building (story, value) tuples per search."""
        keyed: dict[str, tuple[list[int], list[str]]] = {}
        for name, column in (("source", self.source), ("year", self.year)):
            numbers: dict[tuple[int, str], int] = {}
            keys = [numbers.setdefault((story, value), len(numbers)) for story, value in zip(self.group, column)]
            values = [value for _, value in numbers]
            keyed[name] = (keys, values)
        return keyed

    def within(self, docnums: Iterable[int], periods: Sequence[tuple[datetime | None, datetime | None]]) -> list[int]:
        """The dated documents that fall into every period (open ends as None)."""
        sort_date = self.sort_date
        kept = [d for d in docnums if sort_date[d]]
        for start, end in periods:
            low = seconds_since_epoch(start) if start else -(2**62)
            high = seconds_since_epoch(end) if end else 2**62
            kept = [d for d in kept if low <= sort_date[d] <= high]
        return kept

    def newest_first(self, docnums: Iterable[int]) -> list[int]:
        """The documents newest first, one date in index order; undated ones last."""
        sort_date = self.sort_date
        return sorted(docnums, key=lambda d: (-sort_date[d], d))
