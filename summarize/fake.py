"""A summarizer for tests: replies are queued in advance and streamed in small pieces."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from summarize.protocol import CancelToken
from summarize.values import Chunk, ModelInfo, Request, Usage


class FakeSummarizer:
    """Streams queued replies (strings, or objects written as JSON) and records every request it got."""

    def __init__(self, *replies: str | dict[str, Any], context_size: int = 4096, piece: int = 7,
                 info: ModelInfo | None = None) -> None:
        self.replies: list[str] = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in replies]
        self.requests: list[Request] = []
        self.closed = False
        self._context_size = context_size
        self._piece = piece
        self._info = info or ModelInfo("fake.gguf", "Fake model", "0" * 64)

    @property
    def info(self) -> ModelInfo:
        return self._info

    @property
    def context_size(self) -> int:
        return self._context_size

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)

    def generate(self, request: Request, cancel: CancelToken | None = None) -> Iterator[Chunk]:
        self.requests.append(request)
        if not self.replies:
            raise AssertionError("FakeSummarizer: no reply queued for this request")
        reply = self.replies.pop(0)
        budget = request.max_tokens * 4
        sent = 0
        for start in range(0, min(len(reply), budget), self._piece):
            if cancel is not None and cancel.cancelled:
                yield Chunk("", self._usage(request, sent, "cancelled"))
                return
            piece = reply[start:start + self._piece][: budget - start]
            sent += len(piece)
            yield Chunk(piece)
        yield Chunk("", self._usage(request, sent, "length" if len(reply) > budget else "stop"))

    def _usage(self, request: Request, sent: int, stopped: str) -> Usage:
        prompt = self.count_tokens(request.system) + self.count_tokens(request.user)
        return Usage(prompt, max(1, sent // 4), stopped=stopped)

    def close(self) -> None:
        self.closed = True
