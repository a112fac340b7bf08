"""ReadingListsPanel: the sidebar's reading lists with their progress; a click shows a list, buttons manage them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from library.reading_lists import ReadingList

_NAME = Qt.ItemDataRole.UserRole


class ReadingListsPanel(QWidget):
    """Emits ``list_chosen(name)`` on a click, and the buttons' requests with the chosen list's name."""

    list_chosen = Signal(str)
    create_requested = Signal()
    rename_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingListsPanel")
        self.heading = QLabel("<b>Reading lists</b>", self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("readingLists")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = QLabel("No lists yet: “New…” makes one; add articles from the library's context menu.", self)
        self.empty.setWordWrap(True)
        self.new_button = QPushButton("New…", self)
        self.new_button.setToolTip("Make a new reading list")
        self.new_button.clicked.connect(self.create_requested)
        self.rename_button = QPushButton("Rename…", self)
        self.rename_button.clicked.connect(lambda: self._request(self.rename_requested))
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete the list (its articles stay in the library)")
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self._layout()
        self._enable()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.tree, 1)
        column.addWidget(self.empty)
        column.addLayout(buttons)

    def show_lists(self, lists: Sequence[ReadingList], current: str | None = None) -> None:
        """Each list with "read/total"; ``current`` stays chosen."""
        self.tree.clear()
        for found in lists:
            item = QTreeWidgetItem(self.tree, [found.name, f"{found.read}/{found.total}"])
            item.setData(0, _NAME, found.name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            busy = f", {found.in_progress} in progress" if found.in_progress else ""
            item.setToolTip(0, f"{found.name}: {found.read} of {found.total} read{busy}")
            if current is not None and found.name.casefold() == current.casefold():
                self.tree.setCurrentItem(item)
        self.empty.setVisible(not lists)
        self._enable()

    def _items(self) -> list[QTreeWidgetItem]:
        return top_level_items(self.tree)

    def names(self) -> list[str]:
        return [str(item.data(0, _NAME)) for item in self._items()]

    def item_for(self, name: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, _NAME) == name), None)

    def chosen(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, _NAME)) if item is not None else None

    def _request(self, signal: SignalInstance) -> None:
        name = self.chosen()
        if name is not None:
            signal.emit(name)

    def _enable(self) -> None:
        chosen = self.tree.currentItem() is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.list_chosen.emit(str(item.data(0, _NAME)))


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found = (tree.topLevelItem(n) for n in range(tree.topLevelItemCount()))
    return [item for item in found if item is not None]
