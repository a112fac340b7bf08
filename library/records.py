"""Values the library hands out: stored articles and their list entries."""

from __future__ import annotations

from dataclasses import dataclass

from articles.model import Metadata, Paragraph


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    date: str | None
    source: str
    duplicate_of: int | None


@dataclass(frozen=True)
class StoredArticle:
    id: int
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    format: str
    path: str
    content_hash: str
    imported_at: str
    updated_at: str
    duplicate_of: int | None
    copies: tuple[int, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class FileRecord:
    path: str
    article_id: int
    content_hash: str
