"""SearchBar: the search field (debounced search as you type), its help and its notes."""

from __future__ import annotations

from importlib import resources

import markdown
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QToolButton, QVBoxLayout, QWidget

DEBOUNCE_MS = 250


def query_help_html() -> str:
    """The query-language help (Markdown in resources/help) as HTML."""
    text = resources.files("resources").joinpath("help/query_language.md").read_text(encoding="utf-8")
    return str(markdown.markdown(text, extensions=["tables"]))


class SearchBar(QWidget):
    """Emits ``query_changed`` a moment after typing stops (at once on Enter); "" means no search."""

    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText("Search the library  (Ctrl+K)   e.g.  Fähre Kiel   \"exakte Wendung\"   date:2025")
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setToolTip("How to search: the query language")
        self.help_button.clicked.connect(self._on_help_clicked)
        self.note = QLabel(self)
        self.note.setObjectName("searchNote")
        self.note.setWordWrap(True)
        self.note.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.help_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.note)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._on_timer_timeout)
        self.field.textChanged.connect(self._on_text_changed)
        self.help: QTextBrowser | None = None
        self._sent = ""

    def text(self) -> str:
        return self.field.text().strip()

    def set_query(self, text: str) -> None:
        """Put a query in the field and search for it at once (an actor click, a facet)."""
        self.field.setText(text)
        self._on_timer_timeout()

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _on_text_changed(self, text: str) -> None:
        if not text:  # the clear button, or everything deleted
            self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        self._timer.stop()
        text = self.text()
        if text != self._sent:
            self._sent = text
            self.query_changed.emit(text)

    def _on_help_clicked(self) -> None:
        if self.help is None:
            self.help = QTextBrowser(self)
            self.help.setWindowFlag(Qt.WindowType.Window)  # its own window, closed with the main window
            self.help.setObjectName("queryHelp")
            self.help.setWindowTitle("How to search")
            self.help.setOpenLinks(False)
            self.help.setHtml(query_help_html())
            self.help.resize(720, 520)
        self.help.show()
        self.help.raise_()
