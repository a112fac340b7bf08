"""The user's annotations: highlights in an article's text with a colour, an optional note and tags.

Annotations are the user's own work, so every change is its own transaction, committed at once and synced
to disk (``synchronous = FULL`` for that commit, where the library otherwise settles for WAL's NORMAL): a
change whose call returned survives a crash, a kill or a power cut. An annotation is anchored by paragraph
and offsets and by its quoted text with context; a re-import that changes the article's text moves it to
where its quote now stands, or marks it detached (never drops it) when the quote is gone
(``library.annotation_rows.reanchor_article``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from library import annotation_rows
from library.anchoring import Anchor as Anchor  # re-exported: part of this module's API
from library.anchoring import context
from library.durable import durable
from library.errors import AnnotationNotFound, InvalidAnchor, InvalidAnnotation
from library.store import Library

COLOURS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
#: Longest tag accepted (a tag is a label, not a note).
MAX_TAG_LENGTH = 64

_COLUMNS = ("id, article_id, paragraph, start_offset, end_offset, quote, prefix, suffix, colour, note, tags, "
            "created, updated, detached")


@dataclass(frozen=True)
class Annotation:
    id: int
    article_id: int
    paragraph: int
    start: int
    end: int
    quote: str  # the highlighted text, as it was when made
    prefix: str  # up to 32 characters of context before the quote
    suffix: str  # and after it
    colour: str  # one of COLOURS
    note: str
    tags: tuple[str, ...]
    created: str  # ISO 8601 UTC
    updated: str
    detached: bool  # the quote could not be found again after the article's text changed

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.paragraph, self.start, self.end)


def add_annotation(library: Library, article_id: int, anchor: Anchor, *, colour: str = "yellow", note: str = "",
                   tags: Iterable[str] = ()) -> Annotation:
    """Highlight ``anchor`` of the article; raises ``ArticleNotFound``, ``InvalidAnchor`` or ``InvalidAnnotation``."""
    text = _paragraph_text(library, article_id, anchor)
    _check_colour(colour)
    cleaned = clean_tags(tags)
    prefix, suffix = context(text, anchor.start, anchor.end)
    now = _now()
    with durable(library) as db:
        cursor = db.execute(
            f"INSERT INTO annotations ({_COLUMNS.removeprefix('id, ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (article_id, anchor.paragraph, anchor.start, anchor.end, text[anchor.start:anchor.end], prefix, suffix,
             colour, note.strip(), json.dumps(cleaned, ensure_ascii=False), now, now))
        annotation_rows.bump_revision(db, article_id)
    return annotation(library, int(cursor.lastrowid or 0))


def update_annotation(library: Library, annotation_id: int, *, colour: str | None = None, note: str | None = None,
                      tags: Iterable[str] | None = None) -> Annotation:
    """Change an annotation's colour, note or tags (None keeps what it has)."""
    current = annotation(library, annotation_id)
    if colour is not None:
        _check_colour(colour)
    changed = (colour if colour is not None else current.colour,
               note.strip() if note is not None else current.note,
               clean_tags(tags) if tags is not None else list(current.tags))
    with durable(library) as db:
        db.execute("UPDATE annotations SET colour = ?, note = ?, tags = ?, updated = ? WHERE id = ?",
                   (changed[0], changed[1], json.dumps(changed[2], ensure_ascii=False), _now(), annotation_id))
        annotation_rows.bump_revision(db, current.article_id)
    return annotation(library, annotation_id)


def delete_annotation(library: Library, annotation_id: int) -> None:
    current = annotation(library, annotation_id)
    with durable(library) as db:
        db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        annotation_rows.bump_revision(db, current.article_id)


def annotation(library: Library, annotation_id: int) -> Annotation:
    row = library.connection.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    if row is None:
        raise AnnotationNotFound(annotation_id)
    return _from_row(row)


def annotations_of(library: Library, article_id: int) -> list[Annotation]:
    """The article's annotations in reading order (paragraph, then start)."""
    return annotations_for(library, [article_id])[article_id]


def annotations_for(library: Library, article_ids: Sequence[int]) -> dict[int, list[Annotation]]:
    """Each article's annotations in reading order; every id asked for is a key (with [] when it has none)."""
    found: dict[int, list[Annotation]] = {article_id: [] for article_id in article_ids}
    for chunk in _chunks(list(found), 500):
        rows = library.connection.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE article_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY article_id, paragraph, start_offset, end_offset, id", chunk)
        for row in rows:
            found[row[1]].append(_from_row(row))
    return found


def all_annotations(library: Library) -> list[Annotation]:
    """Every annotation of the library, by article and in reading order."""
    rows = library.connection.execute(
        f"SELECT {_COLUMNS} FROM annotations ORDER BY article_id, paragraph, start_offset, end_offset, id")
    return [_from_row(row) for row in rows]


def all_tags(library: Library) -> dict[str, int]:
    """Every tag in use with the number of annotations carrying it, the most used first."""
    counts: Counter[str] = Counter()
    for (listed,) in library.connection.execute("SELECT tags FROM annotations"):
        counts.update(json.loads(listed))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold())))


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: trimmed, a leading ``#`` dropped, inner whitespace single, each once (case-insensitively)."""
    cleaned: list[str] = []
    for tag in tags:
        tag = " ".join(tag.strip().removeprefix("#").split())
        if not tag:
            continue
        if "," in tag or len(tag) > MAX_TAG_LENGTH:
            raise InvalidAnnotation(f"the tag {tag!r} cannot be used: a tag has at most {MAX_TAG_LENGTH} characters "
                                    "and no comma (give several tags one by one)")
        if tag.casefold() not in (known.casefold() for known in cleaned):
            cleaned.append(tag)
    return cleaned


def _paragraph_text(library: Library, article_id: int, anchor: Anchor) -> str:
    library.title_of(article_id)  # ArticleNotFound for an unknown id
    row = library.connection.execute("SELECT text FROM paragraphs WHERE article_id = ? AND idx = ?",
                                     (article_id, anchor.paragraph)).fetchone()
    if row is None:
        last = library.connection.execute("SELECT MAX(idx) FROM paragraphs WHERE article_id = ?",
                                          (article_id,)).fetchone()[0]
        raise InvalidAnchor(f"article #{article_id} has no paragraph {anchor.paragraph}; its paragraphs are numbered "
                            f"0 to {last} (see 'lesesaal show {article_id}')")
    text = str(row[0])
    if not 0 <= anchor.start < anchor.end <= len(text):
        raise InvalidAnchor(f"paragraph {anchor.paragraph} of article #{article_id} has {len(text)} characters: "
                            f"start ({anchor.start}) and end ({anchor.end}) must satisfy 0 <= start < end <= "
                            f"{len(text)}")
    if not text[anchor.start:anchor.end].strip():
        raise InvalidAnchor(f"characters {anchor.start} to {anchor.end} of paragraph {anchor.paragraph} are only "
                            "white space; highlight some text")
    return text


def _check_colour(colour: str) -> None:
    if colour not in COLOURS:
        raise InvalidAnnotation(f"unknown colour {colour!r}; choose one of {', '.join(COLOURS)}")


def _from_row(row: Any) -> Annotation:
    (annotation_id, article_id, paragraph, start, end, quote, prefix, suffix, colour, note, tags, created, updated,
     detached) = row
    return Annotation(annotation_id, article_id, paragraph, start, end, quote, prefix, suffix, colour, note,
                      tuple(json.loads(tags)), created, updated, bool(detached))


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
