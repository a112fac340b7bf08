"""Parses article files for the import job, in worker processes when there are many.

Parsing is pure CPU work and most of an import's time; the library's single writer stays in
the calling process. Files come back in the order they went in, with at most ``window``
files in flight, so memory stays flat however large the folder.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from articles.errors import ImportFailed
from articles.model import Article
from articles.reader import parse_article
from articles.role_patterns import RolePatterns, load_role_patterns
from library import collector, duplicates
from library.actor_registry import entry_keys
from library.analysing import AnalysisResult, AnalysisSetup, Analyser

log = logging.getLogger(__name__)

#: Below this many files the pool's start-up (about half a second) costs more than it saves.
MIN_FILES_FOR_WORKERS = 64
#: Files sent to a reader process at once: one hand-over (and one collection there) per chunk, not per file.
CHUNK = 32
#: Chunks in flight per reader process: enough to go on while the importing process is held up.
CHUNKS_PER_WORKER = 2


@dataclass(frozen=True)
class ParseJob:
    path: Path
    data: bytes


_NO_PRINT = duplicates.TextPrint(b"", ())


@dataclass(frozen=True)
class Parsed:
    """A parsed article with its text's shingles (made here, in the reader), or the reason it could not be parsed."""

    article: Article | None
    text_print: duplicates.TextPrint
    error: str = ""
    analysis: AnalysisResult | None = None  # None when the import does not analyse
    #: Each of the analysis's actors' ``actor_registry.entry_keys``, worked out here rather than by the writer.
    actor_keys: tuple[tuple[str, ...], ...] = ()


def parse_job(job: ParseJob, patterns: RolePatterns, analyser: Analyser | None = None) -> Parsed:
    """Parse (and analyse) one file's bytes; expected failures and bugs alike come back as an error text."""
    return parse_jobs([job], patterns, analyser)[0]


def parse_jobs(jobs: Sequence[ParseJob], patterns: RolePatterns, analyser: Analyser | None = None) -> list[Parsed]:
    """``parse_job`` of each job, in order: every file is parsed first, then the articles are analysed
    (``Analyser.all``, which runs each of its scans over all of them in turn).

    Parsing and the analysis each have a large working set (lxml and the readers; the analysis's patterns
    and word tables); running one part over a chunk of files before the other keeps each one's in the CPU's
    caches, which costs about a tenth less CPU for the analysis than alternating the two per file.
    """
    parsed = [_parsed(job, patterns) for job in jobs]
    if analyser is None:
        return parsed
    analyses = iter(analyser.all([one.article.paragraphs for one in parsed if one.article is not None]))
    return [parsed_one if parsed_one.article is None else _analysed(parsed_one, next(analyses))
            for parsed_one in parsed]


def _parsed(job: ParseJob, patterns: RolePatterns) -> Parsed:
    try:
        article = parse_article(job.data, job.path, patterns)
    except ImportFailed as error:
        return Parsed(None, _NO_PRINT, str(error))
    except Exception as error:  # a bug in a reader must not end a 10,000-file import
        log.exception("unexpected error while reading %s", job.path)
        return Parsed(None, _NO_PRINT, f"unexpected error while reading the file ({type(error).__name__}: "
                                         f"{error}); this is a bug in Lesesaal, please report it")
    return Parsed(article, duplicates.text_print(article.article_text()))


def _analysed(parsed: Parsed, analysis: AnalysisResult) -> Parsed:
    return Parsed(parsed.article, parsed.text_print, analysis=analysis, actor_keys=_actor_keys(analysis))


def _actor_keys(analysis: AnalysisResult) -> tuple[tuple[str, ...], ...]:
    try:
        return tuple(map(entry_keys, analysis.actors))
    except ValueError:  # an actor of no known kind: the writer meets it again and stores the analysis as failed
        return ()


def parse_in_order(
    jobs: Iterable[ParseJob | None], extra_patterns: Sequence[Path], expected: int,
    analysis: AnalysisSetup | None = None,
) -> Generator[tuple[ParseJob | None, Parsed | None], None, None]:
    """Each job with its result, in order; ``None`` jobs (nothing to parse) pass straight through.
    With ``analysis``, each article is analysed too, in the same process that parsed it."""
    here = InCaller(list(extra_patterns), analysis)
    workers = _worker_count()
    if expected < MIN_FILES_FOR_WORKERS or workers < 2:
        for job in jobs:
            yield job, here(job) if job is not None else None
        return
    yield from _parse_with_pool(jobs, (list(extra_patterns), analysis), here, workers)


class InCaller:
    """Parsing in one process with its own role patterns and analysis lexicon: in the calling process (small
    imports, a chunk whose reader process died) and in each reader process. They take a quarter of a second
    to load and are loaded at the first file (a reader loads them at start, ``load``), so an import whose
    readers do all the parsing never loads them in the calling process."""

    def __init__(self, extra_patterns: list[Path], analysis: AnalysisSetup | None) -> None:
        self._extra_patterns = extra_patterns
        self._analysis = analysis
        self._loaded: tuple[RolePatterns, Analyser | None] | None = None

    def load(self) -> tuple[RolePatterns, Analyser | None]:
        if self._loaded is None:
            analyser = self._analysis.analyser() if self._analysis is not None else None
            self._loaded = load_role_patterns(self._extra_patterns), analyser
        return self._loaded

    def __call__(self, job: ParseJob) -> Parsed:
        return parse_job(job, *self.load())

    def all(self, jobs: Sequence[ParseJob]) -> list[Parsed]:
        return parse_jobs(jobs, *self.load())


def _parse_with_pool(
    jobs: Iterable[ParseJob | None], setup: tuple[list[Path], AnalysisSetup | None],
    here: Callable[[ParseJob], Parsed], workers: int
) -> Iterator[tuple[ParseJob | None, Parsed | None]]:
    context = multiprocessing.get_context("spawn")  # safe beside threads (the GUI) on every platform
    window = workers * CHUNKS_PER_WORKER
    pending: deque[tuple[list[ParseJob | None], Future[list[Parsed]] | None]] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=setup) as pool:
        try:
            for chunk in _chunks(jobs, CHUNK):
                pending.append((chunk, _submit(pool, chunk)))
                if len(pending) >= window:
                    yield from _results(pending.popleft(), here)
            while pending:
                yield from _results(pending.popleft(), here)
        finally:
            for _, future in pending:
                if future is not None:
                    future.cancel()


def _chunks(jobs: Iterable[ParseJob | None], size: int) -> Iterator[list[ParseJob | None]]:
    chunk: list[ParseJob | None] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _submit(pool: ProcessPoolExecutor, chunk: list[ParseJob | None]) -> Future[list[Parsed]] | None:
    todo = [job for job in chunk if job is not None]
    if not todo:
        return None
    try:
        return pool.submit(_parse_in_worker, todo)
    except BrokenProcessPool:
        return None  # read in this process instead, see _results


def _results(
    entry: tuple[list[ParseJob | None], Future[list[Parsed]] | None], here: Callable[[ParseJob], Parsed],
) -> Iterator[tuple[ParseJob | None, Parsed | None]]:
    chunk, future = entry
    parsed: Iterator[Parsed] | None = None
    try:
        parsed = iter(future.result()) if future is not None else None
    except BrokenProcessPool:
        log.warning("a reader process died; reading %d files in the main process", len(chunk))
    for job in chunk:
        if job is None:
            yield job, None
        else:
            yield job, next(parsed) if parsed is not None else here(job)


def _worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


_worker: InCaller | None = None


def _start_worker(extra_patterns: list[Path], analysis: AnalysisSetup | None) -> None:
    global _worker
    _worker = InCaller(extra_patterns, analysis)
    _worker.load()  # before settle_process, which leaves what is loaded out of later collections
    collector.settle_process()
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this reader process when the importing process dies (killed, crashed), never orphaned."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _parse_in_worker(jobs: list[ParseJob]) -> list[Parsed]:
    assert _worker is not None, "worker started without its initializer"
    parsed = _worker.all(jobs)
    collector.collect_young()
    return parsed
