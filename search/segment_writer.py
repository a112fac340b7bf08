"""Writing index segments in whoosh3's own on-disk format, several times faster than its writer.

Whoosh's ``SegmentWriter`` sends every posting through a pool that sizes it, sorts it and may spill
it to disk, and then writes each term through four layers of objects (about 80 µs a term, most of
a commit). ``FastSegmentWriter`` keeps Whoosh's locking, deletions, merging and table of contents
and replaces only those two parts:

- ``PostingBuffer`` gathers the postings per field and term in memory, already in document order;
- ``write_postings`` writes each term's blocks and term info with one function, in the W3 format,
  so Whoosh's readers read them unchanged. A term with one posting (most terms) is stored inline in
  the term table, a form W3 reads but whoosh3's writer cannot produce (``set_inline`` is a typo
  there), which spares a block in the postings file.
"""

from __future__ import annotations

import operator
import struct
import zlib
from array import array
from collections.abc import Iterator, Sequence
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

#: Postings per block, and the zlib level of blocks (whoosh3's defaults).
BLOCK_LIMIT = 128
COMPRESSION = 3
_BLOCK_LENGTH = struct.Struct("!i")
_EXTENT = struct.Struct("!qi")
_TERM_INFO = W3TermInfo._struct
_NO_ID = 0xFFFFFFFF


class PostingBuffer:
    """Stands in for Whoosh's ``PostingPool``: per field, per term, a flat list of
    (document number, weight, encoded value) triples in the order they were added."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, list[Any]]] = {}
        self.postings = 0

    def terms(self, fieldname: str) -> dict[bytes, list[Any]]:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        return terms

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting, as Whoosh's merging code hands them over."""
        fieldname, tbytes, docnum, weight, value = item
        self.postings += 1
        terms = self.terms(fieldname)
        found = terms.get(tbytes)
        if found is None:
            terms[tbytes] = [docnum, weight, value]
        else:
            found += (docnum, weight, value)

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes | None]]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for tbytes in sorted(terms):
                flat = terms[tbytes]
                for at in range(0, len(flat), 3):
                    yield fieldname, tbytes, flat[at], flat[at + 1], flat[at + 2]

    def cleanup(self) -> None:
        self.fields.clear()
        self.postings = 0


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with the in-memory ``PostingBuffer`` and the direct term writer."""

    pool: PostingBuffer

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        whooshs_pool: Any = self.pool
        whooshs_pool.cleanup()
        self.pool = PostingBuffer()

    @property
    def buffered_postings(self) -> int:
        return self.pool.postings

    def add_document(self, **fields: Any) -> None:
        """Adds a document; fields with vectors, spelling or boosts go the way Whoosh takes them."""
        self._check_state()
        schema = self.schema
        names = sorted(name for name, value in fields.items() if value is not None)
        self._check_fields(schema, names)
        if any(name.startswith("_") or schema[name].vector or schema[name].separate_spelling() for name in names):
            super().add_document(**fields)
            return
        indexed = [(name, list(schema[name].index(fields[name]))) for name in names if schema[name].indexed]
        docnum = self.docnum
        for name, items in indexed:
            self.pool.postings += len(items)
            terms = self.pool.terms(name)
            for tbytes, _freq, weight, value in items:
                found = terms.get(tbytes)
                if found is None:
                    terms[tbytes] = [docnum, weight, value]
                else:
                    found += (docnum, weight, value)
        self._write_per_document(fields, names, {name: items for name, items in indexed})
        self._added = True
        self.docnum += 1

    def _write_per_document(self, fields: dict[str, Any], names: list[str],
                            indexed: dict[str, list[tuple[bytes, int, float, bytes]]]) -> None:
        perdoc = self.perdocwriter
        perdoc.start_doc(self.docnum)
        for name in names:
            field, value = self.schema[name], fields[name]
            items = indexed.get(name, ())
            length = sum(freq for _, freq, _, _ in items) if field.scorable else 0
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            write_postings(self.fieldwriter, self.schema, self.pool, lengths)
        finally:
            lengths.close()
        self.fieldwriter.close()


def write_postings(fieldwriter: Any, schema: Any, buffer: PostingBuffer, lengths: Any) -> None:
    """Every buffered term of every field, in order, into the segment's term table and postings file."""
    postfile = fieldwriter._postfile
    table = fieldwriter._tindex
    for fieldname in sorted(buffer.fields):
        field = schema[fieldname]
        fieldwriter.start_field(fieldname, field)
        prefix = struct.pack("!H", fieldwriter._fieldid)
        length_of = None
        if field.scorable:  # a list lookup per posting instead of a column read
            read = lengths.doc_field_length_reader(fieldname)
            length_of = list(map(read, range(lengths.doc_count_all()))).__getitem__
        fixed = field.format.fixed_value_size()
        terms = buffer.fields[fieldname]
        for tbytes in sorted(terms):
            table.add(prefix + tbytes, term_info(postfile, terms[tbytes], length_of, fixed))
        fieldwriter.finish_field()


def term_info(postfile: Any, flat: list[Any], length_of: Any, fixed: int | None) -> bytes:
    """Writes one term's postings (unless inlined) and returns its W3 term info."""
    ids = flat[0::3]
    raw_weights = flat[1::3]
    weights = array("f", raw_weights)
    values = flat[2::3]
    if None in values:
        values = [value or b"" for value in values]
    lengths = list(map(length_of, ids)) if length_of is not None else []
    known = list(filter(None, lengths))
    head: bytes = _TERM_INFO.pack(len(ids) == 1, sum(weights), len(ids), length_to_byte(min(known)) if known else 0,
                                  length_to_byte(max(known)) if known else 0, max(raw_weights), ids[0], ids[-1])
    if len(ids) == 1:
        return head + dumps(((ids[0],), (weights[0],), (None if fixed == 0 else values[0],)), 2)
    start = postfile.tell()
    pieces = [WHOOSH3_HEADER_MAGIC]
    for at in range(0, len(ids), BLOCK_LIMIT):
        block = slice(at, at + BLOCK_LIMIT)
        pieces.append(_block(ids[block], weights[block], values[block], raw_weights[block], lengths[block],
                             last=at + BLOCK_LIMIT >= len(ids), fixed=fixed))
    postfile.write(b"".join(pieces))
    return head + _EXTENT.pack(start, postfile.tell() - start)


def _block(ids: list[int], weights: Any, values: list[bytes], raw_weights: Sequence[float],
           lengths: list[int | None], *, last: bool, fixed: int | None) -> bytes:
    deltas = tuple(map(operator.sub, ids, [0, *ids[:-1]]))
    data = dumps((deltas, _mini_weights(weights), _mini_values(values, fixed)), 2)
    level = COMPRESSION if len(data) >= COMPRESSION_MIN_SIZE else 0
    if level:
        data = zlib.compress(data, level)
    known = list(filter(None, lengths))
    info = dumps((len(ids), ids[-1], max(raw_weights), level, length_to_byte(min(known) if known else None),
                  length_to_byte(max(known) if known else 0)), 2)
    size = len(info) + len(data)
    return _BLOCK_LENGTH.pack(-size if last else size) + info + data


def _mini_weights(weights: Any) -> Any:
    """None when all are 1, the one value when all are equal, else all of them (as whoosh3 stores them)."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _mini_values(values: list[bytes], fixed: int | None) -> Any:
    if fixed is None or fixed < 0:
        return tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)
