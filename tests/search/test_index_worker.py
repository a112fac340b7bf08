"""Large batches are written by a worker process: same index, errors raised in the caller, cancel keeps nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from search import index_batch
from search.errors import SearchUnavailable
from search.index import INDEX_FOLDER
from search.index_worker import IndexWorker
from search.searching import search
from tests.search.conftest import build


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Hands every batch of more than two changes to a worker; lists the workers started."""
    monkeypatch.setattr(index_batch, "HANDOVER", 2)
    folders: list[str] = []
    real_start = IndexWorker.start

    def start(directory: str, lock_wait: float) -> IndexWorker:
        folders.append(directory)
        return real_start(directory, lock_wait)

    monkeypatch.setattr(IndexWorker, "start", start)
    return folders


def test_an_import_indexed_by_the_worker_finds_what_the_library_holds(tmp_path: Path, started: list[str]) -> None:
    built = build(tmp_path)
    try:
        assert started, "the import's batch went to a worker process"
        assert built.index.document_count() == built.library.count()
        hits = search(built.index, built.library, "Entsendung").hits
        assert hits and "<mark>Truppenentsendung</mark>" in " ".join(hit.snippet for hit in hits)
    finally:
        built.index.close()
        built.library.close()


def test_a_failure_in_the_worker_is_raised_in_the_caller(tmp_path: Path, started: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    built = build(tmp_path / "first")
    monkeypatch.setattr(index_batch, "LOCK_WAIT_SECONDS", 0.2)
    other = whoosh_index.open_dir(str(built.library.directory / INDEX_FOLDER)).writer()
    try:
        with pytest.raises(SearchUnavailable, match="another Lesesaal is updating"), built.index.writer() as batch:
            for article_id in built.ids.values():
                batch.add(built.library.article(article_id))
    finally:
        other.cancel()
        built.index.close()
        built.library.close()


def test_a_cancelled_worker_batch_commits_nothing(tmp_path: Path, started: list[str]) -> None:
    built = build(tmp_path)
    try:
        before = built.index.document_count()
        with pytest.raises(KeyboardInterrupt), built.index.writer() as batch:
            for article_id in built.ids.values():
                batch.delete(article_id)
            assert len(started) == 2  # the import's worker, then this batch's
            raise KeyboardInterrupt
        assert built.index.document_count() == before
    finally:
        built.index.close()
        built.library.close()


def test_the_worker_stopping_early_is_reported(tmp_path: Path, started: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    built = build(tmp_path)
    try:
        with pytest.raises(SearchUnavailable, match="writer process stopped"), built.index.writer() as batch:
            for article_id in built.ids.values():
                batch.delete(article_id)
            worker: Any = batch._worker
            worker._process.kill()
            worker._process.join()
    finally:
        built.index.close()
        built.library.close()
