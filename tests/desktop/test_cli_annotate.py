"""The annotation commands as scripts use them: make, list, edit, delete, show --json, search, remove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

ARTICLE = ("Hafen erhält neue Kaimauer\n\n"
           "Der Hafen von Rostock bekommt bis 2027 eine neue Kaimauer, teilte die Hafengesellschaft am Montag mit.\n\n"
           "Die Arbeiten kosten nach Angaben des Landes rund 60 Millionen Euro. Der Fährverkehr soll weiterlaufen.")


def lesesaal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> int:
    path = tmp_path / "kaimauer.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = lesesaal(capsys, "import", "--json", str(path))
    assert code == 0, err
    return 1


def offsets(words: str) -> tuple[str, str, str]:
    paragraph = ARTICLE.split("\n\n")[2]
    start = paragraph.index(words)
    return "2", str(start), str(start + len(words))


def test_annotate_prints_the_annotation_and_show_json_carries_it(capsys: pytest.CaptureFixture[str],
                                                                  article: int) -> None:
    paragraph, start, end = offsets("60 Millionen Euro")
    code, out, err = lesesaal(capsys, "annotate", str(article), "--paragraph", paragraph, "--start", start, "--end",
                              end, "--note", "Kosten im Vergleich?", "--tag", "Kosten", "--tag", "Hafen",
                              "--colour", "blue", "--json")
    assert code == 0 and err == ""
    made = json.loads(out)
    assert set(made) == {"id", "article_id", "paragraph", "start", "end", "quote", "prefix", "suffix", "colour",
                         "note", "tags", "created", "updated", "detached"}
    assert (made["quote"], made["colour"], made["note"], made["tags"]) == (
        "60 Millionen Euro", "blue", "Kosten im Vergleich?", ["Kosten", "Hafen"])
    code, out, _ = lesesaal(capsys, "show", str(article), "--json")
    assert json.loads(out)["annotations"] == [made]
    code, out, _ = lesesaal(capsys, "show", str(article))
    assert "Annotations:" in out and "«60 Millionen Euro»" in out and "Kosten im Vergleich?" in out


def test_list_edit_and_delete_by_annotation_id(capsys: pytest.CaptureFixture[str], article: int) -> None:
    paragraph, start, end = offsets("Fährverkehr")
    lesesaal(capsys, "annotate", str(article), "--paragraph", paragraph, "--start", start, "--end", end, "--tag", "a")
    code, out, _ = lesesaal(capsys, "annotations", "--json")
    [listed] = json.loads(out)
    assert code == 0 and listed["quote"] == "Fährverkehr" and listed["colour"] == "yellow"
    code, out, _ = lesesaal(capsys, "annotate", "--edit", str(listed["id"]), "--note", "weiter?", "--no-tags", "--json")
    edited = json.loads(out)
    assert code == 0 and (edited["note"], edited["tags"], edited["colour"]) == ("weiter?", [], "yellow")
    code, out, _ = lesesaal(capsys, "annotations", str(article), "--tag", "a", "--json")
    assert json.loads(out) == []
    code, out, _ = lesesaal(capsys, "annotate", "--delete", str(listed["id"]))
    assert code == 0 and f"Deleted annotation #{listed['id']}" in out
    code, out, _ = lesesaal(capsys, "annotations", str(article))
    assert out.strip() == "No annotations."
    code, _, err = lesesaal(capsys, "annotate", "--delete", str(listed["id"]))
    assert code == 1 and f"no annotation #{listed['id']}" in err


def test_notes_and_tags_are_found_by_search_right_after_annotating(capsys: pytest.CaptureFixture[str],
                                                                   article: int) -> None:
    paragraph, start, end = offsets("Fährverkehr")
    lesesaal(capsys, "annotate", str(article), "--paragraph", paragraph, "--start", start, "--end", end,
             "--note", "Fahrplan für das Referat prüfen", "--tag", "Referat")
    code, out, err = lesesaal(capsys, "search", "Fahrplan", "--json")
    [hit] = json.loads(out)["hits"]
    assert code == 0 and err == ""  # the index was brought in step by annotate, not by the search
    assert hit["in_note"] is True and hit["annotations"] == 1 and "<mark>Fahrplan</mark>" in hit["note_snippet"]
    code, out, _ = lesesaal(capsys, "search", "tag:referat", "--json")
    assert [h["id"] for h in json.loads(out)["hits"]] == [article]
    code, out, _ = lesesaal(capsys, "search", "Kaimauer", "--json")
    assert json.loads(out)["hits"][0]["in_note"] is False


@pytest.mark.parametrize(("args", "message"), [
    (("--paragraph", "9", "--start", "0", "--end", "4"), "no paragraph 9"),
    (("--paragraph", "2", "--start", "5", "--end", "500"), "must satisfy 0 <= start < end <="),
    (("--paragraph", "2", "--start", "0", "--end", "4", "--tag", "a,b"), "no comma"),
])
def test_bad_anchors_fail_with_a_message_and_store_nothing(capsys: pytest.CaptureFixture[str], article: int,
                                                          args: tuple[str, ...], message: str) -> None:
    code, out, err = lesesaal(capsys, "annotate", str(article), *args)
    assert code == 1 and out == "" and message in err
    assert json.loads(lesesaal(capsys, "annotations", "--json")[1]) == []


def test_missing_offsets_and_unknown_colours_are_usage_errors(capsys: pytest.CaptureFixture[str], article: int) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["annotate", str(article), "--paragraph", "2"])
    assert exited.value.code == 2 and "--start, --end" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["annotate", str(article), "--paragraph", "2", "--start", "0", "--end", "3", "--colour", "red"])
    assert exited.value.code == 2 and "invalid choice: 'red'" in capsys.readouterr().err


def test_remove_keeps_an_annotated_article_unless_asked(capsys: pytest.CaptureFixture[str], article: int) -> None:
    paragraph, start, end = offsets("Fährverkehr")
    lesesaal(capsys, "annotate", str(article), "--paragraph", paragraph, "--start", start, "--end", end)
    code, _, err = lesesaal(capsys, "remove", str(article))
    assert code == 1 and "--with-annotations" in err
    assert len(json.loads(lesesaal(capsys, "list", "--json")[1])) == 1
    code, out, _ = lesesaal(capsys, "remove", str(article), "--with-annotations")
    assert code == 0 and json.loads(lesesaal(capsys, "list", "--json")[1]) == []
