"""Parsing in reader processes gives exactly what parsing in the caller gives, in order."""

from __future__ import annotations

import pickle
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from library.analysing import ActorEntry, AnalysisSetup
from library.parsing import MIN_FILES_FOR_WORKERS, InCaller, ParseJob, _results, parse_in_order
from tests.conftest import FIXTURES


def jobs() -> list[ParseJob | None]:
    files = sorted(p for p in (FIXTURES / "articles").iterdir() if not p.name.endswith(".json"))
    listed: list[ParseJob | None] = []
    while len(listed) < MIN_FILES_FOR_WORKERS + 10:
        listed.extend(ParseJob(path, path.read_bytes()) for path in files)
        listed.append(None)  # a file settled before parsing passes straight through
    listed.append(ParseJob(Path("empty.txt"), b"   "))
    return listed


def test_worker_processes_return_the_same_articles_in_the_same_order() -> None:
    work = jobs()
    in_workers = list(parse_in_order(iter(work), [], expected=len(work)))
    in_caller = list(parse_in_order(iter(work), [], expected=1))
    assert [job for job, _ in in_workers] == work
    assert [parsed for _, parsed in in_workers] == [parsed for _, parsed in in_caller]
    assert in_workers[-1][1] is not None and "empty file" in in_workers[-1][1].error


def test_a_dead_reader_process_falls_back_to_reading_in_the_caller() -> None:
    job = ParseJob(FIXTURES / "articles" / "en_plain.txt", (FIXTURES / "articles" / "en_plain.txt").read_bytes())
    broken: Future[object] = Future()
    broken.set_exception(BrokenProcessPool("a reader process died"))
    [(_, parsed)] = list(_results(([job], broken), InCaller([], None)))  # type: ignore[arg-type]
    assert parsed is not None and parsed.article is not None
    assert parsed.article.metadata.title.startswith("Council approves")


def test_analysed_results_come_back_from_reader_processes_unchanged() -> None:
    work = [job for job in jobs() if job is not None]
    setup = AnalysisSetup(None)
    in_workers = [parsed for _, parsed in parse_in_order(iter(work), [], expected=len(work), analysis=setup)]
    in_caller = [parsed for _, parsed in parse_in_order(iter(work), [], expected=1, analysis=setup)]
    assert in_workers == in_caller
    analysed = [parsed for parsed in in_caller if parsed is not None and parsed.analysis is not None]
    assert any(parsed.analysis.actors for parsed in analysed if parsed.analysis is not None)
    entry = next(parsed.analysis.actors[0] for parsed in analysed if parsed.analysis and parsed.analysis.actors)
    assert pickle.loads(pickle.dumps(entry)) == entry and isinstance(pickle.loads(pickle.dumps(entry)), ActorEntry)
