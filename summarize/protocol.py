"""The seam between summaries and the model that writes them.

A ``Summarizer`` turns one ``Request`` (system and user message, a JSON schema for the reply) into streamed
``Chunk`` s; the last chunk carries the ``Usage``. Callers pick the thread; the generator checks the
``CancelToken`` between tokens and stops with ``Usage.stopped == "cancelled"``; closing the generator early
stops generation too. ``close()`` frees the model. Implementations: ``LlamaSummarizer`` (a local GGUF file)
and ``FakeSummarizer`` (queued replies, for tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from summarize.values import Chunk, ModelInfo, Request
from library.cancel import CancelToken as CancelToken  # re-exported: callers import it from here


class Summarizer(Protocol):
    @property
    def info(self) -> ModelInfo:
        """The model file, its name and sha256 (the cache key of its summaries)."""
        ...

    @property
    def context_size(self) -> int:
        """Tokens the prompt and the reply share."""
        ...

    def count_tokens(self, text: str) -> int:
        ...

    def generate(self, request: Request, cancel: CancelToken | None = None) -> Iterator[Chunk]:
        """Stream the reply; the last chunk has ``usage``. Raises ``ModelUnavailable`` if the model cannot load."""
        ...

    def close(self) -> None:
        ...
