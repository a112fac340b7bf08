"""The annotation tables as the rest of the library meets them: counts, digests, re-anchoring, revisions.

``library.annotations`` is the public API; this module holds what ``library.store`` needs of the tables
(the store cannot import the API, which is built on it).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping

from library.anchoring import context, locate
from library.records import AnnotationDigest


def count(db: sqlite3.Connection, article_id: int) -> int:
    return int(db.execute("SELECT COUNT(*) FROM annotations WHERE article_id = ?", (article_id,)).fetchone()[0])


def delete_of_article(db: sqlite3.Connection, article_id: int) -> None:
    db.execute("DELETE FROM annotations WHERE article_id = ?", (article_id,))
    bump_revision(db, article_id)


def bump_revision(db: sqlite3.Connection, article_id: int) -> None:
    """Tell the search index that the article's notes or tags changed."""
    db.execute("INSERT INTO annotation_revisions (article_id, revision) VALUES (?, 1) "
               "ON CONFLICT (article_id) DO UPDATE SET revision = revision + 1", (article_id,))


def digest(db: sqlite3.Connection, article_id: int) -> AnnotationDigest:
    """What the search index holds of an article's annotations."""
    row = db.execute("SELECT revision FROM annotation_revisions WHERE article_id = ?", (article_id,)).fetchone()
    rows = db.execute("SELECT note, tags FROM annotations WHERE article_id = ? ORDER BY id", (article_id,)).fetchall()
    tags: list[str] = []
    for _, listed in rows:
        tags.extend(tag for tag in json.loads(listed) if tag not in tags)
    return AnnotationDigest(revision=int(row[0]) if row else 0, count=len(rows),
                            notes=tuple(note for note, _ in rows if note), tags=tuple(tags))


def reanchor_article(db: sqlite3.Connection, article_id: int, paragraphs: Mapping[int, str]) -> None:
    """Find each annotation's quote in the article's new text; one that is nowhere is kept, marked detached.

    Call inside the transaction that replaces the article's paragraphs.
    """
    rows = db.execute("SELECT id, paragraph, quote, prefix, suffix FROM annotations WHERE article_id = ?",
                      (article_id,)).fetchall()
    for annotation_id, paragraph, quote, prefix, suffix in rows:
        anchor = locate(quote, prefix, suffix, paragraphs, near=paragraph)
        if anchor is None:
            db.execute("UPDATE annotations SET detached = 1 WHERE id = ?", (annotation_id,))
            continue
        before, after = context(paragraphs[anchor.paragraph], anchor.start, anchor.end)
        db.execute("UPDATE annotations SET paragraph = ?, start_offset = ?, end_offset = ?, prefix = ?, suffix = ?, "
                   "detached = 0 WHERE id = ?",
                   (anchor.paragraph, anchor.start, anchor.end, before, after, annotation_id))
