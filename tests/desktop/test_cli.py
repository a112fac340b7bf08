"""The command-line contract: options, exit codes and JSON shapes that scripts rely on."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


def lesesaal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("de_rt_style.txt", "de_same_story_copy2.md", "de_other_outlet_same_event.txt", "en_plain.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def test_import_then_list_json(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    code, out, err = lesesaal(capsys, "import", str(inbox))
    assert code == 0 and err == ""
    assert "4 imported" in out
    code, out, _ = lesesaal(capsys, "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 4
    assert all(set(item) >= {"id", "title", "date", "source", "duplicate_of"} for item in listed)
    copies = [item for item in listed if item["duplicate_of"] is not None]
    assert len(copies) == 1 and copies[0]["title"] == "Macron und Starmer beraten in Paris"


def test_show_json_shape(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    lesesaal(capsys, "import", str(inbox / "de_rt_style.txt"))
    code, out, _ = lesesaal(capsys, "show", "1", "--json")
    shown = json.loads(out)
    assert code == 0
    assert set(shown) >= {"id", "title", "subtitle", "date", "source", "url", "language", "path", "duplicate_of",
                          "paragraphs"}
    assert shown["date"] == "2025-07-11T15:05" and shown["language"] == "de"
    assert shown["path"] == str(inbox / "de_rt_style.txt")
    assert shown["paragraphs"][0] == {"index": 0, "role": "kicker", "text": "International"}
    assert [p["index"] for p in shown["paragraphs"]] == list(range(len(shown["paragraphs"])))


def test_import_with_failures_exits_2_and_names_each_failed_file(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    (inbox / "leer.txt").write_bytes(b"")
    (inbox / "foto.md").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    code, out, err = lesesaal(capsys, "import", str(inbox))
    assert code == 2
    failed = err.strip().splitlines()
    assert failed == [f"{inbox / 'foto.md'}: not an article: the file is a JPEG image",
                      f"{inbox / 'leer.txt'}: empty file: there is no text in it"]
    assert "4 imported" in out and "2 failed" in out


def test_reimport_exits_0_when_everything_is_already_present(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    lesesaal(capsys, "import", str(inbox))
    code, out, _ = lesesaal(capsys, "import", str(inbox))
    assert code == 0 and "0 imported" in out and "4 already present" in out


def test_import_json_lines(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    code, out, _ = lesesaal(capsys, "import", "--json", str(inbox / "en_plain.txt"))
    [line] = out.strip().splitlines()
    assert code == 0 and json.loads(line)["status"] == "imported"


def test_list_groups_copies_under_their_primary(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    lesesaal(capsys, "import", str(inbox))
    _, out, _ = lesesaal(capsys, "list")
    lines = out.splitlines()
    primary = next(i for i, line in enumerate(lines) if "Macron und Starmer beraten in Paris  [2 copies]" in line)
    assert "└ copy Macron und Starmer beraten in Paris" in lines[primary + 1]


def test_primary_and_remove(capsys: pytest.CaptureFixture[str], inbox: Path) -> None:
    lesesaal(capsys, "import", str(inbox / "de_rt_style.txt"), str(inbox / "de_same_story_copy2.md"))
    code, out, _ = lesesaal(capsys, "primary", "2")
    assert code == 0 and "#2 is now the primary copy" in out
    code, out, _ = lesesaal(capsys, "remove", "2")
    assert code == 0 and "Removed #2" in out
    _, out, _ = lesesaal(capsys, "list", "--json")
    assert json.loads(out) == [{"id": 1, "title": "Macron und Starmer beraten in Paris", "date": "2025-07-11T15:05",
                                "source": "", "duplicate_of": None}]


def test_unknown_id_is_an_error_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = lesesaal(capsys, "show", "99")
    assert code == 1 and "no article #99" in err


def test_library_option_overrides_the_environment(capsys: pytest.CaptureFixture[str], inbox: Path, tmp_path: Path,
                                                  library_home: Path) -> None:
    lesesaal(capsys, "--library", str(tmp_path / "elsewhere"), "import", str(inbox / "en_plain.txt"))
    assert (tmp_path / "elsewhere" / "library.sqlite3").exists() and not library_home.exists()


def test_demo_imports_the_bundled_samples(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = lesesaal(capsys, "--library", str(tmp_path / "demo"), "demo")
    assert code == 0
    assert "4 imported" in out and "Neue Fähre verbindet Kiel und Göteborg ab Frühjahr  [2 copies]" in out


def test_installed_console_script_reports_its_version_and_how_the_analysis_runs() -> None:
    script = Path(sys.executable).with_name("lesesaal")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert re.fullmatch(r"lesesaal \d+\.\d+\.\d+\nanalysis: (compiled \(mypyc\)|pure Python: .+)\n", result.stdout)
