"""Each article's reading state: unread, in progress or read (the ``reading`` table).

An article without a ``reading`` row is unread; a row says 'read' or 'in-progress'. Opening an article in
the desktop marks an unread one read and leaves one in progress as it is; the user sets any state by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timezone

from library.errors import ArticleNotFound, LibraryError

READ, UNREAD, IN_PROGRESS = "read", "unread", "in-progress"
STATES: tuple[str, ...] = (UNREAD, IN_PROGRESS, READ)


class UnknownReadingState(LibraryError):
    def __init__(self, state: str) -> None:
        super().__init__(f"there is no reading state {state!r}; use one of: {', '.join(STATES)}")


def set_state(db: sqlite3.Connection, article_ids: Sequence[int], state: str) -> None:
    """Give articles a reading state, all of them or (for an unknown id or state) none. The caller runs it in a
    transaction (``Library.set_reading_state`` in a durable one)."""
    if state not in STATES:
        raise UnknownReadingState(state)
    ids = list(dict.fromkeys(article_ids))
    known = {row[0] for row in db.execute(
        f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
    missing = [i for i in ids if i not in known]
    if missing:
        raise ArticleNotFound(missing[0])
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if state == UNREAD:
        db.executemany("DELETE FROM reading WHERE article_id = ?", [(i,) for i in ids])
    else:
        db.executemany("INSERT OR REPLACE INTO reading (article_id, read_at, state) VALUES (?, ?, ?)",
                       [(i, now, state) for i in ids])


def mark_opened(db: sqlite3.Connection, article_id: int) -> None:
    """An article was opened for reading: unread becomes read, in progress stays."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute("INSERT OR IGNORE INTO reading (article_id, read_at, state) VALUES (?, ?, ?)", (article_id, now, READ))


def states_of(db: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, str]:
    """The reading state of each given article (unread for those without a row)."""
    found = {i: UNREAD for i in article_ids}
    ids = list(found)
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[start:start + 500]
        rows = db.execute(f"SELECT article_id, state FROM reading WHERE article_id IN ({','.join('?' * len(chunk))})",
                          chunk)
        found.update({article_id: str(state) for article_id, state in rows})
    return found
