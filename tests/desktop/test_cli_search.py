"""The search commands' contract: search --json shape, related, reindex, and import indexing as it goes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import FIXTURES


def lesesaal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "search", folder)
    code, _, err = lesesaal(capsys, "import", str(folder))
    assert code == 0, err
    return folder


def test_search_json_shape(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    code, out, err = lesesaal(capsys, "search", "Truppen", "--json")
    result = json.loads(out)
    assert code == 0 and err == ""
    assert set(result) >= {"query", "total", "ignored", "hits", "facets"}
    assert result["query"] == "Truppen" and result["total"] == 2 and result["ignored"] == []
    first = result["hits"][0]
    assert set(first) >= {"id", "title", "source", "date", "score", "snippet", "duplicates"}
    assert set(result["facets"]) == {"source", "year", "actor"}
    assert result["facets"]["year"] == {"2025": 2}  # documents matched; the Markdown copy has no date
    assert {hit["duplicates"] for hit in result["hits"]} == {0, 1}


def test_search_limit_sort_and_ignored_syntax(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    _, out, _ = lesesaal(capsys, "search", '"Truppen', "--json", "--limit", "1", "--sort", "date")
    result = json.loads(out)
    assert len(result["hits"]) == 1 and result["total"] == 2
    assert result["ignored"] == ['an unclosed quotation mark (")']
    assert result["hits"][0]["date"].startswith("2025-07-12")


def test_search_text_output(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    code, out, _ = lesesaal(capsys, "search", "Entsendung")
    assert code == 0 and out.startswith("2 stories for «Entsendung»")
    assert "*Truppenentsendung*" in out and "[+1 copy]" in out


def test_related_json(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    _, out, _ = lesesaal(capsys, "search", "Truppenentsendung", "--json")
    paris = json.loads(out)["hits"][0]["id"]
    code, out, _ = lesesaal(capsys, "related", str(paris), "--json")
    related = json.loads(out)
    assert code == 0 and related["id"] == paris
    assert [hit["title"] for hit in related["related"]] == ["Schutztruppe für die Ukraine: Europa plant Einsatz nach Waffenruhe"]


def test_reindex_rebuilds_and_search_still_works(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    code, out, _ = lesesaal(capsys, "reindex")
    assert code == 0 and out.strip() == "Rebuilt the search index: 5 articles."
    _, out, _ = lesesaal(capsys, "search", "Kartoffel", "--json")
    assert json.loads(out)["total"] == 1


def test_removed_article_leaves_the_search(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    _, out, _ = lesesaal(capsys, "search", "Kartoffel", "--json")
    article = json.loads(out)["hits"][0]["id"]
    lesesaal(capsys, "remove", str(article))
    _, out, err = lesesaal(capsys, "search", "Kartoffel", "--json")
    assert json.loads(out)["total"] == 0 and err == ""
