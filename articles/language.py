"""Tells the language of a text from its most frequent function words."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.language_data import load_resource_json

_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 5
_SAMPLE_CHARS = 6000


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = load_resource_json("languages/stopwords.json")
    return {code: frozenset(words) for code, words in data.items() if not code.startswith("_")}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    counts = dict.fromkeys(_stopwords(), 0)
    for word in _WORD.findall(text[:_SAMPLE_CHARS].lower()):
        for code, words in _stopwords().items():
            if word in words:
                counts[code] += 1
    best = max(counts, key=counts.__getitem__)
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] < _MIN_HITS or ranked[0] < 1.5 * ranked[1]:
        return None
    return best
