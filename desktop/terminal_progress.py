"""A one-line progress bar or status for terminals; silent when the output is not a terminal."""

from __future__ import annotations

import shutil
from typing import TextIO


class ProgressLine:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._active = stream.isatty()
        self._shown = False

    def update(self, done: int, total: int, current: str) -> None:
        if not self._active or total < 2:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 24
        filled = int(bar_width * done / total)
        prefix = f"{done * 100 // total:3d}% [{'#' * filled}{'.' * (bar_width - filled)}] {done}/{total} "
        room = max(0, width - len(prefix) - 1)
        name = current if len(current) <= room else "…" + current[-(room - 1):] if room > 1 else ""
        self.show(prefix + name)

    def show(self, text: str) -> None:
        """Any status text in the line's place (a bar, or a stage such as "checking …")."""
        if not self._active:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        self._stream.write("\r" + text[:width - 1].ljust(width - 1))
        self._stream.flush()
        self._shown = True

    def line(self, text: str) -> None:
        """A message that stays, printed above the status line."""
        if self._active:
            self.clear()
            self._stream.write(text + "\n")
            self._stream.flush()

    def clear(self) -> None:
        """Remove the bar so that the next message starts on a clean line."""
        if self._shown:
            width = shutil.get_terminal_size((80, 20)).columns
            self._stream.write("\r" + " " * (width - 1) + "\r")
            self._stream.flush()
            self._shown = False
