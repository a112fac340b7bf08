"""SettingsDialog: library location, model file (checked as it is chosen), threads, context size, theme."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QWidget)

from desktop.error_dialog import show_error
from desktop.settings import Settings
from desktop.theme import THEMES
from summarize.errors import ModelUnavailable
from summarize.gguf import GgufInfo, read_gguf


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumWidth(760)
        self._initial = settings
        self.model_info: GgufInfo | None = None
        self.library = QLineEdit(settings.library, self)
        self.library.setPlaceholderText(f"default: {Settings().library_dir()}")
        self.model = QLineEdit(settings.model_path, self)
        self.model.setPlaceholderText("none: summaries pick the article's own sentences")
        self.model.editingFinished.connect(self.check_model)
        self.model_about = QLabel("", self)
        self.model_about.setObjectName("modelAbout")
        self.model_about.setWordWrap(True)
        self.threads = _spin(1, 64, settings.threads, 1, self)
        self.context = _spin(512, 131072, settings.context_size, 512, self)
        self.context.setSuffix(" tokens")
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem({"system": "Follow the system", "light": "Light", "dark": "Dark"}[theme], theme)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self._layout()
        if settings.model_path:
            self.check_model()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow("Library folder", _with_button(self.library, "Choose…", self._on_library_browse, self))
        form.addRow("Model file (GGUF)", _with_button(self.model, "Choose…", self._on_model_browse, self))
        form.addRow("", self.model_about)
        form.addRow("Model threads", self.threads)
        form.addRow("Context size", self.context)
        form.addRow("Theme", self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> Settings:
        return replace(self._initial, library=self.library.text().strip(), model_path=self.model.text().strip(),
                       threads=self.threads.value(), context_size=self.context.value(),
                       theme=str(self.theme.currentData()))

    def choose_model_file(self, path: str) -> bool:
        self.model.setText(path)
        return self.check_model()

    def check_model(self) -> bool:
        """Read the chosen file's GGUF header; say what it is, or why it cannot be used."""
        text = self.model.text().strip()
        self.model_info = None
        if not text:
            self.model_about.setText("")
            return True
        try:
            self.model_info = read_gguf(Path(text))
        except ModelUnavailable as error:
            self.model_about.setText(f"⚠ {error}")
            self.adjustSize()
            show_error(self, error, doing="Model check")
            return False
        info = self.model_info
        self.model_about.setText(f"✓ {info.describe()}")
        self.adjustSize()
        if self.context.value() > info.context_length:
            self.context.setValue(info.context_length)
        return True

    def _on_library_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Library folder", self.library.text())
        if folder:
            self.library.setText(folder)

    def _on_model_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Model file", self.model.text(), "GGUF models (*.gguf);;All files (*)")
        if path:
            self.choose_model_file(path)


def _spin(low: int, high: int, value: int, step: int, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setValue(value)
    return box


def _with_button(field: QLineEdit, label: str, slot: object, parent: QWidget) -> QWidget:
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    button = QPushButton(label, holder)
    button.clicked.connect(slot)
    row.addWidget(button)
    return holder
