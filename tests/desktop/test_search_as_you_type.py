"""Search as you type: the hits are shown first and the sidebar's counts follow; when typing goes on, only the
newest query's results reach the window."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("PySide6")


def test_the_hits_come_first_and_the_sidebar_counts_their_matches_after(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    seen: list[Any] = []
    window.search_finished.connect(seen.append)
    window.facets_counted.connect(lambda: seen.append("facets"))
    with qtbot.waitSignal(window.facets_counted, timeout=30_000):
        window.search_bar.set_query("Fähre")
    assert len(seen) == 2 and seen[1] == "facets"
    results = seen[0]
    assert results.total >= 2 and results.facets == {}, "no facets held up the hits"
    top = window.facets.topLevelItem(0)
    assert (top.text(0), top.text(1)) == ("All matches", f"{results.total:,}")
    assert window.facets.item_for("year", "2026") is not None


def test_only_the_newest_query_reaches_the_window_when_typing_goes_on(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    shown: list[str] = []
    window.search_finished.connect(lambda results: shown.append(results.query))
    with qtbot.waitSignal(window.facets_counted, timeout=30_000):
        for text in ("F", "Fä", "Fäh", "Fähre", "Fähre Kiel"):
            window.search_bar.set_query(text)
    assert shown == ["Fähre Kiel"]
    assert "Fähre Kiel" in window.results.toPlainText()


def test_clearing_the_field_while_a_search_runs_keeps_the_library_view(samples_window: Any, qtbot: Any) -> None:
    window = samples_window
    window.search_bar.set_query("Fähre")
    window.search_bar.set_query("")
    qtbot.waitUntil(lambda: window.runner.idle, timeout=30_000)
    assert window.stack.currentWidget() is window.library_pane
    assert window.facets.topLevelItem(0).text(0) == "All stories"
