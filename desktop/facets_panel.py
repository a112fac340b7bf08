"""FacetsPanel: the sidebar of outlets, years and actors with their story counts; a click filters."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.jobs import ActorFacet

_GROUPS = (("source", "Outlets"), ("year", "Years"), ("actor", "Actors"))
_FACET = Qt.ItemDataRole.UserRole
_MAX_ITEMS = 200


class FacetsPanel(QTreeWidget):
    """Emits ``facet_chosen(kind, value)``; choosing "All stories" (or the chosen item again) clears.

    An actor's value is what an ``actor:`` search takes (its library id); its text is the actor's name."""

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
        self._shown: tuple[dict[str, dict[str, int]], int, str] = ({}, 0, "All stories")
        self._actors = ActorFacet()

    def show_counts(self, facets: dict[str, dict[str, int]], total: int, *, title: str = "All stories",
                    actors: ActorFacet | None = None) -> None:
        """Outlets and years from ``facets``; actors from ``actors`` (or the last ones given)."""
        self._shown = (facets, total, title)
        self._actors = actors if actors is not None else self._actors
        self.clear()
        everything = QTreeWidgetItem(self, [title, f"{total:,}"])
        everything.setData(0, _FACET, ("", ""))
        for kind, label in _GROUPS:
            counts = self._actors.counts if kind == "actor" else facets.get(kind, {})
            group = QTreeWidgetItem(self, [label, ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, count in list(counts.items())[:_MAX_ITEMS]:
                value = self._actors.filters.get(text, f'"{text}"') if kind == "actor" else text
                item = QTreeWidgetItem(group, [text, f"{count:,}"])
                item.setData(0, _FACET, (kind, value))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                if (kind, value) == self._chosen:
                    item.setSelected(True)
            group.setExpanded(True)
        everything.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)

    def show_actors(self, actors: ActorFacet) -> None:
        """New actor counts under the outlets and years shown."""
        facets, total, title = self._shown
        self.show_counts(facets, total, title=title, actors=actors)

    def item_for(self, kind: str, text: str) -> QTreeWidgetItem | None:
        """The item of a facet by its shown text (an outlet, a year, an actor's name)."""
        for item in self.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive):
            facet = item.data(0, _FACET)
            if facet and facet[0] == kind:
                return item
        return None

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        facet = item.data(0, _FACET)
        if not facet:
            return
        kind, value = facet
        self._chosen = ("", "") if (kind, value) == self._chosen else (kind, value)
        self.facet_chosen.emit(*self._chosen)
