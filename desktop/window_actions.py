"""The main window's menus, toolbar and keyboard shortcuts, and the small actions behind them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar

from articles import compiled_status
from desktop.settings import model_file
from desktop.settings_dialog import SettingsDialog
from desktop.summaries import LLM, SummaryChoice, model_backend_available
from summarize.errors import ModelUnavailable
from summarize.gguf import read_gguf

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

Keys = QKeySequence.StandardKey
#: Where a platform has no standard binding (Linux has none for these), the usual ones.
_FALLBACK_KEYS = {Keys.Preferences: "Ctrl+,", Keys.Quit: "Ctrl+Q"}


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.import_files = self._action("&Import files…", Keys.Open, self._on_import_files, "Import article files")
        self.import_folder = self._action("Import &folder…", "Ctrl+Shift+O", self._on_import_folder)
        self.export = self._action("&Export…", "Ctrl+Shift+E", lambda: w.exports.open_dialog(),
                                   "Export the open article, the chosen ones or a reading list")
        self.add_to_list = self._action("Add to &reading list…", "Ctrl+Shift+L", w.list_actions.add_current)
        self.settings = self._action("&Settings…", Keys.Preferences, self._on_settings)
        self.quit = self._action("&Quit", Keys.Quit, w.close)
        self.search = self._action("&Search", Keys.Find, w.search_bar.focus)
        self.search.setShortcuts([QKeySequence(Keys.Find), QKeySequence("Ctrl+K")])
        self.next = self._action("&Next article", "Alt+Down", lambda: w.step_article(1))
        self.previous = self._action("&Previous article", "Alt+Up", lambda: w.step_article(-1))
        self.zoom_in = self._action("Zoom &in", Keys.ZoomIn, lambda: w.reader.zoomIn(1))
        self.zoom_out = self._action("Zoom &out", Keys.ZoomOut, lambda: w.reader.zoomOut(1))
        self.summarise = self._action("S&ummarise", "Ctrl+Shift+S", w.summary.summarise, "Summarise the open article")
        self.cancel_summary = self._action("&Cancel summary", "Escape", w.summary.cancel)
        self.query_help = self._action("How to &search", Keys.HelpContents, w.search_bar.help_button.click)
        self.about = self._action("&About Lesesaal", None, self._on_about)
        self._menus()
        self._toolbar()
        self.offer_model()

    def _action(self, text: str, keys: Keys | str | None, slot: object, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, Keys) and not QKeySequence.keyBindings(keys):  # none on this platform
            keys = _FALLBACK_KEYS.get(keys)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.window.menuBar()
        groups: dict[str, list[QAction | None]] = {
            "&File": [self.import_files, self.import_folder, self.export, None, self.settings, None, self.quit],
            "&View": [self.search, self.next, self.previous, None, *self.window.layer_bar.actions_by_layer.values(),
                      None, self.zoom_in, self.zoom_out],
            "&Article": [self.summarise, self.cancel_summary, None, self.window.annotations.highlight,
                         self.window.annotations.annotate, None, self.add_to_list],
            "&Help": [self.query_help, self.about],
        }
        for title, actions in groups.items():
            menu = bar.addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _toolbar(self) -> None:
        toolbar = QToolBar("Main", self.window)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        for action in (self.import_files, self.import_folder, self.summarise, self.settings):
            toolbar.addAction(action)
        self.window.insertToolBar(self.window.layer_bar, toolbar)

    def offer_model(self) -> None:
        """Offer the configured model (or one in the models folder) beside extractive summaries."""
        settings = self.window.settings
        path = model_file(settings)
        if path is None:
            self.window.summary.set_model(None)
            return
        try:
            name = f"{read_gguf(path).name} ({path.name})"
        except ModelUnavailable as error:
            name = f"{path.name} (unusable: {error})"
        choice = SummaryChoice(LLM, str(path), settings.threads, settings.context_size)
        automatic = model_backend_available() and settings.summary_method == "auto"
        self.window.summary.set_model(choice, name, prefer_model=automatic or settings.summary_method == "model")

    def _on_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", str(Path.home()),
            "Articles (*.txt *.md *.markdown *.html *.htm *.epub);;All files (*)")
        if files:
            self.window.start_import([Path(f) for f in files])

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles", str(Path.home()))
        if folder:
            self.window.start_import([Path(folder)])

    def _on_settings(self) -> None:
        dialog = SettingsDialog(self.window.settings, self.window)
        dialog.accepted.connect(lambda: self.window.apply_settings(dialog.settings()))
        dialog.open()

    def _on_about(self) -> None:
        QMessageBox.about(self.window, "About Lesesaal",
                          "Lesesaal: an offline reading room for news articles. Nothing leaves this computer."
                          f"\n\nAnalysis: {compiled_status()}")
