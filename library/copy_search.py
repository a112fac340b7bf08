"""Finding the stored article a new one is a copy of: sketch candidates first, then their full shingles.

``library.duplicates`` says what a copy is; this module looks the candidates up, in the ``sketches`` table
or (through a large import) in its ``SketchMemory``, which give the same candidates.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

from library import duplicates
from library.duplicates import TextPrint
from library.import_memory import SketchMemory


def closest_copy(read: Callable[[], sqlite3.Connection], memory: SketchMemory | None, article_id: int,
                 text_print: TextPrint) -> int | None:
    """The stored article (not itself) whose text the article's is closest to as a copy, or None. ``read()``:
    the connection with every row the library holds back written (asked only for what the memory lacks)."""
    best_score, best = 0.0, None
    hashes: frozenset[int] | None = None  # made only for an article with candidates, few are
    for candidate in _sketch_candidates(read, memory, article_id, text_print.sketch):
        hashes = text_print.hashes() if hashes is None else hashes
        score = duplicates.copy_score(hashes, _stored_shingles(read, memory, candidate))
        if score > best_score:
            best_score, best = score, candidate
    return best


def _sketch_candidates(read: Callable[[], sqlite3.Connection], memory: SketchMemory | None, article_id: int,
                       sketch: Sequence[int]) -> list[int]:
    """Articles sharing enough sketch hashes, most shared first.

    A hash that hundreds of articles share stands for a stock phrase ("teilte die Polizei
    mit"), not for one story; it is skipped, which keeps each look-up small however large
    the library grows.
    """
    holders = _holders(read(), sketch).values() if memory is None else map(memory.holders, sketch)
    held: list[int] = []
    for others in holders:
        if len(others) <= duplicates.COMMON_HASH_ARTICLES:
            held.extend(others)
    shared = Counter(held)
    shared.pop(article_id, None)
    ranked = [(count, -other) for other, count in shared.items() if count >= duplicates.MIN_SHARED_SKETCH]
    return [-negated for _, negated in sorted(ranked, reverse=True)[: duplicates.MAX_CANDIDATES]]


def _holders(db: sqlite3.Connection, sketch: Sequence[int]) -> Mapping[int, Sequence[int]]:
    """The articles holding each sketch hash (at most one more than a stock phrase has)."""
    holders: dict[int, list[int]] = {value: [] for value in sketch}
    for value, other in db.execute(_sketch_lookup(len(holders)), list(holders)):
        holders[value].append(other)
    return holders


def _stored_shingles(read: Callable[[], sqlite3.Connection], memory: SketchMemory | None,
                     article_id: int) -> Collection[int]:
    packed = memory.shingles(article_id) if memory is not None else None
    if packed is not None:
        return duplicates.unpack(packed)
    row = read().execute("SELECT shingles FROM articles WHERE id = ?", (article_id,)).fetchone()
    return duplicates.unpack(row[0]) if row else ()


@functools.lru_cache(maxsize=duplicates.SKETCH_SIZE + 1)
def _sketch_lookup(hashes: int) -> str:
    """One statement for a sketch's look-ups: each hash with at most one article more than a stock phrase has."""
    limit = duplicates.COMMON_HASH_ARTICLES + 1
    one = f"SELECT * FROM (SELECT hash, article_id FROM sketches WHERE hash = ? LIMIT {limit})"
    return " UNION ALL ".join([one] * hashes) if hashes else "SELECT 0, 0 WHERE 0"
