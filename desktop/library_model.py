"""LibraryTableModel: the library's stories for a QTableView, fetched a page at a time.

Only the rows the view has asked for are in memory (title, outlet, date, copies, read state; no
article text). Sorting and filtering run as SQL over the whole library and start again at the
first page, so 40,000 stories cost what one screen of them costs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from library.listing import ListQuery, ListRow
from library.store import Library

PAGE_SIZE = 200
COLUMNS = (("title", "Title"), ("source", "Outlet"), ("date", "Date"), ("copies", "Copies"), ("read", "Read"))
ModelIndex = QModelIndex | QPersistentModelIndex


class LibraryTableModel(QAbstractTableModel):
    def __init__(self, library: Library, query: ListQuery = ListQuery()) -> None:
        super().__init__()
        self._library = library
        self._query = query
        self._rows: list[ListRow] = []
        self._total = 0
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self.refresh()

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        """Stories the current query shows (loaded or not)."""
        return self._total

    def set_query(self, query: ListQuery) -> None:
        if query != self._query:
            self._query = query
            self.refresh()

    def refresh(self) -> None:
        """Start again from the first page (after a filter, a sort or an import)."""
        self.beginResetModel()
        self._total = self._library.list_count(self._query)
        self._rows = self._library.list_rows(self._query, 0, PAGE_SIZE)
        self.endResetModel()

    # Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        page = self._library.list_rows(self._query, len(self._rows), PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row.title
        if role == Qt.ItemDataRole.FontRole and not row.read:
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
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of a loaded story, or None when it is not (yet) loaded."""
        for number, row in enumerate(self._rows):
            if row.id == article_id:
                return number
        return None

    def mark_read(self, article_id: int) -> None:
        self._library.set_read(article_id)
        number = self.row_of(article_id)
        if number is not None and not self._rows[number].read:
            self._rows[number] = replace(self._rows[number], read=True)
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
    return "✓" if row.read else ""
