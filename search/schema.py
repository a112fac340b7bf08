"""The index's fields. The library stays the source of truth; every field is derived from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from articles.model import Role
from search.analysis import FoldFilter, german_analyzer, term_positions

#: Roles outside the article's own text, each searchable on request with ``role:NAME``.
OTHER_ROLES = tuple(role for role in Role if role not in (Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY))


def role_field(role: Role) -> str:
    return f"role_{role.value}"


class GermanText(TEXT):  # type: ignore[misc]
    """A text field indexed through ``term_positions`` (the analyzer's result, ten times faster);
    queries and anything else still go through the field's analyzer."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        encode = self.format.encode
        boost = self.format.field_boost
        for term, positions in term_positions(value).items():
            yield term.encode("utf-8"), len(positions), len(positions) * boost, encode(positions)


def article_schema() -> Schema:
    analyzer = german_analyzer()
    names = RegexTokenizer(r"\w+") | LowercaseFilter() | FoldFilter()
    fields = {
        "id": ID(stored=True, unique=True),
        "title": GermanText(analyzer=analyzer, stored=True, field_boost=2.0),
        "text": GermanText(analyzer=analyzer),
        "source": TEXT(analyzer=names),
        "source_name": ID(stored=True, sortable=True),
        "date": DATETIME(stored=True),
        "sort_date": NUMERIC(int, bits=64, sortable=True),  # seconds since 1970; 0 (last) when undated
        "year": ID(sortable=True),
        "group": NUMERIC(int, bits=64, stored=True, sortable=True),
        "fingerprint": ID(stored=True),
        "actor": KEYWORD(),  # the library-wide ids of the actors the article names, for actor:
        "actor_ids": COLUMN(VarBytesColumn()),  # the same ids as b"3 14", for the actor facet
    }
    fields.update({role_field(role): GermanText(analyzer=analyzer) for role in OTHER_ROLES})
    return Schema(**fields)
