"""File → Export… in the window: a reading list to Markdown notes, the open article to RIS; and the daily backup
the window makes at start."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

import yaml  # noqa: E402
from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox  # noqa: E402

from library import reading_lists as rl  # noqa: E402
from tests.desktop.conftest import type_into  # noqa: E402


def _accept(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_reading_list_exports_to_one_note_per_article(samples_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = samples_window
    ids = [window.model.article_id(row) for row in (1, 0)]
    rl.create_list(window.library, "Kurs")
    rl.add_to_list(window.library, "Kurs", ids)
    window.list_actions.show_list("Kurs")
    window.list_pane.buttons["export"].click()
    dialog = window.exports.dialog
    assert dialog.list_choice.isChecked() and dialog.lists.currentText() == "Kurs"
    dialog.choose_format("md")
    dialog.target.setText(str(tmp_path / "Notizen"))
    with qtbot.waitSignal(window.exports.exported, timeout=30_000) as done:
        _accept(dialog)
    written = done.args[0].files
    assert [int(path.name.split()[0]) for path in written] == ids and all(p.parent == tmp_path / "Notizen" for p in written)
    note = written[0].read_text(encoding="utf-8")
    front = yaml.safe_load(note[4:note.index("\n---\n", 4)])
    assert front["title"] == window.library.title_of(ids[0]) and front["lesesaal"] == f"lesesaal://article/{ids[0]}"
    assert "## Summary" in note and f"lesesaal://article/{ids[0]}#p" in note
    assert "Exported 2 articles" in window.statusBar().currentMessage()


def test_the_open_article_exports_as_ris(samples_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = samples_window
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        type_into(window.search_bar.field, "Fähre")
    chosen = searched.args[0].hits[0].id
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.results.anchorClicked.emit(QUrl(f"article:{chosen}"))
    window.actions_.export.trigger()
    dialog = window.exports.dialog
    assert dialog.current_choice.isChecked()
    dialog.choose_format("ris")
    dialog.target.setText(str(tmp_path / "quellen.ris"))
    with qtbot.waitSignal(window.exports.exported, timeout=30_000):
        _accept(dialog)
    lines = (tmp_path / "quellen.ris").read_bytes().decode("utf-8").split("\r\n")
    assert lines[0] == "TY  - NEWS" and f"TI  - {window.library.title_of(chosen)}" in lines and "ER  - " in lines


def test_a_failed_export_says_so_in_the_status_bar_and_the_error_dialog(samples_window: Any, qtbot: Any,
                                                                          tmp_path: Path) -> None:
    window = samples_window
    rl.create_list(window.library, "Kurs")
    rl.add_to_list(window.library, "Kurs", [window.model.article_id(0)])
    window.actions_.export.trigger()
    dialog = window.exports.dialog
    assert dialog.list_choice.isChecked()
    dialog.choose_format("ris")
    blocker = tmp_path / "eine Datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    dialog.target.setText(str(blocker / "quellen.ris"))  # a folder that is a file: cannot be written
    _accept(dialog)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "errorDialog")), timeout=30_000)
    assert window.statusBar().currentMessage() == "Export failed."
    assert blocker.read_text(encoding="utf-8") == "kein Ordner"


def test_nothing_to_export_cannot_be_accepted(make_window: Any) -> None:
    window = make_window()
    window.actions_.export.trigger()
    dialog = window.exports.dialog
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert not dialog.current_choice.isEnabled() and not dialog.list_choice.isEnabled()


def test_the_window_makes_the_daily_backup_at_start(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    today = window.library_dir / "backups" / f"library-{datetime.date.today().isoformat()}.sqlite3"
    qtbot.waitUntil(today.exists, timeout=30_000)
