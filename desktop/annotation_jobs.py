"""The desktop's annotation jobs: each change in its own library connection and transaction, then the
article's annotations as they now are; and the article's search document brought up to date. No Qt here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.jobs import IndexSlot
from library.annotations import Anchor, Annotation, add_annotation, annotations_of, delete_annotation
from library.annotations import annotation as stored_annotation
from library.annotations import update_annotation
from library.store import Library


@dataclass(frozen=True)
class Saved:
    """The article a change was made to, and its annotations as they now are."""

    article_id: int
    annotations: tuple[Annotation, ...]


def add(library_dir: Path, article_id: int, anchor: Anchor, colour: str, note: str = "",
        tags: Sequence[str] = ()) -> Saved:
    with Library.open(library_dir) as library:
        add_annotation(library, article_id, anchor, colour=colour, note=note, tags=tags)
        return Saved(article_id, tuple(annotations_of(library, article_id)))


def edit(library_dir: Path, annotation_id: int, colour: str, note: str, tags: Sequence[str]) -> Saved:
    with Library.open(library_dir) as library:
        changed = update_annotation(library, annotation_id, colour=colour, note=note, tags=tags)
        return Saved(changed.article_id, tuple(annotations_of(library, changed.article_id)))


def delete(library_dir: Path, annotation_id: int) -> Saved:
    with Library.open(library_dir) as library:
        article_id = stored_annotation(library, annotation_id).article_id
        delete_annotation(library, annotation_id)
        return Saved(article_id, tuple(annotations_of(library, article_id)))


def reindex(library_dir: Path, slot: IndexSlot, article_id: int) -> int:
    """Put the article's notes and tags into the search index (on the writer lane); returns the article id."""
    index = slot.wait()
    with Library.open(library_dir) as library, index.writer() as batch:
        batch.add(library.article(article_id))
    return article_id
