"""The index follows the library and repairs itself: missing, extra and stale documents, locks, damage."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from search.errors import SearchUnavailable
from search.index import INDEX_FOLDER, SearchIndex
from search.searching import search
from tests.search.conftest import Indexed


def reopen(indexed: Indexed) -> tuple[SearchIndex, object]:
    indexed.index.close()
    indexed.index, report = SearchIndex.open(indexed.library)
    return indexed.index, report


def test_in_step_index_needs_no_work(fresh: Indexed) -> None:
    _, report = reopen(fresh)
    assert (report.added, report.updated, report.removed, report.rebuilt_because) == (0, 0, 0, "")


def test_documents_missing_from_the_index_are_added(fresh: Indexed) -> None:
    with fresh.index.writer() as batch:
        batch.delete(fresh.ids["kartoffel.txt"])
    assert not search(fresh.index, fresh.library, "Kartoffel").hits
    index, report = reopen(fresh)
    assert report.added == 1  # type: ignore[attr-defined]
    assert search(index, fresh.library, "Kartoffel").hits


def test_documents_of_removed_articles_leave_the_index(fresh: Indexed) -> None:
    fresh.library.remove(fresh.ids["kartoffel.txt"])
    index, report = reopen(fresh)
    assert report.removed == 1  # type: ignore[attr-defined]
    assert index.document_count() == fresh.library.count()


def test_a_new_primary_copy_updates_the_story_documents(fresh: Indexed) -> None:
    copy = fresh.ids["truppen-paris2-kopie.md"]
    fresh.library.set_primary(copy)
    index, report = reopen(fresh)
    assert report.updated == 2  # type: ignore[attr-defined]
    [hit] = search(index, fresh.library, "Truppenentsendung").hits
    assert hit.id == copy


def test_deleted_index_folder_is_rebuilt_from_the_library(fresh: Indexed) -> None:
    fresh.index.close()
    import shutil
    shutil.rmtree(fresh.library.directory / INDEX_FOLDER)
    fresh.index, report = SearchIndex.open(fresh.library)
    assert report.added == fresh.library.count()
    assert search(fresh.index, fresh.library, "Kartoffel").hits


def test_stale_lock_file_of_a_killed_process_does_not_block(fresh: Indexed) -> None:
    lock = fresh.library.directory / INDEX_FOLDER / "MAIN_WRITELOCK"
    lock.write_text("left behind by a killed process")
    with fresh.index.writer() as batch:
        batch.delete(fresh.ids["mieten.txt"])
    assert not search(fresh.index, fresh.library, "Mieterverein").hits


def test_a_writer_in_another_program_gives_a_clear_error(fresh: Indexed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("search.index_batch.LOCK_WAIT_SECONDS", 0.2)
    other = whoosh_index.open_dir(str(fresh.library.directory / INDEX_FOLDER)).writer()
    try:
        with pytest.raises(SearchUnavailable, match="another Lesesaal is updating"), fresh.index.writer() as batch:
            batch.delete(fresh.ids["mieten.txt"])
    finally:
        other.cancel()
    assert search(fresh.index, fresh.library, "Mieterverein").hits  # searching never waited for the writer


def test_damaged_segment_is_rebuilt_without_losing_library_data(fresh: Indexed) -> None:
    fresh.index.close()
    folder = fresh.library.directory / INDEX_FOLDER
    for path in folder.iterdir():
        if path.suffix in (".seg", ".toc"):
            path.write_bytes(b"\x00garbage" * 10)
    count = fresh.library.count()
    fresh.index, report = SearchIndex.open(fresh.library)
    assert report.rebuilt_because
    assert fresh.library.count() == count and fresh.index.document_count() == count
    assert search(fresh.index, fresh.library, "Kartoffel").hits


@pytest.mark.slow
def test_killed_import_leaves_an_index_that_the_next_start_repairs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(600):
        (folder / f"m{n:03}.txt").write_text(
            f"Meldung {n}\n\nDer Kreistag hat Beschluss {n} zur Truppenentsendung gefasst, teilte die Stadt mit.\n\n"
            + " ".join(f"Satz {n}-{k} des Berichts über Vorlage {n * 31 + k}." for k in range(25)), encoding="utf-8")
    library = tmp_path / "lib"
    base = [sys.executable, "-m", "desktop.cli", "--library", str(library)]
    process = subprocess.Popen([*base, "import", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and _articles(library) < 150:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = _articles(library)
    assert 150 <= stored < 600
    result = subprocess.run([*base, "search", "Truppenentsendung", "--json", "--limit", "1"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    import json
    assert json.loads(result.stdout)["total"] == stored
    assert "search index" in result.stderr


def _articles(library: Path) -> int:
    import sqlite3
    try:
        return int(sqlite3.connect(library / "library.sqlite3").execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0
