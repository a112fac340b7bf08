"""ExportActions: File → Export… and a reading list's Export… — the dialog, then the export as a background job."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.error_dialog import show_error
from desktop.export_dialog import ExportDialog, ExportRequest
from desktop.export_source import ExportDone, export_to_files
from library.reading_lists import reading_lists

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class ExportActions(QObject):
    exported = Signal(object)  # ExportDone

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: ExportDialog | None = None
        self._folder: Path | None = None  # where the last export went: the next one starts there

    def open_dialog(self, chosen_list: str | None = None) -> ExportDialog:
        window = self._window
        view = window.reader.view
        dialog = ExportDialog(view.article.id if view is not None else None, window.library_pane.selected_ids(),
                              [found.name for found in reading_lists(window.library)], chosen_list=chosen_list, folder=self._folder, parent=window)
        dialog.export_requested.connect(self.start)
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, request: ExportRequest) -> None:
        window = self._window
        self._folder = request.target if request.export_format == "md" and not request.target.suffix \
            else request.target.parent
        window.statusBar().showMessage("Exporting …")
        window.runner.run(
            "export", lambda _token: export_to_files(window.library_dir, request.export_format, request.ids,
                                                     request.list_name, request.target),
            finished=self._on_finished, failed=self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self._window.statusBar().showMessage("Export failed.", 10000)
        show_error(self._window, error, doing="Export")

    def _on_finished(self, done: ExportDone) -> None:
        where = done.files[0] if len(done.files) == 1 else (done.files[0].parent if done.files else "")
        articles = "1 article" if done.articles == 1 else f"{done.articles} articles"
        self._window.statusBar().showMessage(f"Exported {articles} to {where}.", 10000)
        self.exported.emit(done)
