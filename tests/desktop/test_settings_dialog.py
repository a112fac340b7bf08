"""Settings: the dialog shows what a model file is, refuses broken ones loudly, and settings persist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.settings import Settings, load_settings, model_file  # noqa: E402
from desktop.settings_dialog import SettingsDialog  # noqa: E402
from tests.gguf_files import write_gguf  # noqa: E402


def test_settings_round_trip_through_the_dialog_and_qsettings(make_window: Any, qtbot: Any, tmp_path: Path,
                                                              settings_file: Path) -> None:
    window = make_window()
    window.actions_.settings.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    model = write_gguf(tmp_path / "klein.gguf", context=2048)
    assert dialog.choose_model_file(str(model))
    assert "Kleines Testmodell (llama, Q4_K_M)" in dialog.model_about.text()
    assert dialog.context.value() == 2048  # not more than the model can take
    dialog.threads.setValue(3)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.library.setText(str(tmp_path / "andere"))
    dialog.accept()
    stored = load_settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert stored == Settings(library=str(tmp_path / "andere"), model_path=str(model), threads=3,
                              context_size=2048, theme="dark")
    assert window.summary.method.count() == 2  # the model is offered beside extractive summaries


def test_a_broken_model_file_opens_the_error_dialog(qtbot: Any, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    broken = tmp_path / "abgebrochen.gguf"
    broken.write_bytes(write_gguf(tmp_path / "ganz.gguf").read_bytes()[:40])
    assert not dialog.choose_model_file(str(broken))
    box = dialog.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    assert "ends inside its header" in box.text() and box.windowTitle() == "Model check failed"
    assert dialog.model_about.text().startswith("⚠")


def test_a_model_in_the_models_folder_is_used_when_none_is_set(tmp_path: Path) -> None:
    settings = Settings(library=str(tmp_path / "bib"))
    assert model_file(settings) is None
    (tmp_path / "bib" / "models").mkdir(parents=True)
    found = write_gguf(tmp_path / "bib" / "models" / "a.gguf")
    assert model_file(settings) == found


def test_damaged_stored_values_fall_back_to_defaults(settings_file: Path) -> None:
    store = QSettings(str(settings_file), QSettings.Format.IniFormat)
    store.setValue("threads", "viele")
    store.setValue("summary_method", "raten")
    assert load_settings(store) == Settings()
