"""Extractive summaries without a model: the article's most central, non-evaluative sentences.

Sentences of the lead and body are ranked by centrality in a similarity graph (TextRank: shared word stems,
normalised by sentence length; power iteration with damping). Sentences holding the outlet's loaded wording,
sentences that address a language model, fragments, and sentences that lean on the one before (Sie forderte …)
are skipped. A direct quote whose speaker the
sentence does not name gets the speaker in front ("Macron: „…“"), citing the paragraph that names them when
it is another. The top sentences form the overview, the next ones the key points, each in text order.
Deterministic: ties go to the earlier sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from articles.findings import QuoteKind
from articles.loaded import loaded_words_in
from articles.model import Role
from summarize.source import Source
from summarize.values import Point
from summarize.words import Sentence, checks, content_words, sentences, stem, words

OVERVIEW_SENTENCES = 2
MAX_KEY_POINTS = 5
MIN_WORDS = 6
MAX_CHARS = 400
DAMPING = 0.85
ITERATIONS = 30


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    stems: frozenset[str]
    position: int


def extract(source: Source, overview: int = OVERVIEW_SENTENCES, key_points: int = MAX_KEY_POINTS
            ) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """(overview, key points) as unchecked points: sentences of the article with their paragraph."""
    candidates = _candidates(source)
    if not candidates:
        return (), ()
    scores = _centrality([c.stems for c in candidates])
    ranked = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    chosen = ranked[:overview + key_points]
    top = sorted(chosen[:overview])
    rest = sorted(chosen[overview:])
    return (tuple(_point(candidates[i].sentence, source) for i in top),
            tuple(_point(candidates[i].sentence, source) for i in rest))


def _candidates(source: Source) -> list[_Candidate]:
    language = source.text_language
    skipped = {(m.span.paragraph, m.span.start) for m in source.loaded}
    injected = {(s.paragraph, s.start) for s in source.injections}
    leaning = frozenset(checks()["anaphoric_openers"])
    found: list[_Candidate] = []
    for paragraph in source.paragraphs:
        if paragraph.role not in (Role.LEAD, Role.BODY):
            continue
        for sentence in sentences(paragraph.index, paragraph.text):
            if (sentence.paragraph, sentence.start) in injected or len(sentence.text) > MAX_CHARS:
                continue
            if any(p == sentence.paragraph and sentence.start <= s < sentence.end for p, s in skipped):
                continue
            if loaded_words_in(sentence.text, source.lexicon):  # also beside a speech cue: …, bezeichnete der Machthaber
                continue
            own = content_words(sentence.text, language)
            opener = (words(sentence.text)[:1] or [""])[0].lower()
            if (len(sentence.text.split()) >= MIN_WORDS and sentence.text[-1:] in ".!?“”\"«»"
                    and opener not in leaning):
                found.append(_Candidate(sentence, frozenset(stem(w, language) for w in own), len(found)))
    return found


def _centrality(stem_sets: Sequence[frozenset[str]]) -> list[float]:
    count = len(stem_sets)
    weights = [[0.0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            shared = len(stem_sets[i] & stem_sets[j])
            if shared:
                norm = math.log(len(stem_sets[i]) + 1) + math.log(len(stem_sets[j]) + 1)
                weights[i][j] = weights[j][i] = shared / norm
    totals = [sum(row) or 1.0 for row in weights]
    # A slight preference for early sentences: news puts the essentials first.
    prior = [1.0 / (1 + 0.1 * i) for i in range(count)]
    norm_prior = sum(prior)
    scores = [1.0 / count] * count
    for _ in range(ITERATIONS):
        scores = [(1 - DAMPING) * prior[i] / norm_prior
                  + DAMPING * sum(weights[j][i] / totals[j] * scores[j] for j in range(count) if weights[j][i])
                  for i in range(count)]
    return scores


def _point(sentence: Sentence, source: Source) -> Point:
    text, cited = sentence.text, [sentence.paragraph]
    for quote in source.quotes:
        if (quote.kind is QuoteKind.DIRECT and quote.span.paragraph == sentence.paragraph
                and sentence.start <= quote.span.start < sentence.end and quote.speaker_name and quote.speaker):
            surname = quote.speaker_name.split()[-1]
            if surname not in text:
                text = f"{quote.speaker_name}: {text}"
                if quote.speaker.paragraph not in cited:
                    cited.insert(0, quote.speaker.paragraph)
            break
    return Point(text, tuple(sorted(cited)))
