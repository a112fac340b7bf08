"""``-o PATH`` as the user typed it: a PATH that ends in a path separator (``~/Sicherungen/``) names a folder.

``pathlib.Path`` drops a trailing separator, so a folder that does not exist yet would otherwise become a file of
that name. Such a folder is made (with its parents) before the command writes into it.
"""

from __future__ import annotations

import os
from pathlib import Path

from articles.errors import LesesaalError


class OutputFolderFailed(LesesaalError):
    """The folder ``-o`` names could not be made."""


def output_target(raw: str | None) -> Path | None:
    """The target of ``-o``: None without it; a folder (made if missing) when ``raw`` ends in a separator."""
    if raw is None:
        return None
    path = Path(raw).expanduser()
    if raw.endswith(("/", os.sep)):
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputFolderFailed(f"cannot make the folder {path}: {error.strerror or error}") from None
    return path
