"""``lesesaal backup`` and ``--restore``; the command line's daily automatic backup."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.desktop.conftest import SAMPLES
from tests.desktop.test_cli import lesesaal


def test_backup_then_restore_brings_back_a_deleted_list(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        library_home: Path) -> None:
    lesesaal(capsys, "import", str(SAMPLES))
    assert (library_home / "backups" / f"library-{date.today().isoformat()}.sqlite3").exists()  # made on open
    lesesaal(capsys, "lists", "Fähren", "--create", "--add", "1", "2")
    lesesaal(capsys, "annotate", "1", "--paragraph", "1", "--start", "0", "--end", "3", "--note", "prüfen")
    target = tmp_path / "sicherung.sqlite3"
    code, out, _ = lesesaal(capsys, "backup", "-o", str(target))
    assert code == 0 and target.exists() and "1 annotation, 1 reading list" in out and str(target) in out
    lesesaal(capsys, "lists", "Fähren", "--delete")
    lesesaal(capsys, "remove", "2")
    assert 2 not in {hit["id"] for hit in json.loads(lesesaal(capsys, "search", "Fähre", "--json")[1])["hits"]}
    code, out, err = lesesaal(capsys, "backup", "--restore", str(target))
    assert code == 0 and "Restored" in out and "library-before-restore-" in err
    shown = json.loads(lesesaal(capsys, "lists", "Fähren", "--json")[1])
    assert [a["id"] for a in shown["articles"]] == [1, 2]
    code, out, _ = lesesaal(capsys, "search", "Fähre", "--json")
    assert code == 0 and 2 in {hit["id"] for hit in json.loads(out)["hits"]}  # the index follows the restore


def test_backup_into_the_backups_folder_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   library_home: Path) -> None:
    code, _, err = lesesaal(capsys, "backup")
    assert code == 1 and "no library" in err
    lesesaal(capsys, "import", str(SAMPLES))
    code, out, _ = lesesaal(capsys, "backup")
    assert code == 0 and str(library_home / "backups" / "library-") in out
    code, _, err = lesesaal(capsys, "backup", "--restore", str(SAMPLES / "hafenstadt-fähre.txt"))
    assert code == 1 and "cannot be read as a library" in err


def test_a_backup_target_ending_in_a_separator_is_a_new_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                               library_home: Path) -> None:
    lesesaal(capsys, "import", str(SAMPLES))
    code, out, err = lesesaal(capsys, "backup", "-o", f"{tmp_path / 'Sicherungen'}/")
    assert code == 0, err
    copies = list((tmp_path / "Sicherungen").glob("library-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in out
