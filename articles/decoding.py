"""Bytes to text: detects the encoding of an article file and cleans up the text.

Supported: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the byte
pattern is unambiguous), cp1252 and latin-1. A declared HTML charset is honoured when the
bytes are not valid UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from articles.errors import NotAnArticle, UndecodableText

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
_SOFT_HYPHEN = "\u00ad"
_NEEDS_CLEANING = re.compile("[\r\u2028\u2029\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_ODD_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"), " ")
#: Share of replacement characters above which mostly-UTF-8 bytes count as undecodable.
_MAX_REPLACED_SHARE = 0.01


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warning: str = ""


def decode_bytes(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode article bytes, or raise ``UndecodableText``/``NotAnArticle`` with the reason."""
    decoded = _decode(data, declared)
    share = len(_CONTROL.findall(decoded.text[:20000])) / max(1, min(len(decoded.text), 20000))
    if share > 0.002:
        raise UndecodableText(
            f"cannot decode the text: it contains control characters after decoding as "
            f"{decoded.encoding}, so it is probably binary or in an unsupported encoding"
        )
    return DecodedText(clean_text(decoded.text), decoded.encoding, decoded.warning)


def _decode(data: bytes, declared: str | None) -> DecodedText:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "UTF-8 with BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, utf16.upper())
    if b"\x00" in data:
        raise NotAnArticle("binary file: it contains NUL bytes and is not UTF-16 text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared) not in (None, "utf-8"):
        try:
            return DecodedText(data.decode(declared), declared.lower())
        except (UnicodeDecodeError, LookupError):
            pass
    return _legacy_or_damaged_utf8(data)


def _legacy_or_damaged_utf8(data: bytes) -> DecodedText:
    """Bytes that are not valid UTF-8: mostly-UTF-8 with a few bad bytes, or a legacy code page."""
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F) - replaced
    if multibyte > replaced and replaced / max(1, len(lenient)) <= _MAX_REPLACED_SHARE:
        warning = f"{replaced} undecodable byte(s) replaced by \ufffd (the file is damaged UTF-8)"
        return DecodedText(lenient, "utf-8", warning)
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return DecodedText(data.decode("latin-1"), "latin-1")


def _strict(data: bytes, codec: str, label: str) -> DecodedText:
    try:
        return DecodedText(data.decode(codec), codec)
    except UnicodeDecodeError as error:
        raise UndecodableText(f"cannot decode the text as {label}: invalid bytes at offset {error.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte of the start is NUL, as in ASCII-heavy UTF-16."""
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) // 2)
    odd_zero = sample[1::2].count(0) / (len(sample) // 2)
    if odd_zero > 0.6 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.6 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset a saved web page declares in its first few kilobytes, if any."""
    found = _HTML_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def clean_text(text: str) -> str:
    """NFC, Unix line endings, no soft hyphens or zero-width characters, plain spaces."""
    if _NEEDS_CLEANING.search(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
        text = text.translate(_INVISIBLE).translate(_ODD_SPACES)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
