"""What an export is made from, gathered from the library for ``library.export``'s writers. No Qt here.

An export names articles by id, or a reading list (its articles in the list's order). Markdown notes carry a
summary: the newest one cached for the article's text as it is now (a model's before an extractive one), else the
extractive summary, made on the spot and not stored (it takes milliseconds; no model is ever loaded to export).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from library import reading_lists
from library.annotations import annotations_for
from library.export.values import CitedPoint, ExportArticle, ExportSummary
from library.export.writing import render, write_export
from library.records import StoredArticle
from library.store import Library
from summarize.cache import newest_summary
from summarize.pipeline import extractive_summary
from summarize.source import source_of
from summarize.values import LLM, Point, Summary


def export_ids(library: Library, ids: Sequence[int] = (), list_name: str | None = None) -> list[int]:
    """The articles to export: the list's, in its order, or the ids given (each once, each known)."""
    if list_name is not None:
        return reading_lists.article_ids(library, list_name)
    for article_id in ids:
        library.title_of(article_id)  # refuses an unknown id with ArticleNotFound
    return list(dict.fromkeys(ids))


def export_articles(library: Library, ids: Sequence[int], *, summaries: bool) -> list[ExportArticle]:
    """The articles with their annotations, and with ``summaries`` their summaries."""
    marked = annotations_for(library, ids)
    found = []
    for article_id in ids:
        stored = library.article(article_id)
        meta = stored.metadata
        summary = _summary(library, stored) if summaries else None
        found.append(ExportArticle(
            id=article_id, title=meta.title, source=meta.source, date=meta.date, url=meta.url, author=meta.author,
            language=meta.language, imported_at=stored.imported_at, annotations=tuple(marked.get(article_id, ())),
            summary=summary))
    return found


def export(library: Library, export_format: str, ids: Sequence[int], target: Path | None) -> tuple[str, list[Path]]:
    """Render (no ``target``: the text) or write (the files) an export of the articles."""
    articles = export_articles(library, ids, summaries=export_format == "md")
    if target is None:
        return render(export_format, articles), []
    return "", write_export(export_format, articles, target)


def _summary(library: Library, stored: StoredArticle) -> ExportSummary:
    source = source_of(stored.id, stored.paragraphs, stored.metadata.language)
    summary = newest_summary(library, source) or extractive_summary(source)
    return _exported(summary)


def _exported(summary: Summary) -> ExportSummary:
    model = summary.model.name if summary.method == LLM and summary.model else ""
    return ExportSummary(summary.method, model, _points(summary.overview), _points(summary.key_points))


def _points(points: Sequence[Point]) -> tuple[CitedPoint, ...]:
    return tuple(CitedPoint(p.text, p.paragraphs, p.verified) for p in points)


@dataclass(frozen=True)
class ExportDone:
    articles: int
    files: tuple[Path, ...]


def export_to_files(library_dir: Path, export_format: str, ids: Sequence[int], list_name: str | None,
                    target: Path) -> ExportDone:
    """The desktop's export job (its own library connection): the articles, or the list's, written to ``target``."""
    with Library.open(library_dir) as library:
        chosen = export_ids(library, ids, list_name)
        _, written = export(library, export_format, chosen, target)
    return ExportDone(len(chosen), tuple(written))
