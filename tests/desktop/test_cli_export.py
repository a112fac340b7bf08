"""``lesesaal export``: articles or a reading list, with real annotations, in every format, each parsed back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from library.paths import library_dir
from library.store import Library
from summarize.cache import LibraryCache
from summarize.pipeline import extractive_summary
from summarize.source import source_of
from summarize.values import LLM, ModelInfo
from tests.desktop.conftest import SAMPLES
from tests.desktop.test_cli import lesesaal


def _paragraph(capsys: pytest.CaptureFixture[str], article_id: int, word: str) -> tuple[int, int, int]:
    shown = json.loads(lesesaal(capsys, "show", str(article_id), "--json")[1])
    for paragraph in shown["paragraphs"]:
        start = paragraph["text"].find(word)
        if paragraph["role"] in ("lead", "body") and start >= 0:
            return paragraph["index"], start, start + len(word)
    raise AssertionError(word)


@pytest.fixture
def annotated(capsys: pytest.CaptureFixture[str]) -> tuple[int, int]:
    """Two articles: the ferry story with two annotations, and another without."""
    lesesaal(capsys, "import", str(SAMPLES))
    hits = json.loads(lesesaal(capsys, "search", "Göteborg", "--json")[1])["hits"]
    ferry = hits[0]["id"]
    other = next(item["id"] for item in json.loads(lesesaal(capsys, "list", "--json")[1])
                 if item["id"] != ferry and item["duplicate_of"] is None)
    for word, note, tags in (("„Skagerrak“", "Name prüfen", ["Verkehr", "Ostsee Häfen"]), ("Schweröl", "", ["Verkehr"])):
        paragraph, start, end = _paragraph(capsys, ferry, word)
        args = ["annotate", str(ferry), "--paragraph", str(paragraph), "--start", str(start), "--end", str(end)]
        args += (["--note", note] if note else []) + [x for tag in tags for x in ("--tag", tag)]
        code, _, err = lesesaal(capsys, *args)
        assert code == 0, err
    return ferry, other


def test_markdown_folder_one_note_each_with_front_matter_summary_and_quotes(
        capsys: pytest.CaptureFixture[str], annotated: tuple[int, int], tmp_path: Path) -> None:
    ferry, other = annotated
    code, out, _ = lesesaal(capsys, "export", str(ferry), str(other), "--format", "md", "-o", str(tmp_path / "notes"))
    written = [Path(line) for line in out.splitlines()]
    assert code == 0 and len(written) == 2 and all(path.parent == tmp_path / "notes" for path in written)
    note = written[0].read_text(encoding="utf-8")
    front = yaml.safe_load(note[4:note.index("\n---\n", 4)])
    assert set(front) == {"title", "source", "date", "url", "author", "tags", "lesesaal"}
    assert front["tags"] == ["Verkehr", "Ostsee-Häfen"] and front["lesesaal"] == f"lesesaal://article/{ferry}"
    paragraph = _paragraph(capsys, ferry, "„Skagerrak“")[0]
    assert f"> „Skagerrak“\n> — [¶{paragraph + 1}](lesesaal://article/{ferry}#p{paragraph})\n\nName prüfen" in note
    assert "## Summary" in note and "sentences of the article (extractive)" in note and "### Key points" in note
    assert yaml.safe_load(written[1].read_text(encoding="utf-8").split("\n---\n")[0][4:])["tags"] == []


def test_markdown_uses_a_cached_model_summary(capsys: pytest.CaptureFixture[str], annotated: tuple[int, int],
                                             tmp_path: Path) -> None:
    ferry, _ = annotated
    code, out, _ = lesesaal(capsys, "export", str(ferry), "--format", "md")
    assert code == 0 and out.startswith("---\n") and "extractive" in out
    with Library.open(library_dir()) as library:  # a model's summary of this text, as the app caches it
        stored = library.article(ferry)
        source = source_of(ferry, stored.paragraphs, stored.metadata.language)
        summary = extractive_summary(source).with_changes(method=LLM, model=ModelInfo("m.gguf", "Testmodell", "0" * 64))
        LibraryCache(library).put("a-model-summary", source, summary)
    out = lesesaal(capsys, "export", str(ferry), "--format", "md")[1]
    assert "by Testmodell, checked against the article" in out


def test_annotations_as_csv_and_json_from_a_list(capsys: pytest.CaptureFixture[str],
                                                 annotated: tuple[int, int]) -> None:
    ferry, other = annotated
    lesesaal(capsys, "lists", "Seminar", "--create", "--add", str(other), str(ferry))
    code, out, _ = lesesaal(capsys, "export", "--list", "Seminar", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0 and [r["article_id"] for r in rows] == [str(ferry)] * 2
    assert rows[0]["quote"] == "„Skagerrak“" and rows[0]["tags"] == "Verkehr; Ostsee Häfen" and rows[0]["note"] == "Name prüfen"
    assert rows[0]["link"].startswith(f"lesesaal://article/{ferry}#p")
    listed = json.loads(lesesaal(capsys, "export", "--list", "Seminar", "--format", "json")[1])
    assert [a["quote"] for a in listed] == ["„Skagerrak“", "Schweröl"] and listed[1]["tags"] == ["Verkehr"]


def test_references_for_a_list_in_its_order(capsys: pytest.CaptureFixture[str], annotated: tuple[int, int],
                                           tmp_path: Path) -> None:
    ferry, other = annotated
    lesesaal(capsys, "lists", "Quellen", "--create", "--add", str(other), str(ferry))
    target = tmp_path / "quellen.json"
    assert lesesaal(capsys, "export", "--list", "Quellen", "--format", "csl-json", "-o", str(target))[0] == 0
    items = json.loads(target.read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [f"lesesaal-{other}", f"lesesaal-{ferry}"]
    assert all(item["type"] == "article-newspaper" and isinstance(item["title"], str) for item in items)
    code, out, _ = lesesaal(capsys, "export", str(ferry), "--format", "ris")
    lines = out.split("\r\n")
    assert code == 0 and lines[0] == "TY  - NEWS" and "ER  - " in lines
    assert all(line[2:6] == "  - " for line in lines if line)


def test_export_errors(capsys: pytest.CaptureFixture[str], annotated: tuple[int, int]) -> None:
    code, _, err = lesesaal(capsys, "export", "999", "--format", "ris")
    assert code == 1 and "no article #999" in err
    code, _, err = lesesaal(capsys, "export", "--list", "Fehlt", "--format", "md")
    assert code == 1 and "no reading list «Fehlt»" in err
    with pytest.raises(SystemExit):
        lesesaal(capsys, "export", "--format", "md")
    assert "IDs or --list" in capsys.readouterr().err


def test_a_target_ending_in_a_separator_is_a_folder_and_a_file_is_not_taken_for_one(
        capsys: pytest.CaptureFixture[str], annotated: tuple[int, int], tmp_path: Path) -> None:
    ferry, _ = annotated
    code, out, err = lesesaal(capsys, "export", str(ferry), "--format", "csv", "-o", f"{tmp_path / 'neu'}/")
    assert code == 0, err
    assert out.strip() == str(tmp_path / "neu" / "lesesaal-export.csv") and (tmp_path / "neu").is_dir()
    existing = tmp_path / "notizen.txt"
    existing.write_text("meine Notizen", encoding="utf-8")
    code, _, err = lesesaal(capsys, "export", str(ferry), "--format", "md", "-o", str(existing))
    assert code == 1 and "is a file" in err and "ending in .md" in err
    assert existing.read_text(encoding="utf-8") == "meine Notizen"
