"""The helper process that brings the index in step: its report, and errors handed back to the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.errors import LesesaalError
from desktop.index_process import sync_index
from library.importer import CancelToken, import_paths
from library.paths import database_path
from library.store import Library
from tests.conftest import FIXTURES


def test_helper_indexes_what_the_library_holds(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        list(import_paths(library, [FIXTURES / "search"]))
        count = library.count()
    report = sync_index(tmp_path / "lib", CancelToken())
    assert report.added == count and count > 0
    assert sync_index(tmp_path / "lib", CancelToken()).added == 0


def test_a_damaged_library_comes_back_as_the_users_error(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    database_path(folder).write_bytes(b"kein SQLite " * 200)
    with pytest.raises(LesesaalError, match="damaged"):
        sync_index(folder, CancelToken())
