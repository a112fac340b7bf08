"""CSL-JSON and RIS read back: CSL-JSON's required fields and types, RIS line by line."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pytest

from library.export.names import people
from library.export.references import csl_json, ris
from tests.library.export.articles import FERRY, WIND

_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def _check_date(value: Any) -> list[int]:
    assert set(value) == {"date-parts"} and len(value["date-parts"]) == 1
    parts = value["date-parts"][0]
    assert 1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts)
    return list(parts)


def test_csl_json_items_are_newspaper_articles_with_typed_fields() -> None:
    items = json.loads(csl_json([FERRY, WIND]))
    assert isinstance(items, list) and len(items) == 2
    for item in items:
        assert isinstance(item["id"], str) and item["type"] == "article-newspaper" and isinstance(item["title"], str)
        for key in ("container-title", "URL", "language", "note"):
            assert isinstance(item.get(key, ""), str)
        for person in item.get("author", []):
            assert set(person) <= {"family", "given", "literal"} and all(isinstance(v, str) for v in person.values())
    ferry, wind = items
    assert ferry["title"] == FERRY.title and ferry["container-title"] == "Kieler Nachrichten"
    assert _check_date(ferry["issued"]) == [2025, 7, 11] and _check_date(ferry["accessed"]) == [2026, 11, 30]
    assert ferry["URL"] == FERRY.url and ferry["language"] == "de" and "lesesaal://article/12" in ferry["note"]
    assert ferry["author"] == [{"family": "Peters", "given": "Anna"}, {"family": "von der Leyen", "given": "Ursula"}]
    assert _check_date(wind["issued"]) == [2024, 3] and wind["author"] == [{"literal": "dpa"}]
    assert "container-title" not in wind and "URL" not in wind and "language" not in wind
    assert "issued" not in json.loads(csl_json([replace(WIND, date=None)]))[0]


def _records(text: str) -> list[list[tuple[str, str]]]:
    records: list[list[tuple[str, str]]] = [[]]
    for line in text.split("\r\n"):
        if not line:
            continue
        match = _RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        records[-1].append((match.group(1), match.group(2)))
        if match.group(1) == "ER":
            records.append([])
    assert records[-1] == []
    return records[:-1]


def test_ris_records_line_by_line() -> None:
    text = ris([FERRY, replace(WIND, title="Zwei\nZeilen")])
    assert "\n" not in text.replace("\r\n", "")
    ferry, wind = _records(text)
    assert ferry[0] == ("TY", "NEWS") and ferry[-1] == ("ER", "")
    tags = dict(ferry)
    assert tags["TI"] == FERRY.title and tags["T2"] == "Kieler Nachrichten"
    assert [v for k, v in ferry if k == "AU"] == ["Peters, Anna", "von der Leyen, Ursula"]
    assert (tags["PY"], tags["DA"], tags["Y2"]) == ("2025", "2025/07/11/", "2026/11/30/")
    assert tags["UR"] == FERRY.url and tags["LA"] == "de" and "lesesaal://article/12" in tags["N1"]
    assert dict(wind)["TI"] == "Zwei Zeilen" and dict(wind)["DA"] == "2024/03//" and "T2" not in dict(wind)
    assert dict(wind)["AU"] == "dpa"


@pytest.mark.parametrize("line, expected", [
    ("Anna Peters", ["Peters, Anna"]),
    ("Von Jan-Ole Schmidt, Maria Lopez und Kai Wu", ["Schmidt, Jan-Ole", "Lopez, Maria", "Wu, Kai"]),
    ("Peters, Anna", ["Peters, Anna"]),
    ("Anna Peters / dpa", ["Peters, Anna", "dpa"]),
    ("Redaktion Politik", ["Redaktion Politik"]),
    ("Ludwig van Beethoven & Carl Maria von Weber", ["van Beethoven, Ludwig", "von Weber, Carl Maria"]),
    ("", []),
])
def test_author_lines_become_people(line: str, expected: list[str]) -> None:
    assert [p.ris() for p in people(line)] == expected
