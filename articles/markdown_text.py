"""Markdown to blocks: headings, images, lists and quotes become hinted blocks of plain text."""

from __future__ import annotations

import re

from articles.blocks import Block, Hint
from articles.plain_text import join_wrapped

_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_IMAGE_LINE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_LIST_ITEM = re.compile(r"^\s*([-*+•]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style ``key: value`` front matter (simple scalars only) and the text after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[4:end].split("\n"):
        found = _FRONT_MATTER_KEY.match(line.strip())
        if found:
            fields[found.group(1).lower()] = found.group(2).strip().strip("'\"")
    rest = text[end + 4:]
    return fields, rest[rest.find("\n") + 1:] if "\n" in rest else ""


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown document body (front matter already removed)."""
    blocks: list[Block] = []
    lines = [line.strip() for line in text.split("\n")]
    pending: list[str] = []
    pending_hint = Hint.NONE

    def flush() -> None:
        nonlocal pending, pending_hint
        if pending:
            joined = pending[0]
            for line in pending[1:]:
                joined = join_wrapped(joined, line)
            plain = inline_to_plain(joined)
            if plain:
                blocks.append(Block(plain, pending_hint))
        pending, pending_hint = [], Hint.NONE

    for number, line in enumerate(lines):
        following = lines[number + 1].strip() if number + 1 < len(lines) else ""
        if not line or _RULE.match(line) and not pending:
            flush()
            continue
        if pending and _SETEXT_UNDERLINE.match(line):
            pending_hint = Hint.TITLE if line.startswith("=") else Hint.HEADING
            flush()
            continue
        block = _line_block(line)
        if block is not None:
            flush()
            if block.text:
                blocks.append(block)
            continue
        content = _QUOTE.sub(r"\1", line)
        pending.append(content)
        if _SETEXT_UNDERLINE.match(following) and len(pending) > 1:
            last = pending.pop()
            flush()
            pending.append(last)
    flush()
    return blocks


def _line_block(line: str) -> Block | None:
    """A block that a single line makes on its own (heading, image, list item), else None."""
    heading = _ATX_HEADING.match(line)
    if heading:
        hint = Hint.TITLE if len(heading.group(1)) == 1 else Hint.HEADING
        return Block(inline_to_plain(heading.group(2)), hint)
    image = _IMAGE_LINE.match(line)
    if image:
        return Block(inline_to_plain(image.group(1)), Hint.IMAGE)
    item = _LIST_ITEM.match(line)
    if item and not _RULE.match(line):
        return Block(inline_to_plain(item.group(2)), Hint.LIST_ITEM)
    return None


def inline_to_plain(text: str) -> str:
    """Inline Markdown to the text a reader sees: link texts kept, URLs and markers dropped."""
    if "]" in text:  # each pattern below needs its marker: most lines have none of them
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
        text = _REFERENCE_LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "*" in text or "_" in text:
        for _ in range(2):
            text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    if "\\" in text:
        text = text.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")
    return " ".join(text.split())
