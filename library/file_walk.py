"""Expands the paths a user gives into the article files to import, folders recursively."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

_SKIPPED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class FoundFile:
    """A file to import, or a path that cannot be imported and why (``problem``)."""

    path: Path
    problem: str = ""


def find_files(paths: Sequence[Path]) -> Iterator[FoundFile]:
    """Files under ``paths`` in a stable order; hidden files and folders are skipped, loops reported."""
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.is_symlink() and not path.exists():
            yield FoundFile(path, "broken link: the file it points to does not exist")
        elif not path.exists() and not path.is_symlink():
            yield FoundFile(path, "file not found")
        else:
            yield FoundFile(path)


def _walk(root: Path, seen_dirs: set[tuple[int, int]]) -> Iterator[FoundFile]:
    try:
        info = root.stat()
    except OSError as error:
        yield FoundFile(root, f"cannot open the folder: {error.strerror}")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:
        yield FoundFile(root, "symbolic link loop: this folder was already visited through another link")
        return
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        yield FoundFile(root, f"cannot list the folder: {error.strerror}")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIPPED_NAMES:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        else:
            yield FoundFile(path)
