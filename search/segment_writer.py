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

from dataclasses import dataclass
from typing import Any

from whoosh.writing import SegmentWriter

from search.analysis import term_positions
from search.field_terms import Indexer, fast_indexer, terms_of
from search.posting_blocks import PostingBuffer
from search.postings_file import write_postings
from search.schema import GermanText, position_weights


@dataclass(frozen=True, slots=True)
class FieldPlan:
    """How ``FastSegmentWriter`` handles one field of the schema, worked out once per segment."""

    name: str
    field: Any
    whooshs: bool  # vectors, spelling or a boost: the document goes Whoosh's way
    text: bool  # a ``GermanText``: its terms' positions straight to the buffer
    indexer: Indexer | None
    weights: dict[int, float]  # a text's posting weight by frequency (empty for other fields)
    column: Any  # its column type, or None


def field_plan(schema: Any, name: str) -> FieldPlan:
    field = schema[name]
    text = type(field) is GermanText
    whooshs = name.startswith("_") or bool(field.vector) or bool(field.separate_spelling())
    return FieldPlan(name, field, whooshs, text, None if text else fast_indexer(field),
                     position_weights(field) if text else {}, field.column_type or None)


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with the in-memory ``PostingBuffer`` and the direct term writer."""

    pool: PostingBuffer

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        whooshs_pool: Any = self.pool
        whooshs_pool.cleanup()
        self.pool = PostingBuffer(self.schema)
        self._plans: dict[str, FieldPlan] = {}

    @property
    def buffered_postings(self) -> int:
        return self.pool.postings

    def update_document(self, **fields: Any) -> None:
        """Whoosh's ``update_document``; into an index without segments (a library's first import) the
        document is only added: there is no committed document it could replace."""
        if self.segments:
            super().update_document(**fields)
        else:
            self.add_document(**fields)

    def add_document(self, **fields: Any) -> None:
        """Adds a document; fields with vectors, spelling or boosts go the way Whoosh takes them."""
        self._check_state()
        plans = self._plans_of(fields)
        if any(plan.whooshs for plan in plans):
            super().add_document(**fields)
            self.pool.eager = False  # its lengths went past the buffer
            return
        indexed, lengths = self._index_fields(fields, plans)
        docnum, pool = self.docnum, self.pool
        for plan, terms in indexed:
            name = plan.name
            if isinstance(terms, dict):
                pool.add_positions(name, docnum, terms, lengths.get(name), plan.weights)
            else:
                pool.add_document(name, docnum, terms, lengths.get(name))
        self._write_per_document(fields, plans, lengths)
        self._added = True
        self.docnum += 1

    def _plans_of(self, fields: dict[str, Any]) -> list[FieldPlan]:
        """The plans of the fields given a value, in the order of their names."""
        known = self._plans
        plans = []
        for name in sorted(name for name, value in fields.items() if value is not None):
            plan = known.get(name)
            if plan is None:
                self._check_fields(self.schema, [name])
                plan = known[name] = field_plan(self.schema, name)
            plans.append(plan)
        return plans

    def _index_fields(self, fields: dict[str, Any],
                      plans: list[FieldPlan]) -> tuple[list[tuple[FieldPlan, Any]], dict[str, int]]:
        """Each indexed field's terms (a text's as term positions, ``term_positions``; the others as
        Whoosh's items) and each scorable field's length, all worked out before any is buffered."""
        indexed: list[tuple[FieldPlan, Any]] = []
        lengths: dict[str, int] = {}
        for plan in plans:
            field, value = plan.field, fields[plan.name]
            if not field.indexed:
                continue
            if plan.text and isinstance(value, str):
                positions = term_positions(value)
                indexed.append((plan, positions))
                if field.scorable:
                    lengths[plan.name] = sum(map(len, positions.values()))
            else:
                items = terms_of(field, plan.indexer, value)
                indexed.append((plan, items))
                if field.scorable:  # (a number's sixteen terms or an actor list need no length)
                    lengths[plan.name] = sum(freq for _, freq, _, _ in items)
        return indexed, lengths

    def _write_per_document(self, fields: dict[str, Any], plans: list[FieldPlan], lengths: dict[str, int]) -> None:
        perdoc = self.perdocwriter
        perdoc.start_doc(self.docnum)
        for plan in plans:
            name, field, value = plan.name, plan.field, fields[plan.name]
            perdoc.add_field(name, field, value if field.stored else None, lengths.get(name, 0))
            if plan.column is not None:
                perdoc.add_column_value(name, plan.column, field.to_column_value(value))
        perdoc.finish_doc()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            write_postings(self.fieldwriter, self.schema, self.pool, lengths)
        finally:
            lengths.close()
        self.fieldwriter.close()
