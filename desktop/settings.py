"""The desktop's settings: a frozen value, read from and written to QSettings."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QSettings

from library.paths import library_dir
from summarize.errors import ModelUnavailable
from summarize.settings import choose_model

#: "auto": a model when one is set (or in the models folder) and can run, else extractive.
SUMMARY_METHODS = ("auto", "extractive", "model")
MODELS_FOLDER = "models"


@dataclass(frozen=True)
class Settings:
    library: str = ""  # "" means the default (``$LESESAAL_HOME`` or the user data folder)
    model_path: str = ""
    threads: int = max(1, min(8, (os.cpu_count() or 2) - 1))
    context_size: int = 4096
    theme: str = "system"
    summary_method: str = "auto"

    def library_dir(self) -> Path:
        return library_dir(self.library or None)


def load_settings(store: QSettings) -> Settings:
    defaults = Settings()
    values = {}
    for item in fields(Settings):
        default = getattr(defaults, item.name)
        raw = store.value(item.name, default)
        try:
            values[item.name] = type(default)(raw)
        except (TypeError, ValueError):
            values[item.name] = default
    settings = Settings(**values)
    if settings.summary_method not in SUMMARY_METHODS:
        settings = replace(settings, summary_method="auto")
    return settings


def save_settings(store: QSettings, settings: Settings) -> None:
    for item in fields(Settings):
        store.setValue(item.name, getattr(settings, item.name))
    store.sync()


def model_file(settings: Settings) -> Path | None:
    """The model in Settings, else as ``summarize.settings`` finds one (``LESESAAL_MODEL``, the models folder),
    else the first ``.gguf`` in the chosen library's models folder, else one the installer bundled, else None."""
    try:
        return choose_model(settings.model_path or None, also=[settings.library_dir() / MODELS_FOLDER])
    except ModelUnavailable:
        return None
