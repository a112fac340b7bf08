"""Summaries of many articles (a reading list, a search result) as one background job.

:func:`summarize_many` is a plain generator: it yields one ``BatchStep`` per article with the progress so far
and checks the cancel token between articles and, through the summarizer, between tokens. The model is loaded
once (by the first article that needs it) and stays loaded; cached summaries cost no model time. An expected
failure of one article (it is gone, its model reply cannot be used) is reported in its step, and the job goes
on; a ``ModelUnavailable`` stops it, since every later article would fail the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.errors import LesesaalError
from library.store import Library
from summarize.errors import ModelUnavailable
from summarize.pipeline import SummaryCache, summarize_article
from summarize.prompt import SummaryOptions
from summarize.protocol import CancelToken, Summarizer
from summarize.library_source import library_source
from summarize.values import Summary


@dataclass(frozen=True)
class BatchStep:
    done: int
    total: int
    article_id: int
    summary: Summary | None  # None when this article failed (see ``error``)
    error: str = ""


def summarize_many(library: Library, article_ids: Sequence[int], summarizer: Summarizer | None,
                   options: SummaryOptions | None = None, cancel: CancelToken | None = None,
                   cache: SummaryCache | None = None) -> Iterator[BatchStep]:
    total = len(article_ids)
    for done, article_id in enumerate(article_ids, 1):
        if cancel is not None and cancel.cancelled:
            return
        try:
            source = library_source(library, article_id)
            summary = None
            for event in summarize_article(source, summarizer, options, cancel, cache):
                if isinstance(event, Summary):
                    summary = event
        except ModelUnavailable:
            raise
        except LesesaalError as error:
            yield BatchStep(done, total, article_id, None, str(error))
            continue
        if summary is None:  # cancelled while generating
            return
        yield BatchStep(done, total, article_id, summary)
