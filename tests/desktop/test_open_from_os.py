"""Opening what the operating system hands the app: file arguments, lesesaal:// links, a second start, macOS events."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, QUrl  # noqa: E402
from PySide6.QtGui import QFileOpenEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop.app import serve_requests, start_window  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.single_instance import server_name  # noqa: E402

TITLE = "Schleusenkammer in Brunsbüttel wieder offen"


def _article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "schleuse.md"
    chronicle = "".join(f"In der {week}. Woche der Sperrung warteten nach Angaben des Amtes bis zu {10 + week} Schiffe "
                        "vor der kleinen Kammer auf die Durchfahrt.\n\n" for week in range(1, 12))
    path.write_text(
        f"---\nsource: Küstenblatt\ndate: 2026-02-03\n---\n\n# {TITLE}\n\n"
        "Nach elf Wochen Reparatur ist die große Schleusenkammer in Brunsbüttel wieder für Schiffe geöffnet.\n\n"
        "Das Wasserstraßen- und Schifffahrtsamt hatte ein beschädigtes Tor ausgetauscht.\n\n" + chronicle +
        "Reedereien hatten wegen der Sperrung Umwege über Skagen in Kauf genommen.\n", encoding="utf-8")
    return path


def _open(qtbot: Any, tmp_path: Path) -> tuple[Any, Any]:
    """A window as ``lesesaal-gui`` starts it: a first start (the samples come in), listening for later starts."""
    settings = Settings(library=str(tmp_path / "bibliothek"))
    window = start_window(settings, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), select_first=False)
    qtbot.addWidget(window)
    handler = serve_requests(QApplication.instance(), window, server_name(window.library_dir))
    return window, handler


def _error_shown(qtbot: Any, window: Any, says: str) -> bool:
    """Waits until the error dialog shows a message containing ``says``."""
    def shown() -> bool:
        return any(says in box.text() for box in window.findChildren(QMessageBox, "errorDialog"))
    qtbot.waitUntil(shown, timeout=30_000)
    return True


def test_a_file_given_at_start_is_imported_and_opened_after_the_samples(qtbot: Any, tmp_path: Path) -> None:
    window, handler = _open(qtbot, tmp_path)
    with qtbot.waitSignal(window.article_opened, timeout=60_000,
                          check_params_cb=lambda _id: window.reader.view.article.metadata.title == TITLE):
        handler.open([str(_article(tmp_path / "eingang"))])
    assert window.library.count() == 5  # the four samples of a first start, then the file
    assert TITLE in window.reader.toPlainText()
    window.close()


def test_a_link_opens_its_article_scrolled_to_the_paragraph_and_flashes_it(qtbot: Any, tmp_path: Path) -> None:
    window, handler = _open(qtbot, tmp_path)
    with qtbot.waitSignal(window.article_opened, timeout=60_000):
        handler.open([str(_article(tmp_path / "eingang"))])
    article = window.reader.view.article
    assert window.reader.verticalScrollBar().maximum() > 0  # the last paragraph is below the fold
    last = article.paragraphs[-1].index
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.open_article(1)  # somewhere else first
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        handler.open([f"lesesaal://article/{article.id}#p{last}"])
    assert window.reader.view.article.id == article.id
    assert window.reader.options.flashed == frozenset({last})
    assert window.reader.verticalScrollBar().value() > 0
    window.close()


def test_a_second_start_hands_its_file_to_the_running_window_and_ends(qtbot: Any, tmp_path: Path) -> None:
    window, _handler = _open(qtbot, tmp_path)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        pass  # the samples are in
    article = _article(tmp_path / "eingang")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    second = subprocess.Popen([sys.executable, "-m", "desktop", "--library", str(window.library_dir), "schleuse.md"],
                              cwd=article.parent, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with qtbot.waitSignal(window.article_opened, timeout=60_000,
                          check_params_cb=lambda _id: window.reader.view.article.metadata.title == TITLE):
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    assert second.returncode == 0, second.stderr.read() if second.stderr else ""
    assert window.library.count() == 5
    window.close()


def test_bad_links_and_unknown_articles_are_reported_in_the_error_dialog(qtbot: Any, tmp_path: Path) -> None:
    window, handler = _open(qtbot, tmp_path)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        pass
    handler.open(["lesesaal://artikel/drei"])
    assert _error_shown(qtbot, window, "«lesesaal://artikel/drei» is not a link Lesesaal can open")
    handler.open(["lesesaal://article/999#p1"])
    assert _error_shown(qtbot, window, "There is no article #999 in the library")
    window.close()


def test_a_link_to_a_missing_paragraph_opens_the_article_and_says_so(qtbot: Any, tmp_path: Path) -> None:
    window, handler = _open(qtbot, tmp_path)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        pass
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        handler.open(["lesesaal://article/1#p99"])
    assert _error_shown(qtbot, window, "Article #1 has no paragraph 99")
    assert window.reader.view.article.id == 1
    window.close()


def test_a_macos_open_event_for_a_link_or_a_file_is_opened(qtbot: Any, tmp_path: Path) -> None:
    window, handler = _open(qtbot, tmp_path)
    app = QApplication.instance()
    app.installEventFilter(handler)  # what serve_requests does on macOS
    try:
        with qtbot.waitSignal(window.article_opened, timeout=60_000,
                              check_params_cb=lambda _id: window.reader.view.article.metadata.title == TITLE):
            QApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(_article(tmp_path / "eingang")))))
        with qtbot.waitSignal(window.article_opened, timeout=30_000, check_params_cb=lambda article_id: article_id == 2):
            QApplication.sendEvent(app, QFileOpenEvent(QUrl("lesesaal://article/2#p1")))
        assert window.reader.options.flashed == frozenset({1})
    finally:
        app.removeEventFilter(handler)
    window.close()
