"""ListActions: what the reading lists do in the window — the sidebar panel, the list pane, the "add to list"
and "mark as" menus of the library, the search results and related coverage, and summarising a whole list.

Changes to lists are small writes made at once on the window's library connection; summarising a list is one
job on the model lane (``Summaries.run_many``: cached summaries at once, the model loaded once), with progress
per article and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from articles.errors import LesesaalError
from desktop.error_dialog import show_error
from desktop.summaries import ManySummaryRun
from desktop.tasks import Task
from library import reading_lists as rl
from library.reading_state import IN_PROGRESS, READ, UNREAD

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from summarize.batch import BatchStep

_STATE_LABELS = ((READ, "&Read"), (IN_PROGRESS, "In &progress"), (UNREAD, "&Unread"))


@dataclass(frozen=True)
class ListSummaryReport:
    """How summarising a list went: articles done of all, how many came from the cache, which failed."""

    name: str
    total: int
    done: int = 0
    cached: int = 0
    failed: tuple[int, ...] = ()
    cancelled: bool = False


class ListActions(QObject):
    list_shown = Signal(str)
    summary_step = Signal(object)  # a summarize BatchStep, after it is shown
    list_summarised = Signal(object)  # ListSummaryReport, when the job has ended (finished or cancelled)

    def __init__(self, window: MainWindow, many_run: ManySummaryRun) -> None:
        super().__init__(window)
        self._window, self._many_run = window, many_run
        self.panel, self.pane = window.lists_panel, window.list_pane
        self._task: Task | None = None
        self.report: ListSummaryReport | None = None
        #: Shows a context menu and waits for the choice (tests put a recorder here).
        self.show_menu: Callable[[QMenu, QPoint], object] = lambda menu, where: menu.exec(where)
        self.panel.list_chosen.connect(self.show_list)
        self.panel.create_requested.connect(lambda: self.add_to_new_list([]))
        self.panel.rename_requested.connect(self._on_rename_requested)
        self.panel.delete_requested.connect(self._on_delete_requested)
        self.pane.article_chosen.connect(window.open_article)
        self.pane.move_requested.connect(self._on_move_requested)
        self.pane.remove_requested.connect(self._on_remove_requested)
        self.pane.state_requested.connect(self.set_state)
        self.pane.summarise_requested.connect(self.summarise)
        self.pane.cancel_requested.connect(self.cancel_summaries)
        window.article_opened.connect(lambda _id: self.refresh())
        window.library_pane.menu_requested.connect(lambda ids, where: self.pop_up_menu(ids, window.library_pane, where))
        window.results.menu_requested.connect(lambda ids, where: self.pop_up_menu(ids, window.results, where))
        self.pane.export_requested.connect(lambda: window.exports.open_dialog(chosen_list=self.pane.name))
        self.refresh()

    # Showing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The sidebar's lists, and the list shown (if one is), as the library has them now."""
        shown = self.pane.name if self._window.stack.currentWidget() is self.pane else None
        self.panel.show_lists(rl.reading_lists(self._window.library), shown)
        if shown:
            self._show(shown)

    def show_list(self, name: str) -> None:
        if self._attempt(lambda: self._show(name), "Showing the reading list"):
            self._window.stack.setCurrentWidget(self.pane)
            self.panel.show_lists(rl.reading_lists(self._window.library), self.pane.name)  # chosen in the sidebar
            self.list_shown.emit(name)

    def _show(self, name: str) -> None:
        library = self._window.library
        self.pane.show_list(rl.reading_list(library, name), rl.entries(library, name))

    # Adding, from menus ---------------------------------------------------------------------

    def article_menu(self, ids: Sequence[int], parent: QWidget) -> QMenu:
        """The menu for articles chosen in a list or search result: add to a reading list, mark as."""
        menu = QMenu(parent)
        adding = menu.addMenu("Add to &reading list")
        for name in self.panel.names():
            adding.addAction(name, partial(self.add, name, ids))
        adding.addSeparator()
        adding.addAction("&New list…", lambda: self.add_to_new_list(ids))
        marking = menu.addMenu("&Mark as")
        for state, label in _STATE_LABELS:
            marking.addAction(label, partial(self.set_state, ids, state))
        return menu

    def pop_up_menu(self, ids: Sequence[int], parent: QWidget, where: QPoint) -> None:
        if ids:
            self.show_menu(self.article_menu(list(ids), parent), where)

    def add(self, name: str, ids: Sequence[int]) -> None:
        added: list[int] = []
        if self._attempt(lambda: added.extend(rl.add_to_list(self._window.library, name, ids)), "Adding to the list"):
            already = len(ids) - len(added)
            note = f" ({already} {'was' if already == 1 else 'were'} on it already)" if already else ""
            self._window.statusBar().showMessage(f"Added {len(added)} to «{name}»{note}.", 6000)
            self.refresh()

    def add_to_new_list(self, ids: Sequence[int]) -> None:
        name, accepted = QInputDialog.getText(self._window, "New reading list", "Name of the new list:")
        if accepted and self._attempt(lambda: rl.create_list(self._window.library, name), "Making the list"):
            created = " ".join(name.split())
            if ids:
                self.add(created, ids)
            self.refresh()
            self.show_list(created)

    def add_current(self) -> None:
        """Article → Add to reading list…: the open article, through the same menu."""
        view = self._window.reader.view
        if view is None:
            self._window.statusBar().showMessage("Open an article first.", 4000)
            return
        reader = self._window.reader
        self.pop_up_menu([view.article.id], reader, reader.mapToGlobal(reader.rect().center()))

    # Changing ------------------------------------------------------------------------------

    def set_state(self, ids: Sequence[int], state: str) -> None:
        if self._attempt(lambda: self._window.model.set_reading_state(ids, state), "Marking the articles"):
            self.refresh()

    def _on_move_requested(self, article_id: int, position: int) -> None:
        name = self.pane.name
        if self._attempt(lambda: rl.move_in_list(self._window.library, name, article_id, position), "Moving"):
            self._show(name)
            self.pane.select([article_id])

    def _on_remove_requested(self, ids: list[int]) -> None:
        name = self.pane.name
        if self._attempt(lambda: rl.remove_from_list(self._window.library, name, ids), "Removing from the list"):
            self.refresh()

    def _on_rename_requested(self, name: str) -> None:
        new, accepted = QInputDialog.getText(self._window, "Rename reading list", f"New name for «{name}»:", text=name)
        renamed: list[rl.ReadingList] = []
        if accepted and self._attempt(lambda: renamed.append(rl.rename_list(self._window.library, name, new)),
                                      "Renaming the list"):
            if self.pane.name == name:
                self.pane.name = renamed[0].name
            self.refresh()

    def _on_delete_requested(self, name: str) -> None:
        answer = QMessageBox.question(self._window, "Delete reading list",
                                      f"Delete the reading list «{name}»? Its articles stay in the library.")
        if answer == QMessageBox.StandardButton.Yes and self._attempt(
                lambda: rl.delete_list(self._window.library, name), "Deleting the list"):
            if self._window.stack.currentWidget() is self.pane and self.pane.name == name:
                self._window.stack.setCurrentWidget(self._window.library_pane)
            self.refresh()

    def _attempt(self, change: Callable[[], object], doing: str) -> bool:
        """Run a change; an expected failure is shown to the user (and nothing changed)."""
        try:
            change()
        except LesesaalError as error:
            show_error(self._window, error, doing=doing)
            return False
        return True

    # Summarising a list ---------------------------------------------------------------------

    def summarise(self) -> None:
        if self.running():
            return
        name, ids = self.pane.name, self.pane.article_ids()
        choice = self._window.summary.current_choice()
        run = self._many_run
        self.report = ListSummaryReport(name, len(ids))
        self.pane.set_summarising(True, f"Summarising «{name}»: 0 of {len(ids)} …")
        self._task = self._window.runner.run(
            "summarise list", lambda token: run(ids, choice, token), lane="model", progressed=self._on_step,
            finished=self._on_summaries_ended, failed=self._on_summaries_failed)

    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def cancel_summaries(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.pane.set_summarising(True, "Cancelling after the article being summarised …")

    def _on_step(self, step: BatchStep) -> None:
        report = self.report
        if report is None:
            return
        cached = step.summary is not None and step.summary.cached
        self.report = replace(report, done=step.done, cached=report.cached + cached,
                              failed=report.failed + ((step.article_id,) if step.summary is None else ()))
        if self.pane.name == report.name:
            text = "failed" if step.summary is None else ("✓ cached" if cached else f"✓ {step.summary.method}")
            self.pane.mark_summary(step.article_id, text, step.error)
            self.pane.set_summarising(True, f"Summarising «{report.name}»: {step.done} of {step.total} …")
        self.summary_step.emit(step)

    def _on_summaries_ended(self, _result: object) -> None:
        task, self._task = self._task, None
        report = self.report
        if report is None:
            return
        self.report = report = replace(report, cancelled=bool(task and task.cancelled))
        ended = "Cancelled" if report.cancelled else "Summarised"
        failed = f", {len(report.failed)} failed (hover for why)" if report.failed else ""
        self.pane.set_summarising(False, f"{ended}: {report.done - len(report.failed)} of {report.total} articles "
                                         f"of «{report.name}» ({report.cached} from the cache){failed}.")
        self.list_summarised.emit(report)

    def _on_summaries_failed(self, error: BaseException) -> None:
        self._task = None
        self.pane.set_summarising(False, "Summarising the list stopped.")
        show_error(self._window, error, doing="Summarising the list")
