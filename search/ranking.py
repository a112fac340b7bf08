"""Relevance ranking of a known set of matches: BM25 over the query's positive terms.

Whoosh's collector scores match by match through its matcher tree (tens of milliseconds for a common
word at 40,000 articles, seconds for fifty prefix completions). The matches are already known
(``doc_sets``), so here each scoring term's postings are read a block at a time and its BM25 share is
added per document. Words under NOT score nothing; prefix, wildcard and fuzzy completions score a
constant (which completion matched says little), so ties fall to the newer article.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from typing import Any

from whoosh import query
from whoosh.query.wrappers import ConstantScoreQuery

from search.doc_sets import posting_blocks
from search.doc_table import DocTable

K1 = 1.2
B = 0.75


def best(wanted: Any, searcher: Any, table: DocTable, matches: set[int], count: int) -> list[tuple[int, float]]:
    """The ``count`` best (document number, score) pairs among ``matches``, best first (the postings that finding
    the matches read come from ``posting_cache``)."""
    scores = dict.fromkeys(matches, 0.0)
    for field, text, boost in set(scoring_terms(wanted)):
        _add_bm25(scores, searcher, table, (field, text, boost))
    sort_date = table.sort_date
    chosen = heapq.nlargest(count, scores.items(), key=lambda item: (item[1], sort_date[item[0]], -item[0]))
    return [(docnum, round(score, 4)) for docnum, score in chosen]


def scoring_terms(node: Any) -> Iterator[tuple[str, Any, float]]:
    """(field, term, boost) of every term that adds to a match's score."""
    if isinstance(node, query.Term) and type(node) is query.Term:
        yield node.fieldname, node.text, node.boost
    elif isinstance(node, query.Phrase):
        for word in node.words:
            yield node.fieldname, word, node.boost
    elif isinstance(node, (query.Not, ConstantScoreQuery)):
        return
    elif isinstance(node, query.AndNot):
        yield from scoring_terms(node.a)
    elif isinstance(node, query.AndMaybe):
        yield from scoring_terms(node.a)
        yield from scoring_terms(node.b)
    elif isinstance(node, query.CompoundQuery):
        for sub in node.subqueries:
            yield from scoring_terms(sub)


def _add_bm25(scores: dict[int, float], searcher: Any, table: DocTable, term: tuple[str, Any, float]) -> None:
    field, text, boost = term
    documents = searcher.doc_count_all()
    frequency = searcher.doc_frequency(field, text)
    if not frequency or not documents:
        return
    idf = math.log(documents / (frequency + 1)) + 1.0
    factor = idf * boost * (K1 + 1)
    base = table.bm25_length_norms(field, searcher, K1, B)
    get = scores.get
    for docnums, weights, offset in posting_blocks(searcher, field, text):
        for docnum, weight in zip(docnums, weights):
            docnum += offset
            score = get(docnum)
            if score is not None:
                scores[docnum] = score + factor * weight / (weight + base[docnum])
