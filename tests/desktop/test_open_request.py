"""Reading what the operating system hands the app: lesesaal:// links and file arguments (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.open_request import ArticleLink, BadLink, absolute_arguments, missing_paragraph, parse_link, split_arguments


@pytest.mark.parametrize(("text", "expected"), [
    ("lesesaal://article/12#p3", ArticleLink(12, 3)),
    ("lesesaal://article/12", ArticleLink(12, None)),
    ("LESESAAL://Article/7/#P0", ArticleLink(7, 0)),
])
def test_links_name_an_article_and_a_paragraph(text: str, expected: ArticleLink) -> None:
    assert parse_link(text) == expected


@pytest.mark.parametrize(("text", "says"), [
    ("lesesaal://artikel/12", "not a link Lesesaal can open"),
    ("lesesaal://article/zwölf#p1", "not a link Lesesaal can open"),
    ("lesesaal://article/12#absatz3", "names no paragraph"),
    ("lesesaal:", "not a link Lesesaal can open"),
])
def test_a_bad_link_says_what_a_link_looks_like(text: str, says: str) -> None:
    with pytest.raises(BadLink, match=says) as raised:
        parse_link(text)
    assert "lesesaal://article/<id>#p<paragraph>" in str(raised.value)


def test_paths_become_absolute_and_links_stay_as_they_are(tmp_path: Path) -> None:
    arguments = absolute_arguments(["artikel/fähre.md", "lesesaal://article/3#p1", str(tmp_path / "b.txt")], tmp_path)
    assert arguments == [str(tmp_path / "artikel" / "fähre.md"), "lesesaal://article/3#p1", str(tmp_path / "b.txt")]
    paths, links = split_arguments(arguments)
    assert paths == [tmp_path / "artikel" / "fähre.md", tmp_path / "b.txt"] and links == ["lesesaal://article/3#p1"]


def test_a_paragraph_the_article_lacks_is_an_error_that_names_the_range() -> None:
    assert missing_paragraph(ArticleLink(4, 2), [0, 1, 2]) is None
    assert missing_paragraph(ArticleLink(4), [0, 1]) is None
    error = missing_paragraph(ArticleLink(4, 9), [0, 1, 2])
    assert error is not None and "article #4 has no paragraph 9 (its paragraphs are 0 to 2)" in str(error)
