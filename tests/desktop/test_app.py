"""Starting the app as a user would: the entry points, and a fresh library getting the samples."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from desktop import cli  # noqa: E402
from library.listing import ListQuery  # noqa: E402
from library.store import Library  # noqa: E402


def test_python_m_desktop_opens_a_fresh_library_with_the_samples(tmp_path: Path) -> None:
    library = tmp_path / "erststart"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desktop", "--library", str(library), "--quit-after", "1"],
                            env=environment, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    with Library.open(library) as opened:
        titles = {row.title for row in opened.list_rows(ListQuery(), 0, 10)}
    assert "Neue Fähre verbindet Kiel und Göteborg ab Frühjahr" in titles and len(titles) == 3
    assert (library / "index").is_dir()


def test_lesesaal_help_lists_the_gui_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "open the desktop app" in capsys.readouterr().out
