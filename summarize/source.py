"""What a summary is made from: the article's own text with paragraph numbers and what the analysis found.

Only ``title``, ``lead``, ``heading`` and ``body`` paragraphs are used (no credits, disclaimers, promos or
comments). Paragraph numbers are the library's (``lesesaal show``), so citations point into the article as
stored. The library's analysis (``articles.analysis.analyse``: quotes with speakers, actors, loaded wording)
runs here on the article text alone; sentences that address a language model ("ignore your instructions …")
are found too, so that no summary rests on them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from articles.analysis import analyse
from articles.findings import Actor, Loaded, Quote, QuoteKind
from articles.language import detect_language
from articles.model import Paragraph, Role
from summarize.words import Sentence, checks, sentences


@dataclass(frozen=True)
class Source:
    article_id: int
    title: str
    language: str | None
    paragraphs: tuple[Paragraph, ...]  # article text only, with the library's indices
    quotes: tuple[Quote, ...]
    actors: tuple[Actor, ...]
    loaded: tuple[Loaded, ...]
    #: Sentences that speak to a language model rather than the reader: never evidence, never extracted.
    injections: tuple[Sentence, ...]

    @property
    def text_hash(self) -> str:
        digest = hashlib.sha256()
        for p in self.paragraphs:
            digest.update(f"{p.index}\x1f{p.role.value}\x1f{p.text}\x1e".encode())
        return digest.hexdigest()

    @property
    def indices(self) -> tuple[int, ...]:
        return tuple(p.index for p in self.paragraphs)

    @property
    def text_language(self) -> str:
        """The language the summary is written in: the article's, German when unknown."""
        return self.language if self.language in ("de", "en") else "de"

    def paragraph(self, index: int) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.index == index), None)

    def evidence(self, indices: Sequence[int]) -> str:
        """The text of the cited paragraphs without the sentences that address a language model."""
        parts = []
        for index in indices:
            paragraph = self.paragraph(index)
            if paragraph is not None:
                text = paragraph.text
                for s in sorted((s for s in self.injections if s.paragraph == index), key=lambda s: -s.start):
                    text = text[:s.start] + " " + text[s.end:]
                parts.append(text)
        return "\n".join(parts)

    def speakers_in(self, index: int) -> list[tuple[str, str]]:
        """(quoted words, speaker) of the direct quotes with a known speaker in one paragraph."""
        return [(q.text, q.speaker_name) for q in self.quotes
                if q.span.paragraph == index and q.kind is QuoteKind.DIRECT and q.speaker_name]


def source_of(article_id: int, paragraphs: Sequence[Paragraph], language: str | None = None) -> Source:
    """The article text of ``paragraphs`` with its analysis; the language is detected when not given."""
    own = tuple(p for p in paragraphs if p.is_article_text and p.text.strip())
    found = analyse(own)  # the library's analysis, run on the article text alone
    title = next((p.text for p in own if p.role is Role.TITLE), "")
    found_language = language or detect_language("\n".join(p.text for p in own))
    return Source(article_id, title, found_language, own, found.quotes, found.actors, found.loaded,
                  tuple(_injections(own)))


def _injections(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    pattern = _injection_pattern()
    return [s for p in paragraphs for s in sentences(p.index, p.text) if pattern.search(s.text)]


@lru_cache(maxsize=1)
def _injection_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in checks()["injection"]), re.IGNORECASE)
