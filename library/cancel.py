"""A cancel token for long jobs (import, re-analysis, indexing, summaries), set from any thread."""

from __future__ import annotations

import threading


class CancelToken:
    """Set from any thread; a job checks it between its steps (files, articles, tokens) and stops there."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
