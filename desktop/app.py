"""Starting the desktop app: ``lesesaal-gui``, ``lesesaal gui`` and ``python -m desktop``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.settings import Settings, load_settings
from desktop.theme import apply_theme
from library.paths import HOME_VARIABLE

#: A library folder where the bundled samples were offered once (so removing them is respected).
SAMPLES_MARKER = ".samples-offered"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Lesesaal")
    app.setOrganizationName("Lesesaal")
    store = QSettings()
    settings = load_settings(store)
    if args.library:
        settings = replace(settings, library=args.library)
    apply_theme(app, settings.theme)
    window = start_window(settings, store)
    if args.quit_after is not None:  # for smoke tests: close once idle after that many seconds
        QTimer.singleShot(int(args.quit_after * 1000), lambda: _close_when_idle(window))
    return int(app.exec())


def _close_when_idle(window: MainWindow) -> None:
    if window.runner.running:
        QTimer.singleShot(100, lambda: _close_when_idle(window))
    else:
        window.close()


def start_window(settings: Settings, store: QSettings) -> MainWindow:
    window = MainWindow(settings, store)
    window.resize(1400, 860)
    window.show()
    if offer_samples(window):  # a first start: show the newest sample once it is in
        window.import_finished.connect(lambda _outcomes: window.library_pane.select_row(0))
    elif window.model.rowCount():
        window.library_pane.select_row(0)
    return window


def offer_samples(window: MainWindow) -> bool:
    """Import the bundled sample articles into a new, empty library (once per library folder)."""
    marker = window.library_dir / SAMPLES_MARKER
    if window.library.count() or marker.exists():
        return False
    marker.write_text("The bundled sample articles were imported into this library once.\n", encoding="utf-8")
    samples = resources.files("resources").joinpath("samples")
    window.start_import([Path(str(samples))])
    return True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lesesaal-gui", description="The Lesesaal reading room (desktop app).")
    parser.add_argument("--library", metavar="DIR", help=f"library folder (default: ${HOME_VARIABLE} or the user data folder)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)  # smoke tests
    return parser


if __name__ == "__main__":
    sys.exit(main())
