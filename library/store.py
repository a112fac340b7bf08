"""The library: a SQLite database (WAL) of articles, their files, paragraphs and duplicate groups.

All writes of one imported file happen under one savepoint of the import's open transaction, so a
crash or cancel never leaves half an article. Readers never block the single writer (WAL).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from articles.findings_json import findings_from_json
from articles.model import Article, Metadata, Paragraph, Role
from library import (actor_registry, annotation_rows, article_rows, connecting, copy_search, duplicates, listing,
                     reading_state)
from library.analysing import AnalysisResult
from library.duplicates import TextPrint
from library.durable import durable
from library.errors import ArticleHasAnnotations, ArticleNotFound, LibraryUnavailable
from library.import_memory import ImportMemory
from library.listing import ListQuery, ListRow
from library.pending_writes import PendingWrites
from library.records import ActorSummary, AnnotationDigest, ArticleSummary, FileRecord, StoredArticle, StoredFindings, content_state

log = logging.getLogger(__name__)

_ARTICLE_TEXT_ROLES = tuple(role.value for role in (Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY))


class Library:
    """An open library folder. Use as a context manager or call ``close()``."""

    def __init__(self, directory: Path, connection: sqlite3.Connection) -> None:
        self.directory = directory
        self._db = connection
        self._pending = PendingWrites(connection, _HELD_STATEMENTS)
        self._memory = ImportMemory(self._pending.flush)

    @classmethod
    def open(cls, directory: Path) -> Library:
        """Open (creating if needed) the library in ``directory``."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryUnavailable(f"cannot create the library folder {directory}: {error.strerror}") from None
        return cls(directory, connecting.connect(directory))

    def close(self) -> None:
        """Close the connection; rows held outside a transaction are written first, in one transaction of their
        own (inside one, they go with its rollback, as its other writes do)."""
        try:
            self._pending.flush()
        finally:
            self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The database connection, for the library's own table modules (``library.summaries``)."""
        return self._flushed()

    def _flushed(self) -> sqlite3.Connection:
        """The connection with every row held back written (``library.pending_writes``): for any statement but
        the held writes themselves."""
        self._pending.flush()
        return self._db

    def __enter__(self) -> Library:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of writes: all of it lands, or none of it (then an empty transaction is committed)."""
        self.begin()
        try:
            with self.savepoint():
                yield
        finally:
            self.commit()

    @contextmanager
    def hold_import_memory(self) -> Iterator[None]:
        """Through a large import, actors and sketches are looked up in memory (``library.import_memory``)."""
        self._memory.enabled = True
        try:
            yield
        finally:
            self._memory.enabled = False
            self._memory.drop()

    def begin(self) -> None:
        """Open a transaction that several ``savepoint()`` units go into; ``commit()`` lands them together."""
        self._db.execute("BEGIN IMMEDIATE")
        self._memory.check(self._db)

    def commit(self) -> bool:
        """Commit the open transaction; False when there was none (SQLite rolled it back after an error)."""
        if not self._db.in_transaction:
            self._pending.clear()
            self._memory.drop()
            return False
        try:
            self._pending.flush()
        except BaseException:
            self._memory.drop()
            raise
        self._db.execute("COMMIT")
        return True

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """One atomic unit inside the open transaction: on an error, none of its writes stay."""
        self._db.execute("SAVEPOINT unit")
        held = self._pending.mark()
        try:
            yield
        except BaseException:
            self._pending.rollback(held)
            self._memory.drop()
            if self._db.in_transaction:
                self._db.execute("ROLLBACK TO unit")
                self._db.execute("RELEASE unit")
            raise
        self._db.execute("RELEASE unit")
        self._pending.release(held)

    @contextmanager
    def _held_unit(self) -> Iterator[None]:
        """``savepoint()`` for a unit that only holds rows (and mirrors them in the import memory): on an error
        the rows it held are dropped and the memory with them, without a statement either way."""
        held = self._pending.mark()
        try:
            yield
        except BaseException as error:
            if self._pending.flushed_since(held):  # rows were written: only the transaction's end can undo them
                raise RuntimeError("a held-rows unit wrote rows; it needs a savepoint") from error
            self._pending.rollback(held)
            self._memory.drop()
            raise
        self._pending.release(held)

    # Files -------------------------------------------------------------------------------

    def file_record(self, path: str) -> FileRecord | None:
        if (files := self._memory.files(self._db)) is not None:
            held = files.record(path)
            return FileRecord(path, *held) if held else None
        row = self._flushed().execute("SELECT path, article_id, content_hash FROM files WHERE path = ?",
                                      (path,)).fetchone()
        return FileRecord(*row) if row else None

    def article_with_content(self, content_hash: str) -> int | None:
        if (files := self._memory.files(self._db)) is not None:
            return files.article_with_content(content_hash)
        row = self._flushed().execute("SELECT article_id FROM files WHERE content_hash = ? LIMIT 1",
                                      (content_hash,)).fetchone()
        return int(row[0]) if row else None

    def add_file(self, path: str, article_id: int, content_hash: str) -> None:
        files = self._memory.files(self._db)  # loaded (when first wanted) before the row is written
        self._pending.add(article_rows.INSERT_FILE, (path, article_id, content_hash))
        if files is not None:
            files.add(path, article_id, content_hash)

    # Articles ----------------------------------------------------------------------------

    def add_article(self, article: Article, path: str, content_hash: str, shingles: frozenset[int] | TextPrint) -> int:
        """Store a new article from ``path`` with its text's shingles (for duplicates); returns its id.

        Call inside ``transaction()``.
        """
        text_print, now = duplicates.as_print(shingles), _now()
        article_id = self._pending.new_id("articles")
        content = article_rows.content_values(article, path, content_hash, text_print)
        self._pending.add(article_rows.INSERT_ARTICLE, [article_id, *content, now, now, None])  # a list: mark_copy
        self._write_parts(article_id, article, text_print)
        self.add_file(path, article_id, content_hash)
        return article_id

    def replace_article(self, article_id: int, article: Article, path: str, content_hash: str,
                        shingles: frozenset[int] | TextPrint) -> None:
        """Replace a stored article's content after its file changed. Call inside ``transaction()``."""
        sketches = self._memory.sketches(self._db)  # loaded (when first wanted) before the sketch is deleted
        db = self._flushed()
        db.execute("DELETE FROM paragraphs WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM sketches WHERE article_id = ?", (article_id,))
        if sketches is not None:
            sketches.remove(article_id)
        db.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))  # made for the old text
        actor_registry.unfile_actors(db, article_id, self._memory.actors(db))
        self._write_content(article_id, article, path, content_hash, shingles)
        self.add_file(path, article_id, content_hash)
        annotation_rows.reanchor_article(self._flushed(), article_id, {p.index: p.text for p in article.paragraphs})

    def _write_content(self, article_id: int, article: Article, path: str, content_hash: str,
                       shingles: frozenset[int] | TextPrint) -> None:
        text_print = duplicates.as_print(shingles)
        self._flushed().execute(article_rows.UPDATE_ARTICLE,
                                (*article_rows.content_values(article, path, content_hash, text_print), _now(), article_id))
        self._write_parts(article_id, article, text_print)

    def _write_parts(self, article_id: int, article: Article, text_print: TextPrint) -> None:
        """An article's paragraphs and sketch (its row added already, held or written)."""
        sketches = self._memory.sketches(self._db)  # loaded (when first wanted) before the sketch is written
        self._pending.extend(article_rows.INSERT_PARAGRAPH,
                             [(article_id, p.index, p.role.value, p.text) for p in article.paragraphs])
        self._pending.extend(article_rows.INSERT_SKETCH, [(value, article_id) for value in text_print.sketch])
        if sketches is not None:
            sketches.add(article_id, text_print.sketch, text_print.packed)

    def annotation_digest(self, article_id: int) -> AnnotationDigest:
        """What the search index holds of the article's annotations (notes, tags, revision)."""
        return annotation_rows.digest(self._flushed(), article_id)

    def article(self, article_id: int) -> StoredArticle:
        db = self._flushed()
        row = db.execute(
            """SELECT id, title, subtitle, kicker, published, source, url, author, language, format, path,
                      content_hash, imported_at, updated_at, duplicate_of, warnings,
                      (SELECT version FROM analyses WHERE article_id = articles.id) FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        copies = tuple(r[0] for r in db.execute(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", (article_id,)))
        actor_ids = tuple(r[0] for r in db.execute(
            "SELECT DISTINCT actor_id FROM article_actors WHERE article_id = ? ORDER BY actor_id", (article_id,)))
        return StoredArticle(
            id=row[0], metadata=Metadata(*row[1:9]), paragraphs=self.paragraphs(article_id), format=row[9],
            path=row[10], content_hash=row[11], imported_at=row[12], updated_at=row[13], duplicate_of=row[14],
            copies=copies, warnings=tuple(line for line in row[15].split("\n") if line), actor_ids=actor_ids,
            analysis_version=row[16] or "", annotations=annotation_rows.digest(db, article_id),
        )

    def paragraphs(self, article_id: int) -> tuple[Paragraph, ...]:
        rows = self._flushed().execute(
            "SELECT idx, role, text FROM paragraphs WHERE article_id = ? ORDER BY idx", (article_id,))
        return tuple(Paragraph(index, Role(role), text) for index, role, text in rows)

    def article_text(self, article_id: int) -> str:
        placeholders = ",".join("?" * len(_ARTICLE_TEXT_ROLES))
        rows = self._flushed().execute(
            f"SELECT text FROM paragraphs WHERE article_id = ? AND role IN ({placeholders}) ORDER BY idx",
            (article_id, *_ARTICLE_TEXT_ROLES),
        )
        return "\n".join(row[0] for row in rows)

    def summaries(self) -> list[ArticleSummary]:
        """Every article, primaries and their copies, ordered by id."""
        rows = self._flushed().execute("SELECT id, title, published, source, duplicate_of FROM articles ORDER BY id")
        return [ArticleSummary(*row) for row in rows]

    def list_rows(self, query: ListQuery, offset: int, limit: int) -> list[ListRow]:
        """One page of the list of stories (primaries), without article text."""
        return listing.rows(self._flushed(), query, offset, limit)

    def list_ids(self, query: ListQuery) -> list[int]:
        """Every story the query shows, in its order (ids only)."""
        return listing.ordered_ids(self._flushed(), query)

    def list_rows_by_id(self, ids: list[int]) -> dict[int, ListRow]:
        return listing.rows_by_id(self._flushed(), ids)

    def list_count(self, query: ListQuery) -> int:
        return listing.count(self._flushed(), query)

    def list_facets(self, query: ListQuery) -> dict[str, dict[str, int]]:
        return listing.facets(self._flushed(), query)

    def set_read(self, article_id: int, read: bool = True) -> None:
        self.article(article_id)  # refuses an unknown id with ArticleNotFound
        with durable(self):
            listing.set_read(self._flushed(), article_id, read)

    def set_reading_state(self, article_ids: Sequence[int], state: str) -> None:
        """Mark articles read, unread or in progress (``library.reading_state``)."""
        with durable(self):
            reading_state.set_state(self._flushed(), article_ids, state)

    def reading_states(self, article_ids: Sequence[int]) -> dict[int, str]:
        return reading_state.states_of(self._flushed(), article_ids)

    def index_states(self) -> dict[int, tuple[str, int]]:
        """Every article's content (its hash and analysis version) and the primary of its story: what a
        search index must reflect."""
        rows = self._flushed().execute(
            """SELECT id, content_hash, analyses.version, COALESCE(duplicate_of, id), annotation_revisions.revision
               FROM articles LEFT JOIN analyses ON analyses.article_id = articles.id
               LEFT JOIN annotation_revisions ON annotation_revisions.article_id = articles.id""")
        return {row[0]: (content_state(row[1], row[2], row[4]), row[3]) for row in rows}

    def count(self) -> int:
        return int(self._flushed().execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def remove(self, article_id: int, *, with_annotations: bool = False) -> None:
        """Delete an article; if it was the primary copy of a story, its oldest copy takes over.

        An article with annotations (the user's own work) is only removed ``with_annotations``; otherwise
        ``ArticleHasAnnotations`` says how to proceed."""
        stored = self.article(article_id)
        if stored.annotations.count and not with_annotations:
            raise ArticleHasAnnotations(article_id, stored.annotations.count)
        self._memory.drop()  # its deletes are not mirrored
        with self.transaction():
            annotation_rows.delete_of_article(self._flushed(), article_id)
            if stored.copies:
                self._regroup(list(stored.copies), primary=stored.copies[0])
            actor_registry.unfile_actors(self._flushed(), article_id)
            self._flushed().execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # Analyses and actors -----------------------------------------------------------------

    def store_analysis(self, article_id: int, result: AnalysisResult, *, fresh: bool = False,
                       keys: Sequence[Sequence[str]] = ()) -> tuple[int, ...]:
        """Store an article's analysis and file its actors; returns the ids of the library actors it names.
        Call inside ``transaction()``; ``fresh`` when the article has no actors filed (it was just added or
        replaced); ``keys``: its actors' keys when worked out already (``actor_registry.file_actors``).

        Filing happens under a savepoint: should it fail, the analysis is stored empty with the error,
        and the article (in the same transaction) is stored all the same. With the import memory, filing
        only holds rows and runs no statement, so its unit is kept in the held rows alone (``_held_unit``).
        """
        if not fresh:
            actor_registry.unfile_actors(self._flushed(), article_id, self._memory.actors(self._db))
        memory = self._memory.actors(self._db)
        try:
            with self.savepoint() if memory is None else self._held_unit():
                actor_ids = actor_registry.file_actors(self._flushed, self._pending, article_id, result.actors,
                                                       memory, keys)
                self._write_analysis(article_id, result.version, result.findings_json, result.error)
        except (sqlite3.IntegrityError, ValueError, TypeError) as error:
            log.exception("storing the analysis of article #%s failed", article_id)
            self._write_analysis(article_id, result.version, '{"quotes":[],"actors":[],"loaded":[]}',
                                 f"could not be stored ({type(error).__name__}: {error})")
            actor_ids = ()
        return actor_ids

    def _write_analysis(self, article_id: int, version: str, findings: str, error: str) -> None:
        self._pending.add(article_rows.INSERT_ANALYSIS, (article_id, version, findings, error))

    def stale_analyses(self, version: str) -> list[int]:
        """Articles with no analysis or one made by another analysis version, in id order."""
        rows = self._flushed().execute(
            """SELECT articles.id FROM articles LEFT JOIN analyses ON analyses.article_id = articles.id
               WHERE analyses.version IS NULL OR analyses.version != ? ORDER BY articles.id""", (version,))
        return [row[0] for row in rows]

    def findings(self, article_id: int) -> StoredFindings | None:
        """The article's stored analysis, or None when it has none (or its stored text is damaged)."""
        row = self._flushed().execute("SELECT version, findings, error FROM analyses WHERE article_id = ?",
                               (article_id,)).fetchone()
        if row is None:
            return None
        try:
            findings = findings_from_json(row[1])
        except (ValueError, KeyError, IndexError, TypeError):
            log.warning("the stored analysis of article #%s is damaged; it is shown without one", article_id)
            return None
        return StoredFindings(findings, actor_registry.article_actors(self._flushed(), article_id), row[0], row[2])

    def actors(self) -> list[ActorSummary]:
        return actor_registry.actor_summaries(self._flushed())

    def actors_named(self, text: str) -> set[int]:
        return actor_registry.actors_named(self._flushed(), text)

    def actor_names(self, ids: Sequence[int]) -> dict[int, str]:
        return actor_registry.actor_names(self._flushed(), ids)

    # Duplicate groups --------------------------------------------------------------------

    def find_copy_of(self, article_id: int, shingles: frozenset[int] | TextPrint) -> int | None:
        """The primary of the story an article (its text's shingles given) is a copy of, or None."""
        best = copy_search.closest_copy(self._flushed, self._memory.sketches(self._db), article_id,
                                        duplicates.as_print(shingles))
        return None if best is None else self.primary_of(best)

    def title_of(self, article_id: int) -> str:
        return str(self._article_value(article_id, "title"))

    def primary_of(self, article_id: int) -> int:
        primary = self._article_value(article_id, "duplicate_of")
        return primary if isinstance(primary, int) else article_id

    def _article_value(self, article_id: int, column: str) -> object:
        """A column of an article's row, from the held row when it is not written yet."""
        held = self._pending.find(article_rows.INSERT_ARTICLE, article_id)
        if held is not None:
            return held[article_rows.ARTICLE_COLUMNS.index(column)]
        row = self._db.execute(f"SELECT {column} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        return row[0]

    def has_copies(self, article_id: int) -> bool:
        return self._flushed().execute("SELECT 1 FROM articles WHERE duplicate_of = ? LIMIT 1",
                                       (article_id,)).fetchone() is not None

    def mark_copy(self, article_id: int, primary: int | None) -> None:
        held = self._pending.last(article_rows.INSERT_ARTICLE)
        if isinstance(held, list) and held[0] == article_id:  # the article just added (its row still held)
            held[-1] = primary
        else:
            self._flushed().execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (primary, article_id))

    def set_primary(self, article_id: int) -> None:
        """Make this article the copy shown for its story; the others become its copies."""
        primary = self.primary_of(article_id)
        members = [primary, *self.article(primary).copies]
        with self.transaction():
            self._regroup(members, primary=article_id)

    def _regroup(self, members: list[int], primary: int) -> None:
        for member in members:
            self.mark_copy(member, None if member == primary else primary)


#: The writes an import holds back until its group commits (``library.pending_writes``), written in this order:
#: each table before those that refer to it.
_HELD_STATEMENTS = (article_rows.INSERT_ARTICLE, actor_registry.INSERT_ACTOR, actor_registry.RENAME_ACTOR,
                    article_rows.INSERT_PARAGRAPH, article_rows.INSERT_SKETCH, article_rows.INSERT_FILE,
                    article_rows.INSERT_ANALYSIS, actor_registry.INSERT_NAME, actor_registry.INSERT_LINK)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
