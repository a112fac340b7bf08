"""The import job: files in, articles out, each file stored whole, with progress and cancel.

``import_paths`` is a generator: it yields an ``ImportProgress`` after each file, so the
caller (the CLI now, a GUI worker later) decides where it runs and how to show it. It checks
the cancel token between files; a cancelled import keeps every file finished so far. Files are
committed in groups (``library.store_group``): a crash loses at most the last open group.
Parsing runs in worker processes for large imports (see ``library.parsing``); everything
that writes to the library happens here, in the caller's thread.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from articles.errors import ImportFailed
from articles.reader import DEFAULT_MAX_BYTES, read_limited
from library.analysing import AnalysisSetup
from library.cancel import CancelToken as CancelToken  # re-exported: callers import it from here
from library.collector import collector_paused
from library.file_walk import FoundFile, find_files
from library.parsing import Parsed, ParseJob, parse_in_order
from library.paths import user_patterns_file
from library.records import AnnotationDigest, FileRecord, StoredContent
from library.store import Library
from library.store_group import StoreGroup

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"
#: An import of this many files or more looks actors and sketches up in memory (``library.import_memory``):
#: loading them costs less than the queries it saves. A smaller one asks the database.
MEMORY_FILES = 64


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
    #: Analyse each article (quotes, actors, loaded wording) as it is read; without, it is analysed later.
    analyse: bool = True


@dataclass(frozen=True)
class _Prepared:
    """A file read and hashed: either settled already (``outcome``) or to be parsed (``job``)."""

    found: FoundFile
    outcome: ImportOutcome | None = None
    job: ParseJob | None = None
    content_hash: str = ""
    record: FileRecord | None = None  # the library's record of this path when it was read


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    options: ImportOptions = ImportOptions(),
    cancel: CancelToken | None = None,
    on_stored: Callable[[StoredContent], None] | None = None,
) -> Generator[ImportProgress, None, None]:
    """Import files and folders; ``on_stored(content)`` is called after each article is committed, with what
    was stored (as parsed: the observer, such as the search index, need not read it back).

    Closing the generator early (a cancel, Ctrl+C in the caller's loop) commits every file finished so far."""
    found = list(find_files([path.absolute() for path in paths]))
    waiting: deque[_Prepared] = deque()

    def jobs() -> Iterator[ParseJob | None]:
        """Reads files as the parsers ask for them; ``waiting`` keeps them in the same order."""
        for item in found:
            prepared = _prepare(library, item, options)
            waiting.append(prepared)
            yield prepared.job

    analysis = AnalysisSetup.for_library(library.directory) if options.analyse else None
    parsed = parse_in_order(jobs(), [user_patterns_file(library.directory)], expected=len(found), analysis=analysis)
    group = StoreGroup(library, on_stored)
    memory = library.hold_import_memory() if len(found) >= MEMORY_FILES else contextlib.nullcontext()
    try:
        with memory, collector_paused():
            for done, (_, result) in enumerate(parsed, start=1):
                if cancel is not None and cancel.cancelled:
                    return
                outcome, stored = _settle(library, group, waiting.popleft(), result)
                if stored is not None:
                    group.stored(stored)
                group.commit_when_due()
                yield ImportProgress(done, len(found), outcome)
    finally:
        try:
            group.commit()
        finally:
            parsed.close()


def _prepare(library: Library, found: FoundFile, options: ImportOptions) -> _Prepared:
    """Read and hash a file; settle it at once when it failed or is already in the library."""
    if found.problem:
        return _Prepared(found, ImportOutcome(found.path, FAILED, found.problem))
    try:
        data = read_limited(found.path, options.max_bytes)
    except ImportFailed as error:
        return _Prepared(found, ImportOutcome(found.path, FAILED, str(error)))
    content_hash = hashlib.sha256(data).hexdigest()
    record = library.file_record(str(found.path))
    if record is not None and record.content_hash == content_hash:
        return _Prepared(found, _unchanged(found.path, record.article_id))
    return _Prepared(found, job=ParseJob(found.path, data), content_hash=content_hash, record=record)


def _settle(library: Library, group: StoreGroup, prepared: _Prepared,
            parsed: Parsed | None) -> tuple[ImportOutcome, StoredContent | None]:
    """Store a parsed file (or recognise it as present); returns what happened to it and what was stored."""
    if prepared.outcome is not None:
        return prepared.outcome, None
    path, record = prepared.found.path, prepared.record
    same = None if record is not None else _same_content_elsewhere(library, group, path, prepared.content_hash)
    if same is not None:
        return same, None
    if parsed is None or parsed.article is None:
        return ImportOutcome(path, FAILED, parsed.error if parsed else "not parsed"), None
    article, shingles = parsed.article, parsed.text_print
    actor_ids: tuple[int, ...] = ()
    with group.file():
        if record is not None:
            article_id = record.article_id
            library.replace_article(article_id, article, str(path), prepared.content_hash, shingles)
        else:
            article_id = library.add_article(article, str(path), prepared.content_hash, shingles)
        is_primary_of_others = record is not None and library.has_copies(article_id)
        primary = None if is_primary_of_others else library.find_copy_of(article_id, shingles)
        if primary is not None or record is not None:  # a new article's row says "no copy" already
            library.mark_copy(article_id, primary)
        if parsed.analysis is not None:
            actor_ids = library.store_analysis(article_id, parsed.analysis, fresh=True, keys=parsed.actor_keys)
        annotations = library.annotation_digest(article_id) if record is not None else AnnotationDigest()
    stored = StoredContent(article_id, article.metadata, article.paragraphs, primary, prepared.content_hash,
                           parsed.analysis.version if parsed.analysis is not None else "", actor_ids, annotations)
    outcome = _stored_outcome(library, path, article_id, primary, updated=record is not None,
                              warnings=article.warnings)
    return outcome, stored


def _same_content_elsewhere(library: Library, group: StoreGroup, path: Path,
                            content_hash: str) -> ImportOutcome | None:
    """UNCHANGED when a file (with no record of its own) has the same bytes as one already in the library."""
    same = library.article_with_content(content_hash)
    if same is None:
        return None
    with group.file():
        library.add_file(str(path), same, content_hash)
    stored = library.article(same)
    return ImportOutcome(path, UNCHANGED, f"already in the library as #{same} (the same file as {stored.path})", same)


def _unchanged(path: Path, article_id: int) -> ImportOutcome:
    return ImportOutcome(path, UNCHANGED, f"already in the library as #{article_id}", article_id)


def _stored_outcome(library: Library, path: Path, article_id: int, primary: int | None, *, updated: bool,
                    warnings: tuple[str, ...]) -> ImportOutcome:
    verb = f"updated #{article_id} (the file changed)" if updated else f"imported as #{article_id}"
    if primary is not None:
        verb += f", a copy of #{primary} «{library.title_of(primary)}»"
    if warnings:
        verb += "; " + "; ".join(warnings)
    return ImportOutcome(path, UPDATED if updated else IMPORTED, verb, article_id, primary, warnings)
