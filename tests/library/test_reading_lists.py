"""Reading lists: order, adding many at once, removing, moving, renaming, and progress by reading state."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.model import Article, Metadata, Paragraph, Role
from library import reading_lists as rl
from library.errors import ArticleNotFound
from library.listing import ListQuery
from library.reading_state import IN_PROGRESS, READ, UNREAD, UnknownReadingState
from library.store import Library

TITLES = ["Bundestag beschließt Heizungsgesetz", "Streik bei der Bahn beendet", "Neue Fähre nach Göteborg",
          "Hochwasser an der Oder", "Landtag debattiert Schulreform"]


def _add(library: Library, title: str, n: int) -> int:
    article = Article(Metadata(title=title, source="Tagesblatt", date=f"2025-0{n + 1}-15"),
                      (Paragraph(0, Role.TITLE, title), Paragraph(1, Role.BODY, f"Bericht Nummer {n}.")), "txt")
    with library.transaction():
        return library.add_article(article, f"/tmp/bericht-{n}.txt", f"hash-{n}", frozenset())


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "lib")
    for n, title in enumerate(TITLES):
        _add(opened, title, n)
    return opened


def _order(library: Library, name: str) -> list[int]:
    return rl.article_ids(library, name)


def test_articles_keep_the_order_they_were_added_in(library: Library) -> None:
    rl.create_list(library, "Seminar Umweltpolitik")
    assert rl.add_to_list(library, "Seminar Umweltpolitik", [4, 1, 3]) == [4, 1, 3]
    assert rl.add_to_list(library, "seminar umweltpolitik", [2, 1]) == [2]  # 1 is on it already; names ignore case
    shown = rl.entries(library, "Seminar Umweltpolitik")
    assert [(e.position, e.article_id) for e in shown] == [(1, 4), (2, 1), (3, 3), (4, 2)]
    assert shown[0].title == "Hochwasser an der Oder" and shown[0].state == UNREAD


def test_adding_an_unknown_article_adds_none_of_them(library: Library) -> None:
    rl.create_list(library, "Recherche")
    with pytest.raises(ArticleNotFound):
        rl.add_to_list(library, "Recherche", [1, 99, 2])
    assert _order(library, "Recherche") == []


def test_move_and_remove(library: Library) -> None:
    rl.create_list(library, "Kurs")
    rl.add_to_list(library, "Kurs", [1, 2, 3, 4, 5])
    rl.move_in_list(library, "Kurs", 5, 1)
    assert _order(library, "Kurs") == [5, 1, 2, 3, 4]
    rl.move_in_list(library, "Kurs", 5, 3)
    assert _order(library, "Kurs") == [1, 2, 5, 3, 4]
    rl.move_in_list(library, "Kurs", 1, 99)  # beyond the end: last
    assert _order(library, "Kurs") == [2, 5, 3, 4, 1]
    rl.remove_from_list(library, "Kurs", [5, 3])
    assert _order(library, "Kurs") == [2, 4, 1]
    rl.add_to_list(library, "Kurs", [3])
    assert _order(library, "Kurs") == [2, 4, 1, 3]
    with pytest.raises(rl.NotOnList):
        rl.remove_from_list(library, "Kurs", [5])
    with pytest.raises(rl.ReadingListError):
        rl.set_order(library, "Kurs", [2, 4, 1])  # one is missing


def test_progress_counts_read_and_in_progress(library: Library) -> None:
    rl.create_list(library, "Kurs")
    rl.add_to_list(library, "Kurs", [1, 2, 3, 4])
    library.set_reading_state([1, 2], READ)
    library.set_reading_state([3], IN_PROGRESS)
    library.set_reading_state([5], READ)  # not on the list
    progress = rl.reading_list(library, "Kurs")
    assert (progress.total, progress.read, progress.in_progress, progress.unread) == (4, 2, 1, 1)
    library.set_reading_state([2], UNREAD)
    assert [e.state for e in rl.entries(library, "Kurs")] == [READ, UNREAD, IN_PROGRESS, UNREAD]
    assert rl.reading_list(library, "Kurs").read == 1
    with pytest.raises(UnknownReadingState):
        library.set_reading_state([1], "halb")


def test_opening_keeps_in_progress_and_the_library_list_shows_it(library: Library) -> None:
    library.set_reading_state([2], IN_PROGRESS)
    library.set_read(2)  # the desktop opened it
    library.set_read(3)
    rows = {row.id: row for row in library.list_rows(ListQuery(), 0, 10)}
    assert (rows[2].read, rows[2].in_progress) == (False, True)
    assert (rows[3].read, rows[3].in_progress) == (True, False)
    assert (rows[1].read, rows[1].in_progress) == (False, False)
    by_state = library.list_ids(ListQuery(sort="read", descending=False))
    assert by_state[-2:] == [2, 3]  # unread first, then in progress, then read


def test_names_are_unique_and_lists_can_be_renamed_and_deleted(library: Library) -> None:
    rl.create_list(library, "  Kurs   A ")
    with pytest.raises(rl.ListExists):
        rl.create_list(library, "kurs a")
    with pytest.raises(rl.BadListName):
        rl.create_list(library, "   ")
    rl.create_list(library, "Kurs B")
    rl.add_to_list(library, "Kurs A", [1, 2])
    with pytest.raises(rl.ListExists):
        rl.rename_list(library, "Kurs A", "Kurs B")
    renamed = rl.rename_list(library, "Kurs A", "Wintersemester")
    assert (renamed.name, renamed.total) == ("Wintersemester", 2)
    assert [x.name for x in rl.reading_lists(library)] == ["Kurs B", "Wintersemester"]
    assert rl.lists_with(library, 1) == ["Wintersemester"]
    rl.delete_list(library, "Wintersemester")
    with pytest.raises(rl.ListNotFound):
        rl.entries(library, "Wintersemester")
    assert library.count() == 5  # the articles stay


def test_a_removed_article_leaves_its_lists(library: Library) -> None:
    rl.create_list(library, "Kurs")
    rl.add_to_list(library, "Kurs", [1, 2, 3])
    library.remove(2)
    assert _order(library, "Kurs") == [1, 3]
    assert rl.reading_list(library, "Kurs").total == 2


def test_lists_survive_reopening(library: Library, tmp_path: Path) -> None:
    rl.create_list(library, "Kurs")
    rl.add_to_list(library, "Kurs", [3, 1])
    library.set_reading_state([3], IN_PROGRESS)
    library.close()
    with Library.open(tmp_path / "lib") as again:
        assert [(e.article_id, e.state) for e in rl.entries(again, "Kurs")] == [(3, IN_PROGRESS), (1, UNREAD)]
