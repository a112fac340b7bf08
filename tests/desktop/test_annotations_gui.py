"""Annotations in the desktop app, in a real window offscreen: select, highlight with colour, note and tags,
edit, jump, delete, the layer switch, the side list (detached ones shown as such) and search by note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.annotation_selection import shown_text  # noqa: E402
from desktop.reader_html import Layer  # noqa: E402
from library.annotations import annotations_of  # noqa: E402
from tests.desktop.conftest import type_into  # noqa: E402

TEXT = ("Neue Fähre für Stralsund\n\n"
        "Die Stadt Stralsund bekommt im Sommer eine neue Fähre nach Altefähr, teilte die Reederei am Freitag mit.\n\n"
        "Das Schiff bietet Platz für  120 Fahrgäste und 40 Fahrräder. Die Überfahrt dauert zwölf Minuten.")


def test_shown_text_maps_rich_text_offsets_back_to_the_paragraph() -> None:
    shown, offsets = shown_text("  Platz für  120\nFahrgäste ")
    assert shown == "Platz für 120 Fahrgäste"
    assert offsets[shown.index("120")] == "  Platz für  120\nFahrgäste ".index("120")
    assert offsets[len(shown)] == len("  Platz für  120\nFahrgäste")


@pytest.fixture
def opened(make_window: Any, qtbot: Any, tmp_path: Path) -> tuple[Any, Path]:
    window = make_window()
    source = tmp_path / "eingang" / "faehre.txt"
    source.parent.mkdir()
    source.write_text(TEXT, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.start_import([source])
    window.import_dialog.close()
    open_article(window, qtbot)
    return window, source


def open_article(window: Any, qtbot: Any) -> None:
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.open_article(1)


def select(window: Any, words: str) -> None:
    found = window.reader.document().find(words, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), words
    window.reader.setTextCursor(found)


def saved(window: Any, qtbot: Any, action: Any) -> tuple[Any, ...]:
    with qtbot.waitSignal(window.annotations.index_updated, timeout=30_000), \
            qtbot.waitSignal(window.annotations.annotations_saved, timeout=30_000) as done:
        action()
    return done.args[0]  # type: ignore[no-any-return]


def test_highlight_with_note_and_tags_round_trips_through_library_pane_list_and_search(
        opened: tuple[Any, Path], qtbot: Any) -> None:
    window, _ = opened
    select(window, "120 Fahrgäste")  # the paragraph has two spaces before 120: offsets must map back
    window.annotations.annotate.trigger()
    dialog = window.annotations.dialog
    assert "«120 Fahrgäste»" in dialog.quote.text()
    dialog.colour.setCurrentIndex(dialog.colour.findData("green"))
    dialog.note.setPlainText("Kapazität mit der alten Fähre vergleichen")
    dialog.tags.setText("Verkehr, offene Frage")
    [made] = saved(window, qtbot, dialog.accept)
    paragraph = window.library.paragraphs(1)[made.paragraph].text
    assert paragraph[made.start:made.end] == "120 Fahrgäste" == made.quote
    assert (made.colour, made.note, made.tags) == ("green", "Kapazität mit der alten Fähre vergleichen",
                                                   ("Verkehr", "offene Frage"))
    assert annotations_of(window.library, 1) == [made]
    assert 'class="annotation annotation-green"' in window.reader.html()
    panel = window.annotation_panel
    assert panel.list.count() == 1 and "«120 Fahrgäste»" in panel.list.item(0).text()
    assert "Kapazität" in panel.list.item(0).text() and "offene Frage" in panel.list.item(0).text()
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        type_into(window.search_bar.field, "note:Kapazität")
    assert [hit.id for hit in searched.args[0].hits] == [1] and searched.args[0].hits[0].in_note


def test_quick_highlight_edit_jump_and_delete(opened: tuple[Any, Path], qtbot: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window, _ = opened
    select(window, "zwölf Minuten")
    [made] = saved(window, qtbot, window.annotations.highlight.trigger)
    assert made.quote == "zwölf Minuten" and made.colour == "yellow" and made.note == ""
    panel = window.annotation_panel
    panel.list.setCurrentRow(0)
    panel.edit_button.click()
    dialog = window.annotations.dialog
    dialog.colour.setCurrentIndex(dialog.colour.findData("pink"))
    dialog.note.setPlainText("kurz")
    [edited] = saved(window, qtbot, dialog.accept)
    assert (edited.id, edited.colour, edited.note) == (made.id, "pink", "kurz")
    assert 'annotation-pink' in window.reader.html() and 'annotation-yellow' not in window.reader.html()
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    panel.list.itemClicked.emit(panel.list.item(0))
    assert window.reader.textCursor().selectedText() == "zwölf Minuten"
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    panel.list.setCurrentRow(0)
    assert saved(window, qtbot, panel.delete_button.click) == ()
    assert annotations_of(window.library, 1) == [] and "annotation-" not in window.reader.html()


def test_context_menu_offers_highlighting_and_the_annotation_under_the_pointer(opened: tuple[Any, Path],
                                                                               qtbot: Any) -> None:
    window, _ = opened
    select(window, "neue Fähre nach Altefähr")
    menu = window.reader.context_menu(window.reader.cursorRect().center())
    texts = [action.text() for action in menu.actions()]
    assert "&Highlight selection" in texts and "Highlight with &note…" in texts
    saved(window, qtbot, window.annotations.colour_actions[2].trigger)  # blue, from the context menu's submenu
    cursor = window.reader.document().find("Altefähr")
    cursor.setPosition(cursor.selectionStart() + 3)  # inside the highlight, nothing selected
    window.reader.setTextCursor(cursor)
    menu = window.reader.context_menu(window.reader.cursorRect().center())
    texts = [action.text() for action in menu.actions()]
    assert any(text.startswith("Edit annotation «neue Fähre nach Altefähr»") for text in texts)
    assert "&Highlight selection" not in texts


def test_the_layer_switch_hides_highlights_and_the_legend_names_them(opened: tuple[Any, Path], qtbot: Any) -> None:
    window, _ = opened
    select(window, "Stralsund bekommt")
    saved(window, qtbot, window.annotations.highlight.trigger)
    switch = window.layer_bar.actions_by_layer[Layer.ANNOTATIONS]
    assert switch.text() == "My highlights" and switch.shortcut().toString() == "Ctrl+6"
    switch.setChecked(False)
    assert "annotation-" not in window.reader.html() and window.annotation_panel.list.count() == 1
    switch.setChecked(True)
    assert "annotation-yellow" in window.reader.html()


def test_after_a_reimport_without_the_quote_the_annotation_is_listed_as_detached(opened: tuple[Any, Path],
                                                                                 qtbot: Any) -> None:
    window, source = opened
    select(window, "40 Fahrräder")
    saved(window, qtbot, window.annotations.highlight.trigger)
    source.write_text(TEXT.replace("und 40 Fahrräder", "und viele Räder"), encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.start_import([source])
    window.import_dialog.close()
    open_article(window, qtbot)
    item = window.annotation_panel.list.item(0)
    assert item.text().startswith("Detached") and "«40 Fahrräder»" in item.text()
    assert "annotation-" not in window.reader.html()
