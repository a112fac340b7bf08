"""AnalysisRefresh: stale analyses brought up to date in the background at start, with progress in the status bar.

Articles whose stored analysis is missing or was made by another analysis version (an older Lesesaal, another
user lexicon) are analysed again on the writer lane, after the search index is open, and re-indexed so that
``actor:`` searches and the actor facet know their actors. The window stays usable throughout; a closed window
cancels the job, and the next start goes on where it stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop import jobs
from desktop.error_dialog import show_error

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class AnalysisRefresh(QObject):
    progressed = Signal(int, int)  # done, total
    finished = Signal(int)  # how many articles were analysed again

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done: int | None = None  # how many were analysed again, once the job has ended
        self.label = QLabel(window)
        self.label.setObjectName("analysisProgress")
        self.label.hide()
        window.statusBar().addWidget(self.label)
        window.runner.run("refresh analyses", lambda token: jobs.refresh_analyses(window.library_dir, window.slot, token),
                          lane="writer", progressed=self._on_progressed, finished=self._on_finished,
                          failed=self._on_failed)

    def _on_progressed(self, step: tuple[int, int]) -> None:
        done, total = step
        self.label.setText(f"Analysing stored articles again: {done:,} of {total:,}")
        self.label.show()
        self.progressed.emit(done, total)

    def _on_finished(self, done: int) -> None:
        self.done = done
        self.label.hide()
        if done:
            self._window.statusBar().showMessage(
                f"Analysed {done:,} article{'s' if done != 1 else ''} again (quotes, actors, loaded wording).", 8000)
            self._window.refresh_actors()
        self.finished.emit(done)

    def _on_failed(self, error: BaseException) -> None:
        self.label.hide()
        show_error(self._window, error, doing="Analysing the library")
