"""Which model file to use: ``--model PATH``, else ``LESESAAL_MODEL``, else the app's models folder, else the
model an installer bundled.

The models folder is ``$LESESAAL_MODELS``, else ``models/`` in the Lesesaal data folder (``$LESESAAL_HOME`` or
the platform's user data folder); every ``.gguf`` in it is offered, and the first by name is the default. A build
made with ``packaging/build.py --model`` carries a ``models/`` folder of its own, looked at last, so a model the
user put in place always wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from library.paths import library_dir
from summarize.errors import ModelUnavailable

MODEL_VARIABLE = "LESESAAL_MODEL"
MODELS_VARIABLE = "LESESAAL_MODELS"


def models_dir() -> Path:
    folder = os.environ.get(MODELS_VARIABLE)
    return Path(folder).expanduser() if folder else library_dir() / "models"


def available_models(folder: Path | None = None) -> list[Path]:
    """The .gguf files in the models folder, by name."""
    folder = folder or models_dir()
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix.lower() == ".gguf" and path.is_file())


def bundled_models_dir() -> Path | None:
    """The models folder inside a frozen build (PyInstaller's ``sys._MEIPASS``), or None outside one."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "models" if getattr(sys, "frozen", False) and base else None


def choose_model(explicit: str | os.PathLike[str] | None = None, *, also: Sequence[Path] = ()) -> Path:
    """The model file to load; ``also`` are folders to look in after the models folder (and before a bundled
    model). Raises ``ModelUnavailable`` saying how to choose one when there is none."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(MODEL_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    bundled = bundled_models_dir()
    for folder in (models_dir(), *also, *([bundled] if bundled else [])):
        offered = available_models(folder)
        if offered:
            return offered[0]
    raise ModelUnavailable(f"no model chosen: pass --model PATH to a .gguf file, set {MODEL_VARIABLE}, put a .gguf "
                           f"file in {models_dir()}, or use --extractive for a summary without a model")
