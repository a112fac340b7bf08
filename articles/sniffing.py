"""Decides what kind of file an article file is, from its bytes more than its name."""

from __future__ import annotations

import re
from pathlib import PurePath

from articles.errors import NotAnArticle

TEXT, MARKDOWN, HTML, EPUB = "text", "markdown", "html", "epub"

_EXTENSIONS = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".epub": EPUB,
}
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program (ELF binary)",
    b"MZ": "a Windows program",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"RIFF": "a media file (RIFF)",
    b"ID3": "an MP3 file",
    b"OggS": "an Ogg media file",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"SQLite format 3": "an SQLite database",
}
_NOT_ARTICLES = {
    ".json": "a JSON data file", ".csv": "a CSV table", ".tsv": "a TSV table", ".xml": "an XML data file",
    ".yaml": "a YAML file", ".yml": "a YAML file", ".py": "a program's source code", ".js": "a script",
    ".css": "a style sheet", ".sqlite": "a database", ".sqlite3": "a database", ".db": "a database",
    ".docx": "a Word document", ".odt": "an OpenDocument text", ".pdf": "a PDF document",
}
_SUPPORTED = "supported are .txt, .md, .html and .epub files, or text files without an extension"
_JSON_START = re.compile(rb"^\s*[\[{]\s*[\"\[{\]}]")
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<title|<article|<!--)", re.IGNORECASE)
_HTML_ANYWHERE = re.compile(rb"<(p|div|h1|h2|article|br)\b[^>]*>", re.IGNORECASE)
_MARKDOWN_HINT = re.compile(
    r"^(#{1,6} \S|---\s*$|!\[[^\]]*\]\(|\*\*[^*]+\*\*|[=]{3,}\s*$|> \S)", re.MULTILINE
)


def sniff_format(path: PurePath, head: bytes) -> str:
    """The article format for a file, or raise ``NotAnArticle`` for binary files."""
    suffix = path.suffix.lower()
    if suffix in _NOT_ARTICLES:
        raise NotAnArticle(f"not an article: the file is {_NOT_ARTICLES[suffix]} ({_SUPPORTED})")
    named = _EXTENSIONS.get(suffix)
    if head.startswith(b"PK\x03\x04"):
        if named == EPUB or _is_epub(head):
            return EPUB
        raise NotAnArticle("not an article: the file is a ZIP archive (or an Office document)")
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic) and not (magic == b"MZ" and named in (TEXT, MARKDOWN)):
            raise NotAnArticle(f"not an article: the file is {what}")
    if named == EPUB:
        raise NotAnArticle("not an e-book: the .epub file is not a ZIP archive")
    if named is None and _JSON_START.match(_strip_bom(head)):
        raise NotAnArticle(f"not an article: the file holds JSON data ({_SUPPORTED})")
    if _HTML_START.match(_strip_bom(head)) or (named is None and len(_HTML_ANYWHERE.findall(head)) >= 2):
        return HTML
    if named == HTML:
        return HTML if _HTML_ANYWHERE.search(head) or b"<" in head[:512] else TEXT
    if named in (TEXT, MARKDOWN):
        return named
    return MARKDOWN if _looks_like_markdown(head) else TEXT


def _strip_bom(head: bytes) -> bytes:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return head
    return head.removeprefix(b"\xef\xbb\xbf")


def _is_epub(data: bytes) -> bool:
    return b"mimetypeapplication/epub+zip" in data[:100]


def _looks_like_markdown(head: bytes) -> bool:
    sample = head[:8192].decode("utf-8", errors="ignore")
    return len(_MARKDOWN_HINT.findall(sample)) >= 2
