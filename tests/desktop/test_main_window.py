"""The main window along the paths a reader takes: import, list, search, open, highlight layers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from desktop.reader_html import Layer  # noqa: E402
from tests.desktop.conftest import SAMPLES, type_into  # noqa: E402


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    (inbox / "rat.txt").write_text(
        "Stadtrat beschließt neuen Radweg\n\nDer Stadtrat von Lübeck hat am Dienstag einen neuen Radweg entlang der "
        "Trave beschlossen. Die Kosten liegen bei 2,4 Millionen Euro.\n\nDie Arbeiten sollen im Herbst beginnen, "
        "teilte die Verwaltung mit.", encoding="utf-8")
    (inbox / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (inbox / "leer.txt").write_text("", encoding="utf-8")
    return inbox


def test_import_through_the_menu_reports_failed_files(make_window: Any, qtbot: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    inbox = _inbox(tmp_path)
    chosen = [str(inbox / name) for name in ("rat.txt", "foto.png", "leer.txt")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.actions_.import_files.trigger()
    outcomes = finished.args[0]
    assert [o.status for o in outcomes] == ["imported", "failed", "failed"]
    dialog = window.import_dialog
    assert "1 imported, 2 failed" in dialog.counts.text()
    reasons = {dialog.failures.item(r, 0).text(): dialog.failures.item(r, 1).text() for r in range(2)}
    assert "image" in reasons[str(inbox / "foto.png")].lower()
    assert reasons[str(inbox / "leer.txt")]
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 0)) == "Stadtrat beschließt neuen Radweg"


def test_dropping_a_folder_imports_it_and_the_list_groups_copies(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SAMPLES))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    titles = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert len(titles) == 3 and "Neue Fähre verbindet Kiel und Göteborg ab Frühjahr" in titles
    copies = [window.model.data(window.model.index(r, 3)) for r in range(3)]
    assert sorted(copies) == ["", "", "1"]
    assert "3 stories" in window.count_label.text()


def _open_first_hit(window: Any, qtbot: Any, text: str) -> Any:
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        type_into(window.search_bar.field, text)
    results = searched.args[0]
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.results.anchorClicked.emit(QUrl(f"article:{results.hits[0].id}"))
    return results


def test_search_as_you_type_then_open_a_hit_with_its_words_marked(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    results = _open_first_hit(window, qtbot, "Schweröl")
    assert results.total == 1 and window.stack.currentWidget() is window.results
    assert "Schweröl" in window.results.toPlainText()
    page = window.reader.html()
    assert '<span class="hit"' in page and "Schwer" in page
    assert window.search_bar.note.isHidden()


def test_ignored_syntax_is_explained_under_the_field(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        type_into(window.search_bar.field, '"Fähre Kiel')
    assert window.search_bar.note.isVisibleTo(window) and "ignoring" in window.search_bar.note.text()


def test_each_layer_switches_its_marks_in_the_rendered_page(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    _open_first_hit(window, qtbot, "Reisende")
    markers = {Layer.QUOTES: 'class="quote', Layer.ACTORS: 'class="actor', Layer.PARTS: 'class="part',
               Layer.HITS: 'class="hit"'}
    for layer, marker in markers.items():
        assert marker in window.reader.html(), layer
        window.layer_bar.actions_by_layer[layer].trigger()
        assert marker not in window.reader.html(), layer
        window.layer_bar.actions_by_layer[layer].trigger()
        assert marker in window.reader.html(), layer
    assert window.layer_bar.actions_by_layer[Layer.LOADED].shortcut().toString() == "Ctrl+3"


def test_loaded_layer_marks_loaded_wording_with_its_explanation(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    folder = tmp_path / "kommentar"
    folder.mkdir()
    (folder / "k.txt").write_text(
        "Das Regime rüstet auf\n\nDas Regime in der Hauptstadt hat erneut die Opposition verhaftet. Die sogenannte "
        "Reform ist in Wahrheit ein Kahlschlag bei den Renten, schreibt unser Kommentator.", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.start_import([folder])
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.library_pane.select_row(0)
    page = window.reader.html()
    assert 'class="loaded" title="Loaded wording: ' in page
    window.layer_bar.actions_by_layer[Layer.LOADED].trigger()
    assert 'class="loaded"' not in window.reader.html()


def test_parts_collapse_and_copies_open_from_the_header(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    _open_first_hit(window, qtbot, "Reisende")
    reader = window.reader
    assert "Der Hafen von Kiel" in reader.toPlainText()
    caption = next(p.index for p in reader.view.article.paragraphs if p.role.value == "caption")
    reader.anchorClicked.emit(QUrl(f"toggle:{caption}"))
    assert "Der Hafen von Kiel" not in reader.toPlainText() and "Photo caption – hidden" in reader.toPlainText()
    copy = reader.view.copies[0].id
    with qtbot.waitSignal(window.article_opened, timeout=30_000) as opened:
        reader.anchorClicked.emit(QUrl(f"copy:{copy}"))
    assert opened.args == [copy]


def test_the_reader_fetches_nothing_from_outside(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    _open_first_hit(window, qtbot, "Reisende")
    reader = window.reader
    assert reader.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("https://example.org/a.png")) is None
    assert reader.loadResource(int(QTextDocument.ResourceType.StyleSheetResource), QUrl("file:///etc/passwd")) is None
    assert reader.refused == ["https://example.org/a.png", "file:///etc/passwd"]


def test_facet_filters_the_library_and_keys_step_through_it(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    item = window.facets.item_for("source", "The Harbour Gazette")
    with qtbot.waitSignal(window.model.refreshed, timeout=10_000):  # the query runs off the GUI thread
        window.facets.itemClicked.emit(item, 0)
    assert window.model.rowCount() == 1 and "1 story" in window.count_label.text()
    with qtbot.waitSignal(window.model.refreshed, timeout=10_000):
        window.facets.itemClicked.emit(window.facets.item_for("source", "The Harbour Gazette"), 0)
    assert window.model.rowCount() == 3
    with qtbot.waitSignal(window.article_opened, timeout=30_000) as first:
        window.actions_.next.trigger()
    with qtbot.waitSignal(window.article_opened, timeout=30_000) as second:
        window.actions_.next.trigger()
    assert first.args != second.args
    assert window.model.data(window.model.index(0, 4)) == "✓"


def test_related_coverage_opens_from_the_article_header(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    _open_first_hit(window, qtbot, "Reisende")
    article = window.reader.view.article.id
    window.reader.anchorClicked.emit(QUrl(f"related:{article}"))
    qtbot.waitUntil(lambda: "coverage of" in window.results.toPlainText(), timeout=30_000)
    assert window.stack.currentWidget() is window.results
    assert window.results.toPlainText().startswith("Other coverage of «Neue Fähre verbindet Kiel")
    assert "Die Fähre nach Göteborg kommt zu spät" in window.results.toPlainText()  # another outlet's comment
    assert article not in window.results.hit_ids


def test_query_help_is_one_click_away_and_zoom_changes_the_text_size(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    window.search_bar.help_button.click()
    help_view = window.search_bar.help
    assert help_view is not None and help_view.isVisible()
    assert "date:2025-07..2025-09" in help_view.toPlainText() and "role:caption" in help_view.toPlainText()
    help_view.close()
    before = window.reader.font().pointSizeF()
    window.actions_.zoom_in.trigger()
    assert window.reader.font().pointSizeF() > before


def test_hovering_a_quote_names_its_speaker(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    _open_first_hit(window, qtbot, "Reisende")
    reader = window.reader
    found = reader.document().find("Lücke im Güterverkehr")
    assert not found.isNull()
    reader.setTextCursor(found)
    reader.ensureCursorVisible()
    spot = reader.cursorRect(found).center()
    tip = reader.tooltip_at(reader.viewport().mapTo(reader, spot))
    assert tip == "Direct speech — Maren Holm"


def test_an_unusable_index_is_reported_and_an_import_is_refused_at_once(qtbot: Any,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from search.errors import SearchUnavailable
    from search.index import SearchIndex

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise SearchUnavailable("the disk is full: the search index cannot be updated")

    monkeypatch.setattr(SearchIndex, "open", classmethod(lambda cls, *a, **k: refuse()))
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from PySide6.QtCore import QSettings

    window = MainWindow(Settings(library=str(tmp_path / "bib")), QSettings(str(tmp_path / "s.ini"),
                                                                           QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.text() == "The disk is full: the search index cannot be updated."
    assert box.windowTitle() == "Opening the search index failed"
    box.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is None, timeout=10_000)
    window.start_import([SAMPLES])
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None, timeout=10_000)
    refused = window.findChild(QMessageBox, "errorDialog")
    assert refused.windowTitle() == "Import failed" and "could not be opened" in refused.text()
    assert window.import_dialog is not None and not window.import_dialog.isVisible()


def test_keyboard_reaches_search_and_layers(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.library_pane.table.setFocus()
    qtbot.keyClick(window.library_pane.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.field.hasFocus()
    quotes = window.layer_bar.actions_by_layer[Layer.QUOTES]
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not quotes.isChecked()


def test_settings_and_quit_have_shortcuts_on_every_platform(samples_window: Any) -> None:
    assert not samples_window.actions_.settings.shortcut().isEmpty()
    assert not samples_window.actions_.quit.shortcut().isEmpty()
