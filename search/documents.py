"""Index documents made from stored articles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from articles.model import Role
from library.records import StoredArticle
from search.analysis import ANALYSIS_VERSION
from search.schema import OTHER_ROLES, role_field, tag_term

_TEXT_ROLES = (Role.LEAD, Role.HEADING, Role.BODY)
_EPOCH = datetime(1970, 1, 1)


def fingerprint(content_hash: str, group: int) -> str:
    """Changes whenever the document for an article would change."""
    return f"{content_hash}:{group}:{ANALYSIS_VERSION}"


def document_for(article: StoredArticle) -> dict[str, Any]:
    group = article.duplicate_of or article.id
    meta = article.metadata
    document: dict[str, Any] = {
        "id": str(article.id),
        "title": meta.title,
        "text": "\n".join(p.text for p in article.paragraphs if p.role in _TEXT_ROLES),
        "group": group,
        "fingerprint": fingerprint(article.content_state, group),
        "sort_date": 0,
    }
    if article.actor_ids:
        ids = " ".join(str(actor_id) for actor_id in article.actor_ids)
        document["actor"] = ids
        document["actor_ids"] = ids.encode("ascii")
    if meta.source:
        document["source"] = meta.source
        document["source_name"] = meta.source
    published = parse_iso(meta.date)
    if published is not None:
        document["date"] = published
        document["year"] = str(published.year)
        document["sort_date"] = seconds_since_epoch(published)
    for role in OTHER_ROLES:
        texts = [p.text for p in article.paragraphs if p.role is role]
        if texts:
            document[role_field(role)] = "\n".join(texts)
    if article.annotations.notes:
        document["note"] = "\n".join(article.annotations.notes)
    if article.annotations.tags:
        document["tag"] = ",".join(tag_term(tag) for tag in article.annotations.tags)
    return document


def seconds_since_epoch(moment: datetime) -> int:
    """The sortable date; a time zone, where given, is dropped (local time as printed)."""
    return int((moment.replace(tzinfo=None) - _EPOCH).total_seconds())


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
