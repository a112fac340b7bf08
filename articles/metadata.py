"""Metadata of an article from its format's own fields and its roled paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from articles.blocks import Draft
from articles.dates import parse_date
from articles.language import detect_language
from articles.model import ARTICLE_TEXT_ROLES, Metadata, Role
from articles.role_patterns import RolePatterns
from articles.roles import RoledBlock

_URL = re.compile(r"https?://\S+")


def derive_metadata(draft: Draft, roled: Sequence[RoledBlock], patterns: RolePatterns, path: PurePath) -> Metadata:
    def first(role: Role) -> str:
        return next((block.text for block in roled if block.role is role), "")

    datelines = [block.text for block in roled if block.role is Role.DATELINE]
    article_text = "\n".join(block.text for block in roled if block.role in ARTICLE_TEXT_ROLES)
    return Metadata(
        title=first(Role.TITLE) or draft.title or _title_from_path(path),
        subtitle=first(Role.SUBTITLE) or draft.subtitle,
        kicker=first(Role.KICKER),
        date=_best_date([draft.date, *(parse_date(line) for line in datelines)]),
        source=draft.source or _source_from_disclaimers(roled, patterns),
        url=draft.url or next((found.group() for line in datelines if (found := _URL.search(line))), ""),
        author=draft.author or _author_from_bylines(datelines, patterns),
        language=detect_language(article_text) or draft.language,
    )


def _best_date(candidates: Sequence[str | None]) -> str | None:
    """The first date found, upgraded to a later candidate that gives the same day with a time."""
    dates = [date for date in candidates if date]
    if not dates:
        return None
    best = dates[0]
    for date in dates[1:]:
        if "T" not in best and date.startswith(best) and "T" in date:
            best = date
    return best


def _author_from_bylines(datelines: Sequence[str], patterns: RolePatterns) -> str:
    for line in datelines:
        found = patterns.byline.search(line)
        if found and found.group("author"):
            return found.group("author").strip()
    return ""


def _source_from_disclaimers(roled: Sequence[RoledBlock], patterns: RolePatterns) -> str:
    """The outlet named by its own copyright or self-reference line; never a photo agency."""
    for block in roled:
        if block.role is not Role.DISCLAIMER:
            continue
        for pattern_set in (patterns.copyright_source, patterns.self_reference_source):
            found = pattern_set.search(block.text)
            name = _clean_source(found.group("source") if found else "", patterns)
            if name:
                return name
    return ""


def _clean_source(name: str, patterns: RolePatterns) -> str:
    words = name.strip(" .,:;").split()
    while words and words[0].lower() in patterns.leading_function_words:
        words.pop(0)
    cleaned = " ".join(words)
    rejected = patterns.agencies | patterns.generic_self_names
    return "" if cleaned.lower() in rejected or len(cleaned) < 2 else cleaned


def _title_from_path(path: PurePath) -> str:
    return re.sub(r"[_\s]+", " ", path.stem).strip()
