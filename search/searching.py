"""Searching: ranked hits with highlighted snippets, duplicates collapsed, facets; related coverage."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from whoosh import highlight, sorting

from library.store import Library
from search.index import SearchIndex
from search.query import parse_query
from search.schema import OTHER_ROLES, role_field

_MARK = re.compile(r"</?mark[^>]*>")
SORTS = ("relevance", "date")
#: Related coverage must score at least this share of the best match: the rest only shares common words.
RELATED_SHARE_OF_BEST = 0.5


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    source: str
    date: str | None
    score: float
    snippet: str  # HTML: escaped text, matches in <mark>…</mark>
    duplicates: int

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


def search(index: SearchIndex, library: Library, text: str, *, limit: int = 10, sort: str = "relevance") -> SearchResults:
    """Search the library; copies of one story count once, shown as their primary copy."""
    with index.searcher() as searcher:
        parsed = parse_query(text, searcher.schema)
        facets = {"source": sorting.FieldFacet("source_name"), "year": sorting.FieldFacet("year")}
        options: dict[str, Any] = {"limit": limit, "collapse": "group", "collapse_limit": 1,
                                   "groupedby": facets, "maptype": sorting.Count, "terms": True}
        if sort == "date":
            options["sortedby"] = sorting.FieldFacet("date", reverse=True)
        results = searcher.search(parsed.query, **options)
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.formatter = highlight.HtmlFormatter(tagname="mark", classname="", termclass="", between=" … ")
        hits = [_hit(result, library, parsed.fields) for result in results]
        collapsed = sum(results.collapsed_counts.values()) if results.collapsed_counts else 0
        return SearchResults(
            query=text,
            total=max(len(results) - collapsed, len(hits)),
            ignored=parsed.ignored,
            hits=hits,
            facets={name: _counts(results.groups(name)) for name in facets},
        )


def _hit(result: Any, library: Library, fields: tuple[str, ...]) -> Hit:
    matched_id = int(result["id"])
    primary_id = int(result["group"])
    primary = library.article(primary_id)
    matched = primary if matched_id == primary_id else library.article(matched_id)
    snippet = ""
    for name in fields:
        if name == "title":
            continue
        text = _field_text(matched, name)
        snippet = result.highlights(name, text=text.replace("\n", " "), top=2, strict_phrase=True) if text else ""
        if snippet:
            break
    if not snippet:
        lead = _field_text(matched, "text")[:240]
        snippet = html.escape(lead)
    return Hit(
        id=primary.id, title=primary.metadata.title, source=primary.metadata.source,
        date=primary.metadata.date, score=round(float(result.score or 0.0), 4), snippet=snippet,
        duplicates=len(primary.copies),
    )


def _field_text(article: Any, name: str) -> str:
    if name == "text":
        roles = ("lead", "heading", "body")
    else:
        roles = tuple(role.value for role in OTHER_ROLES if role_field(role) == name)
    return "\n".join(p.text for p in article.paragraphs if p.role.value in roles)


def _counts(groups: dict[Any, int]) -> dict[str, int]:
    return {str(key): int(count) for key, count in sorted(groups.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if key is not None and key != ""}


def related(index: SearchIndex, library: Library, article_id: int, *, limit: int = 10) -> list[Hit]:
    """Other stories about the same event: more-like-this on the article text, copies excluded."""
    article = library.article(article_id)
    group = article.duplicate_of or article.id
    text = _field_text(article, "text")
    with index.searcher() as searcher:
        found = searcher.document_number(id=str(article_id))
        if found is None or not text:
            return []
        results = searcher.more_like(found, "text", text=f"{article.metadata.title}\n{text}", top=limit * 4 + 10,
                                     numterms=25, normalize=True)
        seen: set[int] = set()
        hits: list[Hit] = []
        scores = [float(result.score or 0.0) for result in results if int(result["group"]) != group]
        floor = RELATED_SHARE_OF_BEST * max(scores, default=0.0)
        for result in results:
            if float(result.score or 0.0) < floor:
                break
            primary_id = int(result["group"])
            if primary_id in seen or primary_id == group:
                continue
            seen.add(primary_id)
            primary = library.article(primary_id)
            hits.append(Hit(primary.id, primary.metadata.title, primary.metadata.source, primary.metadata.date,
                            round(float(result.score or 0.0), 4), html.escape(_field_text(primary, "text")[:240].replace("\n", " ")),
                            len(primary.copies)))
            if len(hits) >= limit:
                break
        return hits
