"""SummaryPanel: summarise the open article, watch it stream in, follow each key point to its paragraphs."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence

import markdown
from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from articles.model import Paragraph
from desktop.error_dialog import show_error
from desktop.summaries import EXTRACTIVE, MODEL, KeyPoint, Summarizer, SummaryChoice, SummaryChunk
from desktop.tasks import Task, TaskRunner
from desktop.theme import colours_for
from library.importer import CancelToken

SummarizerFactory = Callable[[SummaryChoice], Summarizer]


class SummaryPanel(QWidget):
    paragraphs_cited = Signal(object)  # tuple of Paragraph.index
    chunk_received = Signal(object)  # SummaryChunk, after it is shown
    summary_finished = Signal()
    summary_cancelled = Signal()

    def __init__(self, runner: TaskRunner, factory: SummarizerFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self._runner, self._factory = runner, factory
        self._choices: dict[str, SummaryChoice] = {EXTRACTIVE: SummaryChoice()}
        self._article: tuple[str, tuple[Paragraph, ...]] | None = None
        self._task: Task | None = None
        self._text = ""
        self.points: list[KeyPoint] = []
        self.summarise_button = QPushButton("Summarise", self)
        self.summarise_button.clicked.connect(self.summarise)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.method = QComboBox(self)
        self.method.setToolTip("Summarise with a language model or by picking the article's own sentences")
        self.status = QLabel("Open an article, then summarise it.", self)
        self.status.setWordWrap(True)
        self.output = QTextBrowser(self)
        self.output.setOpenLinks(False)
        self.output.anchorClicked.connect(self._on_output_anchor_clicked)
        self._layout()
        self.set_model(None)

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.summarise_button)
        row.addWidget(self.method, 1)
        row.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(row)
        column.addWidget(self.status)
        column.addWidget(self.output, 1)

    # Choices ------------------------------------------------------------------------------

    def set_model(self, choice: SummaryChoice | None, name: str = "", *, prefer_model: bool = False) -> None:
        """Offer a model (or none) beside extractive summaries."""
        self.method.clear()
        self.method.addItem("Extractive (the article's own sentences)", EXTRACTIVE)
        self._choices = {EXTRACTIVE: SummaryChoice()}
        if choice is not None:
            self._choices[MODEL] = choice
            self.method.addItem(f"Model: {name or choice.model_path}", MODEL)
            if prefer_model:
                self.method.setCurrentIndex(1)

    def choose(self, method: str) -> None:
        found = self.method.findData(method)
        if found >= 0:
            self.method.setCurrentIndex(found)

    def set_article(self, title: str, paragraphs: Sequence[Paragraph]) -> None:
        self.cancel()
        self._article = (title, tuple(paragraphs))
        self._text, self.points = "", []
        self.output.clear()
        self.status.setText(f"«{title}»: press Summarise (Ctrl+Shift+S).")

    # Running --------------------------------------------------------------------------------

    def summarise(self) -> None:
        if self._article is None:
            self.status.setText("Open an article first.")
            return
        self.cancel()
        method = str(self.method.currentData() or EXTRACTIVE)
        choice = self._choices.get(method, SummaryChoice())
        title, paragraphs = self._article
        self._text, self.points = "", []
        self.output.clear()
        self.status.setText(f"{self._method_label()} …")
        self.cancel_button.setEnabled(True)
        factory = self._factory
        self._task = self._runner.run(
            "summary", lambda token: _stream(factory, choice, title, paragraphs, token), lane="model",
            progressed=self._on_task_progressed, finished=self._on_task_finished, failed=self._on_task_failed)

    def cancel(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
            self._task = None
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelled; what had arrived is kept.")
            self.summary_cancelled.emit()

    def _method_label(self) -> str:
        if self.method.currentData() == MODEL:
            return f"Summary by the model {self.method.currentText().removeprefix('Model: ')}"
        return "Extractive summary (the article's own sentences)"

    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_task_progressed(self, chunk: SummaryChunk) -> None:
        if self._task is None or self._task.cancelled:
            return
        if chunk.point is not None:
            self.points.append(chunk.point)
        self._text += chunk.text
        self._show()
        self.chunk_received.emit(chunk)

    def _on_task_finished(self, _result: object) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task = None
        self.cancel_button.setEnabled(False)
        unverified = sum(1 for p in self.points if not p.verified)
        note = f"; {unverified} not verified" if unverified else ""
        self.status.setText(f"{self._method_label()}: {len(self.points)} key points{note}.")
        self.summary_finished.emit()

    def _on_task_failed(self, error: BaseException) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self.status.setText("The summary failed.")
        show_error(self.window(), error, doing="Summary")

    def _show(self) -> None:
        colours = colours_for(self.palette())
        if not self.points:  # text streams until the summariser hands over its key points
            self.output.setHtml(str(markdown.markdown(html.escape(self._text))))
            return
        parts = ["<p><b>Key points</b> (click one to see its paragraphs)</p>"]
        for number, point in enumerate(self.points):
            cited = ", ".join(f"¶{i + 1}" for i in point.paragraphs)
            warning = (f'<br><span style="color:{colours.aside_label}">⚠ Unverified: '
                       f"{html.escape(point.reason or 'its paragraphs do not support it')}</span>"
                       if not point.verified else "")
            parts.append(f'<p class="point"><a href="point:{number}" style="text-decoration:none; '
                         f'color:{colours.link}">{html.escape(point.text)}</a> '
                         f'<span style="color:{colours.muted}">({cited})</span>{warning}</p>')
        self.output.setHtml("".join(parts))

    def _on_output_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "point" and value.isdigit() and int(value) < len(self.points):
            self.paragraphs_cited.emit(self.points[int(value)].paragraphs)


def _stream(factory: SummarizerFactory, choice: SummaryChoice, title: str, paragraphs: tuple[Paragraph, ...],
            cancel: CancelToken) -> Iterator[SummaryChunk]:
    summarizer = factory(choice)
    try:
        yield from summarizer.summarize(title, paragraphs, cancel)
    finally:
        summarizer.close()
