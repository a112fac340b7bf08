"""Reading lists in the window: made and filled from the library, search results and related coverage; shown in
order with progress; reordered; states toggled (and seen in the library table); summarised as one job."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QContextMenuEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox  # noqa: E402

from desktop.summaries import Cancel, SummaryChoice  # noqa: E402
from library import reading_lists as rl  # noqa: E402
from summarize.batch import BatchStep  # noqa: E402
from tests.desktop.conftest import type_into  # noqa: E402


def _action(menu: QMenu, *path: str) -> Any:
    """The action reached through submenus by their texts (ampersands ignored)."""
    for number, text in enumerate(path):
        found = next(a for a in menu.actions() if a.text().replace("&", "") == text)
        if number == len(path) - 1:
            return found
        menu = found.menu()
    raise AssertionError(path)


def _choose_rows(window: Any, rows: Sequence[int]) -> list[int]:
    table = window.library_pane.table
    for row in rows:
        table.selectionModel().select(window.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    return window.library_pane.selected_ids()


def _menus_shown(window: Any) -> list[QMenu]:
    opened: list[QMenu] = []
    window.list_actions.show_menu = lambda menu, where: opened.append(menu)
    return opened


def _row_of(window: Any, article_id: int) -> int:
    row = window.model.row_of(article_id)
    assert row is not None
    return int(row)


def test_a_list_made_from_the_library_in_order_with_progress_and_states(samples_window: Any, qtbot: Any,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = samples_window
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Seminar Küste", True))
    ids = _choose_rows(window, [2, 0, 1])
    assert len(ids) == 3 and window.reader.view is None  # choosing several opens none
    _action(window.list_actions.article_menu(ids, window.library_pane), "Add to reading list", "New list…").trigger()
    pane = window.list_pane
    assert window.stack.currentWidget() is pane and pane.article_ids() == ids
    assert window.lists_panel.names() == ["Seminar Küste"]
    assert window.lists_panel.item_for("Seminar Küste").text(1) == "0/3"
    pane.select([ids[2]])
    pane.buttons["up"].click()
    assert pane.article_ids() == [ids[0], ids[2], ids[1]] and pane.selected_ids() == [ids[2]]
    pane.buttons["down"].click()
    pane.buttons["down"].click()
    assert pane.article_ids() == ids
    pane.select([ids[0]])
    pane.buttons["read"].click()
    pane.select([ids[1]])
    pane.buttons["in_progress"].click()
    assert pane.progress.value() == 1 and pane.progress.text() == "1 of 3 read"
    assert pane.progress_note.text() == "1 in progress, 1 unread"
    assert window.lists_panel.item_for("Seminar Küste").text(1) == "1/3"
    model, bold = window.model, Qt.ItemDataRole.FontRole
    assert model.data(model.index(_row_of(window, ids[0]), 4)) == "✓"
    assert model.data(model.index(_row_of(window, ids[1]), 4)) == "…"
    assert model.data(model.index(_row_of(window, ids[1]), 0), bold) is None  # in progress: not bold
    assert model.data(model.index(_row_of(window, ids[2]), 0), bold) is not None  # unread: bold
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        pane.table.itemClicked.emit(pane.table.topLevelItem(2), 1)
    assert pane.progress.text() == "2 of 3 read" and window.stack.currentWidget() is pane
    with qtbot.waitSignal(window.article_opened, timeout=30_000):  # the list is what Alt+Up steps through
        window.actions_.previous.trigger()
    assert window.reader.view.article.id == ids[1] and "in progress" in pane.table.topLevelItem(1).text(4)
    pane.select([ids[0]])
    pane.buttons["remove"].click()
    assert pane.article_ids() == ids[1:] and window.model.total == 3
    assert rl.article_ids(window.library, "Seminar Küste") == ids[1:]


def test_right_click_in_the_library_offers_the_chosen_rows(samples_window: Any) -> None:
    window = samples_window
    rl.create_list(window.library, "Kurs")
    window.list_actions.refresh()
    opened = _menus_shown(window)
    table = window.library_pane.table
    where = table.visualRect(window.model.index(1, 0)).center()
    table.customContextMenuRequested.emit(where)
    assert len(opened) == 1
    _action(opened[0], "Add to reading list", "Kurs").trigger()
    assert rl.article_ids(window.library, "Kurs") == [window.model.article_id(1)]
    _action(opened[0], "Mark as", "Read").trigger()
    assert window.model.data(window.model.index(1, 4)) == "✓"


def test_search_results_and_related_coverage_add_to_a_list(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    rl.create_list(window.library, "Fähren")
    rl.create_list(window.library, "Verwandt")
    window.list_actions.refresh()
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        type_into(window.search_bar.field, "Fähre")
    hits = [hit.id for hit in searched.args[0].hits]
    opened = _menus_shown(window)
    QApplication.sendEvent(window.results.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(1, 1),
                                                                              QPoint(1, 1)))
    _action(opened[-1], "Add to reading list", "Fähren").trigger()  # not on a hit: every hit shown
    assert rl.article_ids(window.library, "Fähren") == hits
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.results.anchorClicked.emit(QUrl(f"article:{hits[0]}"))
    window.reader.anchorClicked.emit(QUrl(f"related:{hits[0]}"))
    qtbot.waitUntil(lambda: "coverage of" in window.results.toPlainText(), timeout=30_000)
    related = list(window.results.hit_ids)
    assert related and hits[0] not in related
    window.results.menu_requested.emit(related[:1], QPoint(0, 0))
    _action(opened[-1], "Add to reading list", "Verwandt").trigger()
    assert rl.article_ids(window.library, "Verwandt") == related[:1]


def test_rename_and_delete_from_the_sidebar(samples_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = samples_window
    rl.create_list(window.library, "Alt")
    rl.add_to_list(window.library, "Alt", [window.model.article_id(0)])
    window.list_actions.refresh()
    window.lists_panel.tree.itemClicked.emit(window.lists_panel.item_for("Alt"), 0)
    assert window.stack.currentWidget() is window.list_pane
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Neu", True))
    window.lists_panel.tree.setCurrentItem(window.lists_panel.item_for("Alt"))
    window.lists_panel.rename_button.click()
    assert window.lists_panel.names() == ["Neu"] and window.list_pane.name == "Neu"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.lists_panel.tree.setCurrentItem(window.lists_panel.item_for("Neu"))
    window.lists_panel.delete_button.click()
    assert window.lists_panel.names() == [] and window.stack.currentWidget() is window.library_pane
    assert window.model.total == 3


def test_summarising_a_list_shows_progress_and_uses_the_cache_the_second_time(samples_window: Any,
                                                                              qtbot: Any) -> None:
    window = samples_window
    ids = [window.model.article_id(row) for row in range(3)]
    rl.create_list(window.library, "Kurs")
    rl.add_to_list(window.library, "Kurs", ids)
    window.list_actions.refresh()
    window.list_actions.show_list("Kurs")
    pane = window.list_pane
    with qtbot.waitSignal(window.list_actions.list_summarised, timeout=60_000) as ended:
        pane.buttons["summarise"].click()
        assert pane.buttons["cancel"].isEnabled() and not pane.buttons["summarise"].isEnabled()
    report = ended.args[0]
    assert (report.done, report.total, report.cached, report.failed, report.cancelled) == (3, 3, 0, (), False)
    assert [pane.summary_marks()[i] for i in ids] == ["✓ extractive"] * 3
    assert "Summarised: 3 of 3" in pane.summary_status.text() and not pane.buttons["cancel"].isEnabled()
    with qtbot.waitSignal(window.list_actions.list_summarised, timeout=60_000) as again:
        pane.buttons["summarise"].click()
    assert again.args[0].cached == 3 and set(pane.summary_marks().values()) == {"✓ cached"}


class _HeldRun:
    """Summarises the first article, then waits to be cancelled."""

    def __init__(self) -> None:
        self.stopped = threading.Event()

    def __call__(self, ids: Sequence[int], choice: SummaryChoice, cancel: Cancel) -> Iterator[BatchStep]:
        try:
            yield BatchStep(1, len(ids), ids[0], None, "kein Text")
            while not cancel.cancelled:
                threading.Event().wait(0.01)
        finally:
            self.stopped.set()


def test_cancelling_a_list_summary_keeps_what_was_done(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.desktop.conftest import SAMPLES

    held = _HeldRun()
    window = make_window(many_summary_run=held)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([SAMPLES])
    window.import_dialog.close()
    rl.create_list(window.library, "Kurs")
    rl.add_to_list(window.library, "Kurs", [window.model.article_id(r) for r in range(3)])
    window.list_actions.show_list("Kurs")
    pane = window.list_pane
    with qtbot.waitSignal(window.list_actions.summary_step, timeout=30_000):
        pane.buttons["summarise"].click()
    with qtbot.waitSignal(window.list_actions.list_summarised, timeout=30_000) as ended:
        pane.buttons["cancel"].click()
    report = ended.args[0]
    assert report.cancelled and report.done == 1 and len(report.failed) == 1 and held.stopped.is_set()
    assert "Cancelled" in pane.summary_status.text() and pane.summary_marks() == {pane.article_ids()[0]: "failed"}
