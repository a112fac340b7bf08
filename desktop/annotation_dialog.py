"""AnnotationDialog: the colour, note and tags of a highlight, when it is made or edited."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from desktop.reader_html import Colours, highlight_colour
from library.annotations import COLOURS

_QUOTE_CHARS = 240


class AnnotationDialog(QDialog):
    def __init__(self, quote: str, colours: Colours, parent: QWidget | None = None, *, colour: str = "yellow",
                 note: str = "", tags: tuple[str, ...] = (), editing: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDialog")
        self.setWindowTitle("Edit annotation" if editing else "New annotation")
        shown = quote if len(quote) <= _QUOTE_CHARS else quote[:_QUOTE_CHARS] + " …"
        self.quote = QLabel(f"«{shown}»", self)
        self.quote.setWordWrap(True)
        self.colour = QComboBox(self)
        self.colour.setObjectName("annotationColour")
        for name in COLOURS:
            self.colour.addItem(colour_icon(highlight_colour(name, colours)), name.capitalize(), name)
        self.colour.setCurrentIndex(COLOURS.index(colour) if colour in COLOURS else 0)
        self.note = QPlainTextEdit(note, self)
        self.note.setObjectName("annotationNote")
        self.note.setPlaceholderText("Your note (optional)")
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setObjectName("annotationTags")
        self.tags.setPlaceholderText("Tags, separated by commas: Klausur, offene Frage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.quote)
        form.addRow("Colour", self.colour)
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        form.addRow(buttons)
        self.resize(460, 300)

    def chosen_colour(self) -> str:
        return str(self.colour.currentData())

    def chosen_note(self) -> str:
        return self.note.toPlainText().strip()

    def chosen_tags(self) -> list[str]:
        return [tag.strip() for tag in self.tags.text().split(",") if tag.strip()]


def colour_icon(colour: str) -> QIcon:
    """A small square of the colour, for menus and lists."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
