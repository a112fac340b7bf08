"""Starting the desktop app: ``lesesaal-gui [PATH | LINK ...]``, ``lesesaal gui`` and ``python -m desktop``.

Files given are imported and the first opened; a ``lesesaal://article/<id>#p<n>`` link opens that article at the
paragraph. When a window is already open on the same library, the arguments go to it and this start ends.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app_icon import app_icon
from desktop.main_window import MainWindow
from desktop.open_handler import OpenHandler
from desktop.open_request import absolute_arguments
from desktop.settings import Settings, load_settings
from desktop.single_instance import InstanceServer, forward, server_name
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
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("lesesaal")  # Wayland shows the icon of lesesaal.desktop (packaging/linux)
    if args.self_test:
        return _self_test(app, args)
    store = QSettings()
    settings = load_settings(store)
    if args.library:
        settings = replace(settings, library=args.library)
    arguments = absolute_arguments(args.targets, Path.cwd())
    name = server_name(settings.library_dir())
    if forward(name, arguments):
        return 0  # the window already open on this library takes them
    apply_theme(app, settings.theme)
    window = start_window(settings, store, select_first=not arguments)
    handler = serve_requests(app, window, name)
    if arguments:
        handler.open(arguments)
    if args.quit_after is not None:  # for smoke tests: close once idle after that many seconds
        QTimer.singleShot(int(args.quit_after * 1000), lambda: _close_when_idle(window))
    return int(app.exec())


def serve_requests(app: QApplication, window: MainWindow, name: str) -> OpenHandler:
    """Opens what later starts forward and, on macOS, what the system hands over as open events."""
    handler = OpenHandler(window)
    server = InstanceServer(name, window)
    server.arguments_received.connect(handler.open)
    server.listen()
    if sys.platform == "darwin":  # only there: a filter on the application sees every event
        app.installEventFilter(handler)
    return handler


def _self_test(app: QApplication, args: argparse.Namespace) -> int:
    from desktop.self_test import SelfTest

    library = args.library or tempfile.mkdtemp(prefix="lesesaal-self-test-")
    store = QSettings(str(Path(library) / "self-test-settings.ini"), QSettings.Format.IniFormat)
    window = start_window(Settings(library=library, model_path=args.model or ""), store, select_first=False)
    test = SelfTest(window, OpenHandler(window), Path(args.self_test))
    test.start()
    return int(app.exec())


def _close_when_idle(window: MainWindow) -> None:
    if window.runner.running:
        QTimer.singleShot(100, lambda: _close_when_idle(window))
    else:
        window.close()


def start_window(settings: Settings, store: QSettings, *, select_first: bool = True) -> MainWindow:
    """The main window, shown; on a first start the samples are imported, and the newest is shown unless
    ``select_first`` is False (a start that opens something of its own)."""
    window = MainWindow(settings, store)
    window.resize(1400, 860)
    window.show()
    if offer_samples(window):
        if select_first:  # a first start: show the newest sample once it is in
            window.import_finished.connect(lambda _outcomes: window.library_pane.select_row(0),
                                           type=Qt.ConnectionType.SingleShotConnection)
    elif select_first and window.model.rowCount():
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
    parser.add_argument("targets", nargs="*", metavar="PATH_OR_LINK",
                        help="article files or folders to import and open, or lesesaal://article/ID#pN links")
    parser.add_argument("--library", metavar="DIR", help=f"library folder (default: ${HOME_VARIABLE} or the user data folder)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)  # smoke tests
    parser.add_argument("--self-test", metavar="FILE", help=argparse.SUPPRESS)  # packaging/smoke_test.py
    parser.add_argument("--model", metavar="GGUF", help=argparse.SUPPRESS)  # with --self-test
    return parser


if __name__ == "__main__":
    sys.exit(main())
