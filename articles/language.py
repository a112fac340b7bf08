"""Tells the language of a text from its most frequent function words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from articles.language_data import load_resource_json

_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 5
_SAMPLE_CHARS = 6000


@lru_cache(maxsize=1)
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Function word → the languages it is frequent in."""
    data = load_resource_json("languages/stopwords.json")
    languages: dict[str, list[str]] = {}
    for code, words in data.items():
        if not code.startswith("_"):
            for word in words:
                languages.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    lookup = _languages_of_words()
    counts: Counter[str] = Counter()
    # Each distinct word once, in order of first use (so ties between languages fall as before).
    for word, uses in Counter(_WORD.findall(text[:_SAMPLE_CHARS].lower())).items():
        for code in lookup.get(word, ()):
            counts[code] += uses
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    ranked = sorted(counts.values(), reverse=True) + [0]
    if ranked[0] < _MIN_HITS or ranked[0] < 1.5 * ranked[1]:
        return None
    return best
