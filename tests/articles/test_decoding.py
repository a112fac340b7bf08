"""Encodings users' files come in are read as the same text; damaged bytes are reported."""

from __future__ import annotations

import codecs

import pytest

from articles.decoding import clean_text, decode_bytes
from articles.errors import NotAnArticle, UndecodableText

GERMAN = "Die Straße nach Köln: „Übermäßig“ teuer – 3 € mehr für Bürger."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8"),
        (GERMAN.encode("utf-16"), "utf-16"),
        (GERMAN.encode("utf-16-le"), "utf-16-le"),
        (GERMAN.encode("utf-16-be"), "utf-16-be"),
        (GERMAN.encode("cp1252"), "cp1252"),
    ],
)
def test_each_supported_encoding_gives_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == GERMAN
    assert decoded.encoding == encoding


def test_latin1_umlauts_survive() -> None:
    text = "Größere Maßnahmen für Äpfel und Öl"
    assert decode_bytes(text.encode("latin-1")).text == text


def test_declared_html_charset_is_used_when_bytes_are_not_utf8() -> None:
    data = "<meta charset='iso-8859-15'><p>Preis: 5 €</p>".encode("iso-8859-15")
    assert "5 €" in decode_bytes(data, declared="iso-8859-15").text


def test_damaged_utf8_is_read_with_a_warning_naming_the_bad_bytes() -> None:
    data = ("Über die Brücke gehen täglich viele Menschen. " * 20).encode() + b"\xff" + " Ende.".encode()
    decoded = decode_bytes(data)
    assert decoded.text.endswith("\ufffd Ende.")
    assert "1 undecodable byte" in decoded.warning


def test_binary_with_nul_bytes_is_refused() -> None:
    with pytest.raises(NotAnArticle, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03abc\x00\x00\xff" * 50)


def test_random_bytes_are_refused_as_undecodable() -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(4000) if (i * 37 + 11) % 256 != 0)
    with pytest.raises(UndecodableText, match="cannot decode"):
        decode_bytes(noise)


def test_clean_text_normalises_what_readers_cannot_see() -> None:
    decomposed = "Mu\u0308ller\r\nWaffen\u00adstillstand\u00a0jetzt\u200b"
    assert clean_text(decomposed) == "Müller\nWaffenstillstand jetzt"
