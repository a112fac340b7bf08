"""Rows the library holds back in memory and writes with one ``executemany`` per statement.

An import stores a hundred files in one transaction (``library.store_group``). Writing each file's rows
as it comes costs a handful of statements per file; holding them until the group commits costs one
``executemany`` per kind of row for the whole group, which is about half the SQLite time. Nothing changes
for what is stored: the rows are written in the order they were added within each statement, and the
statements in a fixed order (parents before the rows that refer to them), before the transaction commits.

Ids are given here, as SQLite would give them (one more than the largest in the table), so that a held row
can be referred to. Anything that reads or deletes through the connection writes the held rows first
(``Library._flushed``); a savepoint that rolls back drops the rows held since it began (``mark`` /
``rollback``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Row = Sequence[object]


@dataclass(frozen=True)
class Mark:
    """How much was held when a savepoint began."""

    flushes: int
    lengths: tuple[int, ...]
    next_ids: tuple[tuple[str, int], ...]


class PendingWrites:
    """Rows held for the statements given, written in that order by ``flush``."""

    def __init__(self, db: sqlite3.Connection, statements: Sequence[str]) -> None:
        self._db = db
        self._rows: dict[str, list[Row]] = {statement: [] for statement in statements}
        self._held = False
        self._flushes = 0
        self._next_ids: dict[str, int] = {}

    def __bool__(self) -> bool:
        return self._held

    def add(self, statement: str, row: Row) -> None:
        self._rows[statement].append(row)
        self._held = True

    def extend(self, statement: str, rows: Iterable[Row]) -> None:
        self._rows[statement].extend(rows)
        self._held = True

    def last(self, statement: str) -> Row | None:
        """The row added last for this statement (still held), or None."""
        rows = self._rows[statement]
        return rows[-1] if rows else None

    def find(self, statement: str, first: object) -> Row | None:
        """The held row of this statement whose first value is ``first`` (an id), or None."""
        return next((row for row in reversed(self._rows[statement]) if row[0] == first), None)

    def new_id(self, table: str) -> int:
        """The id SQLite would give the table's next row, counting the rows held for it."""
        if table not in self._next_ids:
            self._next_ids[table] = int(self._db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]) + 1
        given = self._next_ids[table]
        self._next_ids[table] = given + 1
        return given

    def flush(self) -> None:
        """Write every held row. On an error the open transaction is rolled back (the rows written so far may
        be parts of articles) and nothing stays held."""
        if not self._held:
            return
        try:
            for statement, rows in self._rows.items():
                if rows:
                    self._db.executemany(statement, rows)
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self.clear()

    def clear(self) -> None:
        for rows in self._rows.values():
            rows.clear()
        self._held = False
        self._flushes += 1
        self._next_ids.clear()

    def mark(self) -> Mark:
        return Mark(self._flushes, tuple(map(len, self._rows.values())), tuple(self._next_ids.items()))

    def rollback(self, mark: Mark) -> None:
        """Drop what was held since ``mark``. Rows written since (by a flush) are the savepoint's to roll back."""
        if mark.flushes != self._flushes:
            self.clear()  # all that is held came after the mark
            return
        for rows, length in zip(self._rows.values(), mark.lengths):
            del rows[length:]
        self._held = any(self._rows.values())
        self._next_ids = dict(mark.next_ids)
