"""Many articles as one job: progress per article, cancel between articles, failures reported and skipped."""

from __future__ import annotations

from pathlib import Path

from library.importer import import_paths
from library.store import Library
from summarize.batch import summarize_many
from summarize.cache import LibraryCache
from summarize.protocol import CancelToken
from tests.conftest import FIXTURES
from tests.summarize.conftest import SUMMARIES


def _library(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib")
    files = [SUMMARIES / "de_slanted.txt", SUMMARIES / "de_injection.txt", FIXTURES / "articles" / "de_rt_style.txt"]
    list(import_paths(library, files))
    return library


def test_progress_for_each_article_and_failures_go_on(tmp_path: Path) -> None:
    with _library(tmp_path) as library:
        steps = list(summarize_many(library, [1, 99, 2, 3], None, cache=LibraryCache(library)))
    assert [(s.done, s.total, s.article_id) for s in steps] == [(1, 4, 1), (2, 4, 99), (3, 4, 2), (4, 4, 3)]
    assert steps[1].summary is None and "no article #99" in steps[1].error
    assert all(s.summary is not None and s.summary.key_points for s in steps if s.article_id != 99)


def test_cancel_stops_between_articles(tmp_path: Path) -> None:
    cancel = CancelToken()
    with _library(tmp_path) as library:
        done = []
        for step in summarize_many(library, [1, 2, 3], None, cancel=cancel):
            done.append(step.article_id)
            cancel.cancel()
    assert done == [1]
