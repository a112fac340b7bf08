"""The import job: files in, articles out, one atomic commit per file, with progress and cancel.

``import_paths`` is a generator: it yields an ``ImportProgress`` after each file, so the
caller (the CLI now, a GUI worker later) decides where it runs and how to show it. It checks
the cancel token between files; a cancelled import keeps every file finished so far.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from articles.errors import ImportFailed
from articles.reader import DEFAULT_MAX_BYTES, parse_article, read_limited
from articles.role_patterns import RolePatterns, load_role_patterns
from library import duplicates
from library.file_walk import find_files
from library.paths import user_patterns_file
from library.records import FileRecord
from library.store import Library

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"


class CancelToken:
    """Set from any thread to stop a running job after the file it is working on."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    status: str
    message: str
    article_id: int | None = None
    duplicate_of: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    outcome: ImportOutcome


@dataclass(frozen=True)
class ImportOptions:
    max_bytes: int = DEFAULT_MAX_BYTES


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    options: ImportOptions = ImportOptions(),
    cancel: CancelToken | None = None,
    on_stored: Callable[[int], None] | None = None,
) -> Iterator[ImportProgress]:
    """Import files and folders; ``on_stored(article_id)`` is called after each article is committed."""
    found = list(find_files([path.absolute() for path in paths]))
    patterns = load_role_patterns([user_patterns_file(library.directory)])
    for done, item in enumerate(found, start=1):
        if cancel is not None and cancel.cancelled:
            return
        if item.problem:
            outcome = ImportOutcome(item.path, FAILED, item.problem)
        else:
            outcome = import_file(library, item.path, patterns, options)
        if on_stored is not None and outcome.status in (IMPORTED, UPDATED) and outcome.article_id is not None:
            on_stored(outcome.article_id)
        yield ImportProgress(done, len(found), outcome)


def import_file(library: Library, path: Path, patterns: RolePatterns, options: ImportOptions) -> ImportOutcome:
    """Import one file; every failure comes back as a FAILED outcome with the reason."""
    try:
        data = read_limited(path, options.max_bytes)
        content_hash = hashlib.sha256(data).hexdigest()
        record = library.file_record(str(path))
        known = _known_content(library, path, record, content_hash)
        if known is not None:
            return known
        article = parse_article(data, path, patterns)
    except ImportFailed as error:
        return ImportOutcome(path, FAILED, str(error))
    shingles = duplicates.shingles(article.article_text())
    with library.transaction():
        if record is not None:
            article_id = record.article_id
            library.replace_article(article_id, article, str(path), content_hash, shingles)
        else:
            article_id = library.add_article(article, str(path), content_hash, shingles)
        is_primary_of_others = record is not None and bool(library.article(article_id).copies)
        primary = None if is_primary_of_others else library.find_copy_of(article_id, shingles)
        library.mark_copy(article_id, primary)
    return _stored_outcome(library, path, article_id, primary, updated=record is not None, warnings=article.warnings)


def _known_content(library: Library, path: Path, record: FileRecord | None, content_hash: str) -> ImportOutcome | None:
    """UNCHANGED when this file, or a file with the same bytes elsewhere, is already in the library."""
    if record is not None and record.content_hash == content_hash:
        return ImportOutcome(path, UNCHANGED, f"already in the library as #{record.article_id}", record.article_id)
    same = library.article_with_content(content_hash)
    if same is None or record is not None:
        return None
    with library.transaction():
        library.add_file(str(path), same, content_hash)
    stored = library.article(same)
    return ImportOutcome(path, UNCHANGED, f"already in the library as #{same} (the same file as {stored.path})", same)


def _stored_outcome(library: Library, path: Path, article_id: int, primary: int | None, *, updated: bool,
                    warnings: tuple[str, ...]) -> ImportOutcome:
    verb = f"updated #{article_id} (the file changed)" if updated else f"imported as #{article_id}"
    if primary is not None:
        verb += f", a copy of #{primary} «{library.title_of(primary)}»"
    if warnings:
        verb += "; " + "; ".join(warnings)
    return ImportOutcome(path, UPDATED if updated else IMPORTED, verb, article_id, primary, warnings)
