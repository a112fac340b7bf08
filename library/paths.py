"""Where the library lives: ``--library DIR``, else ``LESESAAL_HOME``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

HOME_VARIABLE = "LESESAAL_HOME"
DATABASE_NAME = "library.sqlite3"


def library_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library folder (not created here)."""
    if override:
        return Path(override).expanduser()
    from_environment = os.environ.get(HOME_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return Path(user_data_dir("Lesesaal", appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DATABASE_NAME


def user_patterns_file(directory: Path) -> Path:
    """Role patterns the user adds for this library (same shape as resources/patterns/roles.json)."""
    return directory / "patterns" / "roles.json"
