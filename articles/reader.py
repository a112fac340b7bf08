"""Reads one article file into an ``Article``: the only entry point the rest of Lesesaal needs."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from pathlib import Path, PurePath

from articles.blocks import Block, Draft, Hint
from articles.dates import parse_date
from articles.decoding import declared_html_charset, decode_bytes
from articles.errors import FileTooLarge, FileUnreadable, NotAnArticle
from articles.markdown_text import markdown_blocks, split_front_matter
from articles.metadata import derive_metadata
from articles.model import Article, Paragraph
from articles.plain_text import split_paragraphs
from articles.role_patterns import RolePatterns, load_role_patterns
from articles.roles import assign_roles, split_glued_credits
from articles.sniffing import EPUB, HTML, MARKDOWN, sniff_format

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_article(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, patterns: RolePatterns | None = None) -> Article:
    """Parse the article file at ``path``; raises an ``ImportFailed`` subclass saying why it cannot."""
    return parse_article(read_limited(path, max_bytes), path, patterns or load_role_patterns())


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a specific ``ImportFailed`` for missing, special, huge or empty files."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FileUnreadable("not a regular file (a folder, device, pipe or socket)")
        if info.st_size > max_bytes:
            raise FileTooLarge(
                f"too large: {_megabytes(info.st_size)} is over the limit of {_megabytes(max_bytes)} "
                "(raise it with --max-size)"
            )
        with open(path, "rb") as handle:
            data = handle.read(min(info.st_size, max_bytes) + 1)
    except FileNotFoundError:
        raise FileUnreadable("file not found: it was moved or deleted, or is a broken link") from None
    except PermissionError:
        raise FileUnreadable("permission denied: Lesesaal may not read this file") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileUnreadable("symbolic link loop: the link points back to itself") from None
        raise FileUnreadable(f"cannot read the file: {os.strerror(error.errno or 0) or error}") from None
    if len(data) > max_bytes:
        raise FileTooLarge(f"too large: the file grew over the limit of {_megabytes(max_bytes)} while reading")
    if not data.strip():
        raise NotAnArticle("empty file: there is no text in it")
    return data


def parse_article(data: bytes, path: PurePath, patterns: RolePatterns) -> Article:
    """Parse article bytes; ``path`` gives the name (for the format and a fallback title)."""
    draft = _draft(data, path)
    blocks = split_glued_credits(draft.blocks, patterns)
    if not blocks:
        raise NotAnArticle("no readable text: the file holds only markup, whitespace or scripts")
    roled = assign_roles(blocks, patterns, known_title=draft.title)
    paragraphs = tuple(Paragraph(index, block.role, block.text) for index, block in enumerate(roled))
    metadata = derive_metadata(draft, roled, patterns, path)
    return Article(metadata, paragraphs, draft.format, draft.warnings)


def _draft(data: bytes, path: PurePath) -> Draft:
    kind = sniff_format(path, data[:8192])
    if kind == EPUB:
        from articles.epub_text import epub_draft  # lxml only when a file needs it: quick start-up

        return epub_draft(data)
    declared = declared_html_charset(data) if kind == HTML else None
    decoded = decode_bytes(data, declared=declared)
    warnings = (decoded.warning,) if decoded.warning else ()
    if not decoded.text.strip():
        raise NotAnArticle("empty file: there is no text in it")
    if kind == HTML:
        from articles.html_text import html_draft  # trafilatura takes 0.3 s to import

        return replace(html_draft(decoded.text), warnings=warnings)
    if kind == MARKDOWN:
        return _markdown_draft(decoded.text, warnings)
    blocks = tuple(Block(text) for text in split_paragraphs(decoded.text))
    return Draft(blocks=blocks, format="text", warnings=warnings)


def _markdown_draft(text: str, warnings: tuple[str, ...]) -> Draft:
    fields, body = split_front_matter(text)
    blocks = markdown_blocks(body)
    if fields.get("title") and not any(block.hint is Hint.TITLE for block in blocks):
        blocks.insert(0, Block(fields["title"], Hint.TITLE))  # the title is the front matter's, not the first line
    return Draft(
        blocks=tuple(blocks),
        format="markdown",
        title=fields.get("title", ""),
        subtitle=fields.get("subtitle", "") or fields.get("description", ""),
        date=parse_date(fields.get("date", "") or fields.get("published", "")),
        source=fields.get("source_name", "") or fields.get("site", "") or fields.get("publisher", "")
        or _source_field(fields.get("source", "")),
        url=fields.get("url", "") or (fields.get("source", "") if fields.get("source", "").startswith("http") else ""),
        author=fields.get("author", ""),
        language=fields.get("lang") or fields.get("language") or None,
        warnings=warnings,
    )


def _source_field(value: str) -> str:
    """Front matter ``source:`` is an outlet name, or (as MarkDownload writes it) a URL."""
    return "" if value.startswith("http") else value


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
