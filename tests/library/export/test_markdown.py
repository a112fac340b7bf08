"""Markdown notes: front matter read back by a real YAML parser, summary and annotations with their links."""

from __future__ import annotations

import datetime
from dataclasses import replace

import markdown
import pytest
import yaml

from library.export.markdown import markdown_note, markdown_notes, note_file_name, yaml_string
from tests.library.export.articles import FERRY, WIND


def _front_matter(note: str) -> dict[str, object]:
    assert note.startswith("---\n")
    head, _, _ = note[4:].partition("\n---\n")
    parsed: dict[str, object] = yaml.safe_load(head)
    return parsed


def test_front_matter_has_what_obsidian_reads() -> None:
    front = _front_matter(markdown_note(FERRY))
    assert front == {"title": FERRY.title, "source": "Kieler Nachrichten", "date": datetime.date(2025, 7, 11),
                     "url": FERRY.url, "author": FERRY.author, "tags": ["Verkehr", "Nahverkehr-Kiel", "Zitat"],
                     "lesesaal": "lesesaal://article/12"}
    bare = _front_matter(markdown_note(WIND))
    assert bare["date"] == "2024-03" and bare["tags"] == [] and bare["url"] == ""


@pytest.mark.parametrize("text", [
    'Er sagte: "Nein" – #1 {a: b} [c] & *d* | > e', "zwei\nZeilen\tund\\Backslash", "- Spiegelstrich", "yes",
    "null", "Steuer\x07zeichen\x85NEL\u2028LS\ufeffBOM", "Emoji 🚢 und Ümläute ß", "'einfach'", "", "   ",
])
def test_any_title_survives_the_round_trip(text: str) -> None:
    front = _front_matter(markdown_note(replace(FERRY, title=text, source=text, annotations=())))
    assert front["title"] == text and front["source"] == text
    assert yaml.safe_load(yaml_string(text)) == text


def test_the_summary_cites_paragraphs_with_links_back() -> None:
    note = markdown_note(FERRY)
    assert "## Summary" in note and "Qwen2.5 1.5B Instruct" in note
    assert ("Eine neue Fähre verbindet ab April Kiel und Göteborg. ([¶2](lesesaal://article/12#p1), "
            "[¶3](lesesaal://article/12#p2))") in note
    assert "- Sie legt zweimal täglich ab. ([¶3](lesesaal://article/12#p2))" in note
    assert "- Die Reederei rechnet mit 500.000 Fahrgästen. ([¶5](lesesaal://article/12#p4)) *(not verified)*" in note
    assert "## Summary" not in markdown_note(WIND)


def test_annotations_are_quotes_with_their_notes_tags_and_paragraph_links() -> None:
    note = markdown_note(FERRY)
    body = note.split("## Annotations", 1)[1]
    assert "> zweimal täglich ablegen\n> — [¶3](lesesaal://article/12#p2)\n\nFahrplan prüfen:\nAbfahrt 8 Uhr?" in body
    assert "Tags: #Verkehr #Nahverkehr-Kiel" in body
    assert "> „Ein guter Tag“, sagte sie.\n> — [¶5](lesesaal://article/12#p4)\n\nTags: #Zitat #Verkehr" in body
    assert "> gestrichen\n> — detached: no longer found in the article" in body and "#p5" not in body
    assert "## Annotations" not in markdown_note(WIND)


def test_several_notes_in_one_stream_each_with_its_front_matter() -> None:
    stream = markdown_notes([FERRY, WIND])
    notes = stream.split("\n---\ntitle: ")
    assert len(notes) == 2
    assert _front_matter("---\ntitle: " + notes[1])["title"] == WIND.title


def test_file_names_are_safe() -> None:
    assert note_file_name(FERRY) == "12 Neue Fähre „Kiel – Göteborg“ ab April Ostsee.md"
    assert note_file_name(replace(WIND, title="../../etc/passwd")) == "7 .. .. etc passwd.md"
    assert note_file_name(replace(WIND, title="???")) == "7.md"


def test_a_note_stays_text_of_its_annotation_whatever_its_lines_start_with() -> None:
    typed = "# wichtig\nZweite Zeile\n---\n> kein Zitat\n**fett** bleibt"
    first = FERRY.annotations[0]
    note = markdown_note(replace(FERRY, annotations=(replace(first, note=typed + "\n#Hafen"),)))
    assert note.endswith("\n#Hafen\n\nTags: #Verkehr #Nahverkehr-Kiel\n")  # an Obsidian tag stays a tag
    html = markdown.markdown(markdown_note(replace(FERRY, annotations=(replace(first, note=typed),))))
    annotations = html.split("<h2>Annotations</h2>", 1)[1]
    assert "<h1>" not in annotations and "<h2>" not in annotations and "<hr" not in annotations
    assert annotations.count("<blockquote>") == 1  # the quote itself, not the note's last line
    assert "# wichtig" in annotations and "&gt; kein Zitat" in annotations and "<strong>fett</strong>" in annotations
