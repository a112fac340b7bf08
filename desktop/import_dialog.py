"""ImportDialog: progress of an import (counts, current file, cancel), then its report of failed files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from library.importer import FAILED, IMPORTED, UNCHANGED, UPDATED, ImportOutcome, ImportProgress


class ImportDialog(QDialog):
    """Shown while an import runs; turns into the report when it ends. Never blocks the window."""

    cancel_requested = Signal()

    def __init__(self, paths: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Importing articles")
        self.setMinimumWidth(560)
        self.counts = QLabel(f"Looking for articles in {_names(paths)} …", self)
        self.current = QLabel("", self)
        self.current.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.failures = QTableWidget(0, 2, self)
        self.failures.setHorizontalHeaderLabels(["File", "Why it was not imported"])
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.verticalHeader().hide()
        self.failures.hide()
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        for widget in (self.counts, self.current, self.bar, self.failures, self.buttons):
            layout.addWidget(widget)
        self.outcomes: list[ImportOutcome] = []

    def on_progress(self, step: ImportProgress) -> None:
        self.outcomes.append(step.outcome)
        self.bar.setRange(0, step.total)
        self.bar.setValue(step.done)
        failed = sum(1 for o in self.outcomes if o.status == FAILED)
        self.counts.setText(f"{step.done:,} of {step.total:,} files" + (f", {failed:,} failed" if failed else ""))
        self.current.setText(str(step.outcome.path))

    def show_report(self, outcomes: Sequence[ImportOutcome], *, cancelled: bool = False) -> None:
        """The end: what was imported, and every failed file with its reason."""
        self.outcomes = list(outcomes)
        self.setWindowTitle("Import cancelled" if cancelled else "Import finished")
        self.counts.setText(report_line(self.outcomes, cancelled=cancelled))
        self.current.setText("")
        self.bar.hide()
        failed = [o for o in self.outcomes if o.status == FAILED]
        self.failures.setRowCount(len(failed))
        for row, outcome in enumerate(failed):
            self.failures.setItem(row, 0, QTableWidgetItem(str(outcome.path)))
            self.failures.setItem(row, 1, QTableWidgetItem(outcome.message))
        self.failures.setVisible(bool(failed))
        self.failures.resizeColumnToContents(0)
        self.cancel_button.hide()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.adjustSize()

    def _on_cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.current.setText("Stopping after the current file …")
        self.cancel_requested.emit()


def report_line(outcomes: Sequence[ImportOutcome], *, cancelled: bool = False) -> str:
    def count(status: str) -> int:
        return sum(1 for o in outcomes if o.status == status)

    parts = [f"{count(IMPORTED):,} imported"]
    copies = sum(1 for o in outcomes if o.status == IMPORTED and o.duplicate_of is not None)
    if copies:
        parts[0] += (" (1 of them a copy of a story already there)" if copies == 1
                     else f" ({copies:,} of them copies of stories already there)")
    for status, label in ((UPDATED, "updated"), (UNCHANGED, "already in the library"), (FAILED, "failed")):
        if count(status):
            parts.append(f"{count(status):,} {label}")
    head = "Cancelled after the files below; everything finished is kept: " if cancelled else ""
    return head + ", ".join(parts) + "."


def _names(paths: Sequence[Path]) -> str:
    shown = ", ".join(p.name or str(p) for p in paths[:3])
    return shown + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
