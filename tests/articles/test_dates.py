from __future__ import annotations

import timeit

import pytest

from articles.dates import DateMatch, find_date, find_dates, is_dateline, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # German, month names
        ("11 Juli 2025 15:05 Uhr", "2025-07-11T15:05"),
        ("11. Juli 2025, 15:05 Uhr", "2025-07-11T15:05"),
        ("5. September 2025", "2025-09-05"),
        ("5. Sept. 2025", "2025-09-05"),
        ("5.September 2025", "2025-09-05"),
        ("Freitag, 11. Juli 2025", "2025-07-11"),
        ("3. März 2025", "2025-03-03"),
        ("3. Maerz 2025", "2025-03-03"),
        ("3. Mär. 2025", "2025-03-03"),
        ("3. MÄRZ 2025", "2025-03-03"),
        ("3. Jänner 2025", "2025-01-03"),
        ("24. Dez. 2024", "2024-12-24"),
        ("1. Mai 2025 um 12 Uhr", "2025-05-01T12:00"),
        # German, numeric
        ("11.07.2025", "2025-07-11"),
        ("1.7.2025", "2025-07-01"),
        ("11.07.2025, 08:30 Uhr", "2025-07-11T08:30"),
        ("Stand: 12.07.2025 08:30", "2025-07-12T08:30"),
        ("11.07.2025 15.05 Uhr", "2025-07-11T15:05"),
        ("11.07.2025 15 Uhr", "2025-07-11T15:00"),
        ("11.07.2025 | 15:05 Uhr MESZ", "2025-07-11T15:05"),
        ("15:05 Uhr, 11.07.2025", "2025-07-11T15:05"),
        # ISO
        ("2025-07-11", "2025-07-11"),
        ("2025-07-11T15:05:00+02:00", "2025-07-11T15:05"),
        ("2025-07-11T15:05:00.000Z", "2025-07-11T15:05"),
        ("2025-07-11 15:05", "2025-07-11T15:05"),
        # English
        ("July 11, 2025", "2025-07-11"),
        ("july 11, 2025", "2025-07-11"),
        ("July 11, 2025 3:05 PM", "2025-07-11T15:05"),
        ("11 July 2025", "2025-07-11"),
        ("11th of July 2025", "2025-07-11"),
        ("September 1st, 2025", "2025-09-01"),
        ("Jul 11, 2025, 10:30 a.m.", "2025-07-11T10:30"),
        ("Jul 11, 2025, 10:30 a.m. ET", "2025-07-11T10:30"),
        ("Sept. 5, 2025 at 3 p.m.", "2025-09-05T15:00"),
        ("Dec 24, 2024 12:15 AM", "2024-12-24T00:15"),
        ("Dec 24, 2024 12:15 PM", "2024-12-24T12:15"),
        ("10:30 a.m., Friday, July 11, 2025", "2025-07-11T10:30"),
        # leap years and edges
        ("29.02.2024", "2024-02-29"),
        ("31.12.1900", "1900-12-31"),
        ("01.01.2100", "2100-01-01"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Kein Datum hier, nur Text.",
        "Artikel 5",
        "2025",
        "Bayern gewann 2:1 gegen Dortmund.",
        "Die Inflation lag bei 3.5 Prozent.",
        "Version 1.2.3 behebt den Fehler.",
        "Python 3.10.12 ist erschienen.",
        "Update auf 11.07.2025.3",
        "v11.07.2025",
        "Tel. 030 1107 2025",
        "Telefon: +49 30 11072025",
        "Hotline 0800-2025-07-11",
        "Ruf an: 0171/2025123",
        "Es ist 15:05 Uhr.",
        "Juli 2025",
    ],
)
def test_no_date(text: str) -> None:
    assert find_date(text) is None
    assert parse_date(text) is None
    assert not is_dateline(text)


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2025",
        "30. Februar 2024",
        "29.02.2025",
        "11.13.2025",
        "00.07.2025",
        "2025-13-01",
        "2025-02-30",
        "February 30, 2025",
        "11.07.1899",
        "11.07.2101",
        "1899-12-31",
    ],
)
def test_impossible_dates_are_rejected(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("11.07.2025 25:00 Uhr", "2025-07-11"),
        ("11.07.2025 15:61", "2025-07-11"),
        ("11.07.2025 15:05 am Bahnhof", "2025-07-11T15:05"),
        ("11.07.2025 15 am Bahnhof", "2025-07-11"),
        ("11. Juli 2025 2:1 gewonnen", "2025-07-11"),
        ("11. Juli 2025 3.5 Prozent", "2025-07-11"),
        ("11.07.2025 12", "2025-07-11"),
    ],
)
def test_implausible_times_are_left_out(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("11.07.2025", "11.07.2025"),
        ("Stand: 12.07.2025 08:30", "12.07.2025 08:30"),
        ("Freitag, 11. Juli 2025, 15:05 Uhr", "11. Juli 2025, 15:05 Uhr"),
        ("Berlin, 5. September 2025", "5. September 2025"),
        ("Veröffentlicht am 5. Sept. 2025.", "5. Sept. 2025"),
        ("Posted Jul 11, 2025, 10:30 a.m. by staff", "Jul 11, 2025, 10:30 a.m."),
        ("(2025-07-11T15:05:00+02:00)", "2025-07-11T15:05:00+02:00"),
        ("Um 15:05 Uhr am 11.07.2025 begann", "15:05 Uhr am 11.07.2025"),
        ("Die Wahl am 5. September 2025 in Berlin.", "5. September 2025"),
        ("11.07.2025 15:05 am Bahnhof", "11.07.2025 15:05"),
    ],
)
def test_span(text: str, matched: str) -> None:
    found = find_date(text)
    assert found is not None
    assert text[found.start : found.end] == matched


def test_find_date_returns_the_first_date() -> None:
    text = "Veröffentlicht am 11.07.2025, aktualisiert am 12.07.2025 um 08:30 Uhr"
    assert find_date(text) == DateMatch("2025-07-11", 18, 28)
    assert [found.iso for found in find_dates(text)] == ["2025-07-11", "2025-07-12T08:30"]


def test_first_valid_date_wins_over_an_impossible_one() -> None:
    assert parse_date("31.02.2025 oder 28.02.2025") == "2025-02-28"


def test_a_time_between_two_dates_belongs_to_the_first() -> None:
    dates = find_dates("11.07.2025 15:05 12.07.2025")
    assert [found.iso for found in dates] == ["2025-07-11T15:05", "2025-07-12"]


@pytest.mark.parametrize(
    "text",
    [
        "11 Juli 2025 15:05 Uhr",
        "11. Juli 2025, 15:05 Uhr",
        "5. September 2025",
        "Freitag, 11. Juli 2025",
        "Fr., 11.07.2025",
        "11.07.2025, 08:30 Uhr",
        "Stand: 12.07.2025 08:30",
        "Stand: 12.07.2025, 08:30 Uhr MESZ",
        "Veröffentlicht am 11.07.2025",
        "Aktualisiert am 12.07.2025 um 08:30 Uhr",
        "Zuletzt aktualisiert: 12.07.2025",
        "Veröffentlicht am 11.07.2025 | Aktualisiert am 12.07.2025, 08:30 Uhr",
        "2025-07-11T15:05:00+02:00",
        "July 11, 2025",
        "Friday, July 11, 2025 3:05 PM",
        "Updated Jul 11, 2025, 10:30 a.m. ET",
        "Published on 11 July 2025",
        "Berlin, 5. September 2025",
        "Frankfurt am Main, 5. September 2025",
        "Berlin, den 5. September 2025",
        "NEW YORK, July 11, 2025",
        "  11.07.2025  ",
    ],
)
def test_is_dateline(text: str) -> None:
    assert is_dateline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Wahl findet am 5. September 2025 in Berlin statt.",
        "The election was held on July 11, 2025.",
        "Am 11.07.2025 trat das Gesetz in Kraft.",
        "Von Max Mustermann, 11.07.2025",
        "By Jane Doe, July 11, 2025",
        "Berlin, 5. September 2025, Hamburg",
        "Bad Homburg vor der Höhe, 5. September 2025",
        "Aktualisiert am 12.07.2025 | Lesezeit: 3 Min.",
        "11.07.2025: 3 Kommentare",
        "Bayern gewann am Samstag 2:1 gegen Dortmund.",
        "Artikel 5",
        "Juli 2025",
        "Freitag, 11. Juli",
        "Stand: " + "Lorem ipsum dolor sit amet, " * 6 + "11.07.2025",
    ],
)
def test_is_not_dateline(text: str) -> None:
    assert not is_dateline(text)


def test_sentence_mentioning_a_date_still_yields_it() -> None:
    text = "Die Wahl findet am 5. September 2025 in Berlin statt."
    assert not is_dateline(text)
    assert parse_date(text) == "2025-09-05"


@pytest.mark.parametrize(
    "line",
    [
        "Der Bundestag hat am Donnerstag über das neue Gesetz beraten, das Mieten begrenzen soll.",
        "Im Jahr 2024 stieg die Zahl um 12 Prozent auf 3.400 Fälle, im Jahr 2025 um 7 Prozent.",
        "In Version 3.10.12 wurde das behoben; Bayern gewann 2:1 gegen Dortmund, Artikel 5 GG.",
    ],
)
def test_is_dateline_is_fast_on_ordinary_lines(line: str) -> None:
    is_dateline(line)  # compile the patterns outside the measurement
    runs = 2000
    best = min(timeit.repeat(lambda: is_dateline(line), number=runs, repeat=5)) / runs
    # The target is 20 µs; allow slack for slow or busy CI machines.
    assert best < 100e-6
