"""OpenHandler: opens what the operating system hands the app (arguments, a forwarded start, a macOS open event).

Files and folders are imported (one import at a time: a request that comes while another import runs waits for
it) and the first article of each import is opened; a ``lesesaal://article/<id>#p<n>`` link opens that article
and flashes the paragraph, as a key point's click in the summary does. A bad link or an unknown article goes to
the error dialog. Each request raises the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent

from desktop.error_dialog import show_error
from desktop.open_request import SCHEME, ArticleLink, BadLink, missing_paragraph, parse_link, split_arguments
from library.importer import ImportOutcome

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class OpenHandler(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._waiting: list[list[Path]] = []  # imports asked for, not started yet
        self._importing = False  # one of ours is running
        self._link: ArticleLink | None = None  # to flash once its article is shown
        window.import_finished.connect(self._on_import_finished)
        window.article_opened.connect(self._on_article_opened)

    def open(self, arguments: Sequence[str]) -> None:
        """Import the files and open the links in ``arguments`` (absolute paths and ``lesesaal:`` links)."""
        paths, links = split_arguments(arguments)
        if paths:
            self._waiting.append(paths)
            self._start_waiting_import()
        for text in links:
            try:
                self._open_link(parse_link(text))
            except BadLink as error:
                show_error(self.window, error, doing="Opening the link")
        self.raise_window()

    def raise_window(self) -> None:
        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """macOS hands files and URLs to a running app as QFileOpenEvent (install on the QApplication)."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            self.open([url.toString() if url.scheme().lower() == SCHEME else event.file()])
            return True
        return super().eventFilter(watched, event)

    def _open_link(self, link: ArticleLink) -> None:
        self._link = link if link.paragraph is not None else None
        self.window.open_article(link.article_id)

    def _start_waiting_import(self) -> None:
        if self._importing and not self.window.importing:
            self._importing = False  # ours failed (the error dialog said why): no import_finished comes
        if self._importing or not self._waiting or self.window.importing:
            return  # the running import ends first; its import_finished starts this one
        self._importing = True
        self.window.start_import(self._waiting.pop(0))

    def _on_import_finished(self, outcomes: list[ImportOutcome]) -> None:
        if self._importing:
            self._importing = False
            first = next((o.article_id for o in outcomes if o.article_id is not None), None)
            if first is not None:
                self.window.open_article(first)
        self._start_waiting_import()

    def _on_article_opened(self, article_id: int) -> None:
        link, self._link = self._link, None
        view = self.window.reader.view
        if link is None or link.article_id != article_id or view is None or link.paragraph is None:
            return
        error = missing_paragraph(link, [p.index for p in view.article.paragraphs])
        if error is not None:
            show_error(self.window, error, doing="Opening the link")
        else:
            self.window.reader.flash((link.paragraph,))
