"""Checks each overview sentence and key point against the paragraphs it cites.

A point is verified only when all of these hold; otherwise it keeps the first reason it failed:

- it cites at least one paragraph, and only paragraphs of the article text;
- every name, number (in digits or words) and date (month, weekday) in it occurs in the cited paragraphs;
- it is negated exactly when the cited sentence it restates most closely is (nicht, kein, nie, …);
- none of its content words comes from a sentence addressed to a language model instead of the cited text;
- words it quotes („…“) occur there as written, and the speaker of a quote is named with it, also when it
  repeats four or more consecutive words of a quote without quotation marks;
- enough of its content words are supported there (a stem, or a part of a compound; ``min_support``);
- it repeats no loaded word of the lexicon outside quotation marks;
- it restates no judgement of the outlet (a cited sentence with a loaded mark) nor a quote with a speaker as
  plain fact: sharing four consecutive words or half its content stems with one needs an attribution cue
  (laut, sagte, wertet, …; ``attribution`` in checks.json) or, for a quote, the speaker's name.

Sentences of the article that address a language model are no evidence (see ``Source.evidence``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from articles.findings import QuoteKind
from articles.loaded import loaded_words_in
from summarize.source import Source
from summarize.values import FACT, SUPPORT, WORDING, Point
from summarize.words import (checks, content_words, dates, fold, name_in, names, number_values,
                             opening_unknowns, sentences, stem, stems, words)

_QUOTED = re.compile(r"[„“”\"»«]([^„“”\"»«]{3,})[“”\"«»]")
MIN_COMPOUND_PART = 4
#: A point sharing this many consecutive words with a quote repeats the quote.
QUOTE_SHINGLE = 4


def check_points(points: Sequence[Point], source: Source) -> tuple[Point, ...]:
    return tuple(check_point(point, source) for point in points)


def check_point(point: Point, source: Source) -> Point:
    failed, reason = _first_failure(point, source)
    return replace(point, verified=reason is None, reason=reason or "", failed=failed if reason else "")


def _first_failure(point: Point, source: Source) -> tuple[str, str | None]:
    cited = _cited(point, source)
    if isinstance(cited, str):
        return FACT, cited
    evidence = source.evidence(cited)
    for kind, test in ((FACT, _injected), (FACT, _injected_words), (FACT, _names), (FACT, _numbers), (FACT, _dates),
                       (FACT, _quotes), (FACT, _unquoted_speech), (FACT, _negation), (WORDING, _loaded),
                       (WORDING, _judgement)):
        failure = test(point.text, evidence, source, cited)
        if failure:
            return kind, failure
    return SUPPORT, _support(point.text, evidence, source, cited)


def _cited(point: Point, source: Source) -> list[int] | str:
    if not point.paragraphs:
        return "cites no paragraph"
    foreign = [i for i in point.paragraphs if i not in source.indices]
    if foreign:
        return f"cites paragraph {foreign[0]}, which is not part of the article text"
    return list(point.paragraphs)


def _where(cited: Sequence[int]) -> str:
    return ("paragraph " if len(cited) == 1 else "paragraphs ") + ", ".join(map(str, cited))


def _injected(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    own = _shingles(text)
    if any(own & _shingles(sentence.text) for sentence in source.injections):
        return "repeats a sentence of the article that addresses a language model"
    return None


def _injected_words(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    """Content the cited paragraphs lack but a sentence addressed to the model has ("… abgelehnt")."""
    language = source.text_language
    injected = set().union(*(stems(s.text, language) for s in source.injections))
    if not injected:
        return None
    known_stems = stems(evidence, language)
    folded = [fold(w) for w in words(evidence)]
    for word in content_words(_unquoted(text), language):
        if stem(word, language) in injected and not _supported(word, known_stems, folded, language):
            return f"takes “{word}” from a sentence of the article that addresses a language model"
    return None


def _negation(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    """A point must not turn the sentence it restates around: both negated, or neither."""
    language = source.text_language
    sentence = _closest_sentence(text, evidence, language)
    if sentence is not None and _negated(text, language) != _negated(sentence, language):
        says = "negates" if _negated(text, language) else "drops the negation of"
        return f"{says} what {_where(cited)} states: “{sentence}”"
    return None


def _closest_sentence(text: str, evidence: str, language: str) -> str | None:
    own = stems(_unquoted(text), language)
    best, best_shared = None, 0
    for line in evidence.split("\n"):
        for sentence in sentences(0, line):
            shared = len(own & stems(sentence.text, language))
            if shared > best_shared:
                best, best_shared = sentence.text, shared
    return best


def _negated(text: str, language: str) -> bool:
    lists = checks()["negations"]
    negations = frozenset(lists.get(language, lists["de"]))
    return sum(1 for w in words(text) if w.lower() in negations) % 2 == 1


def _names(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    folded = {fold(w) for w in words(evidence)}
    for name in names(_unquoted(text)):
        if not name_in(name, folded):
            return f"the name “{name}” does not occur in {_where(cited)}"
    known_stems = stems(evidence, source.text_language)
    for word in opening_unknowns(_unquoted(text)):
        if not name_in(word, folded) and stem(word, source.text_language) not in known_stems:
            return f"the name “{word}” does not occur in {_where(cited)}"
    return None


def _numbers(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    stated = number_values(evidence)
    for number in sorted(number_values(text)):
        if number not in stated:
            return f"the number {number} does not occur in {_where(cited)}"
    return None


def _dates(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    stated = {fold(w) for w in words(evidence)}
    for word in dates(text):
        if fold(word) not in stated:
            return f"the date “{word}” does not occur in {_where(cited)}"
    return None


def _quotes(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    flat = " ".join(evidence.split())
    for match in _QUOTED.finditer(text):
        quoted = " ".join(match.group(1).split()).strip(" ,.")
        # A shortened quote („… die Abstände zu den …“) is fine when each of its pieces is in the text.
        pieces = [piece.strip(" ,.") for piece in re.split(r"…|\.\.\.", quoted)]
        if any(piece and piece not in flat for piece in pieces):
            return f"the quoted words “{quoted}” are not in {_where(cited)}"
        speaker = _speaker_of(max(pieces, key=len), source, cited)
        if speaker and not any(part in text for part in speaker.split() if len(part) > 2):
            return f"quotes “{quoted}” without its speaker, {speaker}"
    return None


def _speaker_of(quoted: str, source: Source, cited: Sequence[int]) -> str | None:
    for quote in source.quotes:
        if quote.kind is QuoteKind.DIRECT and quote.speaker_name and quote.span.paragraph in cited:
            if quoted and quoted in " ".join(quote.text.split()):
                return quote.speaker_name
    return None


def _unquoted_speech(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    """Words of someone's quote passed off as plain statement: the speaker must be named."""
    own = _shingles(_unquoted(text))
    for quote in source.quotes:
        if quote.kind is not QuoteKind.DIRECT or not quote.speaker_name or quote.span.paragraph not in cited:
            continue
        if own & _shingles(quote.text) and not any(part in text for part in quote.speaker_name.split() if len(part) > 2):
            return f"repeats words of {quote.speaker_name}'s quote without naming the speaker"
    return None


def _judgement(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    """The outlet's judgement, or someone's words, restated as plain fact: it must be attributed."""
    language = source.text_language
    if _attributed(text, language):
        return None
    own_shingles, own_stems = _shingles(_unquoted(text)), stems(_unquoted(text), language)
    for claim, whose, speaker in _claims(source, cited):
        if speaker and any(part in text for part in speaker.split() if len(part) > 2):
            continue
        claim_stems = stems(claim, language)
        if own_shingles & _shingles(claim) or (own_stems and 2 * len(own_stems & claim_stems) >= len(own_stems)):
            return f"states {whose} as fact without attributing it (laut …, … sagte, das Medium wertet …)"
    return None


def _claims(source: Source, cited: Sequence[int]) -> list[tuple[str, str, str]]:
    """(text, whose it is, speaker) of the judgements and quotes in the cited paragraphs."""
    found = []
    for index in cited:
        paragraph = source.paragraph(index)
        marks = [m for m in source.loaded if m.span.paragraph == index]
        for sentence in sentences(index, paragraph.text if paragraph else ""):
            inside = [m.text for m in marks if sentence.start <= m.span.start < sentence.end]
            inside += [m.text for m in loaded_words_in(sentence.text, source.lexicon)]
            if inside:
                found.append((sentence.text, f"the outlet's judgement (“{inside[0]}”)", ""))
    # A reported claim without a known speaker spans a whole sentence ("…, an der nach Angaben der Veranstalter …"),
    # so only quotes with a speaker or quotation marks count.
    for quote in source.quotes:
        if quote.span.paragraph in cited and (quote.speaker_name or quote.kind is QuoteKind.DIRECT):
            speaker = quote.speaker_name or ""
            found.append((quote.text, f"words of {speaker}" if speaker else "words of a quote", speaker))
    return found


def _attributed(text: str, language: str) -> bool:
    cues = checks()["attribution"]
    return any(re.search(cue, text, re.IGNORECASE) for cue in cues.get(language, cues["de"]))


def _shingles(text: str) -> set[tuple[str, ...]]:
    found = [fold(w) for w in words(text)]
    return {tuple(found[i:i + QUOTE_SHINGLE]) for i in range(len(found) - QUOTE_SHINGLE + 1)}


def _loaded(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    for mark in loaded_words_in(text, source.lexicon):
        return f"repeats the loaded word “{mark.text}” unquoted ({mark.why})"
    return None


def _support(text: str, evidence: str, source: Source, cited: Sequence[int]) -> str | None:
    language = source.text_language
    own = [w for w in content_words(_unquoted(text), language) if not w[0].isdigit()]
    if not own:
        return None if _QUOTED.search(text) else "has no content words to check"
    known_stems = {stem(w, language) for w in content_words(evidence, language)}
    folded = [fold(w) for w in words(evidence)]
    missing = [w for w in own if not _supported(w, known_stems, folded, language)]
    share = 1 - len(missing) / len(own)
    if share < float(checks()["min_support"]):
        shown = ", ".join(missing[:4])
        return f"only {share:.0%} of its words are supported by {_where(cited)} (not there: {shown})"
    return None


def _supported(word: str, known_stems: set[str], folded: Sequence[str], language: str) -> bool:
    own = stem(word, language)
    if own in known_stems:
        return True
    if len(own) < MIN_COMPOUND_PART:
        return False
    # A part of a compound in the text (Truppen in Truppenstärken), or a compound whose part the text has.
    return any(own in w for w in folded) or any(len(s) >= MIN_COMPOUND_PART + 1 and s in fold(word)
                                                for s in known_stems)


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)
