"""Decoded postings kept between searches.

Reading a term's postings means unpickling and decoding each of its blocks (most of a search's time at
40,000 articles). A search reads them twice (the set of matches, then BM25 over it), and a query typed word by
word repeats its earlier words at every keystroke. So a term's decoded blocks are kept, per segment, for the
next reads: a segment's postings never change (deletions are kept apart and applied by the readers), so an
entry stays right as long as its segment exists; the least recently used entries go once the cache holds
``MAX_POSTINGS`` postings (a decoded posting takes about 40 bytes: an int object in a tuple, a float).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

#: Postings kept at most, over all terms (about 20 MB); the commonest word of 40,000 articles has about 11,000.
MAX_POSTINGS = 500_000

Blocks = list[tuple[Sequence[int], Sequence[float]]]
Key = tuple[str, str, object]  # segment id, field, term text


class PostingCache:
    """A bounded, thread-safe store of (document numbers, term frequencies) blocks by segment, field and term."""

    def __init__(self, max_postings: int = MAX_POSTINGS) -> None:
        self.max_postings = max_postings
        self._entries: OrderedDict[Key, tuple[Blocks, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def blocks(self, key: Key, read: Callable[[], Blocks]) -> Blocks:
        """The blocks for ``key``, read with ``read()`` (outside the lock) when not kept yet."""
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None:
                self._entries.move_to_end(key)
                return kept[0]
        blocks = read()
        size = sum(len(ids) for ids, _ in blocks)
        if size <= self.max_postings:
            self._keep(key, blocks, size)
        return blocks

    def _keep(self, key: Key, blocks: Blocks, size: int) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (blocks, size)
            self._size += size
            while self._size > self.max_postings:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._size -= dropped

    @property
    def postings(self) -> int:
        """How many postings are kept now."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)


#: The one cache of the process: segments have names unique to their index folder's generation of files, so
#: entries of two indexes (or a rebuilt one) are told apart by the segment id, which includes a random part.
POSTINGS = PostingCache()
