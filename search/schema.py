"""The index's fields. The library stays the source of truth; every field is derived from it."""

from __future__ import annotations

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema

from articles.model import Role
from search.analysis import FoldFilter, german_analyzer

#: Roles outside the article's own text, each searchable on request with ``role:NAME``.
OTHER_ROLES = tuple(role for role in Role if role not in (Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY))


def role_field(role: Role) -> str:
    return f"role_{role.value}"


def article_schema() -> Schema:
    analyzer = german_analyzer()
    names = RegexTokenizer(r"\w+") | LowercaseFilter() | FoldFilter()
    fields = {
        "id": ID(stored=True, unique=True),
        "title": TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        "text": TEXT(analyzer=analyzer),
        "source": TEXT(analyzer=names),
        "source_name": ID(stored=True, sortable=True),
        "date": DATETIME(stored=True),
        "sort_date": NUMERIC(int, bits=64, sortable=True),  # seconds since 1970; 0 (last) when undated
        "year": ID(sortable=True),
        "group": NUMERIC(int, bits=64, stored=True, sortable=True),
        "fingerprint": ID(stored=True),
    }
    fields.update({role_field(role): TEXT(analyzer=analyzer) for role in OTHER_ROLES})
    return Schema(**fields)
