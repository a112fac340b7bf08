"""ExportDialog: File → Export… — what (the open article, the articles chosen in the library, a reading list),
which format, and where. Markdown goes to a folder (one note per article); every other format to one file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from library.export.writing import EXTENSIONS

FORMAT_LABELS = (("md", "Markdown notes (Obsidian, Zettelkasten)"), ("csv", "Annotations as CSV (spreadsheets)"),
                 ("json", "Annotations as JSON"), ("csl-json", "References as CSL-JSON (Zotero, citeproc)"),
                 ("ris", "References as RIS (Zotero, Citavi, EndNote)"))


@dataclass(frozen=True)
class ExportRequest:
    export_format: str
    ids: tuple[int, ...]  # the articles, when no list is named
    list_name: str | None
    target: Path


class ExportDialog(QDialog):
    """Emits ``export_requested(ExportRequest)`` when accepted with something to export and a place for it."""

    export_requested = Signal(object)

    def __init__(self, current: int | None, selected: Sequence[int], lists: Sequence[str], *,
                 chosen_list: str | None = None, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self._current, self._selected = current, tuple(selected)
        self._folder = folder or Path.home()
        self.scope = QButtonGroup(self)
        self.current_choice = QRadioButton("The open article", self)
        self.selection_choice = QRadioButton(f"The articles chosen in the library ({len(self._selected)})", self)
        self.list_choice = QRadioButton("The reading list", self)
        self.lists = QComboBox(self)
        self.lists.addItems(list(lists))
        self.format = QComboBox(self)
        for key, label in FORMAT_LABELS:
            self.format.addItem(label, key)
        self.target = QLineEdit(self)
        self.target.setObjectName("exportTarget")
        self.browse = QPushButton("Choose…", self)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._choose_scope(chosen_list)
        for signal in (self.scope.buttonToggled, self.format.currentIndexChanged, self.lists.currentIndexChanged,
                       self.target.textChanged):
            signal.connect(self._enable)
        self.format.currentIndexChanged.connect(self._suggest_target)
        self._suggest_target()

    def _layout(self) -> None:
        for button in (self.current_choice, self.selection_choice, self.list_choice):
            self.scope.addButton(button)
        self.current_choice.setEnabled(self._current is not None)
        self.selection_choice.setEnabled(bool(self._selected))
        self.list_choice.setEnabled(self.lists.count() > 0)
        list_row, target_row = QHBoxLayout(), QHBoxLayout()
        list_row.addWidget(self.list_choice)
        list_row.addWidget(self.lists, 1)
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Save to", target_row)
        column = QVBoxLayout(self)
        for widget in (self.current_choice, self.selection_choice):
            column.addWidget(widget)
        column.addLayout(list_row)
        column.addLayout(form)
        column.addWidget(self.buttons)

    def _choose_scope(self, chosen_list: str | None) -> None:
        if chosen_list is not None and self.lists.findText(chosen_list) >= 0:
            self.lists.setCurrentIndex(self.lists.findText(chosen_list))
            self.list_choice.setChecked(True)
        elif len(self._selected) > 1:
            self.selection_choice.setChecked(True)
        elif self._current is not None:
            self.current_choice.setChecked(True)
        elif self.lists.count():
            self.list_choice.setChecked(True)
        self._enable()

    def choose_format(self, key: str) -> None:
        self.format.setCurrentIndex(max(0, self.format.findData(key)))

    def request(self) -> ExportRequest | None:
        """What would be exported now, or None when something is missing."""
        key, text = str(self.format.currentData()), self.target.text().strip()
        if not text:
            return None
        target = Path(text).expanduser()
        if self.list_choice.isChecked() and self.lists.currentText():
            return ExportRequest(key, (), self.lists.currentText(), target)
        if self.selection_choice.isChecked() and self._selected:
            return ExportRequest(key, self._selected, None, target)
        if self.current_choice.isChecked() and self._current is not None:
            return ExportRequest(key, (self._current,), None, target)
        return None

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.request() is not None)

    def _suggest_target(self) -> None:
        key = str(self.format.currentData())
        name = "Lesesaal-Notizen" if key == "md" else f"lesesaal-export.{EXTENSIONS[key]}"
        current = Path(self.target.text()).parent if self.target.text() else self._folder
        self.target.setText(str(current / name))

    def _on_browse_clicked(self) -> None:
        key = str(self.format.currentData())
        if key == "md":
            chosen = QFileDialog.getExistingDirectory(self, "Folder for the notes", self.target.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.target.text())
        if chosen:
            self.target.setText(chosen)

    def _on_accepted(self) -> None:
        found = self.request()
        if found is not None:
            self.export_requested.emit(found)
            self.accept()
