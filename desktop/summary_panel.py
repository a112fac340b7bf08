"""SummaryPanel: summarise the open article, watch it stream in, follow each point to its paragraphs."""

from __future__ import annotations

import html
from pathlib import Path

import markdown
from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.error_dialog import show_error
from desktop.summaries import EXTRACTIVE, LLM, Point, Progress, Summary, SummaryChoice, SummaryRequest, SummaryRun
from desktop.tasks import Task, TaskRunner
from desktop.theme import colours_for
from library.records import StoredArticle


class SummaryPanel(QWidget):
    paragraphs_cited = Signal(object)  # tuple of Paragraph.index
    event_received = Signal(object)  # a Progress or the Summary, after it is shown
    summary_finished = Signal(object)  # the Summary
    summary_cancelled = Signal()

    def __init__(self, runner: TaskRunner, run: SummaryRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self._runner, self._run = runner, run
        self._choices: dict[str, SummaryChoice] = {EXTRACTIVE: SummaryChoice()}
        self._request: SummaryRequest | None = None
        self._task: Task | None = None
        self._streamed = ""
        self.summary: Summary | None = None
        self.points: list[Point] = []
        self.summarise_button = QPushButton("Summarise", self)
        self.summarise_button.setToolTip("Summarise the open article (Ctrl+Shift+S)")
        self.summarise_button.clicked.connect(self.summarise)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop the summary (Esc)")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.method = QComboBox(self)
        self.method.setToolTip("Summarise with a language model, or by picking the article's own sentences")
        self.status = QLabel("Open an article, then summarise it.", self)
        self.status.setWordWrap(True)
        self.output = QTextBrowser(self)
        self.output.setPlaceholderText("The summary shows here; each point links to the paragraphs it rests on.")
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

    # Choices --------------------------------------------------------------------------------

    def set_model(self, choice: SummaryChoice | None, name: str = "", *, prefer_model: bool = False) -> None:
        """Offer a model (or none) beside extractive summaries."""
        self.method.clear()
        self.method.addItem("Extractive (the article's own sentences)", EXTRACTIVE)
        self._choices = {EXTRACTIVE: SummaryChoice()}
        if choice is not None:
            self._choices[LLM] = choice
            self.method.addItem(f"Model: {name or choice.model_path}", LLM)
            if prefer_model:
                self.method.setCurrentIndex(1)

    def choose(self, method: str) -> None:
        found = self.method.findData(method)
        if found >= 0:
            self.method.setCurrentIndex(found)

    def current_choice(self) -> SummaryChoice:
        """What summarising uses now: the model offered and chosen, else extractive."""
        return self._choices.get(str(self.method.currentData() or EXTRACTIVE), SummaryChoice())

    def set_article(self, article: StoredArticle) -> None:
        self.cancel()
        meta = article.metadata
        self._request = SummaryRequest(article.id, meta.title, meta.language, article.paragraphs)
        self._clear()
        self.status.setText(f"«{meta.title}»: press Summarise (Ctrl+Shift+S).")

    def _clear(self) -> None:
        self._streamed, self.points, self.summary = "", [], None
        self.output.clear()

    # Running ----------------------------------------------------------------------------------

    def summarise(self) -> None:
        if self._request is None:
            self.status.setText("Open an article first.")
            return
        self.cancel()
        choice = self.current_choice()
        request, run = self._request, self._run
        self._clear()
        self.status.setText(f"{self._method_label()} …")
        self.cancel_button.setEnabled(True)
        self._task = self._runner.run(
            "summary", lambda token: run(request, choice, token), lane="model",
            progressed=self._on_task_progressed, finished=self._on_task_finished, failed=self._on_task_failed)

    def cancel(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
            self._task = None
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelled; what had arrived is kept.")
            self.summary_cancelled.emit()

    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def _method_label(self) -> str:
        if self.method.currentData() == LLM:
            return f"Summary by the model {self.method.currentText().removeprefix('Model: ')}"
        return "Extractive summary (the article's own sentences)"

    def _on_task_progressed(self, event: Progress | Summary) -> None:
        if self._task is None or self._task.cancelled:
            return  # cancelled: later pieces are dropped
        if isinstance(event, Summary):
            self._show_summary(event)
        elif event.stage == "generating":
            self._streamed += event.text
            self.output.setHtml(str(markdown.markdown(html.escape(self._streamed))))
        elif event.stage == "checking":
            self.status.setText("Checking each point against the article …")
        self.event_received.emit(event)

    def _on_task_finished(self, _result: object) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task = None
        self.cancel_button.setEnabled(False)
        if self.summary is None:
            self.status.setText("The summary was stopped before it was finished.")
            return
        self.summary_finished.emit(self.summary)

    def _on_task_failed(self, error: BaseException) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self.status.setText("The summary failed.")
        show_error(self.window(), error, doing="Summary")

    def _show_summary(self, summary: Summary) -> None:
        self.summary = summary
        self.points = [*summary.overview, *summary.key_points]
        unverified = sum(1 for p in self.points if not p.verified)
        note = f"; {unverified} not verified" if unverified else ""
        cached = " (kept from an earlier run)" if summary.cached else ""
        self.status.setText(f"{summary_by(summary)}: {len(summary.key_points)} key points{note}{cached}.")
        colours = colours_for(self.palette())
        parts = [f'<p style="color:{colours.aside_label}">⚠ {html.escape(w)}</p>' for w in summary.warnings]
        if summary.overview:
            parts.append("<p><b>In short</b></p>")
            parts.append(" ".join(self._point(n, p) for n, p in enumerate(summary.overview)))
        if summary.key_points:
            parts.append("<p><b>Key points</b> (click one to see its paragraphs)</p>")
            offset = len(summary.overview)
            parts.extend(f"<p>{self._point(offset + n, p)}</p>" for n, p in enumerate(summary.key_points))
        self.output.setHtml("".join(f"<p>{part}</p>" if not part.startswith("<p") else part for part in parts))

    def _point(self, number: int, point: Point) -> str:
        colours = colours_for(self.palette())
        cited = ", ".join(f"¶{i + 1}" for i in point.paragraphs)
        warning = (f'<br><span style="color:{colours.aside_label}">⚠ Unverified: {html.escape(point.reason)}</span>'
                   if not point.verified else "")
        return (f'<a href="point:{number}" style="text-decoration:none; color:{colours.link}">'
                f'{html.escape(point.text)}</a> <span style="color:{colours.muted}">({cited})</span>{warning}')

    def _on_output_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "point" and value.isdigit() and int(value) < len(self.points):
            self.paragraphs_cited.emit(self.points[int(value)].paragraphs)


def summary_by(summary: Summary) -> str:
    """Who wrote the summary: the model by name and file, or the article's own sentences."""
    if summary.method == LLM and summary.model is not None:
        return f"Summary by the model {summary.model.name} ({Path(summary.model.file).name})"
    return "Extractive summary (the article's own sentences)"
