"""Import progress: counts and the current file while it runs, cancel, and the report at the end."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from desktop import jobs  # noqa: E402  (after the skip: it needs PySide6)


def _many(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"meldung-{n:03}.txt").write_text(
            f"Gemeinderat tagt zum {n}. Mal\n\nDer Gemeinderat von Husum hat in seiner {n}. Sitzung über den Bau "
            f"einer Brücke Nummer {n} beraten. " + " ".join(f"Punkt {n}-{k} wurde vertagt." for k in range(12)),
            encoding="utf-8")
    return folder


def _held_after(count: int, gate: threading.Event) -> Any:
    """The real import job, held after its ``count``-th file until ``gate`` opens: a cancel given meanwhile
    lands before the next file, however fast the machine imports."""
    real = jobs.import_files

    def held(*args: Any) -> Generator[Any, None, Any]:
        steps = real(*args)
        for done in itertools.count(1):
            try:
                step = next(steps)
            except StopIteration as stop:
                return stop.value
            yield step
            if done == count:
                assert gate.wait(timeout=30), "the test never opened the gate"
        return None

    return held


def test_cancel_stops_after_the_current_file_and_keeps_the_rest(make_window: Any, qtbot: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    monkeypatch.setattr(jobs, "import_files", _held_after(3, gate))
    window = make_window()
    folder = _many(tmp_path / "stapel", 120)
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.start_import([folder])
        dialog = window.import_dialog
        qtbot.waitUntil(lambda: len(dialog.outcomes) == 3, timeout=30_000)
        assert "3 of 120 files" in dialog.counts.text() and dialog.current.text().endswith("meldung-002.txt")
        dialog.cancel_button.click()
        gate.set()
    outcomes = finished.args[0]
    assert len(outcomes) == 3
    assert dialog.windowTitle() == "Import cancelled"
    assert dialog.counts.text().startswith("Cancelled") and "3 imported" in dialog.counts.text()
    assert window.model.total == len(outcomes) == window.library.count()


def test_a_second_import_waits_for_the_first(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    folder = _many(tmp_path / "stapel", 30)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([folder])
        first = window.import_dialog
        window.start_import([folder])
        assert window.import_dialog is first and "already running" in window.statusBar().currentMessage()
    assert window.model.total == 30
