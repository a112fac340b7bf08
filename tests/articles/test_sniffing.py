"""File kinds are decided by content: extensions are hints, never trusted for binaries."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from articles.errors import NotAnArticle
from articles.sniffing import EPUB, HTML, MARKDOWN, TEXT, sniff_format


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("story.txt", b"Titel\n\nText.", TEXT),
        ("story.md", b"# Titel\n\nText.", MARKDOWN),
        ("story.htm", b"<!DOCTYPE html><html><p>x</p>", HTML),
        ("saved_page", b"<html><head><title>x</title>", HTML),
        ("story.txt", b"<!doctype html>\n<html><body><p>x</p></body></html>", HTML),
        ("notes", b"# Titel\n\n## Zwischentitel\n\nText mit **fett**.", MARKDOWN),
        ("notes", b"Nur ein Absatz ohne Auszeichnung.", TEXT),
        ("book.epub", b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip", EPUB),
    ],
)
def test_format_is_sniffed(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(PurePath(name), head) == expected


@pytest.mark.parametrize(
    ("name", "head", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n....", "PNG image"),
        ("article.html", b"%PDF-1.7\n", "PDF document"),
        ("article", b"\x7fELF\x02\x01", "program"),
        ("article.md", b"PK\x03\x04 not an epub", "ZIP archive"),
        ("data.json", b'{"a": 1}', "JSON"),
        ("export", b'[{"title": "x"}]', "JSON"),
        ("broken.epub", b"plain text", "not a ZIP"),
    ],
)
def test_non_articles_are_refused_with_what_they_are(name: str, head: bytes, reason: str) -> None:
    with pytest.raises(NotAnArticle, match=reason):
        sniff_format(PurePath(name), head)
