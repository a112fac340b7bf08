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


def test_first_start_shows_the_newest_sample_and_later_starts_leave_the_library_alone(
        qtbot: pytest.FixtureRequest, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.app import start_window
    from desktop.settings import Settings

    settings = Settings(library=str(tmp_path / "bib"))
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = start_window(settings, store)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.article_opened, timeout=60_000):  # type: ignore[attr-defined]
        pass
    assert window.reader.view.article.metadata.title == "Die Fähre nach Göteborg kommt zu spät"  # 2026-03-15
    window.library.remove(window.reader.view.article.id)
    window.close()
    again = start_window(settings, store)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.library.count() == 3 and again.import_dialog is None  # the samples are not offered twice
    again.close()
