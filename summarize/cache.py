"""Summaries cached in the library (``library.summaries``), and model hashes remembered there."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from library.store import Library
from library.summaries import SummaryStore
from summarize.gguf import file_sha256
from summarize.source import Source
from summarize.values import Summary


class LibraryCache:
    """A ``SummaryCache`` over the library's summaries table."""

    def __init__(self, library: Library) -> None:
        self._store = SummaryStore(library)

    def get(self, key: str) -> Summary | None:
        stored = self._store.get(key)
        return Summary.from_json(json.loads(stored)) if stored is not None else None

    def put(self, key: str, source: Source, summary: Summary) -> None:
        self._store.put(key, source.article_id, source.text_hash, summary.method,
                        json.dumps(summary.to_json(), ensure_ascii=False))


def newest_summary(library: Library, source: Source) -> Summary | None:
    """The newest cached summary of the article's text as it is now (a model's before an extractive one)."""
    stored = SummaryStore(library).newest(source.article_id, source.text_hash)
    return Summary.from_json(json.loads(stored)).with_changes(cached=True) if stored is not None else None


def library_hasher(library: Library) -> Callable[[Path], str]:
    """A model file hasher that hashes each file once per size and modification time."""
    store = SummaryStore(library)

    def sha256(path: Path) -> str:
        stat = path.stat()
        known = store.model_hash(str(path), stat.st_size, stat.st_mtime_ns)
        if known is None:
            known = file_sha256(path)
            store.remember_model_hash(str(path), stat.st_size, stat.st_mtime_ns, known)
        return known

    return sha256
