"""A paragraph's blank-separated words as a set, computed once and shared by the actor, quote and loaded analyses.

Each analysis first asks whether any of its cue words occurs in a paragraph at all (most paragraphs hold
no speech verb, no source phrase, no loaded word); one set intersection answers that in C, and the
paragraph is split once for all of them.
"""

from __future__ import annotations

from functools import lru_cache

#: Paragraphs whose word sets are kept: more than one article's worth, so the analyses of one article share them.
_CACHED_PARAGRAPHS = 512


@lru_cache(maxsize=_CACHED_PARAGRAPHS)
def words_of(text: str) -> frozenset[str]:
    """The words of ``text`` as ``str.split()`` cuts them (punctuation stays attached: ``sagte,``)."""
    return frozenset(text.split())
