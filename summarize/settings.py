"""Which model file to use: ``--model PATH``, else ``LESESAAL_MODEL``, else the app's models folder.

The models folder is ``$LESESAAL_MODELS``, else ``models/`` in the Lesesaal data folder (``$LESESAAL_HOME`` or
the platform's user data folder); every ``.gguf`` in it is offered, and the first by name is the default.
"""

from __future__ import annotations

import os
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


def choose_model(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The model file to load; raises ``ModelUnavailable`` saying how to choose one when there is none."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(MODEL_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    offered = available_models()
    if offered:
        return offered[0]
    raise ModelUnavailable(f"no model chosen: pass --model PATH to a .gguf file, set {MODEL_VARIABLE}, put a .gguf "
                           f"file in {models_dir()}, or use --extractive for a summary without a model")
