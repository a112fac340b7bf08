"""A reading list summarised in one job (``Summaries.run_many``) with the fake model: progress per article, the
model used for each article once, cancel between articles, and the summary cache answering the second run."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.summaries import LLM, Summaries, SummaryChoice
from library.cancel import CancelToken
from library.importer import import_paths
from library.store import Library
from summarize.fake import FakeSummarizer
from tests.desktop.conftest import SAMPLES

#: A reply the checker cannot verify: the pipeline falls back to extractive, which is cached all the same.
REPLY = {"overview": ["Eine Fähre fährt."], "key_points": [{"text": "Die Fähre fährt.", "paragraphs": [1]}]}


@pytest.fixture
def ids(tmp_path: Path) -> list[int]:
    with Library.open(tmp_path / "lib") as library:
        list(import_paths(library, [SAMPLES]))
        return [row.id for row in library.summaries()]


def _summaries(tmp_path: Path, model: FakeSummarizer, monkeypatch: pytest.MonkeyPatch) -> Summaries:
    summaries = Summaries(tmp_path / "lib")
    monkeypatch.setattr(summaries, "_summarizer", lambda choice, library: model)
    return summaries


def test_each_article_once_then_all_from_the_cache(tmp_path: Path, ids: list[int],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    model = FakeSummarizer(*[REPLY] * len(ids))
    summaries = _summaries(tmp_path, model, monkeypatch)
    choice = SummaryChoice(LLM, "fake.gguf")
    steps = list(summaries.run_many(ids, choice, CancelToken()))
    assert [(s.done, s.total, s.article_id) for s in steps] == [(n, len(ids), i) for n, i in enumerate(ids, 1)]
    assert all(s.summary is not None and not s.summary.cached for s in steps)
    assert len(model.requests) == len(ids) and not model.replies
    again = list(summaries.run_many(ids, choice, CancelToken()))  # no reply is queued: the cache must answer
    assert all(s.summary is not None and s.summary.cached for s in again) and len(again) == len(ids)


def test_cancel_stops_between_articles_and_keeps_what_was_done(tmp_path: Path, ids: list[int],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    model = FakeSummarizer(*[REPLY] * len(ids))
    summaries = _summaries(tmp_path, model, monkeypatch)
    cancel = CancelToken()
    done = []
    for step in summaries.run_many(ids, SummaryChoice(LLM, "fake.gguf"), cancel):
        done.append(step.article_id)
        cancel.cancel()
    assert done == ids[:1] and len(model.requests) == 1
    first = list(summaries.run_many(ids[:1], SummaryChoice(LLM, "fake.gguf"), CancelToken()))
    assert first[0].summary is not None and first[0].summary.cached
