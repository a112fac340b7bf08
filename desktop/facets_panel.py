"""FacetsPanel: the sidebar of outlets and years with their story counts; a click filters."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

_GROUPS = (("source", "Outlets"), ("year", "Years"))
_FACET = Qt.ItemDataRole.UserRole
_MAX_ITEMS = 200


class FacetsPanel(QTreeWidget):
    """Emits ``facet_chosen(kind, value)``; choosing "All stories" (or the chosen item again) clears."""

    facet_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetsPanel")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemClicked.connect(self._on_item_clicked)
        self._chosen: tuple[str, str] = ("", "")

    def show_counts(self, facets: dict[str, dict[str, int]], total: int, *, title: str = "All stories") -> None:
        self.clear()
        everything = QTreeWidgetItem(self, [title, f"{total:,}"])
        everything.setData(0, _FACET, ("", ""))
        for kind, label in _GROUPS:
            counts = facets.get(kind, {})
            group = QTreeWidgetItem(self, [label, ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for value, count in list(counts.items())[:_MAX_ITEMS]:
                item = QTreeWidgetItem(group, [value, f"{count:,}"])
                item.setData(0, _FACET, (kind, value))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                if (kind, value) == self._chosen:
                    item.setSelected(True)
            group.setExpanded(True)
        everything.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)

    def item_for(self, kind: str, value: str) -> QTreeWidgetItem | None:
        for item in self.findItems(value, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive):
            if item.data(0, _FACET) == (kind, value):
                return item
        return None

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        facet = item.data(0, _FACET)
        if not facet:
            return
        kind, value = facet
        self._chosen = ("", "") if (kind, value) == self._chosen else (kind, value)
        self.facet_chosen.emit(*self._chosen)
