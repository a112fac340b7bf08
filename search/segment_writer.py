"""Writing index segments in whoosh3's own on-disk format, several times faster than its writer.

Whoosh's ``SegmentWriter`` sends every posting through a pool that sizes it, sorts it and may spill
it to disk, and then writes each term through four layers of objects (about 80 µs a term, most of
a commit). ``FastSegmentWriter`` keeps Whoosh's locking, deletions, merging and table of contents
and replaces only those two parts, with ``search.posting_blocks``: the postings wait in memory,
already in document order, each term's full blocks encoded as they fill, and each term is written
with one function.
"""

from __future__ import annotations

from typing import Any

from whoosh.writing import SegmentWriter

from search.posting_blocks import PostingBuffer
from search.postings_file import write_postings


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with the in-memory ``PostingBuffer`` and the direct term writer."""

    pool: PostingBuffer

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        whooshs_pool: Any = self.pool
        whooshs_pool.cleanup()
        self.pool = PostingBuffer(self.schema)

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
        indexed = [(name, list(schema[name].index(fields[name]))) for name in names if schema[name].indexed]
        lengths = {name: sum(freq for _, freq, _, _ in items) for name, items in indexed if schema[name].scorable}
        docnum = self.docnum
        for name, items in indexed:
            self.pool.add_document(name, docnum, items, lengths.get(name))
        self._write_per_document(fields, names, lengths)
        self._added = True
        self.docnum += 1

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
