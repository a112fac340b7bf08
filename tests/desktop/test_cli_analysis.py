"""The analysis at the command line: show's quotes/actors/loaded, ``actors``, ``actor:`` and the actor facet."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from library.paths import database_path, library_dir
from tests.conftest import FIXTURES


def lesesaal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, int]:
    shutil.copytree(FIXTURES / "analysis", tmp_path / "in")
    code, _, err = lesesaal(capsys, "import", str(tmp_path / "in"), "--json")
    assert code == 0, err
    code, out, _ = lesesaal(capsys, "list", "--json")
    return {Path(a["title"]).name: a["id"] for a in json.loads(out)}


def _show(capsys: pytest.CaptureFixture[str], article_id: int) -> dict[str, Any]:
    code, out, err = lesesaal(capsys, "show", str(article_id), "--json")
    assert code == 0 and err == ""
    return dict(json.loads(out))


def test_show_json_gives_quotes_actors_and_loaded_wording(capsys: pytest.CaptureFixture[str],
                                                          imported: dict[str, int]) -> None:
    shown = _show(capsys, imported["Selenskyj bittet Merz um mehr Flugabwehr"])
    texts = {p["index"]: p["text"] for p in shown["paragraphs"]}
    actors = {a["id"]: a for a in shown["actors"]}
    for actor in shown["actors"]:
        assert set(actor) >= {"id", "name", "kind", "aliases", "role", "mentions"}
        assert actor["kind"] in ("person", "organisation", "place") and isinstance(actor["id"], int)
        for mention in actor["mentions"]:
            assert set(mention) == {"paragraph", "start", "end"}
    selenskyj = next(a for a in shown["actors"] if a["name"] == "Wolodymyr Selenskyj")
    assert selenskyj["role"] == "ukrainische Präsident" and "Selenskyj" in selenskyj["aliases"]
    for quote in shown["quotes"]:
        assert set(quote) >= {"paragraph", "start", "end", "text", "kind", "speaker"}
        assert texts[quote["paragraph"]][quote["start"]:quote["end"]] == quote["text"]
        assert quote["speaker"] is None or quote["speaker"] in actors
    flak = next(q for q in shown["quotes"] if q["text"].startswith("Wir brauchen jetzt Flugabwehr"))
    assert (flak["kind"], flak["speaker"]) == ("direct", selenskyj["id"])
    assert {q["kind"] for q in shown["quotes"]} == {"direct", "indirect", "term"}
    loaded = {m["text"]: m for m in shown["loaded"]}
    assert set(loaded) == {"Machthabers", "sogenannte"}
    for mark in shown["loaded"]:
        assert texts[mark["paragraph"]][mark["start"]:mark["end"]] == mark["text"] and mark["why"]


def test_actor_ids_are_the_librarys_across_articles(capsys: pytest.CaptureFixture[str],
                                                    imported: dict[str, int]) -> None:
    ids = set()
    for title in ("Selenskyj bittet Merz um mehr Flugabwehr", "Kiew bereitet sich auf einen harten Winter vor",
                  "Zelensky zu Gast in London"):
        shown = _show(capsys, imported[title])
        ids |= {a["id"] for a in shown["actors"] if a["kind"] == "person" and "Selenskyj" in a["name"]}
    assert len(ids) == 1


def test_show_lists_the_analysis_readably(capsys: pytest.CaptureFixture[str], imported: dict[str, int]) -> None:
    code, out, _ = lesesaal(capsys, "show", str(imported["Zelensky zu Gast in London"]))
    assert code == 0
    assert "\nQuotes\n" in out and "«Wir stehen an Ihrer Seite» — Keir Starmer (#" in out
    assert "\nActors\n" in out and "Wolodymyr Selenskyj (person), ukrainische Präsident — also: Zelensky" in out


def test_actors_json_lists_each_actor_once_with_counts(capsys: pytest.CaptureFixture[str],
                                                       imported: dict[str, int]) -> None:
    code, out, err = lesesaal(capsys, "actors", "--json")
    assert code == 0 and err == ""
    listed = json.loads(out)
    for actor in listed:
        assert set(actor) == {"id", "name", "kind", "aliases", "articles", "stories"}
    by_name = {a["name"]: a for a in listed}
    assert by_name["Wolodymyr Selenskyj"]["articles"] == 3 and by_name["Keir Starmer"]["articles"] == 2
    assert "Zelensky" in by_name["Wolodymyr Selenskyj"]["aliases"]
    assert [a["articles"] for a in listed] == sorted((a["articles"] for a in listed), reverse=True)
    code, out, _ = lesesaal(capsys, "actors")
    assert code == 0 and "Wolodymyr Selenskyj" in out and "Zelensky" in out


def _search(capsys: pytest.CaptureFixture[str], query: str) -> dict[str, Any]:
    code, out, _ = lesesaal(capsys, "search", query, "--json")
    assert code == 0
    return dict(json.loads(out))


def test_the_actor_filter_finds_every_spelling_and_the_facet_counts_stories(
        capsys: pytest.CaptureFixture[str], imported: dict[str, int]) -> None:
    for spelling in ("Zelensky", "Selenskij", '"Wolodymyr Selenskyj"'):
        found = _search(capsys, f"actor:{spelling}")
        assert found["total"] == 3 and found["ignored"] == [], spelling
    assert _search(capsys, "actor:Starmer Paris")["total"] == 1
    assert _search(capsys, "actor:Starmer actor:Selenskij")["total"] == 1
    assert _search(capsys, "actor:Nobelpreiskomitee")["total"] == 0
    facets = _search(capsys, "Präsident")["facets"]
    assert facets["actor"]["Wolodymyr Selenskyj"] == 3 and facets["actor"]["Keir Starmer"] == 2
    numbered = _search(capsys, "actor:" + str(_actor_id(capsys, "Keir Starmer")))
    assert numbered["total"] == 2


def _actor_id(capsys: pytest.CaptureFixture[str], name: str) -> int:
    _, out, _ = lesesaal(capsys, "actors", "--json")
    return int(next(a["id"] for a in json.loads(out) if a["name"] == name))


def test_a_stale_analysis_is_remade_when_the_library_is_opened(capsys: pytest.CaptureFixture[str],
                                                               imported: dict[str, int]) -> None:
    with sqlite3.connect(database_path(library_dir())) as db:
        db.execute("UPDATE analyses SET version = '0-old', findings = '{\"quotes\":[],\"actors\":[],\"loaded\":[]}'")
    code, out, err = lesesaal(capsys, "show", str(imported["Zelensky zu Gast in London"]), "--json")
    assert code == 0 and "analysed 4 articles again" in err
    shown = json.loads(out)
    assert shown["analysis"]["version"] != "0-old" and shown["quotes"]
    assert _search(capsys, "actor:Zelensky")["total"] == 3  # and the index followed
