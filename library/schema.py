"""The library's SQLite schema and its migrations.

``PRAGMA user_version`` holds the schema version; each migration moves it up by one inside a
transaction, so a library opened by a newer Lesesaal is upgraded in place and never half-way.
"""

from __future__ import annotations

import sqlite3

from library.errors import LibraryUnavailable

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, the files they came from, their paragraphs, and near-duplicate sketches.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL DEFAULT '',
        kicker TEXT NOT NULL DEFAULT '',
        published TEXT,
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        language TEXT,
        format TEXT NOT NULL,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        warnings TEXT NOT NULL DEFAULT '',
        shingles BLOB NOT NULL DEFAULT x'',
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        duplicate_of INTEGER REFERENCES articles(id)
    );
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE TABLE files (
        path TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL
    );
    CREATE INDEX files_article ON files(article_id);
    CREATE INDEX files_content_hash ON files(content_hash);
    CREATE TABLE paragraphs (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE sketches (
        hash INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX sketches_hash ON sketches(hash);
    CREATE INDEX sketches_article ON sketches(article_id);
    """,
    # 2: each article's analysis (quotes, actors, loaded wording) with the analysis version that made it,
    # and the library-wide actors: one per person, organisation or place, with every spelling seen.
    """
    CREATE TABLE analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        findings TEXT NOT NULL,
        error TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        surname_key TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX actors_surname ON actors(surname_key);
    CREATE TABLE actor_names (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (actor_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX actor_names_key ON actor_names(key);
    CREATE TABLE article_actors (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_id, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_actors_actor ON article_actors(actor_id);
    """,
    # 3: cached summaries, keyed by (article text hash, model file hash, prompt version, settings);
    #    and model files' sha256 by path, size and modification time, so a large file is hashed once.
    """
    CREATE TABLE summaries (
        key TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        method TEXT NOT NULL,
        summary TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX summaries_article ON summaries(article_id);
    CREATE TABLE model_hashes (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    );
    """,
    # 4: read state for the desktop list (and an index for its date order and year filter).
    """
    CREATE TABLE reading (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        read_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    """,
    # 5: the user's annotations: highlights with colour, note and tags, anchored by paragraph and offsets and by
    #    the quoted text with its context (to re-anchor after a re-import). No ON DELETE: an article with
    #    annotations cannot be deleted by accident. Each article's annotation revision rises with every change,
    #    so the search index sees that its notes and tags changed.
    """
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        paragraph INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        detached INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX annotations_article ON annotations(article_id, paragraph, start_offset);
    CREATE TABLE annotation_revisions (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL
    );
    """,
    # 6: reading lists (named, ordered lists of articles) and a reading state beside "read": a ``reading`` row
    #    is 'read' (as before) or 'in-progress'; no row is unread. ``read_at`` is when the state was set.
    """
    ALTER TABLE reading ADD COLUMN state TEXT NOT NULL DEFAULT 'read';
    CREATE TABLE reading_lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE reading_list_items (
        list_id INTEGER NOT NULL REFERENCES reading_lists(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (list_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX reading_list_items_article ON reading_list_items(article_id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database up to ``SCHEMA_VERSION``; refuse a database from a newer Lesesaal."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise LibraryUnavailable(
            f"the library was written by a newer Lesesaal (schema {version}, this one knows {SCHEMA_VERSION}); "
            "update Lesesaal to open it"
        )
    for number in range(version, SCHEMA_VERSION):
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]
