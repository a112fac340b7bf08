"""Rows the library holds back in memory and writes with one ``executemany`` per statement.

An import stores a hundred files in one transaction (``library.store_group``). Writing each file's rows
as it comes costs a handful of statements per file; holding them until the group commits costs one
``executemany`` per kind of row for the whole group, which is about half the SQLite time. Nothing changes
for what is stored: the rows are written in the order they were added within each statement, and the
statements in a fixed order (parents before the rows that refer to them), before the transaction commits.

Ids are given here, as SQLite would give them (one more than the largest in the table), so that a held row
can be referred to. Anything that reads or deletes through the connection writes the held rows first
(``Library._flushed``). A savepoint that rolls back drops the rows held since it began and holds again the
rows held when it began that a flush inside it wrote (its rollback undid them): ``mark`` / ``rollback``,
``release`` when it lands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Row = Sequence[object]


@dataclass(frozen=True, eq=False)
class Mark:
    """How much was held when a savepoint began (one object per savepoint: compared by identity)."""

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
        self._marks: list[Mark] = []  # of the savepoints open, outermost first
        #: The rows written by the first flush after an open savepoint's mark, by the flush's number.
        self._written: dict[int, dict[str, list[Row]]] = {}

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
        written = self._rows
        own_transaction = not self._db.in_transaction  # rows held outside one land together or not at all
        try:
            if own_transaction:
                self._db.execute("BEGIN")
            for statement, rows in written.items():
                if rows:
                    self._db.executemany(statement, rows)
            if own_transaction:
                self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._written.clear()  # the transaction, savepoints and all, is gone: nothing to hold again
            self.clear()
            raise
        if any(mark.flushes == self._flushes for mark in self._marks):  # what an open savepoint's rollback holds again
            self._written[self._flushes] = written
        self._rows = {statement: [] for statement in written}
        self.clear()

    def clear(self) -> None:
        for rows in self._rows.values():
            rows.clear()
        self._held = False
        self._flushes += 1
        self._next_ids.clear()

    def mark(self) -> Mark:
        """Call as a savepoint begins; then ``release`` or ``rollback`` as it ends."""
        mark = Mark(self._flushes, tuple(map(len, self._rows.values())), tuple(self._next_ids.items()))
        self._marks.append(mark)
        return mark

    def flushed_since(self, mark: Mark) -> bool:
        """Whether held rows were written since ``mark`` (only a database savepoint can take those back)."""
        return self._flushes != mark.flushes

    def release(self, mark: Mark) -> None:
        """The savepoint landed (in its transaction): its rows stay, held or written."""
        self._close(mark)

    def rollback(self, mark: Mark) -> None:
        """Drop what was held since ``mark``; what was held at ``mark`` and written since (rolled back with the
        savepoint, as is all it wrote) is held again."""
        held = self._rows if mark.flushes == self._flushes else self._written.get(mark.flushes)
        self._flushes = mark.flushes
        for number in [number for number in self._written if number >= mark.flushes]:
            del self._written[number]
        self._close(mark)
        if held is None:  # a failed flush rolled the whole transaction back
            self.clear()
            return
        self._rows = {statement: rows[:length] for (statement, rows), length in zip(held.items(), mark.lengths)}
        self._held = any(self._rows.values())
        self._next_ids = dict(mark.next_ids)

    def _close(self, mark: Mark) -> None:
        """Close ``mark``'s savepoint (and any left open inside it)."""
        del self._marks[self._marks.index(mark):]
        if not self._marks:
            self._written.clear()
