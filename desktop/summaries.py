"""The summary panel's seam to the ``summarize`` package: what a run yields and the one model it keeps loaded.

A run is a generator of ``summarize`` ``Progress`` events (``stage`` "generating" with each streamed piece in
``text``, "checking", "cancelled") and, last, one ``Summary`` whose points are ``Point(text, paragraphs,
verified, reason)``. ``Summaries`` makes runs over one library: extractive ones through summarize's extractive
mode, model ones through a ``LlamaSummarizer`` it loads lazily, keeps for the next article and frees with
``close()``. Runs go to the task runner's single-worker "model" lane, so one model is never used by two threads.
No Qt here.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from articles.model import Paragraph
from library.store import Library
from summarize.protocol import CancelToken as SummaryCancel
from summarize.values import EXTRACTIVE, LLM, Point, Progress, Summary

if TYPE_CHECKING:  # imported when the first summary runs: the window starts without them
    from summarize.batch import BatchStep
    from summarize.llama_backend import LlamaSummarizer
    from summarize.prompt import SummaryOptions

__all__ = ["EXTRACTIVE", "LLM", "Cancel", "ManySummaryRun", "Point", "Progress", "Summaries", "Summary", "SummaryChoice", "SummaryRequest",
           "SummaryRun", "model_backend_available"]


class Cancel(Protocol):
    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class SummaryChoice:
    method: str = EXTRACTIVE
    model_path: str = ""
    threads: int = 2
    context_size: int = 4096


@dataclass(frozen=True)
class SummaryRequest:
    article_id: int
    title: str
    language: str | None
    paragraphs: tuple[Paragraph, ...]


#: What the panel runs on a worker: the request, the choice and a cancel token in, events out.
SummaryRun = Callable[[SummaryRequest, SummaryChoice, Cancel], Iterator["Progress | Summary"]]
#: What a reading list's summarising runs on a worker: article ids, the choice and a cancel token in, steps out.
ManySummaryRun = Callable[[Sequence[int], SummaryChoice, Cancel], Iterator["BatchStep"]]


def model_backend_available() -> bool:
    """Whether llama-cpp-python is installed (looked up, not imported: start-up stays fast)."""
    return importlib.util.find_spec("llama_cpp") is not None


class _Token(SummaryCancel):
    """summarize's cancel token, set when the task's token is."""

    def __init__(self, outer: Cancel) -> None:
        super().__init__()
        self._outer = outer

    @property
    def cancelled(self) -> bool:
        return self._outer.cancelled or super().cancelled


class Summaries:
    """Summary runs over the library at ``library_dir``, holding at most one loaded model."""

    def __init__(self, library_dir: Path, options: SummaryOptions | None = None) -> None:
        self._library_dir = library_dir
        self.options = options  # what shapes a model summary (part of the cache key); None: the defaults
        self._model: LlamaSummarizer | None = None
        self._key: tuple[str, int, int] | None = None
        self._lock = threading.Lock()

    def run(self, request: SummaryRequest, choice: SummaryChoice, cancel: Cancel) -> Iterator[Progress | Summary]:
        """One summary; call on the model lane. A cached one comes at once."""
        from summarize.cache import LibraryCache
        from summarize.library_source import library_source
        from summarize.pipeline import summarize_article

        with Library.open(self._library_dir) as library:
            source = library_source(library, request.article_id)  # the findings the reading pane shows
            model = self._summarizer(choice, library) if choice.method == LLM else None
            yield from summarize_article(source, model, self.options, _Token(cancel), LibraryCache(library))

    def run_many(self, article_ids: Sequence[int], choice: SummaryChoice, cancel: Cancel) -> Iterator[BatchStep]:
        """Summaries of many articles (a reading list) in one job, one ``BatchStep`` each; call on the model lane.
        Cached summaries come at once; the model is loaded once, for the first article that needs it."""
        from summarize.batch import summarize_many
        from summarize.cache import LibraryCache

        with Library.open(self._library_dir) as library:
            model = self._summarizer(choice, library) if choice.method == LLM else None
            yield from summarize_many(library, article_ids, model, self.options, _Token(cancel), LibraryCache(library))

    @property
    def loaded(self) -> bool:
        """Whether a model is loaded now."""
        return self._model is not None and self._model.loaded

    def _summarizer(self, choice: SummaryChoice, library: Library) -> LlamaSummarizer:
        key = (str(Path(choice.model_path).expanduser().resolve()), choice.threads, choice.context_size)
        with self._lock:
            if self._model is not None and self._key == key:
                return self._model
        self.close()
        from summarize.cache import library_hasher
        from summarize.llama_backend import BackendSettings, LlamaSummarizer

        settings = BackendSettings(n_ctx=choice.context_size, n_threads=choice.threads)
        model = LlamaSummarizer(Path(choice.model_path), settings, hasher=library_hasher(library))
        with self._lock:
            self._model, self._key = model, key
        return model

    def close(self) -> None:
        """Free the loaded model (when the window closes or the model setting changes); the next run loads anew."""
        with self._lock:
            model, self._model, self._key = self._model, None, None
        if model is not None:
            model.close()
