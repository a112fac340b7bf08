"""Markdown, plain-text and HTML blocks: markup dropped, white space collapsed, wrapped lines re-joined."""

from __future__ import annotations

import pytest

from articles.html_text import html_draft
from articles.markdown_text import inline_to_plain, markdown_blocks
from articles.plain_text import join_wrapped, split_paragraphs


@pytest.mark.parametrize(("line", "plain"), [
    ("Der Bürgermeister sprach   über den Haushalt.", "Der Bürgermeister sprach über den Haushalt."),
    ("Ein [Bericht](https://example.org/a) und ![Hafen](bild.jpg) dazu", "Ein Bericht und Hafen dazu"),
    ("Siehe [Quelle][1] und <https://example.org>", "Siehe Quelle und https://example.org"),
    ("Mit **fettem**, *schrägem* und __doppeltem__ Text", "Mit fettem, schrägem und doppeltem Text"),
    ("Der Befehl `lesesaal search` und <b>Tags</b>", "Der Befehl lesesaal search und Tags"),
    ("Ein \\# Zeichen und \\_x", "Ein # Zeichen und _x"),
    ("a_b_c bleibt, 3 * 4 = 12 auch", "a_b_c bleibt, 3 * 4 = 12 auch"),
    ("\u2003Schmaler\u2009Raum\u00a0und\tTab\u3000", "Schmaler Raum und Tab"),
])
def test_inline_markdown_becomes_the_text_a_reader_sees(line: str, plain: str) -> None:
    assert inline_to_plain(line) == plain


def test_markdown_blocks_join_wrapped_lines_and_keep_hints() -> None:
    blocks = markdown_blocks("# Fähre fällt aus\n\nDer Waffen-\nstillstand hält, sagt die\nSPD-\nFraktion.\n")
    assert [block.text for block in blocks] == ["Fähre fällt aus", "Der Waffenstillstand hält, sagt die SPD-Fraktion."]


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("Waffen-", "stillstand", "Waffenstillstand"), ("SPD-", "Fraktion", "SPD-Fraktion"),
    ("Ende des Satzes", "neu", "Ende des Satzes neu"), ("2024-", "2025", "2024- 2025"), ("Nord -", "Süd", "Nord - Süd"),
])
def test_wrapped_lines_are_joined(first: str, second: str, joined: str) -> None:
    assert join_wrapped(first, second) == joined


def test_plain_paragraphs_collapse_spaces_and_tabs_within_lines_only() -> None:
    text = "Erste  Zeile\tmit\f Tabs \nund Fortsetzung\n\n  Zweiter   Absatz.  \n"
    assert split_paragraphs(text) == ["Erste Zeile mit Tabs und Fortsetzung", "Zweiter Absatz."]


def test_html_blocks_collapse_every_kind_of_white_space() -> None:
    page = ("<html><body><article><h1>Neue\u00a0Fähre\n für  Kiel</h1>"
            "<p>Die Stadt\u2009kauft\t eine\n\nFähre.</p><p> <b>Zweiter</b>  Absatz </p></article></body></html>")
    draft = html_draft(page)
    assert [block.text for block in draft.blocks] == ["Neue Fähre für Kiel", "Die Stadt kauft eine Fähre.",
                                                      "Zweiter Absatz"]
