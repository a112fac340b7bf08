"""A segment's postings in memory, encoded into whoosh3's posting blocks as they fill.

``PostingBuffer`` keeps, per field and term, the postings not yet in a block as one flat list of
(document number, weight, encoded value) triples, in document order. When a term's list reaches
``BLOCK_LIMIT`` postings during an import, it is encoded and compressed into a block there and then
(``TermBlocks``), so the segment's final write is left with each term's last, partly filled block
and the concatenation of the rest. A block is encoded exactly as whoosh3 encodes it: the document
number deltas, the weights and values minimised, zlib level 3 above ``COMPRESSION_MIN_SIZE``, and
the block's statistics, lengths included (hence a block is sealed only when the length of each of
its documents is known, see ``PostingBuffer.eager``).

``search.postings_file`` then writes each term's blocks and term info in the W3 format.
"""

from __future__ import annotations

import operator
import zlib
from array import array
from collections.abc import Callable, Sequence
from pickle import dumps
from typing import Any, Protocol

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, W3TermInfo
from whoosh.util.numeric import byte_to_length, length_to_byte

from search.schema import SINGLE_POSITIONS, encode_several

#: Postings per block, and the zlib level of blocks (whoosh3's defaults).
BLOCK_LIMIT = 128
COMPRESSION = 3
FULL = 3 * BLOCK_LIMIT  # a full block's length as a flat list of triples
TERM_INFO = W3TermInfo._struct

#: A block whose compression waits (``TermBlocks.add`` with ``later``): the term's list of blocks, the
#: block's place in it (``b""`` until then), its statistics and its raw data, compressed at ``COMPRESSION``.
Deferred = tuple[list[bytes], int, bytes, bytes]


class Later(Protocol):
    """Where ``TermBlocks.add`` leaves the blocks whose compression waits."""

    def append(self, block: Deferred, /) -> None: ...


#: A document's field length as whoosh3's readers return it (``None`` when unknown or unstored).
LengthOf = Callable[[int], "int | None"]


def stored_length(length: int) -> int | None:
    """What a segment's readers give back for a field ``length``: whoosh3 stores it as one byte
    (``length_to_byte``, only when non-zero) and reads a zero byte as no length."""
    byte = length_to_byte(length)
    return byte_to_length(byte) if byte else None


class TermBlocks:
    """One term's encoded blocks, in order (each without its length prefix), and their statistics."""

    __slots__ = ("blocks", "count", "weight", "max_weight", "min_length", "max_length", "first_id", "last_id")

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.count = 0
        self.weight = 0.0
        self.max_weight = 0.0
        self.min_length: int | None = None
        self.max_length: int | None = None
        self.first_id = -1
        self.last_id = -1

    def add(self, flat: list[Any], length_of: LengthOf | None, fixed: int | None,
            later: Later | None = None) -> None:
        """Encodes up to ``BLOCK_LIMIT`` flat postings as the term's next block; given ``later``, a
        block to compress is left as its statistics, its raw data added to ``later`` (see ``Deferred``)."""
        ids = flat[0::3]
        raw_weights = flat[1::3]
        weights = array("f", raw_weights)
        values = flat[2::3]
        if None in values:
            values = [value or b"" for value in values]
        known = list(filter(None, map(length_of, ids))) if length_of is not None else []
        low, high, heaviest = (min(known) if known else None), (max(known) if known else None), max(raw_weights)
        info, data, level = _block_parts(ids, weights, values, heaviest, low, high or 0, fixed)
        if level and later is not None:
            self.blocks.append(b"")  # its place first: a thread may compress it at once
            later.append((self.blocks, len(self.blocks) - 1, info, data))
        else:
            self.blocks.append(info + (zlib.compress(data, level) if level else data))
        if not self.count:
            self.first_id = ids[0]
        self.count += len(ids)
        self.weight += sum(weights)  # per block, as whoosh3's term info adds its blocks up
        self.max_weight = max(self.max_weight, heaviest)
        if low is not None:
            self.min_length = low if self.min_length is None else min(self.min_length, low)
            self.max_length = high if self.max_length is None else max(self.max_length, high or 0)
        self.last_id = ids[-1]


class PostingBuffer:
    """Stands in for Whoosh's ``PostingPool``: the postings of a segment being written."""

    def __init__(self, schema: Any) -> None:
        self._schema = schema
        self.fields: dict[str, dict[bytes, list[Any]]] = {}  # per field and term, the postings not in a block
        self.blocks: dict[str, dict[bytes, TermBlocks]] = {}  # per field and term, the blocks sealed so far
        self._lengths: dict[str, dict[int, int | None]] = {}  # per scorable field, each document's stored length
        self._fixed: dict[str, int | None] = {}
        self.postings = 0
        #: Blocks are sealed as they fill only while every document came through ``add_document``
        #: (which knows their lengths); once one came another way, the rest wait for the final write.
        self.eager = True

    def terms(self, fieldname: str) -> dict[bytes, list[Any]]:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.blocks[fieldname] = {}
            self._fixed[fieldname] = self._schema[fieldname].format.fixed_value_size()
        return terms

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting, as Whoosh's merging and document code hand them over (never sealed here)."""
        fieldname, tbytes, docnum, weight, value = item
        self.eager = False
        self.postings += 1
        terms = self.terms(fieldname)
        found = terms.get(tbytes)
        if found is None:
            terms[tbytes] = [docnum, weight, value]
        else:
            found += (docnum, weight, value)

    def _document(self, fieldname: str, docnum: int, length: int | None, postings: int) -> dict[bytes, list[Any]]:
        """Notes a document's field length and posting count; the field's terms."""
        if length is not None:
            table = self._lengths.get(fieldname)
            if table is None:
                table = self._lengths[fieldname] = {}
            table[docnum] = stored_length(length)
        self.postings += postings
        return self.terms(fieldname)

    def add_document(self, fieldname: str, docnum: int, items: list[tuple[bytes, int, float, bytes]],
                     length: int | None) -> None:
        """The postings of one document's field (``length`` when the field is scorable), sealing
        each term's block that fills."""
        terms = self._document(fieldname, docnum, length, len(items))
        full = FULL if self.eager else -1
        for tbytes, _freq, weight, value in items:
            found = terms.get(tbytes)
            if found is None:
                terms[tbytes] = [docnum, weight, value]
            else:
                found += (docnum, weight, value)
                if len(found) == full:
                    self._seal(fieldname, tbytes, found)

    def add_positions(self, fieldname: str, docnum: int, positions: dict[bytes, list[int]], length: int | None,
                      weights: dict[int, float]) -> None:
        """The postings of one document's text field from its terms' positions (``term_positions``),
        each term's weight from ``weights`` by frequency: ``add_document`` without an item per term."""
        terms = self._document(fieldname, docnum, length, len(positions))
        full = FULL if self.eager else -1
        single = SINGLE_POSITIONS
        for tbytes, at in positions.items():
            count = len(at)
            value = single[at[0]] if count == 1 else encode_several(at)
            found = terms.get(tbytes)
            if found is None:
                terms[tbytes] = [docnum, weights[count], value]
            else:
                found += (docnum, weights[count], value)
                if len(found) == full:
                    self._seal(fieldname, tbytes, found)

    def _seal(self, fieldname: str, tbytes: bytes, flat: list[Any]) -> None:
        blocks = self.blocks[fieldname]
        done = blocks.get(tbytes)
        if done is None:
            done = blocks[tbytes] = TermBlocks()
        table = self._lengths.get(fieldname)
        done.add(flat, table.__getitem__ if table is not None else None, self._fixed[fieldname])
        flat.clear()

    def length_of(self, fieldname: str, lengths: Any) -> LengthOf:
        """Each document's stored length of a scorable field: from this buffer while it knows every
        document's, else read back from the segment's per-document ``lengths`` (one list lookup a
        posting instead of a column read)."""
        if self.eager:
            return self._lengths.get(fieldname, {}).get
        read = lengths.doc_field_length_reader(fieldname)
        return list(map(read, range(lengths.doc_count_all()))).__getitem__

    def cleanup(self) -> None:
        self.fields.clear()
        self.blocks.clear()
        self._lengths.clear()
        self.postings = 0


def inline_info(flat: list[Any], length_of: LengthOf | None, fixed: int | None) -> bytes:
    """The term info of a term with one posting, the posting inside it."""
    docnum, raw_weight, value = flat
    weight = array("f", (raw_weight,))[0]
    byte = length_to_byte(length_of(docnum)) if length_of is not None else 0
    head: bytes = TERM_INFO.pack(True, weight, 1, byte, byte, raw_weight, docnum, docnum)
    return head + dumps(((docnum,), (weight,), (None if fixed == 0 else value or b"",)), 2)


def _block_parts(ids: list[int], weights: Any, values: list[bytes], max_weight: float, min_length: int | None,
                 max_length: int, fixed: int | None) -> tuple[bytes, bytes, int]:
    """One block as whoosh3 writes it (without its length prefix, negative on a term's last block): its
    statistics, its data still to compress at the level it gives (0: as it is) and that level."""
    deltas = tuple(map(operator.sub, ids, [0, *ids[:-1]]))
    data = dumps((deltas, _mini_weights(weights), _mini_values(values, fixed)), 2)
    level = COMPRESSION if len(data) >= COMPRESSION_MIN_SIZE else 0
    info = dumps((len(ids), ids[-1], max_weight, level, length_to_byte(min_length), length_to_byte(max_length)), 2)
    return info, data, level


def _mini_weights(weights: Any) -> Any:
    """None when all are 1, the one value when all are equal, else all of them (as whoosh3 stores them)."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _mini_values(values: Sequence[bytes], fixed: int | None) -> Any:
    if fixed is None or fixed < 0:
        return tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)
