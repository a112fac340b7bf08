"""The summary panel's seam to the summariser: what it streams and how one is chosen.

Mirrors the ``summarize`` package's protocol (a summariser yields chunks; it is closed when done),
so connecting the real package means replacing ``make_summarizer`` and the stand-in extractive
summariser below. Chunks are text as it streams, or a finished key point with the paragraphs it
cites and whether those paragraphs were found to support it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from articles.language_data import load_resource_json
from articles.model import Paragraph, Role
from desktop.gguf import ModelUnavailable, read_model_info
from library.importer import CancelToken

EXTRACTIVE = "extractive"
MODEL = "model"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"0-9])")
_WORD = re.compile(r"\w+")
_SUMMARY_ROLES = (Role.LEAD, Role.HEADING, Role.BODY)


@dataclass(frozen=True)
class KeyPoint:
    text: str
    paragraphs: tuple[int, ...]  # Paragraph.index of the cited paragraphs
    verified: bool = True
    reason: str = ""  # why a point is unverified


@dataclass(frozen=True)
class SummaryChunk:
    text: str = ""  # streamed text
    point: KeyPoint | None = None  # a finished key point


class Summarizer(Protocol):
    method: str  # EXTRACTIVE or MODEL
    model_name: str  # "" for extractive

    def summarize(self, title: str, paragraphs: Sequence[Paragraph], cancel: CancelToken) -> Iterator[SummaryChunk]:
        ...

    def close(self) -> None:
        ...


@dataclass(frozen=True)
class SummaryChoice:
    method: str = EXTRACTIVE
    model_path: str = ""
    threads: int = 2
    context_size: int = 4096


def model_backend_available() -> bool:
    """Whether summaries by a language model can run (the summarize package's backend is connected)."""
    return False


def make_summarizer(choice: SummaryChoice) -> Summarizer:
    """A summariser for the chosen method; a model is checked before anything loads it."""
    if choice.method == EXTRACTIVE:
        return ExtractiveSummarizer()
    if not choice.model_path:
        raise ModelUnavailable("no model file is set; choose one in Settings, or summarise extractively")
    info = read_model_info(Path(choice.model_path))
    raise ModelUnavailable(f"{info.name} is a valid model, but this build of Lesesaal has no model backend yet; "
                           "summarise extractively for now")


class ExtractiveSummarizer:
    """The article's most representative sentences, in article order, each citing its paragraph."""

    method = EXTRACTIVE
    model_name = ""

    def __init__(self, points: int = 3) -> None:
        self._points = points

    def summarize(self, title: str, paragraphs: Sequence[Paragraph], cancel: CancelToken) -> Iterator[SummaryChunk]:
        sentences = [(p.index, s) for p in paragraphs if p.role in _SUMMARY_ROLES
                     for s in _SENTENCE.split(p.text) if len(_WORD.findall(s)) >= 4]
        weights = Counter(w for _, s in sentences for w in _content_words(s))
        ranked = sorted(range(len(sentences)), key=lambda i: -_score(sentences[i][1], weights))
        for number in sorted(ranked[: self._points]):
            if cancel.cancelled:
                return
            index, sentence = sentences[number]
            yield SummaryChunk(text=sentence + "\n")
            yield SummaryChunk(point=KeyPoint(sentence, (index,)))

    def close(self) -> None:
        pass


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
