"""The one path by which errors reach the user.

A ``LesesaalError`` carries a message the user can act on: it is shown as it is. Anything else is
a bug: it is logged with its traceback and the user is told where to find it. Dialogs are opened
window-modal without blocking, so background work and tests carry on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from articles.errors import LesesaalError

log = logging.getLogger("lesesaal.desktop")


def show_error(parent: QWidget | None, error: BaseException, *, doing: str = "") -> QMessageBox:
    """Tell the user about ``error``; ``doing`` says what failed ("Import", "Summary")."""
    title = f"{doing} failed" if doing else "Lesesaal"
    if isinstance(error, LesesaalError):
        text = _capitalised(str(error))
        icon = QMessageBox.Icon.Warning
    else:
        log.error("unexpected error%s", f" during {doing.lower()}" if doing else "",
                  exc_info=(type(error), error, error.__traceback__))
        text = (f"Something went wrong that Lesesaal did not expect ({type(error).__name__}: {error}). "
                "Your library is unchanged; the details are in the log. Please report it.")
        icon = QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _capitalised(message: str) -> str:
    message = message.strip()
    text = message[:1].upper() + message[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
