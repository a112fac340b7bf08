"""The summary panel's seam to the summariser: what a summary run yields and how one is chosen.

Mirrors the ``summarize`` package (branch ``summarize``): a run is a generator of ``Progress`` events
(``stage`` "generating" with each streamed piece in ``text``, "checking", "cancelled") and, last, one
``Summary`` whose key points are ``Point(text, paragraphs, verified, reason)``; the field names are
theirs. Connecting the package means ``run_summary`` calls ``summarize.pipeline.summarize_article``
(with ``summarize.source.source_of`` and a ``LlamaSummarizer`` for a model) instead of the stand-in
extractive summary below, and ``model_backend_available`` says whether llama.cpp is installed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.language_data import load_resource_json
from articles.model import Paragraph, Role
from desktop.gguf import ModelUnavailable, read_gguf
from library.importer import CancelToken

LLM = "llm"
EXTRACTIVE = "extractive"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"0-9])")
_WORD = re.compile(r"\w+")
_SUMMARY_ROLES = (Role.LEAD, Role.HEADING, Role.BODY)


@dataclass(frozen=True)
class Progress:
    stage: str  # "loading", "generating", "checking", "merging", "cancelled"
    done: int = 0
    total: int = 0
    text: str = ""  # while generating: the piece just streamed


@dataclass(frozen=True)
class Point:
    text: str
    paragraphs: tuple[int, ...]  # Paragraph.index of the paragraphs it rests on
    verified: bool = False
    reason: str = "not checked"  # why it is not verified


@dataclass(frozen=True)
class Summary:
    article_id: int
    method: str  # LLM or EXTRACTIVE
    model_name: str  # "" for an extractive summary
    overview: tuple[Point, ...]
    key_points: tuple[Point, ...]
    warnings: tuple[str, ...] = ()


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
SummaryRun = Callable[[SummaryRequest, SummaryChoice, CancelToken], Iterator["Progress | Summary"]]


def model_backend_available() -> bool:
    """Whether summaries by a language model can run here (true once the summarize package is connected)."""
    return False


def run_summary(request: SummaryRequest, choice: SummaryChoice, cancel: CancelToken) -> Iterator[Progress | Summary]:
    """One summary: by the chosen model (checked before it loads), or extracted from the article."""
    if choice.method == LLM:
        if not choice.model_path:
            raise ModelUnavailable("no model file is set; choose one in Settings, or summarise extractively")
        info = read_gguf(Path(choice.model_path))
        raise ModelUnavailable(f"{info.name} is a valid model, but this build of Lesesaal has no model backend "
                               "yet; summarise extractively for now")
    points = _extract(request.paragraphs)
    if cancel.cancelled:
        yield Progress("cancelled")
        return
    yield Summary(request.article_id, EXTRACTIVE, "", overview=points[:1], key_points=points[1:])


def _extract(paragraphs: Sequence[Paragraph], count: int = 4) -> tuple[Point, ...]:
    """The article's most representative sentences in article order, each resting on its paragraph."""
    sentences = [(p.index, s) for p in paragraphs if p.role in _SUMMARY_ROLES
                 for s in _SENTENCE.split(p.text) if len(_WORD.findall(s)) >= 4]
    weights = Counter(w for _, s in sentences for w in _content_words(s))
    ranked = sorted(range(len(sentences)), key=lambda i: -_score(sentences[i][1], weights))
    return tuple(Point(sentences[i][1], (sentences[i][0],), verified=True, reason="")
                 for i in sorted(ranked[:count]))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    listed = load_resource_json("languages/stopwords.json")
    return frozenset(w.lower() for code, words in listed.items() if not code.startswith("_") for w in words)


def _content_words(sentence: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence) if len(w) > 2 and w.lower() not in _stopwords()]


def _score(sentence: str, weights: Counter[str]) -> float:
    words = _content_words(sentence)
    total = sum(weights[w] for w in set(words))
    return total / float((1 + len(words)) ** 0.5)
