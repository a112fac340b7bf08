"""ReadingListPane: one reading list in its order, with its progress, reordering, reading states and summaries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.reading_lists_panel import top_level_items
from library.reading_lists import ListEntry, ReadingList
from library.reading_state import IN_PROGRESS, READ, UNREAD

_ID = Qt.ItemDataRole.UserRole
COLUMNS = ("#", "Title", "Outlet", "Date", "State", "Summary")
STATE_TEXT = {READ: "✓ read", IN_PROGRESS: "… in progress", UNREAD: "unread"}


class ReadingListPane(QWidget):
    """Emits what the user asks for; the list's owner (``ListActions``) changes the library and shows it again."""

    article_chosen = Signal(int)
    move_requested = Signal(int, int)  # article id, new position (1-based)
    remove_requested = Signal(object)  # list of article ids
    state_requested = Signal(object, str)  # list of article ids, READ / UNREAD / IN_PROGRESS
    summarise_requested = Signal()
    cancel_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingListPane")
        self.name = ""
        self.heading = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v of %m read")
        self.progress_note = QLabel(self)
        self.table = QTreeWidget(self)
        self.table.setObjectName("readingListTable")
        self.table.setHeaderLabels(COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        self.table.itemActivated.connect(lambda item, _c: self.article_chosen.emit(int(item.data(0, _ID))))
        self.table.itemClicked.connect(lambda item, _c: self.article_chosen.emit(int(item.data(0, _ID))))
        self.table.itemSelectionChanged.connect(self._enable)
        self.summary_status = QLabel(self)
        self.summary_status.setWordWrap(True)
        self.buttons = self._buttons()
        self._layout()
        self.set_summarising(False, "")
        self._enable()

    def _buttons(self) -> dict[str, QPushButton]:
        made: dict[str, QPushButton] = {}
        for key, text, tip, keys in (
                ("up", "Move up", "Move the chosen article up (Ctrl+Up)", "Ctrl+Up"),
                ("down", "Move down", "Move the chosen article down (Ctrl+Down)", "Ctrl+Down"),
                ("remove", "Remove", "Take the chosen articles off the list (they stay in the library)", "Delete"),
                ("read", "Read", "Mark the chosen articles read", ""),
                ("in_progress", "In progress", "Mark the chosen articles as being read", ""),
                ("unread", "Unread", "Mark the chosen articles unread", ""),
                ("summarise", "Summarise list", "Summarise every article of the list in the background", ""),
                ("cancel", "Cancel", "Stop summarising the list (finished summaries are kept)", ""),
                ("export", "Export…", "Export the list (Markdown, annotations, references)", "")):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            if keys:
                button.setShortcut(QKeySequence(keys))
            made[key] = button
        made["up"].clicked.connect(lambda: self._move(-1))
        made["down"].clicked.connect(lambda: self._move(1))
        made["remove"].clicked.connect(lambda: self._with_selection(self.remove_requested.emit))
        for key, state in (("read", READ), ("in_progress", IN_PROGRESS), ("unread", UNREAD)):
            made[key].clicked.connect(partial(self._mark, state))
        made["summarise"].clicked.connect(self.summarise_requested)
        made["cancel"].clicked.connect(self.cancel_requested)
        made["export"].clicked.connect(self.export_requested)
        return made

    def _layout(self) -> None:
        order, states, jobs = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for row, keys in ((order, ("up", "down", "remove")), (states, ("read", "in_progress", "unread")),
                          (jobs, ("summarise", "cancel", "export"))):
            for key in keys:
                row.addWidget(self.buttons[key])
            row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.progress)
        column.addWidget(self.progress_note)
        column.addLayout(order)
        column.addWidget(self.table, 1)
        column.addLayout(states)
        column.addLayout(jobs)
        column.addWidget(self.summary_status)

    def show_list(self, found: ReadingList, entries: Sequence[ListEntry], selected: Sequence[int] = ()) -> None:
        """The list in its order; the articles ``selected`` (or those selected before, if the same list) stay so."""
        keep = set(selected) if selected else (set(self.selected_ids()) if found.name == self.name else set())
        marks = self.summary_marks() if found.name == self.name else {}
        self.name = found.name
        self.heading.setText(f"<b>{found.name}</b>")
        self.progress.setRange(0, max(found.total, 1))
        self.progress.setValue(found.read)
        self.progress.setFormat(f"{found.read} of {found.total} read")
        self.progress_note.setText(f"{found.in_progress} in progress, {found.unread} unread" if found.total
                                   else "Empty: add articles from the library, a search or related coverage.")
        self.table.clear()
        for entry in entries:
            item = QTreeWidgetItem(self.table, [str(entry.position), entry.title or "(untitled)", entry.source,
                                                (entry.date or "")[:10], STATE_TEXT[entry.state],
                                                marks.get(entry.article_id, "")])
            item.setData(0, _ID, entry.article_id)
            item.setToolTip(1, entry.title)
            if entry.state == UNREAD:
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
            item.setSelected(entry.article_id in keep)
        self._enable()

    def _items(self) -> list[QTreeWidgetItem]:
        return top_level_items(self.table)

    def article_ids(self) -> list[int]:
        return [int(item.data(0, _ID)) for item in self._items()]

    def selected_ids(self) -> list[int]:
        """The chosen articles, in the list's order."""
        return [int(item.data(0, _ID)) for item in self._items() if item.isSelected()]

    def select(self, article_ids: Sequence[int]) -> None:
        for item in self._items():
            item.setSelected(int(item.data(0, _ID)) in article_ids)

    def summary_marks(self) -> dict[int, str]:
        """What the Summary column says per article (after a list was summarised)."""
        return {int(item.data(0, _ID)): item.text(5) for item in self._items() if item.text(5)}

    def mark_summary(self, article_id: int, text: str, tip: str = "") -> None:
        for item in self._items():
            if int(item.data(0, _ID)) == article_id:
                item.setText(5, text)
                item.setToolTip(5, tip)

    def set_summarising(self, running: bool, status: str) -> None:
        self.buttons["summarise"].setEnabled(not running and bool(self.article_ids()))
        self.buttons["cancel"].setEnabled(running)
        self.summary_status.setText(status)

    def _move(self, step: int) -> None:
        chosen = self.selected_ids()
        if len(chosen) != 1:
            return
        position = self.article_ids().index(chosen[0]) + 1 + step
        if 1 <= position <= len(self.article_ids()):
            self.move_requested.emit(chosen[0], position)

    def _with_selection(self, emit: Callable[[list[int]], object]) -> None:
        chosen = self.selected_ids()
        if chosen:
            emit(chosen)

    def _mark(self, state: str, _checked: bool = False) -> None:
        self._with_selection(lambda ids: self.state_requested.emit(ids, state))

    def _enable(self) -> None:
        chosen = self.selected_ids()
        for key in ("remove", "read", "in_progress", "unread"):
            self.buttons[key].setEnabled(bool(chosen))
        for key in ("up", "down"):
            self.buttons[key].setEnabled(len(chosen) == 1)
        if not self.buttons["cancel"].isEnabled():
            self.buttons["summarise"].setEnabled(bool(self.article_ids()))
        self.buttons["export"].setEnabled(bool(self.name))
