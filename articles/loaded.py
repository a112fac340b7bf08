"""Loaded wording: words and constructions that carry the outlet's judgement rather than facts.

The language knowledge lives in ``resources/analysis/loaded.json`` (see its ``_about``); users extend it
with a file of the same shape. This module only compiles that data and applies it to paragraphs.

Speed: every entry names keywords, one of which each of its matches contains. One pass of a single
precompiled pattern over the article's lower-cased text finds which keywords occur in which paragraphs
(see ``KeywordFilter``); an entry's own pattern is then tried only on those paragraphs. One alternation of
all entries, or a substring test per keyword, costs several times more per article.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from articles import text_case
from articles.findings import Loaded, Quote, QuoteKind, Span
from articles.language_data import load_resource_json
from articles.model import Paragraph, Role
from articles.regex_literals import rarity

LEXICON_RESOURCE = "analysis/loaded.json"
#: How far before and after a word the context patterns look (one sentence is usually shorter).
CONTEXT_CHARS = 300
#: Paragraphs whose words are not the outlet's own (readers' comments) or not article text at all.
_NOT_THE_OUTLET = frozenset({Role.CREDIT, Role.RELATED, Role.DISCLAIMER, Role.PROMO, Role.COMMENTS})
_RESERVED = frozenset({"scare_quotes", "reported"})
_QUOTE_MARKS = "„“”\"»«‚‘’‹›'"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class LoadedEntry:
    """One compiled lexicon entry: a whole-word pattern with its explanation and context conditions."""

    word: re.Pattern[str]
    category: str
    why: str
    #: Lower-case pieces one of which every match contains; empty means "try on every paragraph".
    keywords: tuple[str, ...] = ()
    unless: re.Pattern[str] | None = None  # vetoes a match it matches completely
    if_before: re.Pattern[str] | None = None  # must match text ending right before the word
    unless_before: re.Pattern[str] | None = None
    if_after: re.Pattern[str] | None = None  # must match text starting right after the word
    unless_after: re.Pattern[str] | None = None
    check_reported: bool = True


@dataclass(frozen=True)
class ScareQuoteCue:
    """A word before a quoted term that turns the quotation marks into scare quotes."""

    before: re.Pattern[str]  # matches text ending right before the opening quotation mark
    why: str
    if_quote: re.Pattern[str] | None = None  # must occur in the quoted term


@dataclass(frozen=True)
class LoadedLexicon:
    entries: tuple[LoadedEntry, ...]
    scare_quotes: tuple[ScareQuoteCue, ...] = ()
    scare_quote_unless_after: re.Pattern[str] | None = None
    #: Cues that the words around are someone else's (nannte ihn …, …, sagte er): such words are not marked.
    reported_before: re.Pattern[str] | None = None
    reported_after: re.Pattern[str] | None = None
    _keywords: KeywordFilter = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keywords", KeywordFilter([entry.keywords for entry in self.entries]))

    def candidates(self, lowered: Sequence[str]) -> list[tuple[LoadedEntry, ...]]:
        """For each lower-cased text, the entries with a keyword in it and those without keywords."""
        return [tuple(self.entries[i] for i in found) for found in self._keywords.owners_in(lowered)]

    def candidates_in(self, joined: str, starts: Sequence[int]) -> dict[int, tuple[LoadedEntry, ...]]:
        """Like :meth:`candidates` for lower-cased texts joined by newlines (``starts``: where each begins),
        but only for the texts that have candidates: {text number: entries}."""
        entries = self.entries
        return {number: tuple(entries[i] for i in found)
                for number, found in self._keywords.owners_at(joined, starts).items()}


class KeywordFilter:
    """Finds which owners' keywords occur in texts, all keywords in one regular-expression pass.

    An alternation of literal words is tried at every position of a text. Here each keyword is found by its
    rarest character (its anchor): the pattern starts with a small set of anchor characters, which the regex
    engine skips to in C; there the character after the anchor picks the keywords to check behind and ahead.
    A hit is then checked in full against every keyword anchored at the characters it covers, so keywords
    that overlap in the text are all found.
    """

    def __init__(self, keywords_by_owner: Sequence[Sequence[str]]) -> None:
        owners: dict[str, list[int]] = {}
        for owner, keywords in enumerate(keywords_by_owner):
            for keyword in keywords:
                if keyword.strip():
                    owners.setdefault(text_case.lower(keyword), []).append(owner)
        anchors = _anchors(list(owners))
        #: Keywords by their anchor and the character after it (by the anchor alone when it ends the keyword).
        self._by_anchor: dict[str, list[tuple[str, int, tuple[int, ...]]]] = {}
        for keyword, at in anchors.items():
            self._by_anchor.setdefault(keyword[at:at + 2], []).append((keyword, at, tuple(owners[keyword])))
        self._always = [owner for owner, words in enumerate(keywords_by_owner) if not any(w.strip() for w in words)]
        self._pattern = _anchored_pattern(anchors)

    def owners_in(self, pieces: Sequence[str]) -> list[list[int]]:
        """For each lower-cased text, the sorted owners with a keyword in it, and those without keywords."""
        starts = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0))
        found = self.owners_at("\n".join(pieces), starts)
        return [found[number] if number in found else list(self._always) for number in range(len(pieces))]

    def owners_at(self, joined: str, starts: Sequence[int]) -> dict[int, list[int]]:
        """For lower-cased texts joined by newlines (``starts``: where each begins), the sorted owners with a
        keyword in each text and those without keywords, for each text that has any: {text number: owners}."""
        if self._always:
            found: dict[int, set[int]] = {number: set(self._always) for number in range(len(starts))}
        else:
            found = {}
        if self._pattern is not None:
            by_anchor = self._by_anchor
            for match in self._pattern.finditer(joined):
                for at in range(match.start(), match.end()):
                    for keyword, offset, owners in (*by_anchor.get(joined[at:at + 2], ()), *by_anchor.get(joined[at], ())):
                        if at >= offset and joined.startswith(keyword, at - offset):
                            found.setdefault(bisect_right(starts, at) - 1, set()).update(owners)
        return {number: sorted(owners) for number, owners in sorted(found.items())}


def _anchors(keywords: Sequence[str]) -> dict[str, int]:
    """Each keyword's anchor position: its rarest character, then the set of anchor characters thinned by
    dropping the most frequent ones while every keyword keeps one (white space is never an anchor)."""
    usable = {word: {c for c in word if not c.isspace()} for word in keywords}
    chosen = {max(chars, key=rarity) for chars in usable.values() if chars}
    for character in sorted(chosen, key=rarity):
        if all(chars & (chosen - {character}) for chars in usable.values() if character in chars):
            chosen.discard(character)
    result: dict[str, int] = {}
    for word, chars in usable.items():
        if chars:
            best = max(chars & chosen, key=rarity)
            result[word] = word.index(best)
    return result


def _anchored_pattern(anchors: dict[str, int]) -> re.Pattern[str] | None:
    """One pattern for all keywords: an anchor character, then (consumed, so the engine can dispatch on it)
    the character after it, with the rest of the keyword checked behind and ahead without consuming it."""
    groups: dict[str, list[str]] = {}
    for word, at in anchors.items():
        after = word[at + 1:at + 2]
        if after:
            behind = f"(?<={re.escape(word[:at + 2])})" if at else ""
            ahead = f"(?={re.escape(word[at + 2:])})" if at + 2 < len(word) else ""
            groups.setdefault(word[at], []).append(re.escape(after) + behind + ahead)
        else:
            groups.setdefault(word[at], []).append(f"(?<={re.escape(word)})")
    if not groups:
        return None
    return re.compile("|".join(
        re.escape(anchor) + "(?:" + "|".join(sorted(alternatives, key=lambda a: a.startswith("(?<="))) + ")"
        for anchor, alternatives in groups.items()
    ))


@dataclass
class _Shield:
    """What the quote finder found in one paragraph: speech (not the outlet's words) and quoted terms."""

    speech: list[tuple[int, int]] = field(default_factory=list)
    terms: list[Span] = field(default_factory=list)


_NO_QUOTES = _Shield()  # read only


def load_lexicon(user_file: Path | None = None) -> LoadedLexicon:
    """The shipped lexicon, extended by ``user_file`` when it exists (same shape; its lists are appended)."""
    if user_file is None or not user_file.is_file():
        return _shipped_lexicon()
    return _compiled(_merged([load_resource_json(LEXICON_RESOURCE), _read(user_file)]))


def find_loaded(
    paragraphs: Sequence[Paragraph], quotes: Sequence[Quote] = (), patterns: LoadedLexicon | None = None
) -> list[Loaded]:
    """Loaded wording in the outlet's own words, in paragraph order, then by position; spans never overlap.

    Words inside direct or indirect quotes and words inside quoted terms are skipped; a quoted term after a
    distancing word (sogenannte „…“) is itself marked as distancing.
    """
    lexicon = patterns if patterns is not None else _shipped_lexicon()
    chosen = [paragraph for paragraph in paragraphs if paragraph.text and paragraph.role not in _NOT_THE_OUTLET]
    joined, starts = _lower_joined([paragraph.text for paragraph in chosen])
    candidates = lexicon.candidates_in(joined, starts)
    shields = _shields(quotes)
    found: list[Loaded] = []
    for number, paragraph in enumerate(chosen):
        shield = shields.get(paragraph.index, _NO_QUOTES)
        entries = candidates.get(number, ())
        if entries or shield.terms:
            low = joined[starts[number]:starts[number] + len(paragraph.text)]
            found.extend(_paragraph_marks(paragraph, low, entries, shield, lexicon))
    return found


def _lower_joined(texts: list[str]) -> tuple[str, list[int]]:
    """The texts lower-cased as :func:`_lower` does, joined by newlines, and where each begins.

    One ``str.lower`` of the whole article: when no character changes length, each text's part of it is that
    text's ``_lower`` (a newline ends a word for the final-sigma rule as the end of a text does).
    """
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    joined = "\n".join(texts)
    lowered = text_case.lower(joined)
    if len(lowered) != len(joined):
        lowered = "\n".join(_lower(text) for text in texts)
    return lowered, starts


def loaded_words_in(text: str, patterns: LoadedLexicon | None = None) -> list[Loaded]:
    """Lexicon words in text we write ourselves (a summary), outside quotation marks, in paragraph 0.

    Unlike :func:`find_loaded`, words are marked even beside a speech cue (…, bezeichnete er den Machthaber):
    a summary that reports speech must still quote a loaded label rather than adopt it.
    """
    lexicon = patterns if patterns is not None else _shipped_lexicon()
    lowered = _lower(text)
    quoted = [(m.start(), m.end()) for m in _QUOTED_STRETCH.finditer(text)]
    found = []
    for entry in lexicon.candidates([lowered])[0]:
        for match in entry.word.finditer(text):
            start, end = match.span()
            if not _overlaps(start, end, quoted) and _fits(entry, text, start, end):
                found.append(Loaded(Span(0, start, end), match.group(), entry.why, entry.category))
    return _without_overlaps(found)


_QUOTED_STRETCH = re.compile(r"[„“”\"»«‚‘›‹][^„“”\"»«‚‘›‹]*[“”\"«»‘’‹›]")


def _lower(text: str) -> str:
    """The text in lower case, character for character (so offsets stay valid)."""
    lowered = text_case.lower(text)
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := text_case.lower(character)) == 1 else character for character in text)


def _paragraph_marks(
    paragraph: Paragraph, lowered: str, entries: Sequence[LoadedEntry], shield: _Shield, lexicon: LoadedLexicon
) -> list[Loaded]:
    text = paragraph.text
    marks, cues = _scare_quotes(paragraph, lowered, shield, lexicon)
    blocked = [*shield.speech, *((term.start, term.end) for term in shield.terms), *cues]
    for entry in entries:
        for match in entry.word.finditer(text):
            start, end = match.span()
            if not _overlaps(start, end, blocked) and _fits(entry, text, start, end) and not (
                entry.check_reported and _reported(lowered, start, end, lexicon)
            ):
                marks.append(Loaded(Span(paragraph.index, start, end), match.group(), entry.why, entry.category))
    return _without_overlaps(marks)


def _scare_quotes(
    paragraph: Paragraph, lowered: str, shield: _Shield, lexicon: LoadedLexicon
) -> tuple[list[Loaded], list[tuple[int, int]]]:
    """Quoted terms after a distancing cue, and the cues' extents (so the cue word is not marked again)."""
    text = paragraph.text
    marks: list[Loaded] = []
    cues: list[tuple[int, int]] = []
    for term in shield.terms:
        if _overlaps(term.start, term.end, shield.speech):
            continue
        lead = _before_quotation_mark(text, term.start)
        for cue in lexicon.scare_quotes:
            found = cue.before.search(text, max(0, lead - CONTEXT_CHARS), lead)
            if found is None or (cue.if_quote is not None and not cue.if_quote.search(text, term.start, term.end)):
                continue
            veto = lexicon.scare_quote_unless_after
            if not (veto and veto.match(text, term.end)) and not _reported(lowered, found.start(), term.end, lexicon):
                marks.append(Loaded(term, text[term.start:term.end], cue.why, "distancing"))
                cues.append((found.start(), term.start))
            break
    return marks, cues


def _before_quotation_mark(text: str, start: int) -> int:
    """Where the text before a quoted term ends, without the opening quotation mark and spaces."""
    while start > 0 and (text[start - 1].isspace() or text[start - 1] in _QUOTE_MARKS):
        start -= 1
    return start


def _fits(entry: LoadedEntry, text: str, start: int, end: int) -> bool:
    """Whether the entry's context conditions allow a match at ``start:end``."""
    if entry.unless is not None and entry.unless.fullmatch(text, start, end):
        return False
    low, high = _sentence_around(text, start, end)
    if entry.if_before is not None and not entry.if_before.search(text, low, start):
        return False
    if entry.unless_before is not None and entry.unless_before.search(text, low, start):
        return False
    if entry.if_after is not None and not entry.if_after.match(text, end, high):
        return False
    if entry.unless_after is not None and entry.unless_after.match(text, end, high):
        return False
    return True


def _reported(text: str, start: int, end: int, lexicon: LoadedLexicon) -> bool:
    """Whether ``start:end`` of the lower-cased ``text`` is someone else's words: a cue from the start of the
    previous sentence up to it (nannte ihn einen …; Er sagte, …) or after it in its sentence (…, sagte sie)."""
    before, after = lexicon.reported_before, lexicon.reported_after
    if before is not None:
        floor = max(0, start - CONTEXT_CHARS)
        low = _sentence_start(text, _sentence_start(text, start, floor), floor)
        if before.search(text, low, start):
            return True
    return after is not None and after.search(text, end, _sentence_around(text, start, end)[1]) is not None


def _sentence_start(text: str, position: int, floor: int) -> int:
    """The end of the sentence before ``position`` (its . ! or ?), or ``floor``."""
    return max(floor, *(text.rfind(mark, floor, position) for mark in ".!?"))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where an entry's context patterns look: from the end of the previous sentence (its . ! or ?) to the
    end of this one, at most ``CONTEXT_CHARS`` either side. A full stop in a number or abbreviation counts."""
    low = _sentence_start(text, start, max(0, start - CONTEXT_CHARS))
    high = min(len(text), end + CONTEXT_CHARS)
    for mark in ".!?":
        found = text.find(mark, end, high)
        if found >= 0:
            high = found + 1
    return low, high


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _without_overlaps(marks: list[Loaded]) -> list[Loaded]:
    """Marks by position; of overlapping marks the earlier (then the longer, then the first found) stays."""
    kept: list[Loaded] = []
    for mark in sorted(marks, key=lambda m: (m.span.start, -m.span.end)):
        if not kept or mark.span.start >= kept[-1].span.end:
            kept.append(mark)
    return kept


def _shields(quotes: Sequence[Quote]) -> dict[int, _Shield]:
    shields: dict[int, _Shield] = {}
    for quote in quotes:
        if quote.kind is QuoteKind.TERM:
            shields.setdefault(quote.span.paragraph, _Shield()).terms.append(quote.span)
            continue
        for span in (quote.span, *quote.continuations):
            shields.setdefault(span.paragraph, _Shield()).speech.append((span.start, span.end))
    return shields


# --- Loading and compiling the lexicon ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped_lexicon() -> LoadedLexicon:
    return _compiled(_merged([load_resource_json(LEXICON_RESOURCE)]))


def _read(path: Path) -> dict[str, Any]:
    loaded = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a JSON object like resources/{LEXICON_RESOURCE}")
    return loaded


def _merged(sources: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One object per top-level name; lists are appended in source order, other values replaced."""
    merged: dict[str, dict[str, Any]] = {}
    for source in sources:
        for name, value in source.items():
            if name.startswith("_") or not isinstance(value, dict):
                continue
            target = merged.setdefault(name, {})
            for key, item in value.items():
                target[key] = [*target.get(key, []), *item] if isinstance(item, list) else item
    return merged


def _compiled(data: dict[str, dict[str, Any]]) -> LoadedLexicon:
    entries = tuple(
        _entry(raw, category)
        for category, value in data.items()
        if category not in _RESERVED
        for raw in value.get("entries", [])
    )
    scare = data.get("scare_quotes", {})
    reported = data.get("reported", {})
    return LoadedLexicon(
        entries=entries,
        scare_quotes=tuple(_scare_cue(raw) for raw in scare.get("entries", [])),
        scare_quote_unless_after=_either(scare.get("unless_after", [])),
        reported_before=_either(reported.get("before", []), flags=0),
        reported_after=_either(reported.get("after", []), flags=0),
    )


def _entry(raw: dict[str, Any], category: str) -> LoadedEntry:
    body, keywords = _body_and_keywords(raw)
    try:
        return LoadedEntry(
            word=re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", _FLAGS),
            category=category,
            why=str(raw["why"]),
            keywords=keywords,
            unless=_either(raw.get("unless", [])),
            if_before=_either(raw.get("if_before", []), r"\Z"),
            unless_before=_either(raw.get("unless_before", []), r"\Z"),
            if_after=_either(raw.get("if_after", [])),
            unless_after=_either(raw.get("unless_after", [])),
            check_reported=bool(raw.get("reported", True)),
        )
    except (KeyError, re.error) as error:
        raise ValueError(f"loaded-wording entry {raw!r}: {error}") from error


def _body_and_keywords(raw: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The entry's regular expression and its keywords (for a term: its longest word, lower-cased)."""
    keywords = tuple(text_case.lower(str(word)) for word in raw.get("keywords", []))
    if ("term" in raw) == ("pattern" in raw):
        raise ValueError(f"loaded-wording entry {raw!r}: give either 'term' or 'pattern'")
    if "pattern" in raw:
        return str(raw["pattern"]), keywords
    term = str(raw["term"]).strip()
    body = r"\s+".join(re.escape(part) for part in term.split())
    return body, keywords or (max(text_case.lower(term).split(), key=len),)


def _scare_cue(raw: dict[str, Any]) -> ScareQuoteCue:
    try:
        before = re.compile(rf"(?<![\w-])(?:{raw['before']})\s*\Z", _FLAGS)
        return ScareQuoteCue(before, str(raw["why"]), _either(raw.get("if_quote", [])))
    except (KeyError, re.error) as error:
        raise ValueError(f"scare-quote entry {raw!r}: {error}") from error


def _either(patterns: Sequence[str], suffix: str = "", flags: int = _FLAGS) -> re.Pattern[str] | None:
    """All patterns as one alternation (``suffix`` appended to it), or None when there are none."""
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")" + suffix, flags)
