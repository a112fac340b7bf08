"""The index's fields. The library stays the source of truth; every field is derived from it."""

from __future__ import annotations

import pickle
import struct
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from articles.model import Role
from search.analysis import FoldFilter, fold, german_analyzer, term_positions

#: Roles outside the article's own text, each searchable on request with ``role:NAME``.
OTHER_ROLES = tuple(role for role in Role if role not in (Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY))


def role_field(role: Role) -> str:
    return f"role_{role.value}"


def tag_term(tag: str) -> str:
    """A tag as the index holds it: case, ``ß`` and spacing do not matter."""
    return fold(" ".join(tag.casefold().split()))


class GermanText(TEXT):  # type: ignore[misc]
    """A text field indexed through ``term_positions`` (the analyzer's result, ten times faster);
    queries and anything else still go through the field's analyzer."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        weights = position_weights(self)
        for term, positions in term_positions(value).items():
            count = len(positions)
            yield term, count, weights[count], encode_positions(positions)


class _Weights(dict[int, float]):
    """A posting's weight per frequency, each made once (a posting buffered until commit keeps its weight)."""

    def __init__(self, boost: float) -> None:
        super().__init__()
        self._boost = boost

    def __missing__(self, count: int) -> float:
        weight = self[count] = count * self._boost
        return weight


@lru_cache(maxsize=None)
def _weights(boost: float) -> _Weights:
    return _Weights(boost)


def position_weights(field: Any) -> dict[int, float]:
    """A text field's posting weight by term frequency (its boost times the frequency), each made once."""
    return _weights(field.format.field_boost)


_COUNT = struct.Struct("!I")


class _SinglePositions(dict[int, bytes]):
    """The encodings of a single position (most postings), each made once."""

    def __missing__(self, position: int) -> bytes:
        encoded = self[position] = _COUNT.pack(1) + pickle.dumps([position], 2)
        return encoded


#: A single position's encoding (``encode_positions`` of ``[position]``), by position.
SINGLE_POSITIONS: dict[int, bytes] = _SinglePositions()


def encode_positions(positions: list[int]) -> bytes:
    """``Positions.encode``: the count, then the pickled gaps."""
    return SINGLE_POSITIONS[positions[0]] if len(positions) == 1 else encode_several(positions)


def encode_several(positions: list[int]) -> bytes:
    gaps = [later - earlier for earlier, later in zip([0, *positions], positions)]
    return _COUNT.pack(len(gaps)) + pickle.dumps(gaps, 2)


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
        "note": GermanText(analyzer=analyzer),  # the notes of the article's annotations
        "tag": KEYWORD(commas=True),  # their tags, folded (``tag_term``), for tag:
    }
    fields.update({role_field(role): GermanText(analyzer=analyzer) for role in OTHER_ROLES})
    return Schema(**fields)
