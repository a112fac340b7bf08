"""The paged, sorted, filtered list of stories the desktop shows, and the read state."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.model import Article, Metadata, Paragraph, Role
from library.errors import ArticleNotFound
from library.listing import ListQuery
from library.store import Library

STORIES = [
    ("Hafen von Kiel erweitert Fährterminal", "Kieler Nachrichten", "2024-03-02"),
    ("Neue Fähre nach Göteborg", "Nordkurier", "2025-07-11"),
    ("Windpark vor der Küste genehmigt", "Nordkurier", "2025-01-20"),
    ("Stadtrat beschließt Haushalt", "Ostsee-Zeitung", None),
]


def _add(library: Library, title: str, source: str, date: str | None, n: int) -> int:
    article = Article(Metadata(title=title, source=source, date=date),
                      (Paragraph(0, Role.TITLE, title), Paragraph(1, Role.BODY, f"Text der Meldung {n}.")), "txt")
    with library.transaction():
        return library.add_article(article, f"/tmp/meldung-{n}.txt", f"hash-{n}", frozenset())


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "lib")
    for n, (title, source, date) in enumerate(STORIES):
        _add(opened, title, source, date, n)
    copy = _add(opened, "Neue Fähre nach Göteborg (Kopie)", "Nordkurier", "2025-07-11", 9)
    opened.mark_copy(copy, 2)
    return opened


def test_list_shows_primaries_newest_first_with_their_copy_count(library: Library) -> None:
    rows = library.list_rows(ListQuery(), 0, 10)
    assert [r.title for r in rows] == ["Neue Fähre nach Göteborg", "Windpark vor der Küste genehmigt",
                                       "Hafen von Kiel erweitert Fährterminal", "Stadtrat beschließt Haushalt"]
    assert [r.copies for r in rows] == [1, 0, 0, 0]
    assert library.list_count(ListQuery()) == 4


def test_pages_sorted_by_title_fit_together(library: Library) -> None:
    query = ListQuery(sort="title", descending=False)
    pages = library.list_rows(query, 0, 2) + library.list_rows(query, 2, 2)
    assert [r.title[:5] for r in pages] == ["Hafen", "Neue ", "Stadt", "Windp"]


def test_filters_by_text_source_and_year(library: Library) -> None:
    assert [r.title for r in library.list_rows(ListQuery(text="fähr"), 0, 10)] == [
        "Neue Fähre nach Göteborg", "Hafen von Kiel erweitert Fährterminal"]
    assert library.list_count(ListQuery(source="Nordkurier")) == 2
    assert [r.title for r in library.list_rows(ListQuery(source="Nordkurier", year="2025", text="wind"), 0, 5)] == [
        "Windpark vor der Küste genehmigt"]
    assert library.list_count(ListQuery(text="100%_")) == 0


def test_facets_count_stories_not_copies(library: Library) -> None:
    facets = library.list_facets(ListQuery())
    assert facets["source"] == {"Nordkurier": 2, "Kieler Nachrichten": 1, "Ostsee-Zeitung": 1}
    assert facets["year"] == {"2025": 2, "2024": 1}


def test_read_state_is_kept_and_can_be_undone(library: Library) -> None:
    library.set_read(3)
    assert [r.id for r in library.list_rows(ListQuery(sort="read"), 0, 1)] == [3]
    library.set_read(3, read=False)
    assert not any(r.read for r in library.list_rows(ListQuery(), 0, 10))
    with pytest.raises(ArticleNotFound):
        library.set_read(99)


@pytest.mark.parametrize("sort", ["title", "source", "date", "copies", "read"])
@pytest.mark.parametrize("descending", [False, True])
def test_ordered_ids_follow_the_same_order_as_the_pages(library: Library, sort: str, descending: bool) -> None:
    library.set_read(3)
    query = ListQuery(sort=sort, descending=descending)
    ids = library.list_ids(query)
    assert ids == [row.id for row in library.list_rows(query, 0, 100)]
    rows = library.list_rows_by_id(ids[1:3])
    assert sorted(rows) == sorted(ids[1:3]) and rows[ids[1]].id == ids[1]
