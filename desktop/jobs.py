"""The desktop's background jobs: plain functions over the core, run by ``TaskRunner``; no Qt here.

Every job opens its own library connection (SQLite connections stay in their thread); the one
``SearchIndex`` is shared through an ``IndexSlot`` that the index-opening job fills.
"""

from __future__ import annotations

import re
import threading
from contextlib import closing, nullcontext
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.findings_source import findings_for
from desktop.reader_html import CopyLink, ReaderView
from library.annotations import annotations_of
from library.importer import CancelToken, ImportOutcome, ImportProgress, import_paths
from library.listing import ListQuery
from library.reanalysis import reanalyse
from library.store import Library
from search.errors import SearchUnavailable
from search.index import SearchIndex, SyncReport
from search.searching import Hit, SearchResults, related, search

SEARCH_LIMIT = 20
#: How many actors the sidebar lists when no search is typed (a search's facet brings its own).
ACTOR_FACETS = 20
_PROGRESS_EVERY = 25  # analysed articles between two progress reports
_REPEATED_NAME = re.compile(r"^(.*) \(#(\d+)\)$")


@dataclass(frozen=True)
class ActorFacet:
    """The sidebar's actors: story counts by shown name, and the ``actor:`` filter value of each (its id)."""

    counts: dict[str, int] = field(default_factory=dict)
    filters: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FoundStories:
    results: SearchResults
    actors: ActorFacet


class IndexSlot:
    """Holds the search index once it is open; jobs in any thread may wait for it."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._index: SearchIndex | None = None

    def fill(self, index: SearchIndex) -> None:
        self._index = index
        self._ready.set()

    def fail(self) -> None:
        """The index could not be opened: whoever waits is told at once instead of waiting."""
        self._ready.set()

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    def wait(self, timeout: float = 600.0) -> SearchIndex:
        if not self._ready.wait(timeout):
            raise SearchUnavailable("the search index is not ready yet; try again in a moment")
        if self._index is None:
            raise SearchUnavailable("the search index could not be opened (see the message shown at start); "
                                    "restart Lesesaal to try again")
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self._ready.clear()


def open_index(library_dir: Path, slot: IndexSlot, cancel: CancelToken) -> SyncReport:
    """Open the index, bring it in step with the library (repairing it if needed) and warm its searcher."""
    try:
        with Library.open(library_dir) as library:
            index, report = SearchIndex.open(library, cancel=cancel)
            _warm_up(index, library)
    except BaseException:
        slot.fail()
        raise
    slot.fill(index)
    return report


def _warm_up(index: SearchIndex, library: Library) -> None:
    """One search for a stored title, so the first search the user types finds the searcher's tables
    (terms, per-document columns, length norms) read already."""
    first = library.list_rows(ListQuery(), 0, 1)
    if first and first[0].title:
        search(index, library, first[0].title, limit=1)


def load_view(library_dir: Path, article_id: int, hit_terms: frozenset[str] = frozenset()) -> ReaderView:
    """An article with its findings and the titles of its copies, ready for the reading pane."""
    with Library.open(library_dir) as library:
        article = library.article(article_id)
        copy_ids = article.copies if article.duplicate_of is None else (article.duplicate_of,)
        copies = tuple(_copy_link(library, other) for other in copy_ids)
        found = findings_for(library, article.id, article.paragraphs)
        annotations = tuple(annotations_of(library, article.id))
    return ReaderView(article=article, findings=found.findings, copies=copies, hit_terms=hit_terms,
                      library_actors=found.library_actors, annotations=annotations)


def _copy_link(library: Library, article_id: int) -> CopyLink:
    meta = library.article(article_id).metadata
    return CopyLink(article_id, meta.title, meta.source)


def list_ids(library_dir: Path, query: ListQuery) -> list[int]:
    """The library list's order for a query (filter and sort), as ids."""
    with Library.open(library_dir) as library:
        return library.list_ids(query)


def run_search(library_dir: Path, slot: IndexSlot, text: str, limit: int = SEARCH_LIMIT) -> FoundStories:
    """The hits, and the ids behind the actor facet's names (so a click filters by ``actor:ID``)."""
    index = slot.wait()
    with Library.open(library_dir) as library:
        results = search(index, library, text, limit=limit)
        counts = results.facets.get("actor", {})
        return FoundStories(results, ActorFacet(counts, {name: _actor_id(library, name) for name in counts}))


def _actor_id(library: Library, shown: str) -> str:
    """The id of the actor a facet names ("Name", or "Name (#12)" where names repeat); the quoted name if unsure."""
    repeated = _REPEATED_NAME.match(shown)
    if repeated:
        return repeated.group(2)
    candidates = library.actors_named(shown)
    exact = [i for i, name in library.actor_names(sorted(candidates)).items() if name == shown]
    return str(exact[0]) if len(exact) == 1 else f'"{shown}"'


def library_actors(library_dir: Path) -> ActorFacet:
    """The actors most stories of the whole library name, with their story counts."""
    with Library.open(library_dir) as library:
        top = sorted(library.actors(), key=lambda a: (-a.stories, a.name))[:ACTOR_FACETS]
    names = [a.name for a in top]
    shown = {a.id: a.name if names.count(a.name) == 1 else f"{a.name} (#{a.id})" for a in top}
    return ActorFacet({shown[a.id]: a.stories for a in top}, {shown[a.id]: str(a.id) for a in top})


def run_related(library_dir: Path, slot: IndexSlot, article_id: int) -> tuple[str, list[Hit]]:
    index = slot.wait()
    with Library.open(library_dir) as library:
        return library.title_of(article_id), related(index, library, article_id, limit=SEARCH_LIMIT)


def import_files(library_dir: Path, slot: IndexSlot, paths: Sequence[Path],
                 cancel: CancelToken) -> Generator[ImportProgress, None, list[ImportOutcome]]:
    """Import and index as it goes; returns every file's outcome (those of a cancelled run so far)."""
    index = slot.wait()
    outcomes: list[ImportOutcome] = []
    with Library.open(library_dir) as library, index.writer() as batch:
        with closing(import_paths(library, paths, cancel=cancel,
                                  on_stored=lambda i: batch.add(library.article(i)))) as steps:
            for step in steps:  # closed before the library when this job is: what is finished gets committed
                outcomes.append(step.outcome)
                yield step
    return outcomes


def refresh_analyses(library_dir: Path, slot: IndexSlot,
                     cancel: CancelToken) -> Generator[tuple[int, int], None, int]:
    """Bring stale analyses up to date (yields done, total), re-indexing each article; returns how many.
    Without a search index (it could not be opened, which the user was told) the analyses are made all the same;
    the index catches up when it opens again."""
    try:
        index: SearchIndex | None = slot.wait()
    except SearchUnavailable:
        index = None
    done = 0
    with Library.open(library_dir) as library, index.writer() if index else nullcontext() as batch:
        stored = (lambda i: batch.add(library.article(i))) if batch is not None else None
        for done, total in reanalyse(library, cancel=cancel, on_stored=stored):
            if done == total or done % _PROGRESS_EVERY == 0:
                yield done, total
    return done


__all__ = ["ActorFacet", "FoundStories", "IndexSlot", "SyncReport", "import_files", "library_actors", "load_view",
           "open_index", "refresh_analyses", "run_related", "run_search"]
