"""Gives every paragraph of an article exactly one role.

The file's structure (headings, figure captions, comment sections) gives hints; language
data in ``resources/patterns/roles.json`` recognises credits, related links, the publisher's
own appeals, promos and comment sections; position decides the rest (kicker and title at
the top, the first prose paragraph is the lead, short unpunctuated lines between prose
paragraphs are headings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from articles.blocks import Block, Hint
from articles.dates import is_dateline
from articles.model import Role
from articles.role_patterns import RolePatterns

_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",", "“", "”", '"', "»", "«", ")")
_URL_LINE = re.compile(r"^(?:(?:url|link|quelle|source)\s*:\s*)?(https?://\S+)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_MAX_TITLE_CHARS = 300
_MAX_SUBTITLE_CHARS = 400
_MAX_HEADING_CHARS = 120
_MAX_CAPTION_CHARS = 250
_HEADER_SEARCH_DEPTH = 8


@dataclass(frozen=True)
class RoledBlock:
    text: str
    role: Role


def split_glued_credits(blocks: Sequence[Block], patterns: RolePatterns) -> list[Block]:
    """Split a credit glued to the end of a line (``…in ParisQuelle: agency © Name``)."""
    result: list[Block] = []
    for block in blocks:
        found = patterns.glued_credit.search(block.text) if block.hint is not Hint.COMMENT else None
        if found and found.start() > 0:
            result.append(Block(block.text[: found.start()].rstrip(), block.hint))
            result.append(Block(block.text[found.start():], Hint.NONE))
        else:
            result.append(block)
    return result


def assign_roles(blocks: Sequence[Block], patterns: RolePatterns, known_title: str = "") -> list[RoledBlock]:
    """One role per block, in order."""
    roles: list[Role | None] = [_pattern_role(block, patterns) for block in blocks]
    title = _find_title(blocks, roles, known_title, patterns)
    lead = _assign_header(blocks, roles, title, patterns)
    _assign_comments(blocks, roles, start=max(lead, title) + 1, patterns=patterns)
    _assign_rest(blocks, roles, patterns)
    return [RoledBlock(block.text, role or Role.BODY) for block, role in zip(blocks, roles)]


def _pattern_role(block: Block, patterns: RolePatterns) -> Role | None:
    """The role language data or the file's structure gives a block on its own, if any."""
    text = block.text
    if block.hint is Hint.COMMENT:
        return Role.COMMENTS
    lowered = text.lower()  # once for every pattern set's keyword and literal tests
    if patterns.copyright_notice.matches(text, lowered):
        return Role.DISCLAIMER
    checks = (
        (patterns.credit, Role.CREDIT),
        (patterns.related, Role.RELATED),
        (patterns.caption, Role.CAPTION),
        (patterns.disclaimer, Role.DISCLAIMER),
        (patterns.promo, Role.PROMO),
    )
    for pattern_set, role in checks:
        if pattern_set.matches(text, lowered):
            return role
    if block.hint in (Hint.IMAGE, Hint.CAPTION):
        return Role.CAPTION
    return None


def _find_title(blocks: Sequence[Block], roles: list[Role | None], known_title: str, patterns: RolePatterns) -> int:
    """Index of the title block, or -1 when the file has none; marks it and any kicker before it."""
    candidates = [i for i in range(min(len(blocks), _HEADER_SEARCH_DEPTH)) if roles[i] is None]
    chosen = next((i for i in candidates if blocks[i].hint is Hint.TITLE), None)
    if chosen is None and known_title:
        wanted = _normalised(known_title)
        chosen = next((i for i in candidates if _normalised(blocks[i].text) == wanted), None)
    if chosen is None:
        chosen = next((i for i in candidates if _could_be_title(blocks, i, patterns)), None)
    if chosen is None:
        return -1
    roles[chosen] = Role.TITLE
    for i in range(chosen):
        if roles[i] is None:
            roles[i] = _before_title_role(blocks, i, patterns)
    return chosen


def _could_be_title(blocks: Sequence[Block], index: int, patterns: RolePatterns) -> bool:
    block = blocks[index]
    text = block.text
    if len(text) > _MAX_TITLE_CHARS or block.hint in (Hint.KICKER, Hint.LIST_ITEM, Hint.HEADING):
        return block.hint is Hint.HEADING and index == 0
    if is_dateline(text) or patterns.byline.matches(text) or _URL_LINE.match(text):
        return False
    if index + 1 >= len(blocks):
        return True
    return not _is_kicker_text(text, patterns) and not _is_kicker_before_title(text, blocks[index + 1])


def _is_kicker_before_title(text: str, following: Block) -> bool:
    """A one- or two-word line directly above a longer headline-like line is its kicker."""
    if len(_WORD.findall(text)) > 2 or text.endswith(_SENTENCE_END) or following.hint is not Hint.NONE:
        return following.hint is Hint.TITLE and len(text) <= 40
    next_text = following.text
    headline_like = len(next_text) <= _MAX_SUBTITLE_CHARS // 2 and not next_text.endswith(".")
    return len(_WORD.findall(next_text)) >= 4 and headline_like and not is_dateline(next_text)


def _before_title_role(blocks: Sequence[Block], index: int, patterns: RolePatterns) -> Role:
    text = blocks[index].text
    if is_dateline(text) or patterns.byline.matches(text) or _URL_LINE.match(text):
        return Role.DATELINE
    if _is_followed_by_credit(blocks, index, patterns) and _is_short_line(text, _MAX_CAPTION_CHARS):
        return Role.CAPTION
    return Role.KICKER if len(_WORD.findall(text)) <= 6 else Role.BODY


def _assign_header(blocks: Sequence[Block], roles: list[Role | None], title: int, patterns: RolePatterns) -> int:
    """Marks kicker, dateline, subtitle and caption lines after the title; returns the lead's index."""
    subtitle_seen = False
    for i in range(title + 1, len(blocks)):
        if roles[i] is not None:
            continue
        block = blocks[i]
        role = _header_role(blocks, i, patterns, subtitle_seen)
        if role is None:
            if block.hint is Hint.HEADING:
                return i - 1
            roles[i] = Role.LEAD
            return i
        roles[i] = role
        subtitle_seen = subtitle_seen or role is Role.SUBTITLE
    return len(blocks)


def _header_role(blocks: Sequence[Block], index: int, patterns: RolePatterns, subtitle_seen: bool) -> Role | None:
    block = blocks[index]
    text = block.text
    if is_dateline(text) or patterns.byline.matches(text) or _URL_LINE.match(text):
        return Role.DATELINE
    if block.hint is Hint.KICKER or (_is_kicker_text(text, patterns) and block.hint is not Hint.HEADING):
        return Role.KICKER
    if _is_followed_by_credit(blocks, index, patterns) and _is_short_line(text, _MAX_CAPTION_CHARS):
        return Role.CAPTION
    if subtitle_seen or block.hint in (Hint.HEADING, Hint.LIST_ITEM):
        return None
    if block.hint is Hint.SUBTITLE and len(text) <= _MAX_SUBTITLE_CHARS:
        return Role.SUBTITLE
    if len(text) <= _MAX_SUBTITLE_CHARS // 2 and not text.endswith(_SENTENCE_END):
        return Role.SUBTITLE
    return None


def _assign_comments(blocks: Sequence[Block], roles: list[Role | None], start: int, patterns: RolePatterns) -> None:
    """Everything from a comment section's start to its end marker (or the end) is comments."""
    inside = False
    for i in range(start, len(blocks)):
        text = blocks[i].text
        if not inside and (roles[i] is Role.COMMENTS or patterns.comments_start.matches(text)):
            inside = True
        if inside:
            roles[i] = Role.COMMENTS
            if patterns.comments_end.matches(text):
                inside = False


def _assign_rest(blocks: Sequence[Block], roles: list[Role | None], patterns: RolePatterns) -> None:
    for i, block in enumerate(blocks):
        if roles[i] is not None:
            continue
        if block.hint is Hint.HEADING and len(block.text) <= _MAX_HEADING_CHARS * 2:
            roles[i] = Role.HEADING
        elif block.hint is Hint.TITLE:
            roles[i] = Role.HEADING
        elif _is_followed_by_credit(blocks, i, patterns) and _is_short_line(block.text, _MAX_CAPTION_CHARS):
            roles[i] = Role.CAPTION
        elif block.hint is Hint.NONE and _looks_like_heading(blocks, roles, i):
            roles[i] = Role.HEADING
        else:
            roles[i] = Role.BODY


def _looks_like_heading(blocks: Sequence[Block], roles: list[Role | None], index: int) -> bool:
    """A short line without closing punctuation between two prose paragraphs."""
    text = blocks[index].text
    if not _is_short_line(text, _MAX_HEADING_CHARS) or len(_WORD.findall(text)) > 12:
        return False
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "„“\"'»"):
        return False
    previous_role = roles[index - 1] if index > 0 else None
    following = blocks[index + 1].text if index + 1 < len(blocks) else ""
    return previous_role in (Role.LEAD, Role.BODY, Role.CAPTION, Role.CREDIT, Role.RELATED) and len(following) > len(text)


def _is_short_line(text: str, limit: int) -> bool:
    return len(text) <= limit and not text.endswith(_SENTENCE_END)


def _is_followed_by_credit(blocks: Sequence[Block], index: int, patterns: RolePatterns) -> bool:
    if index + 1 >= len(blocks) or len(blocks[index].text) > _MAX_CAPTION_CHARS:
        return False
    following = blocks[index + 1].text
    return patterns.credit.matches(following) and not patterns.copyright_notice.matches(following)


def _is_kicker_text(text: str, patterns: RolePatterns) -> bool:
    return len(text) <= 40 and not text.endswith(_SENTENCE_END) and text.lower() in patterns.kicker_words


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
