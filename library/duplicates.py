"""Near-duplicate detection: the same story saved twice is one story with two copies.

Each article's own text (title, lead, headings, body: no credits, disclaimers or comments) is
cut into overlapping five-word shingles. A bottom-k sketch (the 16 smallest shingle hashes)
is stored per article; articles sharing at least two sketch hashes are candidates, and a
candidate is a copy when the exact shingle sets overlap enough. Sixteen hashes keep the index
small enough that storing an article stays cheap (each hash is one random index write) while
copies with a Jaccard similarity of 0.5 share two of them with near certainty. Different articles about the same
event share names and phrases but few five-word sequences, so they stay apart.
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections.abc import Collection, Iterable
from dataclasses import dataclass

SHINGLE_WORDS = 5
SKETCH_SIZE = 16
#: Sketch hashes two articles must share before their full shingle sets are compared.
MIN_SHARED_SKETCH = 2
#: A sketch hash found in more articles than this is a stock phrase and finds no candidates.
COMMON_HASH_ARTICLES = 100
#: Candidates compared in full per imported article, those sharing most sketch hashes first.
MAX_CANDIDATES = 8
#: Jaccard similarity of shingle sets at or above which two texts are copies of one story.
MIN_JACCARD = 0.5
#: Share of the shorter text found in the longer one at or above which it is a (shortened) copy.
MIN_CONTAINMENT = 0.8
#: Containment only counts when the shorter text is at least this share of the longer one: a
#: paywalled capture keeps a good part of the story, while a short agency brief quoted inside
#: several longer articles must not make them all copies of each other.
MIN_CONTAINED_SHARE = 0.3
#: Texts with fewer shingles are too short to call copies on shingles alone.
MIN_SHINGLES = 8

_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's overlapping word five-grams (case-folded, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    grams = zip(*(words[start:] for start in range(SHINGLE_WORDS)))  # each run of five words
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, grams))))


@dataclass(frozen=True)
class TextPrint:
    """A text's shingles as the library stores them (``pack``'s bytes) with their sketch, made once per
    text in the reader process; cheap to send between processes (bytes, not a set of ints)."""

    packed: bytes
    sketch: tuple[int, ...]

    @classmethod
    def of(cls, hashes: frozenset[int]) -> TextPrint:
        ordered = sorted(hashes)
        return cls(array("I", ordered).tobytes(), tuple(ordered[:SKETCH_SIZE]))  # the smallest: the sketch

    def hashes(self) -> frozenset[int]:
        return frozenset(unpack(self.packed))


def text_print(text: str) -> TextPrint:
    return TextPrint.of(shingles(text))


def as_print(shingles: frozenset[int] | TextPrint) -> TextPrint:
    return shingles if isinstance(shingles, TextPrint) else TextPrint.of(shingles)


def pack(hashes: frozenset[int]) -> bytes:
    """Shingle hashes as bytes to store beside the article (4 bytes a shingle)."""
    return array("I", sorted(hashes)).tobytes()


def unpack(data: bytes) -> array[int]:
    """Stored shingle hashes, each once (as ``pack`` wrote them), without building a set."""
    hashes = array("I")
    hashes.frombytes(data)
    return hashes


def sketch(hashes: Iterable[int]) -> list[int]:
    """The bottom-k sketch: the smallest ``SKETCH_SIZE`` hashes."""
    return heapq.nsmallest(SKETCH_SIZE, hashes)


def copy_score(first: frozenset[int], second: Collection[int]) -> float:
    """0 when two shingle sets are different stories; else their Jaccard similarity (higher is closer).

    ``second`` holds each hash once (a set, or shingles as ``unpack`` reads them). A shorter text
    contained in a longer one (a capture cut off by a paywall) also counts as a copy.
    """
    if len(first) < MIN_SHINGLES or len(second) < MIN_SHINGLES:
        return 1.0 if first == frozenset(second) and first else 0.0
    shared = len(first.intersection(second))
    jaccard = shared / (len(first) + len(second) - shared)
    shorter, longer = sorted((len(first), len(second)))
    containment = shared / shorter if shorter >= MIN_CONTAINED_SHARE * longer else 0.0
    return jaccard if jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT else 0.0
