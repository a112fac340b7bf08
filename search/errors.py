"""Search errors in the user-facing tree."""

from __future__ import annotations

from articles.errors import LesesaalError


class SearchUnavailable(LesesaalError):
    """The index cannot be used right now (another program is writing it, the disk is full, …)."""
