"""What an export is made of: an article's metadata, its annotations and (for Markdown) its summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

FORMATS: tuple[str, ...] = ("md", "csv", "json", "csl-json", "ris")


class ExportedAnnotation(Protocol):
    """The parts of an annotation (``library.annotations.Annotation``) an export shows."""

    @property
    def id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def paragraph(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def colour(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def created(self) -> str: ...
    @property
    def updated(self) -> str: ...
    @property
    def detached(self) -> bool: ...


@dataclass(frozen=True)
class CitedPoint:
    """A sentence of a summary and the paragraphs (library indices) it rests on."""

    text: str
    paragraphs: tuple[int, ...]
    verified: bool = True


@dataclass(frozen=True)
class ExportSummary:
    method: str  # "llm" or "extractive"
    model: str  # the model's name; "" for an extractive summary
    overview: tuple[CitedPoint, ...]
    key_points: tuple[CitedPoint, ...]


@dataclass(frozen=True)
class ExportArticle:
    id: int
    title: str
    source: str
    date: str | None  # ISO 8601 as stored: "2025-07-11" or "2025-07-11T15:05"
    url: str
    author: str
    language: str | None
    imported_at: str  # ISO 8601: when it came into the library (a reference's access date)
    annotations: tuple[ExportedAnnotation, ...] = ()
    summary: ExportSummary | None = None

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag of its annotations, once, in the order first used."""
        return tuple(dict.fromkeys(tag for a in self.annotations for tag in a.tags))


def date_parts(value: str | None) -> list[int]:
    """[year, month, day] of an ISO date, as far as it goes ([] when there is none)."""
    parts: list[int] = []
    for piece, width in zip((value or "")[:10].split("-"), (4, 2, 2)):
        if len(piece) != width or not piece.isdigit():
            break
        parts.append(int(piece))
    return parts
