"""Desktop tests run offscreen; without Qt installed, the GUI tests are skipped (the CLI tests still run)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, settings_file: Path) -> Iterator[Any]:
    """Opens a MainWindow on a fresh library (and the test's own settings file), ready to search."""
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    opened: list[Any] = []

    def make(summary_run: Any = None, many_summary_run: Any = None, **settings: Any) -> Any:
        chosen = Settings(library=str(tmp_path / "bibliothek"), **settings)
        store = QSettings(str(settings_file), QSettings.Format.IniFormat)
        extra = {"summary_run": summary_run} if summary_run else {}
        if many_summary_run:
            extra["many_summary_run"] = many_summary_run
        window = MainWindow(chosen, store, **extra)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.index_ready, timeout=30_000):
            window.show()
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()


@pytest.fixture
def samples_window(make_window: Any, qtbot: Any) -> Any:
    """A window whose library holds the bundled samples, imported through the window."""
    window = make_window()
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([SAMPLES])
    window.import_dialog.close()
    return window


def type_into(widget: Any, text: str) -> None:
    """Type ``text`` key by key, umlauts too (QTest's keyClicks knows ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))
