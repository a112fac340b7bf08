"""The batch writer commits every ``BATCH_SIZE`` documents and runs its ``after_commit`` only when more follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

import search.index_batch as index_batch
from search.index import _create
from search.index_batch import BatchWriter


def _document(number: int) -> dict[str, Any]:
    return {"id": str(number), "group": number, "title": f"Fähre nach Kiel {number}",
            "text": "Die Fähre legt im Hafen an; der Bürgermeister sagte, der Fahrplan gelte weiter."}


def test_after_commit_runs_before_the_next_change_not_after_the_last_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_batch, "BATCH_SIZE", 2)
    _create(tmp_path)
    handle = whoosh_index.open_dir(str(tmp_path))
    calls: list[int] = []
    writer = BatchWriter(handle, 5.0, after_commit=lambda: calls.append(handle.doc_count()))
    writer.apply(("add", _document(1)))
    writer.apply(("add", _document(2)))  # a full batch: committed
    assert handle.doc_count() == 2 and calls == []
    writer.apply(("add", _document(3)))
    assert calls == [2], "the commit's after_commit ran before the change that followed it"
    writer.apply(("add", _document(4)))  # committed: the import's last document
    writer.commit()  # nothing left
    assert handle.doc_count() == 4
    assert calls == [2], "no after_commit once the batch has ended"


def test_a_document_added_again_after_a_commit_replaces_the_committed_one(tmp_path: Path) -> None:
    _create(tmp_path)
    handle = whoosh_index.open_dir(str(tmp_path))
    writer = BatchWriter(handle, 5.0)
    writer.apply(("add", _document(1)))
    writer.apply(("add", _document(2)))
    writer.commit()  # the first segment of an empty index
    changed = {**_document(2), "title": "Fähre nach Laboe"}
    writer.apply(("add", changed))
    writer.commit()
    assert handle.doc_count() == 2
    with handle.searcher() as searcher:
        assert searcher.document(id="2")["title"] == "Fähre nach Laboe"
