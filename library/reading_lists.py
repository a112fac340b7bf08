"""Reading lists: named, ordered lists of articles (a course's reading list, a research question).

A list's name is unique regardless of case. Its articles keep the order they were added in until they are
moved; positions are 1-based wherever they are shown or given. An article may be on many lists, once on each.
Every change is one transaction, committed at once and synced to disk (``library.durable``); several changes
made in one ``durable`` unit land together or not at all. When an article is removed from the library it leaves its
lists (the lists stay). Progress counts the reading state (``library.reading_state``) of the list's articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from library.durable import durable
from library.errors import ArticleNotFound, LibraryError
from library.reading_state import IN_PROGRESS, READ, UNREAD
from library.store import Library

MAX_NAME = 200


class ReadingListError(LibraryError):
    """A reading list cannot be changed as asked."""


class ListNotFound(ReadingListError):
    def __init__(self, name: str) -> None:
        super().__init__(f"there is no reading list «{name}» (see 'lesesaal lists'; create it with "
                         f"'lesesaal lists \"{name}\" --create')")


class ListExists(ReadingListError):
    def __init__(self, name: str, existing: str) -> None:
        same = "" if existing == name else f" (as «{existing}»: names are the same regardless of case)"
        super().__init__(f"a reading list «{name}» exists already{same}; choose another name")


class BadListName(ReadingListError):
    def __init__(self) -> None:
        super().__init__(f"a reading list needs a name of 1 to {MAX_NAME} characters, not only blanks")


class NotOnList(ReadingListError):
    def __init__(self, article_id: int, name: str) -> None:
        super().__init__(f"article #{article_id} is not on the reading list «{name}»")


@dataclass(frozen=True)
class ReadingList:
    """A list with its progress: how many of its articles are read, in progress, and in all."""

    id: int
    name: str
    created: str
    total: int
    read: int
    in_progress: int

    @property
    def unread(self) -> int:
        return self.total - self.read - self.in_progress


@dataclass(frozen=True)
class ListEntry:
    position: int  # 1-based
    article_id: int
    title: str
    source: str
    date: str | None
    state: str  # READ, UNREAD or IN_PROGRESS


_PROGRESS = """SELECT l.id, l.name, l.created_at, COUNT(i.article_id),
       COALESCE(SUM(r.state = 'read'), 0), COALESCE(SUM(r.state = 'in-progress'), 0)
  FROM reading_lists l
  LEFT JOIN reading_list_items i ON i.list_id = l.id
  LEFT JOIN reading r ON r.article_id = i.article_id"""


def reading_lists(library: Library) -> list[ReadingList]:
    """Every list with its progress, by name."""
    rows = library.connection.execute(f"{_PROGRESS} GROUP BY l.id ORDER BY l.name COLLATE NOCASE")
    return [ReadingList(*row) for row in rows]


def reading_list(library: Library, name: str) -> ReadingList:
    row = library.connection.execute(f"{_PROGRESS} WHERE l.name = ? GROUP BY l.id", (name,)).fetchone()
    if row is None:
        raise ListNotFound(name)
    return ReadingList(*row)


def entries(library: Library, name: str) -> list[ListEntry]:
    """The list's articles in their order, with their reading state."""
    list_id = _list_id(library.connection, name)
    rows = library.connection.execute(
        """SELECT a.id, a.title, a.source, a.published, COALESCE(r.state, ?)
             FROM reading_list_items i JOIN articles a ON a.id = i.article_id
             LEFT JOIN reading r ON r.article_id = a.id
            WHERE i.list_id = ? ORDER BY i.position""", (UNREAD, list_id))
    return [ListEntry(number, *row) for number, row in enumerate(rows, 1)]


def article_ids(library: Library, name: str) -> list[int]:
    return [entry.article_id for entry in entries(library, name)]


def lists_with(library: Library, article_id: int) -> list[str]:
    """The names of the lists an article is on."""
    rows = library.connection.execute(
        """SELECT l.name FROM reading_lists l JOIN reading_list_items i ON i.list_id = l.id
            WHERE i.article_id = ? ORDER BY l.name COLLATE NOCASE""", (article_id,))
    return [row[0] for row in rows]


def create_list(library: Library, name: str) -> ReadingList:
    name = _valid_name(name)
    try:
        with durable(library):
            library.connection.execute("INSERT INTO reading_lists (name, created_at) VALUES (?, ?)", (name, _now()))
    except sqlite3.IntegrityError:
        raise ListExists(name, _existing(library, name)) from None
    return reading_list(library, name)


def rename_list(library: Library, name: str, new_name: str) -> ReadingList:
    new_name = _valid_name(new_name)
    list_id = _list_id(library.connection, name)
    try:
        with durable(library):
            library.connection.execute("UPDATE reading_lists SET name = ? WHERE id = ?", (new_name, list_id))
    except sqlite3.IntegrityError:
        raise ListExists(new_name, _existing(library, new_name)) from None
    return reading_list(library, new_name)


def delete_list(library: Library, name: str) -> None:
    """Delete a list (its articles stay in the library)."""
    list_id = _list_id(library.connection, name)
    with durable(library):
        library.connection.execute("DELETE FROM reading_lists WHERE id = ?", (list_id,))


def add_to_list(library: Library, name: str, ids: Sequence[int]) -> list[int]:
    """Append articles to the end of a list, in the order given; returns those that were not on it yet.
    An unknown id changes nothing and raises ``ArticleNotFound``."""
    db = library.connection
    list_id = _list_id(db, name)
    wanted = list(dict.fromkeys(ids))
    for article_id in wanted:
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise ArticleNotFound(article_id)
    present = set(_ordered(db, list_id))
    added = [i for i in wanted if i not in present]
    with durable(library):
        end = db.execute("SELECT COALESCE(MAX(position), 0) FROM reading_list_items WHERE list_id = ?",
                         (list_id,)).fetchone()[0]
        db.executemany("INSERT INTO reading_list_items (list_id, article_id, position, added_at) VALUES (?, ?, ?, ?)",
                       [(list_id, article_id, end + n, _now()) for n, article_id in enumerate(added, 1)])
    return added


def remove_from_list(library: Library, name: str, ids: Sequence[int]) -> None:
    """Take articles off a list (not out of the library); an id not on the list changes nothing and raises."""
    db = library.connection
    list_id = _list_id(db, name)
    present = set(_ordered(db, list_id))
    for article_id in ids:
        if article_id not in present:
            raise NotOnList(article_id, name)
    with durable(library):
        db.executemany("DELETE FROM reading_list_items WHERE list_id = ? AND article_id = ?",
                       [(list_id, article_id) for article_id in ids])


def move_in_list(library: Library, name: str, article_id: int, position: int) -> None:
    """Move an article to ``position`` (1-based; beyond the end means last, below 1 first)."""
    db = library.connection
    list_id = _list_id(db, name)
    order = _ordered(db, list_id)
    if article_id not in order:
        raise NotOnList(article_id, name)
    order.remove(article_id)
    order.insert(min(max(position, 1), len(order) + 1) - 1, article_id)
    set_order(library, name, order)


def set_order(library: Library, name: str, ids: Sequence[int]) -> None:
    """Give the list exactly this order; ``ids`` must be the list's articles, each once."""
    db = library.connection
    list_id = _list_id(db, name)
    current = _ordered(db, list_id)
    if sorted(ids) != sorted(current):
        raise ReadingListError(f"a new order of «{name}» must name each of its {len(current)} articles once")
    with durable(library):
        db.executemany("UPDATE reading_list_items SET position = ? WHERE list_id = ? AND article_id = ?",
                       [(number, list_id, article_id) for number, article_id in enumerate(ids, 1)])


def _existing(library: Library, name: str) -> str:
    """The stored spelling of a list's name (the column compares regardless of case)."""
    row = library.connection.execute("SELECT name FROM reading_lists WHERE name = ?", (name,)).fetchone()
    return str(row[0]) if row else name


def _ordered(db: sqlite3.Connection, list_id: int) -> list[int]:
    rows = db.execute("SELECT article_id FROM reading_list_items WHERE list_id = ? ORDER BY position", (list_id,))
    return [row[0] for row in rows]


def _list_id(db: sqlite3.Connection, name: str) -> int:
    row = db.execute("SELECT id FROM reading_lists WHERE name = ?", (" ".join(name.split()),)).fetchone()
    if row is None:
        raise ListNotFound(name)
    return int(row[0])


def _valid_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise BadListName()
    return name


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


__all__ = ["IN_PROGRESS", "READ", "UNREAD", "BadListName", "ListEntry", "ListExists", "ListNotFound", "NotOnList",
           "ReadingList", "ReadingListError", "add_to_list", "article_ids", "create_list", "delete_list", "entries",
           "lists_with", "move_in_list", "reading_list", "reading_lists", "remove_from_list", "rename_list",
           "set_order"]
