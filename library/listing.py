"""The library list as a front end pages through it: primaries only, filtered, sorted, a page at a time.

``ordered_ids`` gives the whole list's order as ids (one query, 40,000 integers); ``rows_by_id`` then
fetches the few rows a screen shows. Rows carry no article text. Paging by offset (``rows``) is kept
for callers that walk the list from the start; deep offsets cost more with every page skipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from library import reading_state
from library.reading_state import IN_PROGRESS, READ, UNREAD

#: Orders by reading state: unread (no row), in progress, read.
_READING_RANK = "COALESCE((SELECT CASE r.state WHEN 'read' THEN 2 ELSE 1 END FROM reading r WHERE r.article_id = a.id), 0)"
#: Sort keys a list can be ordered by, with their SQL expressions (ties go to the newer id).
SORT_KEYS: dict[str, str] = {
    "title": "a.title COLLATE NOCASE",
    "source": "a.source COLLATE NOCASE",
    "date": "a.published",  # undated (NULL) first when ascending, last when descending
    "copies": "copies",
    "read": _READING_RANK,
}


@dataclass(frozen=True)
class ListQuery:
    """Which stories a list shows and in what order. Empty filters mean all."""

    text: str = ""  # a piece of the title or the outlet's name
    source: str = ""
    year: str = ""
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class ListRow:
    id: int
    title: str
    source: str
    date: str | None
    copies: int
    read: bool
    in_progress: bool = False  # opened and marked as being read (``read`` is False then)


_SELECT = """SELECT a.id, a.title, a.source, a.published,
       (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = a.id) AS copies,
       (SELECT r.state FROM reading r WHERE r.article_id = a.id) AS state
  FROM articles a"""


def _where(query: ListQuery) -> tuple[str, list[Any]]:
    clauses, values = ["a.duplicate_of IS NULL"], []
    if query.text:
        clauses.append("(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')")
        pattern = "%" + query.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        values += [pattern, pattern]
    if query.source:
        clauses.append("a.source = ?")
        values.append(query.source)
    if query.year:
        clauses.append("substr(a.published, 1, 4) = ?")
        values.append(query.year)
    return " WHERE " + " AND ".join(clauses), values


def rows(db: sqlite3.Connection, query: ListQuery, offset: int, limit: int) -> list[ListRow]:
    if query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {query.sort!r}")
    where, values = _where(query)
    direction = "DESC" if query.descending else "ASC"
    sql = f"{_SELECT}{where} ORDER BY {SORT_KEYS[query.sort]} {direction}, a.id {direction} LIMIT ? OFFSET ?"
    return [_list_row(r) for r in db.execute(sql, (*values, limit, offset))]


def _list_row(r: tuple[Any, ...]) -> ListRow:
    return ListRow(r[0], r[1], r[2], r[3], int(r[4]), r[5] == READ, r[5] == IN_PROGRESS)


def ordered_ids(db: sqlite3.Connection, query: ListQuery) -> list[int]:
    """The ids of every story the query shows, in its order."""
    if query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {query.sort!r}")
    where, values = _where(query)
    direction = "DESC" if query.descending else "ASC"
    computed = {"copies": "(SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = a.id)"}
    key = computed.get(query.sort, SORT_KEYS[query.sort])
    sql = f"SELECT a.id FROM articles a{where} ORDER BY {key} {direction}, a.id {direction}"
    return [row[0] for row in db.execute(sql, values)]


def rows_by_id(db: sqlite3.Connection, ids: list[int]) -> dict[int, ListRow]:
    found: dict[int, ListRow] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(f"{_SELECT} WHERE a.id IN ({marks})", chunk):
            found[r[0]] = _list_row(r)
    return found


def count(db: sqlite3.Connection, query: ListQuery) -> int:
    where, values = _where(query)
    return int(db.execute(f"SELECT COUNT(*) FROM articles a{where}", values).fetchone()[0])


def facets(db: sqlite3.Connection, query: ListQuery) -> dict[str, dict[str, int]]:
    """Stories per outlet and per year among those the query's text filter lets through."""
    where, values = _where(ListQuery(text=query.text))
    sources = db.execute(
        f"SELECT a.source, COUNT(*) FROM articles a{where} AND a.source != '' GROUP BY a.source "
        "ORDER BY COUNT(*) DESC, a.source", values)
    years = db.execute(
        f"SELECT substr(a.published, 1, 4) AS y, COUNT(*) FROM articles a{where} AND a.published IS NOT NULL "
        "GROUP BY y ORDER BY y DESC", values)
    return {"source": {name: n for name, n in sources}, "year": {year: n for year, n in years}}


def set_read(db: sqlite3.Connection, article_id: int, read: bool) -> None:
    """``read``: the article was opened (unread becomes read; in progress stays); else it becomes unread."""
    if read:
        reading_state.mark_opened(db, article_id)
    else:
        reading_state.set_state(db, [article_id], UNREAD)

