"""Loads language data (patterns, word lists) shipped in the ``resources`` package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


#: Word lists both the quote and the actor analysis read (speech verbs, name particles).
SHARED_WORDS = "analysis/words.json"


def shared_words(*names: str) -> list[str]:
    """The words of the named lists in ``resources/analysis/words.json``, in order, each once."""
    data = load_resource_json(SHARED_WORDS)
    return list(dict.fromkeys(word for name in names for word in data[name]["words"]))


@lru_cache(maxsize=None)
def load_resource_json(name: str) -> Any:
    """Return the parsed JSON file ``resources/<name>``; cached, so treat it as read-only."""
    text = resources.files("resources").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)
