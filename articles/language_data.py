"""Loads language data (patterns, word lists) shipped in the ``resources`` package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_resource_json(name: str) -> Any:
    """Return the parsed JSON file ``resources/<name>``; cached, so treat it as read-only."""
    text = resources.files("resources").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)
