"""The stored analysis in the window: findings shown as stored, actors in the sidebar, ``actor:`` filters, and
stale analyses brought up to date in the background at start."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QUrl  # noqa: E402

from articles.findings_json import findings_to_json  # noqa: E402
from library.analysing import AnalysisResult, AnalysisSetup  # noqa: E402
from library.store import Library  # noqa: E402
from tests.desktop.conftest import SAMPLES, type_into  # noqa: E402


def _open_hit(window: Any, qtbot: Any, text: str) -> Any:
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        type_into(window.search_bar.field, text)
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.results.anchorClicked.emit(QUrl(f"article:{searched.args[0].hits[0].id}"))
    return window.reader.view


def _names_actor(library: Library, article_id: int, actor_id: int) -> bool:
    stored = library.findings(article_id)
    return stored is not None and any(actor.id == actor_id for actor in stored.actors.values())


def test_clicking_an_actor_in_the_text_filters_by_its_library_id(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    view = _open_hit(window, qtbot, "Reisende")
    holm = next(a for a in view.findings.actors if a.name == "Maren Holm")
    filed = view.library_actors[holm.id]
    searched: list[Any] = []
    window.search_finished.connect(searched.append)
    with qtbot.waitSignal(window.facets_counted, timeout=30_000):
        window.reader.anchorClicked.emit(QUrl(f"actor:{holm.id}"))
    results = searched[-1]
    assert results.query == f"actor:{filed}" and results.total >= 1
    assert all(_names_actor(window.library, hit.id, filed) for hit in results.hits)
    item = window.facets.item_for("actor", "Maren Holm")  # the search's actor facet in the sidebar
    assert item is not None and item.text(1) == f"{results.total:,}"


def test_the_library_wide_actor_facet_counts_stories_and_filters_on_click(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    if window.facets.item_for("actor", "Maren Holm") is None:
        with qtbot.waitSignal(window.actors_counted, timeout=30_000):
            pass
    counted = {a.name: a for a in window.library.actors()}
    item = window.facets.item_for("actor", "Maren Holm")
    assert item is not None and item.text(1) == str(counted["Maren Holm"].stories)
    with qtbot.waitSignal(window.search_finished, timeout=30_000) as searched:
        window.facets.itemClicked.emit(item, 0)
    assert searched.args[0].query == f"actor:{counted['Maren Holm'].id}"
    assert searched.args[0].total == counted["Maren Holm"].stories


def test_the_reading_pane_shows_the_stored_analysis(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    view = _open_hit(window, qtbot, "Reisende")
    assert view.findings.quotes, "the ferry story has quotes to begin with"
    stored = window.library.findings(view.article.id)
    edited = replace(stored.findings, quotes=())  # what the library holds wins over what the text would give
    with window.library.transaction():
        window.library.store_analysis(view.article.id, AnalysisResult(stored.version, findings_to_json(edited)))
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.open_article(view.article.id)
    assert window.reader.view.findings.quotes == () and window.reader.view.findings.actors
    assert "class=\"quote" not in window.reader.html()


def test_stale_analyses_are_redone_in_the_background_at_start(make_window: Any, qtbot: Any) -> None:
    first = make_window()
    with qtbot.waitSignal(first.import_finished, timeout=60_000):
        first.start_import([SAMPLES])
    first.import_dialog.close()
    directory = first.library_dir
    first.close()
    with Library.open(directory) as library:
        with library.transaction():
            library.connection.execute("UPDATE analyses SET version = 'eine ältere Analyse'")
        stale = len(library.stale_analyses(AnalysisSetup.for_library(directory).version))
    assert stale >= 4
    window = make_window()
    refresh = window.analysis_refresh
    if refresh.done is None:
        with qtbot.waitSignal(refresh.finished, timeout=60_000):
            pass
    assert refresh.done == stale and refresh.label.isHidden()
    assert "Analysed" in window.statusBar().currentMessage()
    assert window.library.stale_analyses(AnalysisSetup.for_library(directory).version) == []
