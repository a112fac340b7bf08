"""The library table with many stories: pages on demand, sorting and filtering in SQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from articles.model import Article, Metadata, Paragraph, Role  # noqa: E402
from desktop.library_model import PAGE_SIZE, LibraryTableModel  # noqa: E402
from library.store import Library  # noqa: E402


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "lib")
    with opened.transaction():
        for n in range(1, 1001):
            title = f"Meldung {n:04} aus {'Kiel' if n % 2 else 'Rostock'}"
            article = Article(Metadata(title=title, source=f"Blatt {n % 7}", date=f"20{10 + n % 15}-01-01"),
                              (Paragraph(0, Role.TITLE, title), Paragraph(1, Role.BODY, "Ein kurzer Text.")), "txt")
            opened.add_article(article, f"/tmp/m{n}.txt", f"h{n}", frozenset())
    return opened


def test_the_whole_list_is_known_but_rows_are_read_a_page_at_a_time(qtbot: Any, library: Library) -> None:
    model = LibraryTableModel(library)
    assert model.rowCount() == model.total == 1000 and model.loaded_pages == 0
    assert model.data(model.index(999, 0)) and model.loaded_pages == 1
    assert len({model.data(model.index(r, 0)) for r in range(1000)}) == 1000
    assert model.loaded_pages == -(-1000 // PAGE_SIZE)


def test_sorting_and_filtering_restart_from_the_first_page(qtbot: Any, library: Library) -> None:
    model = LibraryTableModel(library)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.loaded_pages == 0 and model.data(model.index(0, 0)) == "Meldung 0001 aus Kiel"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Meldung 1000 aus Rostock"
    from dataclasses import replace

    model.set_query(replace(model.query, text="rostock", source="Blatt 3"))
    titles = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert titles and all("Rostock" in t for t in titles) and model.total == len(titles)


def test_unread_rows_are_bold_and_reading_marks_them(qtbot: Any, library: Library) -> None:
    model = LibraryTableModel(library)
    first = model.article_id(0)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    model.mark_read(first)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(0, 4)) == "✓"
    assert LibraryTableModel(library).data(LibraryTableModel(library).index(0, 4)) == "✓"
