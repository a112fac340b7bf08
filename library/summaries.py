"""The library's cache of summaries and of model files' hashes.

A summary is stored as JSON text under a key its maker computes from everything it depends on (article text,
model file, prompt version, settings), so a change to any of them is a miss. Storing a summary of an article
whose text has changed drops that article's summaries of the old text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from library.store import Library


class SummaryStore:
    def __init__(self, library: Library) -> None:
        self._db = library.connection

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT summary FROM summaries WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, article_id: int, text_hash: str, method: str, summary: str) -> None:
        with self._db:
            self._db.execute("DELETE FROM summaries WHERE article_id = ? AND text_hash != ?", (article_id, text_hash))
            self._db.execute(
                "INSERT OR REPLACE INTO summaries (key, article_id, text_hash, method, summary, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, article_id, text_hash, method, summary, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )

    def newest(self, article_id: int, text_hash: str) -> str | None:
        """The newest cached summary of the article's text as it is (``text_hash``), a model's before an
        extractive one; None when there is none."""
        row = self._db.execute(
            "SELECT summary FROM summaries WHERE article_id = ? AND text_hash = ? "
            "ORDER BY method = 'extractive', created_at DESC, rowid DESC LIMIT 1", (article_id, text_hash)).fetchone()
        return str(row[0]) if row else None

    def count(self, article_id: int | None = None) -> int:
        if article_id is None:
            return int(self._db.execute("SELECT COUNT(*) FROM summaries").fetchone()[0])
        return int(self._db.execute("SELECT COUNT(*) FROM summaries WHERE article_id = ?", (article_id,)).fetchone()[0])

    def model_hash(self, path: str, size: int, mtime_ns: int) -> str | None:
        row = self._db.execute("SELECT sha256 FROM model_hashes WHERE path = ? AND size = ? AND mtime_ns = ?",
                               (path, size, mtime_ns)).fetchone()
        return str(row[0]) if row else None

    def remember_model_hash(self, path: str, size: int, mtime_ns: int, sha256: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO model_hashes (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
                             (path, size, mtime_ns, sha256))
