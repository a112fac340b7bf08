"""LibraryTableModel: the library's stories for a QTableView, fetched a page at a time.

A query (filter and sort) is run once as SQL for the ordered ids of all matching stories (40,000
integers, some 30 ms; with a ``loader`` on a worker thread, the view keeps the old rows meanwhile);
the rows' values (title, outlet, date, copies, read state; never article
text) are fetched a page of ids at a time when the view first shows them, and only the pages
recently shown are kept. The scroll bar knows the whole list at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from library.listing import ListQuery, ListRow
from library.reading_state import IN_PROGRESS, READ
from library.store import Library

PAGE_SIZE = 200
KEPT_PAGES = 30
COLUMNS = (("title", "Title"), ("source", "Outlet"), ("date", "Date"), ("copies", "Copies"), ("read", "Read"))
ModelIndex = QModelIndex | QPersistentModelIndex
#: Runs a query's ``list_ids`` off the GUI thread and hands the ids to the callback on the GUI thread.
IdsLoader = Callable[[ListQuery, Callable[[list[int]], None]], None]


class LibraryTableModel(QAbstractTableModel):
    refreshed = Signal()  # the rows of the latest query are in

    def __init__(self, library: Library, query: ListQuery = ListQuery()) -> None:
        super().__init__()
        self._library = library
        self._query = query
        self.loader: IdsLoader | None = None  # None: queries run here, at once (tests, start-up)
        self._asked = 0
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, ListRow]] = OrderedDict()
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self.refresh()

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        """Stories the current query shows."""
        return len(self._ids)

    @property
    def loaded_pages(self) -> int:
        return len(self._pages)

    def set_query(self, query: ListQuery) -> None:
        if query != self._query:
            self._query = query
            self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Run the query again (after a filter, a sort or an import); ``then`` runs when its rows are in."""
        self._asked += 1
        asked, query = self._asked, self._query
        if self.loader is None:
            self._apply(asked, self._library.list_ids(query), then)
        else:
            self.loader(query, lambda ids: self._apply(asked, ids, then))

    def _apply(self, asked: int, ids: list[int], then: Callable[[], None] | None) -> None:
        if asked != self._asked:
            return  # a newer query is on its way
        self.beginResetModel()
        self._ids = ids
        self._rows_of = None
        self._pages.clear()
        self.endResetModel()
        if then is not None:
            then()
        self.refreshed.emit()

    def _row(self, number: int) -> ListRow | None:
        page = number // PAGE_SIZE
        if page not in self._pages:
            self._pages[page] = self._library.list_rows_by_id(self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE])
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        self._pages.move_to_end(page)
        return self._pages[page].get(self._ids[number])

    # Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        row = self._row(index.row())
        if row is None:  # removed since the query ran
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row.title
        if role == Qt.ItemDataRole.FontRole and not row.read and not row.in_progress:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("copies", "read"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=COLUMNS[column][0], descending=descending))

    # Rows ------------------------------------------------------------------------------------

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of a story in the list, or None when the query does not show it."""
        if self._rows_of is None:
            self._rows_of = {article: number for number, article in enumerate(self._ids)}
        return self._rows_of.get(article_id)

    def mark_read(self, article_id: int) -> None:
        """The article was opened: unread becomes read (one in progress stays so)."""
        self._library.set_read(article_id)
        row = self._cached(article_id)
        if row is not None and not row.in_progress:
            self._show_state(article_id, READ)

    def set_reading_state(self, article_ids: Sequence[int], state: str) -> None:
        """Mark articles read, unread or in progress (``library.reading_state``), and show it."""
        self._library.set_reading_state(article_ids, state)
        for article_id in article_ids:
            self._show_state(article_id, state)

    def _cached(self, article_id: int) -> ListRow | None:
        number = self.row_of(article_id)
        page = self._pages.get(number // PAGE_SIZE) if number is not None else None
        return page.get(article_id) if page is not None else None

    def _show_state(self, article_id: int, state: str) -> None:
        row, number = self._cached(article_id), self.row_of(article_id)
        if row is None or number is None:
            return  # not shown, or not fetched yet: fetched with its new state when shown
        self._pages[number // PAGE_SIZE][article_id] = replace(row, read=state == READ, in_progress=state == IN_PROGRESS)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))


def _display(row: ListRow, key: str) -> str:
    if key == "title":
        return row.title or "(untitled)"
    if key == "source":
        return row.source
    if key == "date":
        return (row.date or "")[:10]
    if key == "copies":
        return str(row.copies) if row.copies else ""
    return "✓" if row.read else "…" if row.in_progress else ""
