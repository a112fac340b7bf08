"""AnnotationPanel: the open article's annotations beside the reading pane; a click jumps to one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.annotation_dialog import colour_icon
from desktop.reader_html import Colours, highlight_colour
from library.annotations import Annotation

_QUOTE_CHARS = 90
DETACHED_TIP = ("Detached: its text is no longer in the article (the file changed when it was imported again). "
                "The annotation and its note are kept.")


class AnnotationPanel(QWidget):
    annotation_chosen = Signal(object)  # Annotation
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.heading = QLabel("My annotations", self)
        self.heading.setStyleSheet("font-weight: 600")
        self.list = QListWidget(self)
        self.list.setObjectName("annotationList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested.emit))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.delete_requested.emit))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.heading)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self.annotations: tuple[Annotation, ...] = ()
        self.show_annotations((), Colours())

    def show_annotations(self, annotations: tuple[Annotation, ...], colours: Colours) -> None:
        self.annotations = annotations
        self.list.clear()
        for annotation in annotations:
            self.list.addItem(_item(annotation, colours))
        self.heading.setText(f"My annotations ({len(annotations)})" if annotations else "My annotations")
        if not annotations:
            hint = QListWidgetItem("Select text in the article and press Ctrl+H (or right-click) to highlight it.")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(bool(annotations))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        annotation = item.data(Qt.ItemDataRole.UserRole)
        if annotation is not None:
            self.annotation_chosen.emit(annotation)

    def _emit_current(self, emit: Callable[[object], None]) -> None:
        item = self.list.currentItem()
        annotation = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if annotation is not None:
            emit(annotation)


def _item(annotation: Annotation, colours: Colours) -> QListWidgetItem:
    quote = annotation.quote if len(annotation.quote) <= _QUOTE_CHARS else annotation.quote[:_QUOTE_CHARS] + " …"
    lines = [f"«{quote}»"]
    if annotation.note:
        lines.append(annotation.note)
    if annotation.tags:
        lines.append("# " + ", ".join(annotation.tags))
    if annotation.detached:
        lines.insert(0, "Detached — no longer in the text")
    item = QListWidgetItem("\n".join(lines))
    item.setData(Qt.ItemDataRole.UserRole, annotation)
    item.setIcon(colour_icon(highlight_colour(annotation.colour, colours)))
    if annotation.detached:
        item.setForeground(QBrush(QColor(colours.muted)))
        item.setToolTip(DETACHED_TIP)
    return item
