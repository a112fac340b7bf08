"""``lesesaal summarize --list NAME``: a reading list summarised in one run, from the cache the second time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop.conftest import SAMPLES
from tests.desktop.test_cli import lesesaal


def test_a_list_is_summarised_in_its_order_then_from_the_cache(capsys: pytest.CaptureFixture[str]) -> None:
    lesesaal(capsys, "import", str(SAMPLES))
    ids = [item["id"] for item in json.loads(lesesaal(capsys, "list", "--json")[1]) if item["duplicate_of"] is None]
    lesesaal(capsys, "lists", "Kurs", "--create", "--add", *map(str, reversed(ids)))
    code, out, _ = lesesaal(capsys, "summarize", "--list", "kurs", "--extractive", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["list"] == "Kurs" and shown["failed"] == []
    assert [s["id"] for s in shown["summaries"]] == list(reversed(ids))
    assert all(s["method"] == "extractive" and s["key_points"] for s in shown["summaries"])
    code, out, _ = lesesaal(capsys, "summarize", "--list", "Kurs", "--extractive")
    assert code == 0 and out.count("[cached]") == len(ids)


def test_summarize_needs_an_id_or_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        lesesaal(capsys, "summarize", "--extractive")
    assert "--list NAME" in capsys.readouterr().err
    code, _, err = lesesaal(capsys, "summarize", "--list", "Fehlt", "--extractive")
    assert code == 1 and "no reading list «Fehlt»" in err


def test_an_empty_list_says_so_and_loads_no_model(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lesesaal(capsys, "lists", "Leer", "--create")
    code, out, err = lesesaal(capsys, "summarize", "--list", "Leer", "--model", str(tmp_path / "fehlt.gguf"))
    assert code == 0 and out == "" and "«Leer» has no articles" in err
    code, out, _ = lesesaal(capsys, "summarize", "--list", "Leer", "--json")
    assert code == 0 and json.loads(out) == {"list": "Leer", "summaries": [], "failed": []}
    code, out, err = lesesaal(capsys, "export", "--list", "Leer", "--format", "csl-json")
    assert code == 0 and json.loads(out) == [] and "«Leer» has no articles; the export is empty" in err
