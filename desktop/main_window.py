"""MainWindow: facets, the library list or search results, the reading pane and the summary panel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop import jobs
from desktop.error_dialog import show_error
from desktop.analysis_refresh import AnalysisRefresh
from desktop.app_icon import app_icon
from desktop.annotation_controller import AnnotationController
from desktop.annotation_panel import AnnotationPanel
from desktop.export_actions import ExportActions
from desktop.facets_panel import FacetsPanel
from desktop.import_dialog import ImportDialog
from desktop.layer_toolbar import LayerToolBar
from desktop.library_model import LibraryTableModel
from desktop.library_pane import LibraryPane
from desktop.list_actions import ListActions
from desktop.reader_html import ReaderView, query_terms
from desktop.reader_pane import ReaderPane
from desktop.reading_list_pane import ReadingListPane
from desktop.reading_lists_panel import ReadingListsPanel
from desktop.search_bar import SearchBar
from desktop.search_results import SearchResultsPane
from desktop.settings import Settings, save_settings
from desktop.summaries import ManySummaryRun, Summaries, SummaryRun
from desktop.summary_panel import SummaryPanel
from desktop.tasks import Task, TaskRunner
from desktop.theme import apply_theme, colours_for
from desktop.window_actions import WindowActions
from library import backups
from library.importer import ImportOutcome
from library.listing import ListQuery
from library.store import Library
from search.searching import SearchResults

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    article_opened = Signal(int)
    search_finished = Signal(object)  # SearchResults
    import_finished = Signal(object)  # list[ImportOutcome]
    index_ready = Signal()
    actors_counted = Signal()  # the library-wide actor facet is counted anew
    facets_counted = Signal()  # the sidebar shows the counts of the search's matches (after its hits)

    def __init__(self, settings: Settings, store: QSettings, *,
                 summary_run: SummaryRun | None = None, many_summary_run: ManySummaryRun | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Lesesaal")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.settings, self._store = settings, store
        self.library_dir = settings.library_dir()
        self.library = Library.open(self.library_dir)
        self.runner = TaskRunner(self)
        self._shut = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)
        self.slot = jobs.IndexSlot()
        self.summaries = Summaries(self.library_dir)
        self._build(summary_run or self.summaries.run)
        self.annotations = AnnotationController(self, self.annotation_panel)
        self.exports = ExportActions(self)
        self.list_actions = ListActions(self, many_summary_run or self.summaries.run_many)
        self.actions_ = WindowActions(self)
        self._search_seq = self._open_seq = 0
        self._search_tasks: list[Task] = []
        self._pending_query = ""
        self._query = ""
        self.import_dialog: ImportDialog | None = None
        self._import_task: Task | None = None
        self._library_actors = jobs.ActorFacet()
        self._refresh_facets()
        # First in the writer lane: an import started at once (the samples on a first start) waits for it.
        self.runner.run("open index", lambda token: jobs.open_index(self.library_dir, self.slot, token),
                        lane="writer", finished=self._on_index_opened, failed=self._on_index_failed)
        self.analysis_refresh = AnalysisRefresh(self)
        self.refresh_actors()
        self.runner.run("daily backup", lambda _token: backups.daily_backup(self.library_dir),
                        failed=self._on_backup_failed)

    def _build(self, summary_run: SummaryRun) -> None:
        self.facets = FacetsPanel(self)
        self.lists_panel = ReadingListsPanel(self)
        self.list_pane = ReadingListPane(self)
        self.search_bar = SearchBar(self)
        self.model = LibraryTableModel(self.library)
        self.model.loader = self._load_ids  # after the first, immediate query: later ones off the GUI thread
        self.library_pane = LibraryPane(self.model, self)
        self.results = SearchResultsPane(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.library_pane)
        self.stack.addWidget(self.results)
        self.stack.addWidget(self.list_pane)
        self.reader = ReaderPane(self)
        self.summary = SummaryPanel(self.runner, summary_run, self)
        self.layer_bar = LayerToolBar(colours_for(self.palette()), self)
        self.addToolBar(self.layer_bar)
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(self.search_bar)
        column.addWidget(self.stack, 1)
        self.annotation_panel = AnnotationPanel(self)
        reading = QSplitter(Qt.Orientation.Horizontal, self)
        reading.addWidget(self.reader)
        reading.addWidget(self.annotation_panel)
        reading.setSizes([690, 220])
        reading.setStretchFactor(0, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(reading)
        right.addWidget(self.summary)
        right.setSizes([640, 220])
        sidebar = QSplitter(Qt.Orientation.Vertical, self)
        sidebar.addWidget(self.facets)
        sidebar.addWidget(self.lists_panel)
        sidebar.setSizes([560, 240])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (sidebar, middle, right):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([230, 520, 690])
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().showMessage("Preparing the search index …")
        self._connect()

    def _connect(self) -> None:
        self.library_pane.article_selected.connect(self.open_article)
        self.results.article_chosen.connect(self.open_article)
        self.reader.article_requested.connect(self.open_article)
        self.reader.related_requested.connect(self._on_related_requested)
        self.reader.actor_clicked.connect(self._on_actor_clicked)
        self.search_bar.query_changed.connect(self._on_query_changed)
        self.facets.facet_chosen.connect(self._on_facet_chosen)
        self.layer_bar.layers_changed.connect(self.reader.set_layers)
        self.summary.paragraphs_cited.connect(self.reader.flash)
        self.model.modelReset.connect(self._show_count)

    def _load_ids(self, query: ListQuery, done: Callable[[list[int]], None]) -> None:
        self.runner.run("list", lambda _token: jobs.list_ids(self.library_dir, query), finished=done,
                        failed=lambda error: show_error(self, error, doing="Listing the library"))

    # Articles -------------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self._open_seq += 1
        seq, terms = self._open_seq, query_terms(self._query)
        self.runner.run("open article", lambda _token: jobs.load_view(self.library_dir, article_id, terms),
                        finished=lambda view: self._on_view_loaded(seq, view),
                        failed=lambda error: show_error(self, error, doing="Opening the article"))

    def _on_view_loaded(self, seq: int, view: ReaderView) -> None:
        if seq != self._open_seq:
            return  # another article was asked for meanwhile
        self.reader.show_article(view)
        self.annotations.show_article()
        self.summary.set_article(view.article)
        self.model.mark_read(view.article.id)
        self.setWindowTitle(f"{view.article.metadata.title} – Lesesaal")
        self.article_opened.emit(view.article.id)

    def step_article(self, step: int) -> None:
        """Open the next (``1``) or previous (``-1``) article of the list that is showing."""
        if self.stack.currentWidget() in (self.results, self.list_pane):
            ids = self.results.hit_ids if self.stack.currentWidget() is self.results else self.list_pane.article_ids()
            current = self.reader.view.article.id if self.reader.view else None
            position = ids.index(current) + step if current in ids else 0
            if 0 <= position < len(ids):
                self.open_article(ids[position])
            return
        self.library_pane.select_row(max(0, self.library_pane.current_row() + step))

    # Search ---------------------------------------------------------------------------------

    def _on_query_changed(self, text: str) -> None:
        self._query = text
        self._cancel_searches()
        if not text:
            self.stack.setCurrentWidget(self.library_pane)
            self.search_bar.show_note("")
            self._refresh_facets()
            return
        self.stack.setCurrentWidget(self.results)
        if self.slot.index is None:
            self._pending_query = text
            self.results.show_message("Preparing the search index …")
            return
        self._start_search(text)

    def _start_search(self, text: str) -> None:
        """Only the newest query runs to completion: earlier ones still waiting are cancelled, and results that
        arrive for them anyway are dropped. The hits come first; the sidebar's counts follow in a second job."""
        seq = self._search_seq
        self._search_tasks = [self.runner.run(
            "search", lambda token: jobs.run_search(self.library_dir, self.slot, text, token),
            finished=lambda results: self._on_search_done(seq, results),
            failed=lambda error: show_error(self, error, doing="Search"))]

    def _cancel_searches(self) -> None:
        for task in self._search_tasks:
            task.cancel()
        self._search_tasks = []
        self._search_seq += 1

    def _on_search_done(self, seq: int, results: SearchResults | None) -> None:
        if seq != self._search_seq or results is None:
            return  # typing went on: a newer search is under way
        story = "story" if results.total == 1 else "stories"
        shown = f" (the best {len(results.hits)})" if results.total > len(results.hits) else ""
        self.results.show_hits(f"{results.total:,} {story} for «{results.query}»{shown}", results.hits)
        ignored = "; ".join(results.ignored)
        self.search_bar.show_note(f"Searched as plain words, ignoring: {ignored}" if ignored else "")
        self.search_finished.emit(results)
        text, total = results.query, results.total
        self._search_tasks.append(self.runner.run(
            "facets", lambda token: jobs.search_facets(self.library_dir, self.slot, text, total, token),
            finished=lambda found: self._on_facets_counted(seq, found),
            failed=lambda error: show_error(self, error, doing="Counting the matches")))

    def _on_facets_counted(self, seq: int, found: jobs.FoundFacets | None) -> None:
        if seq != self._search_seq or found is None:
            return
        self.facets.show_counts(found.facets, found.total, title="All matches", actors=found.actors)
        self.facets_counted.emit()

    def _on_related_requested(self, article_id: int) -> None:
        self._cancel_searches()  # a search still under way would replace the related stories when it ends
        self.runner.run("related", lambda _token: jobs.run_related(self.library_dir, self.slot, article_id),
                        finished=self._on_related_found, failed=lambda e: show_error(self, e, doing="Related coverage"))

    def _on_related_found(self, found: tuple[str, list[object]]) -> None:
        title, hits = found
        self.stack.setCurrentWidget(self.results)
        heading = f"Other coverage of «{title}»" if hits else f"No other coverage of «{title}» in the library."
        self.results.show_hits(heading, hits)  # type: ignore[arg-type]

    def _on_actor_clicked(self, actor: str) -> None:
        self.search_bar.set_query(f"actor:{actor}")

    def _on_facet_chosen(self, kind: str, value: str) -> None:
        if kind == "actor" or self._query:
            addition = {"year": f"date:{value}", "actor": f"actor:{value}"}.get(kind, f'source:"{value}"')
            self.search_bar.set_query(f"{self._query} {addition}".strip() if value else self._query)
        else:
            self.stack.setCurrentWidget(self.library_pane)
            self.library_pane.set_facet(kind, value)
            self._show_count()

    def _refresh_facets(self) -> None:
        self.facets.show_counts(self.library.list_facets(self.model.query), self.library.list_count(
            replace(self.model.query, source="", year="")), actors=self._library_actors)
        self._show_count()

    def refresh_actors(self) -> None:
        """Library-wide actor counts, counted on a worker (a grouping over every article's actors)."""
        self.runner.run("actors", lambda _token: jobs.library_actors(self.library_dir),
                        finished=self._on_library_actors, failed=lambda e: show_error(self, e, doing="Counting actors"))

    def _on_library_actors(self, actors: jobs.ActorFacet) -> None:
        self._library_actors = actors
        if not self._query:
            self.facets.show_actors(actors)
        self.actors_counted.emit()

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(f"{total:,} {'story' if total == 1 else 'stories'} in the library  ")

    def _on_index_opened(self, report: jobs.SyncReport) -> None:
        message = "Search is ready."
        if report.rebuilt_because:
            message = f"The search index was rebuilt because {report.rebuilt_because}."
        self.statusBar().showMessage(message, 6000)
        self.index_ready.emit()
        if self._pending_query and self._pending_query == self._query:
            self._on_query_changed(self._pending_query)

    def _on_backup_failed(self, error: BaseException) -> None:
        if not isinstance(error, backups.BackupFailed):
            show_error(self, error, doing="Today's automatic backup")
            return
        self.statusBar().showMessage(f"Today's automatic backup was not made: {error}", 12000)

    def _on_index_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage("Search is unavailable.")
        show_error(self, error, doing="Opening the search index")

    # Import ---------------------------------------------------------------------------------

    @property
    def importing(self) -> bool:
        return self._import_task is not None

    def start_import(self, paths: Sequence[Path]) -> None:
        if self._import_task is not None:
            self.statusBar().showMessage("An import is already running; drop the files again when it ends.", 6000)
            return
        dialog = ImportDialog(paths, self)
        self.import_dialog = dialog
        task = self.runner.run("import", lambda token: jobs.import_files(self.library_dir, self.slot, paths, token),
                               lane="writer", progressed=dialog.on_progress,
                               finished=self._on_import_finished, failed=self._on_import_failed)
        dialog.cancel_requested.connect(task.cancel)
        self._import_task = task
        dialog.show()

    def _on_import_finished(self, outcomes: list[ImportOutcome] | None) -> None:
        task, self._import_task = self._import_task, None
        if self.import_dialog is not None:
            self.import_dialog.show_report(outcomes or [], cancelled=bool(task and task.cancelled))
        self.model.refresh(then=lambda: self._after_import(outcomes or []))

    def _after_import(self, outcomes: list[ImportOutcome]) -> None:
        self._refresh_facets()
        self.refresh_actors()
        self.import_finished.emit(outcomes)

    def _on_import_failed(self, error: BaseException) -> None:
        self._import_task = None
        if self.import_dialog is not None:
            self.import_dialog.close()
        self.model.refresh()
        show_error(self, error, doing="Import")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # Settings and closing ------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        if settings.theme != self.settings.theme:
            apply_theme(QApplication.instance(), settings.theme)  # type: ignore[arg-type]
            self.layer_bar.set_colours(colours_for(self.palette()))
        if _model_key(settings) != _model_key(self.settings):  # freed on the model lane, after any running summary
            self.runner.run("close model", lambda _token: self.summaries.close(), lane="model")
        self.settings = settings
        save_settings(self._store, settings)
        self.actions_.offer_model()
        if settings.library_dir() != self.library_dir:
            self.statusBar().showMessage("The new library folder is used from the next start.", 8000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.hide()  # gone at once; what a job still has to finish (a commit) happens behind it
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """End every background job, then free the model, the index and the library (again: nothing).
        Also run when the application quits without the window being closed first."""
        if self._shut:
            return
        self._shut = True
        self.runner.shutdown()
        self.summaries.close()
        self.slot.close()
        self.library.close()


def _model_key(settings: Settings) -> tuple[str, int, int]:
    return settings.model_path, settings.threads, settings.context_size
