"""What a summary is made from: the article's own text with paragraph numbers and what the analysis found.

Only ``title``, ``lead``, ``heading`` and ``body`` paragraphs are used (no credits, disclaimers, promos or
comments). Paragraph numbers are the library's (``lesesaal show``), so citations point into the article as
stored. The findings (quotes with speakers, actors, loaded wording) are those the reading pane shows: the
library's stored analysis when given (``summarize.library_source``), kept to the article text; otherwise
``articles.analysis.analyse`` runs here on the article text alone. The lexicon the loaded wording was found
with also checks the summary's own words. Sentences that address a language model ("ignore your
instructions …") are found too, so that no summary rests on them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from articles.analysis import analyse
from articles.findings import Actor, Findings, Loaded, Quote, QuoteKind
from articles.language import detect_language
from articles.loaded import LoadedLexicon
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
    #: The loaded-wording lexicon of the findings (the library's, with the user's additions); None: the shipped one.
    lexicon: LoadedLexicon | None = field(default=None, compare=False, repr=False)
    #: The analysis version the findings were made with (it names the user's lexicon): part of the cache key.
    analysis: str = ""

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


def source_of(article_id: int, paragraphs: Sequence[Paragraph], language: str | None = None, *,
              findings: Findings | None = None, lexicon: LoadedLexicon | None = None, analysis: str = "") -> Source:
    """The article text of ``paragraphs`` with its findings; the language is detected when not given.
    ``findings`` (of the whole article, as stored) are kept to the article text; without them the article text
    is analysed here, with ``lexicon``."""
    own = tuple(p for p in paragraphs if p.is_article_text and p.text.strip())
    found = _within(findings, own) if findings is not None else analyse(own, lexicon)
    title = next((p.text for p in own if p.role is Role.TITLE), "")
    found_language = language or detect_language("\n".join(p.text for p in own))
    return Source(article_id, title, found_language, own, found.quotes, found.actors, found.loaded,
                  tuple(_injections(own)), lexicon, analysis)


def _within(findings: Findings, paragraphs: Sequence[Paragraph]) -> Findings:
    """The findings in ``paragraphs`` only: no quote, mention or loaded mark of a caption, credit or promo."""
    kept = {p.index for p in paragraphs}
    actors = []
    for actor in findings.actors:
        mentions = tuple(span for span in actor.mentions if span.paragraph in kept)
        if mentions or not actor.mentions:
            actors.append(replace(actor, mentions=mentions))
    return Findings(tuple(q for q in findings.quotes if q.span.paragraph in kept), tuple(actors),
                    tuple(m for m in findings.loaded if m.span.paragraph in kept))


def _injections(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    pattern = _injection_pattern()
    return [s for p in paragraphs for s in sentences(p.index, p.text) if pattern.search(s.text)]


@lru_cache(maxsize=1)
def _injection_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in checks()["injection"]), re.IGNORECASE)
