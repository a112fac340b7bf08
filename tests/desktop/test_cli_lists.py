"""``lesesaal lists`` and ``lesesaal mark``: what a script does with reading lists, and their JSON shapes."""

from __future__ import annotations

import json
import pytest

from tests.desktop.conftest import SAMPLES
from tests.desktop.test_cli import lesesaal


@pytest.fixture
def samples(capsys: pytest.CaptureFixture[str]) -> list[int]:
    code, _, _ = lesesaal(capsys, "import", str(SAMPLES))
    assert code == 0
    _, out, _ = lesesaal(capsys, "list", "--json")
    return [item["id"] for item in json.loads(out)]


def _shown(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = lesesaal(capsys, "lists", *args, "--json")
    assert code == 0, err
    shown: dict[str, object] = json.loads(out)
    return shown


def test_create_add_move_remove_and_progress(capsys: pytest.CaptureFixture[str], samples: list[int]) -> None:
    first, second, third = samples[:3]
    shown = _shown(capsys, "Seminar Küstenstädte", "--create", "--add", str(third), str(first), str(second))
    assert [a["id"] for a in shown["articles"]] == [third, first, second]  # type: ignore[index]
    assert set(shown) == {"id", "name", "created", "total", "read", "in_progress", "unread", "articles"}
    assert set(shown["articles"][0]) == {"position", "id", "title", "source", "date", "state"}  # type: ignore[index]
    shown = _shown(capsys, "Seminar Küstenstädte", "--move", str(second), "--to", "1")
    assert [a["id"] for a in shown["articles"]] == [second, third, first]  # type: ignore[index]
    code, out, _ = lesesaal(capsys, "mark", str(second), str(third), "read")
    assert code == 0 and "as read" in out
    lesesaal(capsys, "mark", str(first), "in-progress")
    shown = _shown(capsys, "Seminar Küstenstädte", "--remove", str(third))
    assert [(a["id"], a["state"]) for a in shown["articles"]] == [(second, "read"), (first, "in-progress")]  # type: ignore[index]
    assert (shown["total"], shown["read"], shown["in_progress"], shown["unread"]) == (2, 1, 1, 0)
    code, out, _ = lesesaal(capsys, "lists")
    assert code == 0 and "Seminar Küstenstädte  1 of 2 read, 1 in progress" in out
    overview = json.loads(lesesaal(capsys, "lists", "--json")[1])
    assert [(x["name"], x["total"], x["read"]) for x in overview] == [("Seminar Küstenstädte", 2, 1)]


def test_rename_delete_and_errors(capsys: pytest.CaptureFixture[str], samples: list[int]) -> None:
    code, _, err = lesesaal(capsys, "lists", "Kurs", "--add", str(samples[0]))
    assert code == 1 and "no reading list «Kurs»" in err and "--create" in err
    lesesaal(capsys, "lists", "Kurs", "--create")
    code, _, err = lesesaal(capsys, "lists", "Kurs", "--add", "999")
    assert code == 1 and "no article #999" in err
    code, _, err = lesesaal(capsys, "lists", "Kurs", "--create")
    assert code == 1 and "exists already" in err
    code, _, err = lesesaal(capsys, "lists", "KURS", "--create")
    assert code == 1 and "«KURS» exists already (as «Kurs»: names are the same regardless of case)" in err
    assert _shown(capsys, "Kurs", "--rename", "Kurs 2026")["name"] == "Kurs 2026"
    code, out, _ = lesesaal(capsys, "lists", "Kurs 2026", "--delete")
    assert code == 0 and "Deleted" in out
    assert json.loads(lesesaal(capsys, "lists", "--json")[1]) == []
    code, out, _ = lesesaal(capsys, "lists")
    assert "No reading lists yet" in out
    with pytest.raises(SystemExit):
        lesesaal(capsys, "mark", str(samples[0]), "halb")
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        lesesaal(capsys, "lists", "--delete")  # a change needs a list's name
    assert "needs its NAME" in capsys.readouterr().err


def test_marked_states_show_in_a_list(capsys: pytest.CaptureFixture[str], samples: list[int]) -> None:
    lesesaal(capsys, "mark", *map(str, samples), "read")
    lesesaal(capsys, "mark", str(samples[0]), "unread")
    code, out, _ = lesesaal(capsys, "lists", "Alles", "--create", "--add", *map(str, samples))
    assert code == 0
    assert out.count("[✓]") == len(samples) - 1 and out.count("[ ]") == 1


def test_a_command_that_fails_part_way_changes_nothing(capsys: pytest.CaptureFixture[str], samples: list[int]) -> None:
    first, second = samples[:2]
    code, _, err = lesesaal(capsys, "lists", "Neu", "--create", "--add", str(first), "999")
    assert code == 1 and "no article #999" in err
    assert json.loads(lesesaal(capsys, "lists", "--json")[1]) == []
    _shown(capsys, "Kurs", "--create", "--add", str(first))
    code, _, err = lesesaal(capsys, "lists", "Kurs", "--add", str(second), "--remove", "999")
    assert code == 1 and "#999 is not on the reading list «Kurs»" in err
    code, _, err = lesesaal(capsys, "lists", "Kurs", "--remove", str(first), "--rename", "   ")
    assert code == 1
    assert [a["id"] for a in _shown(capsys, "Kurs")["articles"]] == [first]  # type: ignore[index]


def _usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        lesesaal(capsys, *args)
    assert exited.value.code == 2
    return capsys.readouterr().err


def test_usage_errors_name_the_lists_command_and_positions_count_from_one(
        capsys: pytest.CaptureFixture[str], samples: list[int]) -> None:
    first, second = samples[:2]
    _shown(capsys, "Kurs", "--create", "--add", str(first), str(second))
    err = _usage_error(capsys, "lists", "Kurs", "--to", "2")
    assert "lesesaal lists: error: --move ID and --to POS go together" in err
    assert "counts from 1" in _usage_error(capsys, "lists", "Kurs", "--move", str(second), "--to", "0")
    assert [a["id"] for a in _shown(capsys, "Kurs")["articles"]] == [first, second]  # type: ignore[index]
