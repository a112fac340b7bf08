"""Summaries in the window: streaming, cancel, key points that lead to their paragraphs, and the methods."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QUrl  # noqa: E402

from desktop.summaries import EXTRACTIVE, LLM  # noqa: E402
from tests.desktop.fakes import FakeSummaries, streamed_summary  # noqa: E402
from tests.gguf_files import write_gguf  # noqa: E402


def _open_ferry(window: Any, qtbot: Any) -> int:
    row = next(r for r in range(window.model.rowCount())
               if window.model.data(window.model.index(r, 0)).startswith("Neue Fähre"))
    with qtbot.waitSignal(window.article_opened, timeout=30_000) as opened:
        window.library_pane.select_row(row)
    return int(opened.args[0])


def _import_samples(window: Any, qtbot: Any) -> None:
    from tests.desktop.conftest import SAMPLES

    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([SAMPLES])
    window.import_dialog.close()


def test_summary_streams_then_key_points_scroll_to_and_flash_their_paragraphs(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    fake = FakeSummaries(streamed_summary(2, cited=9), hold_after=2)
    window = make_window(summary_run=fake.run, model_path=str(write_gguf(tmp_path / "m.gguf")), summary_method="model")
    _import_samples(window, qtbot)
    _open_ferry(window, qtbot)
    panel = window.summary
    assert panel.method.currentData() == LLM and "Kleines Testmodell" in panel.method.currentText()
    with qtbot.waitSignal(panel.summary_finished, timeout=30_000):
        with qtbot.waitSignals([panel.event_received, panel.event_received], timeout=30_000):
            window.actions_.summarise.trigger()
        assert "Eine neue Fähre verbindet Kiel und Göteborg." in panel.output.toPlainText()
        assert panel.cancel_button.isEnabled()
        fake.release.set()
    assert fake.choices[0].method == LLM and fake.stopped.is_set()
    text = panel.output.toPlainText()
    assert "Die Fähre fährt ab April zweimal täglich." in text
    assert "⚠ Unverified: keine zitierte Stelle nennt diese Zahl" in text
    assert panel.status.text() == "Summary by the model Testmodell (testmodell.gguf): 2 key points; 1 not verified."
    panel.output.anchorClicked.emit(QUrl("point:1"))
    assert window.reader.options.flashed == {9}
    assert re.search(r'id="p9" class="body" style="[^"]*background-color:', window.reader.html())
    assert not re.search(r'id="p5" class="body" style="[^"]*background-color:', window.reader.html())
    panel.choose(EXTRACTIVE)  # run again the other way
    with qtbot.waitSignal(panel.summary_finished, timeout=30_000):
        panel.summarise_button.click()
    assert [choice.method for choice in fake.choices] == [LLM, EXTRACTIVE]


def test_cancel_stops_the_stream_and_keeps_what_arrived(make_window: Any, qtbot: Any) -> None:
    fake = FakeSummaries(streamed_summary(2, cited=4), hold_after=1)
    window = make_window(summary_run=fake.run)
    _import_samples(window, qtbot)
    _open_ferry(window, qtbot)
    panel = window.summary
    with qtbot.waitSignal(panel.event_received, timeout=30_000):
        panel.summarise_button.click()
    with qtbot.waitSignal(panel.summary_cancelled, timeout=5_000):
        panel.cancel_button.click()
    assert fake.stopped.wait(5)  # the job saw the token and ended
    assert "Cancelled" in panel.status.text() and not panel.running()
    assert panel.output.toPlainText().strip() == "Eine neue Fähre"
    assert not panel.cancel_button.isEnabled()


def test_extractive_summary_cites_the_article_and_can_follow_a_model_run(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    _import_samples(window, qtbot)
    _open_ferry(window, qtbot)
    panel = window.summary
    assert panel.method.count() == 1 and panel.method.currentData() == EXTRACTIVE
    with qtbot.waitSignal(panel.summary_finished, timeout=30_000):
        panel.summarise()
    body = {p.index: p.text for p in window.reader.view.article.paragraphs}
    summary = panel.summary
    assert summary.overview and 3 <= len(summary.key_points) <= 7 and summary.model is None
    assert all(set(point.paragraphs) <= set(body) for point in panel.points)
    assert any(point.text in body[point.paragraphs[0]] for point in panel.points)  # sentences of the article
    assert all(point.verified for point in panel.points) and summary.method == EXTRACTIVE
    assert "Extractive" in panel.status.text() and not summary.cached
    with qtbot.waitSignal(panel.summary_finished, timeout=30_000) as again:
        panel.summarise()
    assert again.args[0].cached and "kept from an earlier run" in panel.status.text()


def test_a_broken_model_file_is_reported_through_the_error_dialog(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.gguf"
    broken.write_bytes(b"nicht einmal ein Anfang")
    window = make_window(model_path=str(broken))
    _import_samples(window, qtbot)
    _open_ferry(window, qtbot)
    window.summary.choose(LLM)
    with qtbot.waitSignal(window.summary.summary_finished, timeout=3_000, raising=False):
        window.summary.summarise()
    qtbot.waitUntil(lambda: window.findChild(type(_message_box()), "errorDialog") is not None, timeout=10_000)
    box = window.findChild(type(_message_box()), "errorDialog")
    assert "not a GGUF model file" in box.text() and box.windowTitle() == "Summary failed"


def _message_box() -> Any:
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox()
