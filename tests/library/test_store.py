"""The library database: where it lives, WAL, migrations, and clear errors for damaged files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from library.errors import ArticleNotFound, LibraryUnavailable
from library.paths import database_path, library_dir
from library.schema import SCHEMA_VERSION
from library.store import Library


def test_library_location_follows_option_then_environment(tmp_path: Path, library_home: Path) -> None:
    assert library_dir() == library_home
    assert library_dir(tmp_path / "other") == tmp_path / "other"


def test_new_library_uses_wal_and_current_schema(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib"):
        pass
    connection = sqlite3.connect(database_path(tmp_path / "lib"))
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_damaged_database_gives_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    garbage = b"this is not a database " * 100
    database_path(folder).write_bytes(garbage)
    with pytest.raises(LibraryUnavailable, match="damaged.*move it aside"):
        Library.open(folder)
    assert database_path(folder).read_bytes() == garbage


def test_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib"):
        pass
    connection = sqlite3.connect(database_path(tmp_path / "lib"))
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(LibraryUnavailable, match="newer Lesesaal"):
        Library.open(tmp_path / "lib")


def test_unknown_article_id_names_the_id(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library, pytest.raises(ArticleNotFound, match="#42"):
        library.article(42)


@pytest.mark.slow
def test_killing_an_import_midway_leaves_only_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"m{n:03}.txt").write_text(
            f"Meldung {n}\n\nDer Rat hat am Montag Beschluss {n} gefasst, teilte die Stadt mit.\n\n"
            + " ".join(f"Satz {n}-{k} des Berichts." for k in range(30)), encoding="utf-8")
    library = tmp_path / "lib"
    command = [sys.executable, "-m", "desktop.cli", "--library", str(library), "import", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _count(library) < 20:
        time.sleep(0.05)
    readers = _children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _assert_gone(readers)
    connection = sqlite3.connect(database_path(library))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = connection.execute(
        "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM paragraphs) "
        "OR id NOT IN (SELECT article_id FROM files)").fetchone()[0]
    assert orphans == 0
    killed_at = _count(library)
    assert 20 <= killed_at < 400
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0 and _count(library) == 400


def _count(library: Path) -> int:
    try:
        connection = sqlite3.connect(database_path(library))
        return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _assert_gone(pids: list[int]) -> None:
    """Reader processes end with the importing process instead of lingering as orphans."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in pids):
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)
