"""The query language: what users type, turned into a Whoosh query, never an error.

Words, "exact phrases", AND/OR/NOT, ``-word``, ``prefix*``, ``fuzzy~`` (``~2`` for two edits),
``title:``, ``source:``, ``role:caption`` (search captions, credits, disclaimers, comments …
instead of the article text), and ``date:2025-07..2025-09`` (also ``date:2025``,
``date:2025-07-11``, open ends ``date:..2024``), ``actor:Selenskij`` / ``actor:"Keir Starmer"`` (articles
naming a library-wide actor; the library resolves the name), ``note:Wort`` (in the notes of the user's
annotations, which a plain word also searches) and ``tag:Klausur`` / ``tag:"offene Frage"`` (articles with an
annotation carrying that tag). What cannot be understood is searched as plain
words and reported in ``ignored``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from whoosh import qparser, query
from whoosh.query.compound import PreloadedOr
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.fields import Schema

from articles.model import Role
from search.analysis import fold
from search.analysis import stem as analysis_stem
from search.schema import OTHER_ROLES, role_field, tag_term

_DATE_FILTER = re.compile(r"(?<!\S)date:(\S*)")
_ACTOR_FILTER = re.compile(r'(?<!\S)actor:(?:"([^"]*)"|(\S+))')
_TAG_FILTER = re.compile(r'(?<!\S)tag:(?:"([^"]*)"|(\S*))')
_ROLE_FILTER = re.compile(r"(?<!\S)role:(\S*)")
_PREFIX_WORD = re.compile(r"(?<![\w:])([^\s\"():*]+)\*(?=\s|$|\))")
_FIELD_PREFIX = re.compile(r"(?<![\w\"])(\w+):(?=\S)")
_ALLOWED_FIELDS = {"title", "source", "text", "note"}
#: What plain words search: the article's own text and the notes of its annotations.
DEFAULT_FIELDS = ("title", "text", "note")
_ROLE_NAMES = {
    **{role.value: role for role in OTHER_ROLES},
    **{role.value + "s": role for role in OTHER_ROLES},
    "comment": Role.COMMENTS, "captions": Role.CAPTION, "credits": Role.CREDIT, "promos": Role.PROMO,
}
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_FUZZY = re.compile(r"(?<![\w~])(\w+)~(\d)?(?!/)(?=\s|$|\))")
#: Fuzzy words keep their first letters: typos rarely sit there, and it spares Whoosh a walk over
#: every term of the index (seconds at 10,000 articles without it).
FUZZY_PREFIX = 2
#: How many index terms a prefix or fuzzy word stands for, the most frequent first.
EXPANSIONS = 30
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


Period = tuple[datetime | None, datetime | None]


@dataclass
class ParsedQuery:
    query: Any
    ignored: list[str] = field(default_factory=list)
    fields: tuple[str, ...] = DEFAULT_FIELDS
    #: ``date:`` filters, each a (start, end) range with open ends as None; all must hold.
    periods: list[Period] = field(default_factory=list)
    #: ``actor:`` filters as typed (a name, a spelling, a surname or an id); all must hold.
    actors: list[str] = field(default_factory=list)
    #: ``tag:`` filters (annotation tags as the index holds them); all must hold.
    tags: list[str] = field(default_factory=list)


def parse_query(text: str, schema: Schema) -> ParsedQuery:
    """A Whoosh query for what the user typed; parts it could not use are listed in ``ignored``."""
    ignored: list[str] = []
    text, actors = _take_actors(text)
    text, tags = _take_tags(text, ignored)
    text, dates = _take_dates(text, ignored)
    text, roles = _take_roles(text, ignored)
    text = _check_fields(text, ignored)
    prefixes: list[str] = []
    text = _PREFIX_WORD.sub(lambda m: _prefix_or_stem(m.group(1), prefixes), text)
    text = _FUZZY.sub(lambda m: f"{m.group(1)}~{m.group(2) or 1}/{FUZZY_PREFIX}", text)
    fields = tuple(role_field(role) for role in roles) or DEFAULT_FIELDS
    parser = _parser(fields, schema)
    main = _parse_or_plain(parser, text, ignored) if text.strip() else query.Every()
    main = _unstemmed_prefixes(main, prefixes)
    return ParsedQuery(main, ignored, fields, dates, actors, tags)


def _parser(fields: tuple[str, ...], schema: Schema) -> qparser.QueryParser:
    boosts = {"title": 2.0} if "title" in fields else {}
    parser = qparser.MultifieldParser(list(fields), schema, fieldboosts=boosts, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.PlusMinusPlugin())
    return parser


def _parse_or_plain(parser: qparser.QueryParser, text: str, ignored: list[str]) -> Any:
    """Parse; on a syntax problem fall back to the plain words and say what was dropped."""
    problem = _syntax_problem(text)
    if problem:
        ignored.append(problem)
        words = re.findall(r"[\w*~-]+", text)
        text = " ".join(word for word in words if word.upper() not in ("AND", "OR", "NOT")) or "*"
    parsed = parser.parse(text)
    return parsed if parsed is not None else query.NullQuery


def _syntax_problem(text: str) -> str:
    if text.count('"') % 2:
        return 'an unclosed quotation mark (")'
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return "a closing bracket without an opening one"
    if depth:
        return "an unclosed bracket"
    tokens = text.split()
    if tokens and (tokens[0] in ("AND", "OR") or tokens[-1] in ("AND", "OR", "NOT")):
        return f"a dangling {tokens[0] if tokens[0] in ('AND', 'OR') else tokens[-1]}"
    return ""


def _fold_prefix(word: str) -> str:
    """Index terms are folded stems, so a prefix must be folded the same way (but not stemmed)."""
    return fold(word.lower()).translate(_UMLAUTS)


def _prefix_or_stem(word: str, prefixes: list[str]) -> str:
    """``Regier*``: terms starting with ``regier`` (Regierung, Regierungschef), or the word's own stem
    (``regi``, as in regieren), since a typed prefix can be longer than the stem of a word it begins."""
    prefixes.append(_fold_prefix(word))
    return f"({prefixes[-1]}* OR {word})"


def _unstemmed_prefixes(parsed: Any, prefixes: list[str]) -> Any:
    """The parser runs a prefix through the analyzer, which stems it (``regier`` → ``regi``): undo that."""
    by_stem = {analysis_stem(prefix): prefix for prefix in prefixes}

    def visit(node: Any) -> Any:
        if isinstance(node, query.Prefix) and node.text not in prefixes and node.text in by_stem:
            return query.Prefix(node.fieldname, by_stem[node.text], boost=node.boost)
        return node.apply(visit)

    return visit(parsed) if prefixes else parsed


def expand_multiterms(parsed: Any, reader: Any) -> Any:
    """Prefix, wildcard and fuzzy words stand for their ``EXPANSIONS`` most frequent index terms:
    Whoosh would otherwise OR together every term that fits (thousands for a short prefix).
    A title's words are nearly all in the text too, so the text's completions serve both fields."""
    expanded: dict[tuple[str, str], list[Any]] = {}

    def completions(node: Any) -> list[Any]:
        field = "text" if node.field() == "title" else node.field()
        key = (field, repr(_in_field(node, field)))
        if key not in expanded:
            source = node if field == node.field() else _in_field(node, field)
            found = _fuzzy_terms(reader, source) if isinstance(node, query.FuzzyTerm) else source._btexts(reader)
            terms = sorted(set(found), key=lambda term: -reader.doc_frequency(field, term))
            expanded[key] = [field_text(reader, field, term) for term in terms[:EXPANSIONS]]
        return expanded[key]

    def visit(node: Any) -> Any:
        if isinstance(node, (query.PatternQuery, query.FuzzyTerm)):
            chosen = [query.Term(node.field(), term, boost=node.boost) for term in completions(node)]
            # Constant score, preloaded: Whoosh's tree of unions over fifty scored terms spends seconds
            # on block-quality bookkeeping; which completion matched says little about relevance.
            return ConstantScoreQuery(PreloadedOr(chosen), score=node.boost) if chosen else query.NullQuery
        return node.apply(visit)

    return visit(parsed)


def _fuzzy_terms(reader: Any, node: Any) -> list[Any]:
    """Terms within ``maxdist`` edits of a fuzzy word that share its first letters. One edit (the
    usual case) is tested in a single pass; Whoosh computes the full edit distance of every candidate."""
    word, distance = node.text, node.maxdist
    near = {term: spelled for term in reader.expand_prefix(node.fieldname, word[:node.prefixlength])
            if abs(len(spelled := field_text(reader, node.fieldname, term)) - len(word)) <= distance}
    if distance != 1:
        return [term for term in node._btexts(reader) if term in near]
    return [term for term, spelled in near.items() if within_one_edit(word, spelled)]


def within_one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        substituted = a[start + 1:] == b[start + 1:]
        swapped = a[start:start + 2] == b[start:start + 2][::-1] and a[start + 2:] == b[start + 2:]
        return substituted or swapped
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter[start:] == longer[start + 1:]


def _in_field(node: Any, field: str) -> Any:
    copy = node.copy()
    copy.fieldname = field
    return copy


def field_text(reader: Any, field: str, term: bytes | str) -> Any:
    return reader.schema[field].from_bytes(term) if isinstance(term, bytes) else term


def _check_fields(text: str, ignored: list[str]) -> str:
    def keep_or_drop(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.lower() in _ALLOWED_FIELDS:
            return name.lower() + ":"
        ignored.append(f"{name}: (unknown field; use title:, source:, note:, tag:, role:, date: or actor:)")
        return ""

    return _FIELD_PREFIX.sub(keep_or_drop, text)


def _take_roles(text: str, ignored: list[str]) -> tuple[str, list[Role]]:
    roles: list[Role] = []

    def take(match: re.Match[str]) -> str:
        for name in match.group(1).lower().split(","):
            role = _ROLE_NAMES.get(name)
            if role is None:
                known = ", ".join(role.value for role in OTHER_ROLES)
                ignored.append(f"role:{name} (unknown role; known: {known})")
            elif role not in roles:
                roles.append(role)
        return " "

    return _ROLE_FILTER.sub(take, text), roles


def _take_actors(text: str) -> tuple[str, list[str]]:
    """``actor:Selenskyj``, ``actor:"Keir Starmer"``, ``actor:12``: the values, and the text without them."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        value = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if value:
            found.append(value)
        return " "

    return _ACTOR_FILTER.sub(take, text), found


def _take_tags(text: str, ignored: list[str]) -> tuple[str, list[str]]:
    """``tag:Klausur``, ``tag:"offene Frage"``: the tags as index terms, and the text without them."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        value = tag_term(match.group(1) if match.group(1) is not None else match.group(2))
        if value:
            found.append(value)
        else:
            ignored.append('tag: (give a tag: tag:Klausur or tag:"offene Frage")')
        return " "

    return _TAG_FILTER.sub(take, text), found


def tag_filter(tags: list[str]) -> Any:
    """The documents with an annotation carrying every one of these tags."""
    return query.And([query.Term("tag", tag) for tag in tags])


def actor_filter(ids: set[int]) -> Any:
    """The documents naming any of these library-wide actors."""
    return query.Or([query.Term("actor", str(actor_id)) for actor_id in sorted(ids)]) if ids else query.NullQuery


def _take_dates(text: str, ignored: list[str]) -> tuple[str, list[Period]]:
    ranges: list[Period] = []

    def take(match: re.Match[str]) -> str:
        value = match.group(1)
        start_text, _, end_text = value.partition("..") if ".." in value else (value, "", value)
        start, end = _period_start(start_text), _period_end(end_text)
        if (start_text and start is None) or (end_text and end is None) or (start is None and end is None):
            ignored.append(f"date:{value} (use date:2025, date:2025-07, date:2025-07-11 or date:2025-07..2025-09)")
        else:
            ranges.append((start, end))
        return " "

    return _DATE_FILTER.sub(take, text), ranges


def _period_start(text: str) -> datetime | None:
    found = _PARTIAL_DATE.match(text)
    if not found:
        return None
    year, month, day = int(found.group(1)), int(found.group(2) or 1), int(found.group(3) or 1)
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _period_end(text: str) -> datetime | None:
    found = _PARTIAL_DATE.match(text)
    if not found:
        return None
    year = int(found.group(1))
    month = int(found.group(2) or 12)
    try:
        day = int(found.group(3) or calendar.monthrange(year, month)[1])
        return datetime(year, month, day, 23, 59, 59)
    except ValueError:
        return None
