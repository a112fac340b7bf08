"""The set of documents a query matches, unscored, as fast as Python allows.

Whoosh's ``docs_for_query`` walks its matcher tree one document at a time (10,000 matches of a word
in two fields: about 40 ms). Here each term's postings are read a block at a time and combined with
set operations, which run in C; queries that need positions (phrases) or other special matching
fall back to Whoosh's own matcher, so the answer is always Whoosh's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh import query
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.wrappers import ConstantScoreQuery

from search.posting_cache import POSTINGS, Blocks


def matching_docs(wanted: Any, searcher: Any) -> set[int]:
    """Document numbers (of the whole index) matching ``wanted``; deleted documents excluded."""
    leaves = searcher.subsearchers or [(searcher, 0)]
    found: set[int] = set()
    for leaf, offset in leaves:
        docs = _docs(wanted, leaf)
        found |= {docnum + offset for docnum in docs} if offset else docs
    return found


def _docs(node: Any, searcher: Any) -> set[int]:
    if isinstance(node, query.Term) and type(node) is query.Term:
        return _term_docs(searcher.reader(), node.fieldname, node.text)
    if isinstance(node, query.Or):
        return set().union(*(_docs(sub, searcher) for sub in node.subqueries))
    if isinstance(node, query.And):
        return _all_of(node.subqueries, searcher)
    if isinstance(node, query.AndNot):
        return _docs(node.a, searcher) - _docs(node.b, searcher)
    if isinstance(node, query.AndMaybe):
        return _docs(node.a, searcher)
    if isinstance(node, query.Not):
        return _every(searcher) - _docs(node.query, searcher)
    if isinstance(node, query.Every):
        return _every(searcher)
    if isinstance(node, ConstantScoreQuery):
        return _docs(node.child, searcher)
    if node is query.NullQuery:
        return set()
    return set(node.docs(searcher))


def _all_of(subqueries: list[Any], searcher: Any) -> set[int]:
    wanted = [sub for sub in subqueries if not isinstance(sub, query.Not)]
    unwanted = [sub.query for sub in subqueries if isinstance(sub, query.Not)]
    sets = sorted((_docs(sub, searcher) for sub in wanted), key=len)
    docs = set.intersection(*sets) if sets else _every(searcher)
    for sub in unwanted:
        docs -= _docs(sub, searcher)
    return docs


def _every(searcher: Any) -> set[int]:
    reader = searcher.reader()
    return set(range(reader.doc_count_all())) - _deleted(reader)


def _deleted(reader: Any) -> frozenset[int]:
    return frozenset(getattr(reader, "deleted_docs_set", None) or ())


def _term_docs(reader: Any, field: str, text: Any) -> set[int]:
    ids: set[int] = set()
    for docnums, _ in _cached_blocks(reader, field, text):
        ids.update(docnums)
    return ids - _deleted(reader) if ids else ids


def posting_blocks(searcher: Any, field: str, text: Any) -> Iterator[tuple[Sequence[int], Sequence[float], int]]:
    """A term's postings a block at a time: (document numbers within the segment, term frequencies,
    the segment's offset in the whole index); deleted documents included."""
    for leaf, offset in searcher.subsearchers or [(searcher, 0)]:
        for docnums, weights in _cached_blocks(leaf.reader(), field, text):
            yield docnums, weights, offset


def _cached_blocks(reader: Any, field: str, text: Any) -> Blocks:
    """The term's decoded blocks in one segment, kept for the next search (``posting_cache``)."""
    segment = reader.segment() if reader.is_atomic() else None
    if segment is None:
        return _read_blocks(reader, field, text)
    return POSTINGS.blocks((segment.segment_id(), field, text), lambda: _read_blocks(reader, field, text))


def _read_blocks(reader: Any, field: str, text: Any) -> Blocks:
    matcher = _postings(reader, field, text)
    return [] if matcher is None else list(_blocks(matcher, weights=True))


def _postings(reader: Any, field: str, text: Any) -> Any:
    """The term's posting reader in one segment, deleted documents not filtered out (None if absent).

    A segment reader's own postings are wrapped in a filter for its deleted documents, and making
    that filter steps one posting at a time past every deleted document at the start of the list
    (milliseconds per term in a segment whose first documents were re-indexed); the codec's reader is
    taken directly instead, and the deleted documents are left to the caller."""
    if (field, text) not in reader:
        return None
    terms = getattr(reader, "_terms", None)
    if terms is not None and hasattr(reader, "_text_to_bytes"):
        return terms.matcher(field, reader._text_to_bytes(field, text), reader.schema[field].format)
    matcher = reader.postings(field, text)
    if isinstance(matcher, FilterMatcher):  # the segment has deleted documents: read past the filter
        matcher = matcher.child
        matcher.reset()
    return matcher


def _blocks(matcher: Any, *, weights: bool) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(ids, term frequencies) a block at a time; frequencies are only read when ``weights`` is set.
    Whoosh's own ``all_ids`` steps one posting at a time; other matchers are read that way here too."""
    if not _block_wise(matcher):
        postings = [(matcher.id(), matcher.weight() if weights else 0.0) for _ in _steps(matcher)]
        yield [docnum for docnum, _ in postings], [weight for _, weight in postings]
        return
    while matcher.is_active():
        if matcher._ids is None:
            _read_ids(matcher)
        if weights and matcher._weights is None:
            matcher._read_weights()
        start = matcher._i
        yield matcher._ids[start:], (matcher._weights[start:] if weights else ())
        matcher._next_block()


def _read_ids(matcher: Any) -> None:
    """whoosh3's ``_read_ids`` with the gaps summed in C (``accumulate``) instead of by a generator."""
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    matcher._ids = ids if matcher._byteids else tuple(accumulate(ids))


def _steps(matcher: Any) -> Iterator[None]:
    while matcher.is_active():
        yield None
        matcher.next()


def _block_wise(matcher: Any) -> bool:
    """Whether the matcher is whoosh3's posting-list reader, whose blocks can be read whole."""
    return all(hasattr(matcher, name) for name in ("_read_data", "_data", "_byteids", "_read_weights", "_next_block",
                                                   "_i", "_ids"))
