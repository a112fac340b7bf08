"""Searching: ranked hits with highlighted snippets, duplicates collapsed, facets; related coverage."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from functools import lru_cache

from whoosh import highlight, query, sorting

from articles.language_data import load_resource_json

from library.store import Library
from search.index import SearchIndex
from search.analysis import analyse
from search.query import parse_query
from search.schema import OTHER_ROLES, role_field

_MARK = re.compile(r"</?mark[^>]*>")
SORTS = ("relevance", "date")
#: More-like-this: distinctive terms taken from the article, and how many of them another story must share.
RELATED_TERMS = 20
RELATED_SHARE_OF_TERMS = 0.2
RELATED_MIN_SHARED = 3


class MarkFormatter(highlight.HtmlFormatter):  # type: ignore[misc]
    """Escaped text with each match in a plain ``<mark>`` element."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<mark>{html.escape(highlight.get_text(text, token, replace))}</mark>"


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
                                   "groupedby": facets, "maptype": sorting.Count}
        if sort == "date":
            options["sortedby"] = [sorting.FieldFacet("sort_date", reverse=True), sorting.ScoreFacet()]
        options["groupedby"] = {**facets, "story": sorting.FieldFacet("group")}
        results = searcher.search(parsed.query, **options)
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.formatter = MarkFormatter(between=" … ")
        hits = [_hit(result, library, parsed.fields) for result in results[:limit]]
        return SearchResults(
            query=text,
            total=len(results.groups("story")),  # stories: copies of one story count once
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
        date=primary.metadata.date, score=_relevance(result), snippet=snippet,
        duplicates=len(primary.copies),
    )


def _relevance(result: Any) -> float:
    """The hit's relevance score (0 when the results were sorted by something else)."""
    score = result.score
    return round(float(score), 4) if isinstance(score, (int, float)) else 0.0


def _field_text(article: Any, name: str) -> str:
    if name == "text":
        roles = ("lead", "heading", "body")
    else:
        roles = tuple(role.value for role in OTHER_ROLES if role_field(role) == name)
    return "\n".join(p.text for p in article.paragraphs if p.role.value in roles)


def _counts(groups: dict[Any, int]) -> dict[str, int]:
    return {str(key): int(count) for key, count in sorted(groups.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if key is not None and key != ""}


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
    text = f"{article.metadata.title}\n{_field_text(article, 'text')}"
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
                            _relevance(result),
                            html.escape(_field_text(primary, "text")[:240].replace("\n", " ")), len(primary.copies)))
            if len(hits) >= limit:
                break
        return hits
