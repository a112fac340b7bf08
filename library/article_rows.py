"""The SQL of an article's own rows (its row, paragraphs, sketch, file, analysis), shared by adding and
replacing an article and by the writes an import holds back until its group commits."""

from __future__ import annotations

from articles.model import Article
from library.duplicates import TextPrint

#: The columns of an article's row that its file's content decides, written alike when it is added and replaced.
CONTENT_COLUMNS = ("title", "subtitle", "kicker", "published", "source", "url", "author", "language", "format",
                   "path", "content_hash", "warnings", "shingles")
#: A new article's row: its id (given by ``PendingWrites.new_id``), its content, and "no copy" (``mark_copy``).
ARTICLE_COLUMNS = ("id", *CONTENT_COLUMNS, "imported_at", "updated_at", "duplicate_of")
INSERT_ARTICLE = f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})"
UPDATE_ARTICLE = f"UPDATE articles SET {', '.join(f'{c} = ?' for c in CONTENT_COLUMNS)}, updated_at = ? WHERE id = ?"
INSERT_PARAGRAPH = "INSERT INTO paragraphs (article_id, idx, role, text) VALUES (?, ?, ?, ?)"
INSERT_SKETCH = "INSERT INTO sketches (hash, article_id) VALUES (?, ?)"
INSERT_FILE = "INSERT OR REPLACE INTO files (path, article_id, content_hash) VALUES (?, ?, ?)"
INSERT_ANALYSIS = "INSERT OR REPLACE INTO analyses (article_id, version, findings, error) VALUES (?, ?, ?, ?)"


def content_values(article: Article, path: str, content_hash: str, text_print: TextPrint) -> tuple[object, ...]:
    """The values of ``CONTENT_COLUMNS``, in that order."""
    meta = article.metadata
    return (meta.title, meta.subtitle, meta.kicker, meta.date, meta.source, meta.url, meta.author, meta.language,
            article.format, path, content_hash, "\n".join(article.warnings), text_print.packed)
