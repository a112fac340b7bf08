"""Values that describe an article: paragraphs with roles and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    """What a paragraph is. Every paragraph has exactly one role."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    KICKER = "kicker"
    DATELINE = "dateline"
    LEAD = "lead"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"
    DISCLAIMER = "disclaimer"
    PROMO = "promo"
    COMMENTS = "comments"

    def __str__(self) -> str:
        return self.value


#: Roles whose text is the article itself: searched and summarised by default.
ARTICLE_TEXT_ROLES = frozenset({Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY})


@dataclass(frozen=True)
class Paragraph:
    index: int
    role: Role
    text: str

    @property
    def is_article_text(self) -> bool:
        return self.role in ARTICLE_TEXT_ROLES


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its paragraphs. Empty strings mean unknown."""

    title: str = ""
    subtitle: str = ""
    kicker: str = ""
    date: str | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """A parsed article file: metadata plus every paragraph, each with its role."""

    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    format: str
    warnings: tuple[str, ...] = field(default=())

    def article_text(self) -> str:
        """The article's own words (title, lead, headings, body), one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs if p.is_article_text)
