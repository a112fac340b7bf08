"""Writing index segments in whoosh3's own on-disk format, several times faster than its writer.

Whoosh's ``SegmentWriter`` sends every posting through a pool that sizes it, sorts it and may spill
it to disk, and then writes each term through four layers of objects (about 80 µs a term, most of
a commit). ``FastSegmentWriter`` keeps Whoosh's locking, deletions, merging and table of contents
and replaces only those two parts, with ``search.posting_blocks``: the postings wait in memory,
already in document order, each term's full blocks encoded as they fill, and each term is written
with one function. A document's text fields go to the buffer as their terms' positions
(``term_positions``) and its small fields' terms are made by ``search.field_terms``: no generator
and no tuple a term on the way.
"""

from __future__ import annotations

from typing import Any

from whoosh.writing import SegmentWriter

from search.analysis import term_positions
from search.field_terms import Indexer, fast_indexer, terms_of
from search.posting_blocks import PostingBuffer
from search.postings_file import write_postings
from search.schema import GermanText, position_weights


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with the in-memory ``PostingBuffer`` and the direct term writer."""

    pool: PostingBuffer

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        whooshs_pool: Any = self.pool
        whooshs_pool.cleanup()
        self.pool = PostingBuffer(self.schema)
        self._indexers: dict[str, Indexer | None] = {}

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
            self.pool.eager = False  # its lengths went past the buffer
            return
        indexed, lengths = self._index_fields(fields, names)
        docnum, pool = self.docnum, self.pool
        for name, terms in indexed:
            if isinstance(terms, dict):
                pool.add_positions(name, docnum, terms, lengths.get(name), position_weights(schema[name]))
            else:
                pool.add_document(name, docnum, terms, lengths.get(name))
        self._write_per_document(fields, names, lengths)
        self._added = True
        self.docnum += 1

    def _index_fields(self, fields: dict[str, Any], names: list[str]) -> tuple[list[tuple[str, Any]], dict[str, int]]:
        """Each indexed field's terms (a text's as term positions, ``term_positions``; the others as
        Whoosh's items) and each scorable field's length, all worked out before any is buffered."""
        indexed: list[tuple[str, Any]] = []
        lengths: dict[str, int] = {}
        for name in names:
            field, value = self.schema[name], fields[name]
            if not field.indexed:
                continue
            if type(field) is GermanText and isinstance(value, str):
                positions = term_positions(value)
                indexed.append((name, positions))
                length = sum(map(len, positions.values()))
            else:
                items = terms_of(field, self._indexer(name), value)
                indexed.append((name, items))
                length = sum(freq for _, freq, _, _ in items)
            if field.scorable:
                lengths[name] = length
        return indexed, lengths

    def _indexer(self, name: str) -> Indexer | None:
        if name not in self._indexers:
            self._indexers[name] = fast_indexer(self.schema[name])
        return self._indexers[name]

    def _write_per_document(self, fields: dict[str, Any], names: list[str], lengths: dict[str, int]) -> None:
        perdoc = self.perdocwriter
        perdoc.start_doc(self.docnum)
        for name in names:
            field, value = self.schema[name], fields[name]
            length = lengths.get(name, 0) if field.scorable else 0
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
