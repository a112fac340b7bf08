"""Find German and English dates (with their times) in short texts, fast and without dependencies.

Recognised dates: ``2025-07-11`` (ISO, with optional ``T15:05:00+02:00``), ``11.07.2025``,
``11. Juli 2025`` / ``11 July 2025`` / ``5. Sept. 2025`` and ``July 11, 2025``. A time may follow
the date (``15:05``, ``15:05 Uhr``, ``15.05 Uhr``, ``15 Uhr``, ``3:05 PM``, ``10:30 a.m.``) or
precede it (``15:05 Uhr, 11.07.2025``). Month names and the other words live in
``resources/dates.json``; the regexes are compiled from it once, on first use.

Dates need a day, a month and a four-digit year between 1900 and 2100; impossible dates are
skipped. Slashed (``07/11/2025``) and two-digit-year (``11.07.25``) forms are not recognised:
the first is ambiguous between German and US order, the second too easily a version number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from articles.language_data import load_resource_json

YEAR_MIN = 1900
YEAR_MAX = 2100
#: Lines longer than this are never datelines (keeps ``is_dateline`` cheap on body text).
MAX_DATELINE_CHARS = 160
#: How many words of a place (``Frankfurt am Main, 5. September 2025``) a dateline may carry.
MAX_PLACE_WORDS = 3
#: How far before a date a preceding time is looked for.
TIME_BEFORE_WINDOW = 40
#: How far before its year a date may start ("September 11th, 2025", "11th of September 2025").
DATE_BEFORE_YEAR_WINDOW = 28

_DIGIT = re.compile(r"[0-9]")
_WORD = re.compile(r"[^\W\d_]+")
_GAP = r"[\s,|/·•–—-]*"
_ISO_DATE = (
    r"(?P<iso>(?<![\w.+-])(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})(?![0-9]|-[0-9]))"
)
# Which groups of the date regex hold (year, month, day) for each of its alternatives.
_FIELDS = {
    "iso": ("iy", "im", "id"),
    "num": ("ny", "nm", "nd"),
    "dmy": ("dy", "dmon", "dd"),
    "mdy": ("my", "mmon", "md"),
}


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: ISO ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` and its span."""

    iso: str
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: frozenset[str]
    ordinals: tuple[str, ...]
    day_month_links: tuple[str, ...]
    hour_words: tuple[str, ...]
    time_connectors: tuple[str, ...]
    date_connectors: tuple[str, ...]
    timezones: tuple[str, ...]
    dateline_words: frozenset[str]
    not_place_words: frozenset[str]


@dataclass(frozen=True)
class _Patterns:
    vocabulary: _Vocabulary
    year: re.Pattern[str]
    iso: re.Pattern[str]
    ending: re.Pattern[str]
    time_after: re.Pattern[str]
    time_before: re.Pattern[str]


@dataclass(frozen=True)
class _Time:
    hour: int
    minute: int
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """First plausible date (with its time if one follows or precedes it) in text."""
    if not _DIGIT.search(text):
        return None
    return next(_iter_dates(text), None)


def find_dates(text: str) -> list[DateMatch]:
    """Every plausible date in text, in order, without overlaps."""
    if not _DIGIT.search(text):
        return []
    return list(_iter_dates(text))


def parse_date(text: str) -> str | None:
    """ISO string of the date in text, or None."""
    found = find_date(text)
    return found.iso if found else None


def is_dateline(text: str) -> bool:
    """True when the line is essentially a date/time line.

    Besides its dates and times the line may only hold words from ``dateline_words``
    (``Stand:``, ``Veröffentlicht am``, ``Uhr`` …), weekday names, time zones, punctuation,
    and at most one place of up to ``MAX_PLACE_WORDS`` capitalised words.
    """
    if len(text) > MAX_DATELINE_CHARS or not _DIGIT.search(text):
        return False
    matches = list(_iter_dates(text))
    if not matches:
        return False
    return _residue_is_small(_residue(text, matches), _patterns().vocabulary)


# --- scanning -------------------------------------------------------------------------------


def _iter_dates(text: str) -> Iterator[DateMatch]:
    """Every date in text. Each date ends or starts with its year, so scan for years first:
    that runs in C over lines without one, which is most of them."""
    patterns = _patterns()
    floor = 0
    for year in patterns.year.finditer(text):
        if year.start() < floor or (year.start() and text[year.start() - 1].isdigit()):
            continue
        match = _date_at_year(text, year, floor, patterns)
        ymd = _ymd(match, patterns.vocabulary.months) if match else None
        if match is None or ymd is None:
            continue
        time = _time_after(text, match.end(), patterns) or _time_before(
            text, match.start(), floor, patterns
        )
        start = min(match.start(), time.start) if time else match.start()
        end = max(match.end(), time.end) if time else match.end()
        floor = end
        yield DateMatch(_iso(ymd, time), start, end)


def _date_at_year(
    text: str, year: re.Match[str], floor: int, patterns: _Patterns
) -> re.Match[str] | None:
    """The ISO date starting with this year, or the other forms ending with it."""
    iso = patterns.iso.match(text, year.start())
    if iso:
        return iso
    lo = max(floor, year.start() - DATE_BEFORE_YEAR_WINDOW)
    if not _DIGIT.search(text, lo, year.start()):
        return None  # every form that ends with its year has a day number before it
    return patterns.ending.search(text, lo, year.end())


def _ymd(match: re.Match[str], months: dict[str, int]) -> tuple[int, int, int] | None:
    kind = match.lastgroup
    if kind is None:
        return None
    year_text, month_text, day_text = (match.group(name) for name in _FIELDS[kind])
    year, day = int(year_text), int(day_text)
    month = int(month_text) if month_text.isdigit() else months.get(month_text.casefold(), 0)
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def _time_after(text: str, pos: int, patterns: _Patterns) -> _Time | None:
    match = patterns.time_after.match(text, pos)
    return _clock(match) if match else None


def _time_before(text: str, pos: int, floor: int, patterns: _Patterns) -> _Time | None:
    lo = max(floor, pos - TIME_BEFORE_WINDOW)
    if not _DIGIT.search(text, lo, pos):
        return None
    match = patterns.time_before.search(text, lo, pos)
    return _clock(match) if match else None


def _clock(match: re.Match[str]) -> _Time | None:
    """Validate the hour and minute of a time match; a.m./p.m. only counts for hours 1–12."""
    hour = int(match.group("h"))
    minutes = match.group("m") or match.group("m2")
    minute = int(minutes or 0)
    end = match.end("time")
    meridiem = match.group("ampm")
    if meridiem and 1 <= hour <= 12:
        hour = hour % 12 + (12 if meridiem.casefold() == "p" else 0)
    elif meridiem:  # "15:05 am Bahnhof": the German word "am", not a.m.
        if minutes is None:
            return None
        end = match.end("clock")
    if hour > 23 or minute > 59:
        return None
    return _Time(hour, minute, match.start("time"), end)


def _iso(ymd: tuple[int, int, int], time: _Time | None) -> str:
    year, month, day = ymd
    day_part = f"{year:04d}-{month:02d}-{day:02d}"
    return f"{day_part}T{time.hour:02d}:{time.minute:02d}" if time else day_part


# --- datelines ------------------------------------------------------------------------------


def _residue(text: str, matches: list[DateMatch]) -> list[str]:
    """The pieces of text around the matched dates."""
    pieces: list[str] = []
    pos = 0
    for found in matches:
        pieces.append(text[pos : found.start])
        pos = found.end
    pieces.append(text[pos:])
    return pieces


def _residue_is_small(pieces: list[str], vocabulary: _Vocabulary) -> bool:
    allowed = vocabulary.dateline_words
    places = 0
    place_words = 0
    for piece in pieces:
        if _DIGIT.search(piece):
            return False
        words = [word for word in _WORD.findall(piece) if word.casefold() not in allowed]
        if not words:
            continue
        if any(not _could_be_place(word, vocabulary) for word in words):
            return False
        places += 1
        place_words += len(words)
    return places <= 1 and place_words <= MAX_PLACE_WORDS


def _could_be_place(word: str, vocabulary: _Vocabulary) -> bool:
    return word[0].isupper() and word.casefold() not in vocabulary.not_place_words


# --- patterns -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    vocabulary = _load_vocabulary()
    time = _time_regex(vocabulary)
    after = rf"(?:T|{_GAP}(?:(?:{_alternation(vocabulary.time_connectors)})\s+)?){time}"
    before = (
        rf"(?<![\w.:]){time}{_GAP}(?:(?:{_alternation(vocabulary.date_connectors)})\s+)?"
        rf"(?:(?:{_alternation(vocabulary.weekdays)})\.?{_GAP})?\Z"
    )
    return _Patterns(
        vocabulary=vocabulary,
        # No IGNORECASE and no leading assertion, so that re can skip to the candidates in C.
        year=re.compile(r"(?:19|20|21)[0-9]{2}(?![0-9]|\.[0-9])"),
        iso=re.compile(_ISO_DATE),
        ending=re.compile(_date_ending_regex(vocabulary), re.IGNORECASE),
        time_after=re.compile(after, re.IGNORECASE),
        time_before=re.compile(before, re.IGNORECASE),
    )


def _date_ending_regex(vocabulary: _Vocabulary) -> str:
    """Dates that end with their year: 11.07.2025, 11. Juli 2025, July 11, 2025."""
    months = _alternation(vocabulary.months)
    ordinal = rf"(?:{_alternation(vocabulary.ordinals)})?"
    link = rf"(?:(?:{_alternation(vocabulary.day_month_links)})\s+)?"
    num = r"(?P<num>(?<![\w.])(?P<nd>[0-9]{1,2})\.(?P<nm>[0-9]{1,2})\.(?P<ny>[0-9]{4}))"
    dmy = (
        rf"(?P<dmy>(?<![\w.])(?P<dd>[0-9]{{1,2}}){ordinal}(?:\.\s*|\s+){link}"
        rf"(?P<dmon>{months})(?!\w)\.?,?\s*(?P<dy>[0-9]{{4}}))"
    )
    mdy = (
        rf"(?P<mdy>(?<!\w)(?P<mmon>{months})(?!\w)\.?\s*(?P<md>[0-9]{{1,2}}){ordinal}(?!\w)"
        rf",?\s*(?P<my>[0-9]{{4}}))"
    )
    return rf"(?:{num}|{dmy}|{mdy})\Z"


def _time_regex(vocabulary: _Vocabulary) -> str:
    unit = rf"(?:{_alternation(vocabulary.hour_words)})(?!\w)"
    meridiem = r"[ap]\.?\s?m\.?(?!\w)"
    suffix = rf"(?=\s*(?:{unit}|{meridiem}))"
    clock = (
        rf"(?P<clock>(?P<h>[0-9]{{1,2}})(?::(?P<m>[0-9]{{2}})(?::[0-9]{{2}}(?:[.,][0-9]+)?)?"
        rf"|\.(?P<m2>[0-9]{{2}}){suffix}|{suffix})(?![0-9]))"
    )
    zone = (
        rf"(?:Z(?!\w)|[+-][0-9]{{2}}:?[0-9]{{2}}(?![0-9])"
        rf"|(?:{_alternation(vocabulary.timezones)})(?:[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?(?!\w))"
    )
    marker = rf"(?:\s*(?:(?P<ampm>[ap])\.?\s?m\.?(?!\w)|(?P<unit>{unit})))?"
    return rf"(?P<time>{clock}{marker}(?:\s*{zone})?)"


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first so that 'sept' wins over 'sep'."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _load_vocabulary() -> _Vocabulary:
    data = load_resource_json("dates.json")
    months = {
        name.casefold(): number
        for number, names in enumerate(data["months"], start=1)
        for name in _strings(names)
    }
    weekdays = _strings(data["weekdays"])
    timezones = _strings(data["timezones"])
    extra_words = (*weekdays, *timezones, *_strings(data["hour_words"]))
    return _Vocabulary(
        months=months,
        weekdays=frozenset(weekdays),
        ordinals=_strings(data["ordinal_suffixes"]),
        day_month_links=_strings(data["day_month_links"]),
        hour_words=_strings(data["hour_words"]),
        time_connectors=_strings(data["time_connectors"]),
        date_connectors=_strings(data["date_connectors"]),
        timezones=timezones,
        dateline_words=frozenset((*_strings(data["dateline_words"]), *extra_words)),
        not_place_words=frozenset(_strings(data["not_place_words"])),
    )


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("dates.json: expected a list of strings")
    return tuple(item.casefold() for item in value)
