"""Values the library hands out: stored articles and their list entries."""

from __future__ import annotations

from dataclasses import dataclass

from articles.findings import Findings
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
class AnnotationDigest:
    """What the search index holds of an article's annotations: their notes and tags, and a revision that
    rises with every change to them."""

    revision: int = 0
    count: int = 0
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


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
    actor_ids: tuple[int, ...] = ()  # the library-wide actors the article mentions
    analysis_version: str = ""  # of its stored analysis; "" when it has none yet
    annotations: AnnotationDigest = AnnotationDigest()

    @property
    def content_state(self) -> str:
        """Changes whenever what the article shows changes: its file's content, its analysis, or the notes and
        tags of its annotations."""
        return content_state(self.content_hash, self.analysis_version, self.annotations.revision)


def content_state(content_hash: str, analysis_version: str | None, annotation_revision: int | None = 0) -> str:
    state = f"{content_hash}/{analysis_version or ''}"
    return f"{state}/{annotation_revision}" if annotation_revision else state


@dataclass(frozen=True)
class FileRecord:
    path: str
    article_id: int
    content_hash: str


@dataclass(frozen=True)
class ActorSummary:
    """A library-wide actor with how many articles (and stories, copies counted once) mention it."""

    id: int
    name: str
    kind: str  # person, organisation, place
    aliases: tuple[str, ...]
    articles: int
    stories: int


@dataclass(frozen=True)
class LibraryActor:
    """The library-wide actor an article's actor is filed under, with the role the article gives it."""

    id: int
    name: str
    role: str


@dataclass(frozen=True)
class StoredFindings:
    """An article's stored analysis: its findings (actor ids local to the article) and their library actors."""

    findings: Findings
    actors: dict[str, LibraryActor]
    version: str
    error: str = ""
