"""Blocks: the paragraphs a reader found in a file, with structural hints, before roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Hint(str, Enum):
    """What the file's own structure says about a block."""

    NONE = "none"
    TITLE = "title"          # <h1>, a Markdown level-1 heading, front matter title
    HEADING = "heading"      # <h2>…<h6>, Markdown ## headings
    SUBTITLE = "subtitle"    # an element marked as subtitle/teaser by its class
    KICKER = "kicker"        # an element marked as kicker/overline by its class
    IMAGE = "image"          # image alt text
    CAPTION = "caption"      # <figcaption>
    COMMENT = "comment"      # inside a comment section
    LIST_ITEM = "list_item"


@dataclass(frozen=True)
class Block:
    text: str
    hint: Hint = Hint.NONE


@dataclass(frozen=True)
class Draft:
    """A file read into blocks plus the metadata its format carries (HTML meta, front matter)."""

    blocks: tuple[Block, ...]
    format: str
    title: str = ""
    subtitle: str = ""
    date: str | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    language: str | None = None
    warnings: tuple[str, ...] = field(default=())
