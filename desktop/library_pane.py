"""LibraryPane: the table of stories with its filter field."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop.library_model import LibraryTableModel
from library.listing import ListQuery

_FILTER_MS = 200


class LibraryPane(QWidget):
    article_selected = Signal(int)
    menu_requested = Signal(object, QPoint)  # the chosen articles' ids, where (global) to show their menu

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText("Filter by title or outlet")
        self.filter.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 84), (3, 54), (4, 42)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=_FILTER_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.filter.textChanged.connect(lambda _text: self._timer.start())

    def set_facet(self, kind: str, value: str) -> None:
        query = self.model.query
        self.model.set_query(replace(query, source=value if kind == "source" else "",
                                     year=value if kind == "year" else ""))

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_ids(self) -> list[int]:
        """The chosen stories, top to bottom (Ctrl- and Shift-click choose several)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.article_id(row) for row in rows) if i is not None]

    def _on_context_menu_requested(self, where: QPoint) -> None:
        row = self.table.indexAt(where).row()
        if row >= 0 and row not in {index.row() for index in self.table.selectionModel().selectedRows()}:
            self.table.selectRow(row)
        self.menu_requested.emit(self.selected_ids(), self.table.viewport().mapToGlobal(where))

    def _on_timer_timeout(self) -> None:
        self.model.set_query(replace(self.model.query, text=self.filter.text().strip()))

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes: list[QModelIndex] = list(selected.indexes())
        if indexes and len(self.table.selectionModel().selectedRows()) == 1:  # several chosen: nothing opens
            article_id = self.model.article_id(indexes[0].row())
            if article_id is not None:
                self.article_selected.emit(article_id)


__all__ = ["LibraryPane", "ListQuery"]
