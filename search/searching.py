"""Searching: ranked hits with highlighted snippets, duplicates collapsed, facets; related coverage."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from collections.abc import Iterable, Sequence
from typing import Any

from functools import lru_cache

from whoosh import query

from articles.language_data import load_resource_json

from articles.model import Paragraph
from library.store import Library
from search.doc_sets import matching_docs
from search import ranking
from search.doc_table import DocTable
from search.index import SearchIndex
from search.snippets import snippet
from search.analysis import analyse
from search.query import actor_filter, expand_multiterms, parse_query, tag_filter
from search.schema import OTHER_ROLES, role_field

_MARK = re.compile(r"</?mark[^>]*>")
SORTS = ("relevance", "date")
#: More-like-this: distinctive terms taken from the article, and how many of them another story must share.
RELATED_TERMS = 20
RELATED_SHARE_OF_TERMS = 0.2
RELATED_MIN_SHARED = 3
#: How many actors the actor facet lists.
ACTOR_FACETS = 20


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    source: str
    date: str | None
    score: float
    snippet: str  # HTML: escaped text, matches in <mark>…</mark>
    duplicates: int
    annotations: int = 0  # the matched article's annotations
    in_note: bool = False  # the query's words are in a note of one of them
    note_snippet: str = ""  # HTML like ``snippet``, from those notes; "" when not in_note

    @property
    def snippet_text(self) -> str:
        return html.unescape(_MARK.sub("", self.snippet))


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    ignored: list[str]
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def search(index: SearchIndex, library: Library, text: str, *, limit: int = 10, sort: str = "relevance",
           facets: bool = True) -> SearchResults:
    """Search the library; copies of one story count once, shown as their primary copy.

    Cheap passes instead of Whoosh's collectors, which score every match in Python when asked for
    facets or collapsing: the set of matching documents (unscored) gives the story count and the
    facets; the best ``limit`` stories come from BM25 over that set (or the date column); only their
    snippets are built. Without ``facets`` (the desktop shows the hits first), ``facet_counts`` gives them.
    """
    with index.snapshot() as (searcher, table):
        parsed, wanted, matching = _matches(searcher, table, library, text)
        if sort == "date":
            top = [(docnum, 0.0) for docnum in _first_per_story(table.newest_first(matching), table, limit)]
        else:
            top = _best_per_story(wanted, searcher, table, matching, limit)
        terms = _query_terms(wanted, parsed.fields)
        hits = _hits([(searcher.stored_fields(docnum), score) for docnum, score in top], library, parsed.fields,
                     terms)
        return SearchResults(query=text, total=table.stories(matching), ignored=parsed.ignored, hits=hits,
                             facets=_facets(table, matching, library) if facets else {})


def facet_counts(index: SearchIndex, library: Library, text: str) -> dict[str, dict[str, int]]:
    """The facets ``search`` gives for ``text`` (stories per source, year and actor). Only the matching holds the
    index's searcher; the counting runs after, so a search typed meanwhile does not wait for it."""
    with index.snapshot() as (searcher, table):
        matching = _matches(searcher, table, library, text)[2]
    return _facets(table, matching, library)


def _matches(searcher: Any, table: DocTable, library: Library, text: str) -> tuple[Any, Any, set[int]]:
    """The parsed query, the query to match and rank with, and the matching document numbers."""
    parsed = parse_query(text, searcher.schema)
    wanted = expand_multiterms(parsed.query, searcher.reader())
    matching = matching_docs(wanted, searcher)
    if parsed.periods:
        matching = set(table.within(matching, parsed.periods))
    for name in parsed.actors:
        matching &= matching_docs(actor_filter(library.actors_named(name)), searcher)
    if parsed.tags:
        matching &= matching_docs(tag_filter(parsed.tags), searcher)
    return parsed, wanted, matching


def _facets(table: DocTable, matching: set[int], library: Library) -> dict[str, dict[str, int]]:
    return {**table.facets(matching), "actor": _actor_facet(table, matching, library)}


def _actor_facet(table: DocTable, matching: set[int], library: Library) -> dict[str, int]:
    """The ``ACTOR_FACETS`` actors most matching stories name, by name (an id added where names repeat)."""
    top = table.actor_counts(matching).most_common(ACTOR_FACETS)
    names = library.actor_names([actor_id for actor_id, _ in top])
    repeated = {name for name in names.values() if list(names.values()).count(name) > 1}
    facet: dict[str, int] = {}
    for actor_id, count in top:
        name = names.get(actor_id)
        if name is not None:
            facet[f"{name} (#{actor_id})" if name in repeated else name] = count
    return facet


def _first_per_story(docnums: Iterable[int], table: DocTable, limit: int) -> list[int]:
    chosen: list[int] = []
    seen: set[int] = set()
    for docnum in docnums:
        if table.group[docnum] not in seen:
            seen.add(table.group[docnum])
            chosen.append(docnum)
            if len(chosen) == limit:
                break
    return chosen


def _best_per_story(wanted: Any, searcher: Any, table: DocTable, matches: set[int],
                    limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best-scoring stories, each by its best-scoring copy."""
    depth = limit * 2 + 8
    while True:
        ranked = ranking.best(wanted, searcher, table, matches, depth)
        chosen = set(_first_per_story((docnum for docnum, _ in ranked), table, limit))
        if len(chosen) == limit or len(ranked) < depth:
            return [(docnum, score) for docnum, score in ranked if docnum in chosen]
        depth *= 4


def _query_terms(wanted: Any, fields: tuple[str, ...]) -> frozenset[str]:
    """The index terms a snippet marks: those of the searched fields, negated ones too (harmless)."""
    return frozenset(str(term) for name, term in wanted.iter_all_terms(phrases=True) if name in fields)


def _hits(found: list[tuple[dict[str, Any], float]], library: Library, fields: tuple[str, ...],
          terms: frozenset[str]) -> list[Hit]:
    """Each hit as its story's primary copy, with a snippet of the copy that matched: one query for the stories'
    rows, one per hit for its paragraphs (a story the library no longer has, before the index catches up, is
    left out)."""
    rows = library.list_rows_by_id(sorted({int(stored["group"]) for stored, _ in found}))
    hits: list[Hit] = []
    for stored, score in found:
        primary = rows.get(int(stored["group"]))
        if primary is not None:
            matched_id = int(stored["id"])
            notes = library.annotation_digest(matched_id)
            in_note = snippet(" … ".join(notes.notes), terms) if "note" in fields and notes.notes else ""
            hits.append(Hit(id=primary.id, title=primary.title, source=primary.source, date=primary.date,
                            score=score, snippet=_snippet(library.paragraphs(matched_id), fields, terms),
                            duplicates=primary.copies, annotations=notes.count, in_note=bool(in_note),
                            note_snippet=in_note))
    return hits


def _snippet(paragraphs: Sequence[Paragraph], fields: tuple[str, ...], terms: frozenset[str]) -> str:
    """The passages of the first searched field (the title aside) where the terms occur; else the text's opening."""
    for name in fields:
        if name not in ("title", "note"):
            found = snippet(_field_text(paragraphs, name).replace("\n", " "), terms)
            if found:
                return found
    return _opening(_field_text(paragraphs, "text"))


def _opening(text: str, max_chars: int = 240) -> str:
    """The text's first ``max_chars`` characters as HTML, ended at a word with " …" when the text goes on."""
    flat = text.replace("\n", " ")
    if len(flat) <= max_chars:
        return html.escape(flat)
    cut = flat.rfind(" ", 0, max_chars + 1)
    return html.escape(flat[:cut if cut > 0 else max_chars].rstrip(" ,;:-–")) + " …"


def _relevance(result: Any) -> float:
    """The hit's relevance score (0 when the results were sorted by something else)."""
    score = result.score
    return round(float(score), 4) if isinstance(score, (int, float)) else 0.0


def _field_text(paragraphs: Sequence[Paragraph], name: str) -> str:
    if name == "text":
        roles = ("lead", "heading", "body")
    else:
        roles = tuple(role.value for role in OTHER_ROLES if role_field(role) == name)
    return "\n".join(p.text for p in paragraphs if p.role.value in roles)


@lru_cache(maxsize=1)
def _function_word_terms() -> frozenset[str]:
    """Index terms of frequent function words (der, die, über, the …), useless for likeness."""
    words = load_resource_json("languages/stopwords.json")
    return frozenset(term for code, listed in words.items() if not code.startswith("_")
                     for word in listed for term in analyse(word))


def _distinctive(term: str) -> bool:
    return len(term) >= 3 and not term.isdigit() and term not in _function_word_terms()


def related(index: SearchIndex, library: Library, article_id: int, *, limit: int = 10) -> list[Hit]:
    """Other stories about the same event, copies excluded.

    More-like-this: the article's most distinctive terms (by the index's statistics) are searched
    for, and a story counts as related coverage only when it shares a good part of them, so two
    articles that merely share common words ("teilte mit", a city) are not offered.
    """
    article = library.article(article_id)
    group = article.duplicate_of or article.id
    text = f"{article.metadata.title}\n{_field_text(article.paragraphs, 'text')}"
    with index.searcher() as searcher:
        candidates = searcher.key_terms_from_text("text", text, numterms=RELATED_TERMS * 2)
        terms = [term for term, _ in candidates if _distinctive(term)][:RELATED_TERMS]
        if not terms:
            return []
        needed = max(RELATED_MIN_SHARED, round(RELATED_SHARE_OF_TERMS * len(terms)))
        wanted = query.Or([query.Term("text", term) for term in terms])
        results = searcher.search(wanted, limit=limit * 4 + 10, terms=True)
        hits: list[Hit] = []
        seen = {group}
        for result in results:
            primary_id = int(result["group"])
            if primary_id in seen or len(result.matched_terms()) < needed:
                continue
            seen.add(primary_id)
            primary = library.article(primary_id)
            hits.append(Hit(primary.id, primary.metadata.title, primary.metadata.source, primary.metadata.date,
                            _relevance(result), _opening(_field_text(primary.paragraphs, "text")), len(primary.copies)))
            if len(hits) >= limit:
                break
        return hits
