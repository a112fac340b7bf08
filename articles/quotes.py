"""Direct and indirect quotes, quoted terms, and who said them.

``find_quotes`` reads an article's paragraphs and returns every quote as a ``Quote``:

- ``direct``: words inside quotation marks that someone said, found by a speech tag beside them
  („…“, sagte X / X sagte: „…“ / „…“, so X), by looking like speech (a sentence, first person words),
  or by standing in reported speech (X sagte, der Plan sei „unausgegoren“).
- ``term``: a quoted word or phrase with no speech around it: a name, a title, a scare-quoted phrase
  (die sogenannte „Koalition der Willigen“).
- ``indirect``: reported speech where it is clear: X sagte, … seien …; laut X …; X zufolge …

A quote broken by its speech tag („Erster Teil“, sagte X, „zweiter Teil.“) is one ``Quote`` with
``continuations``, and so is a quote that runs over paragraphs (each opened again, closed at the end).
Speakers are the named mention the quote is attributed to; a pronoun (fragt er) points back to the
person named before; a quote standing alone after a sentence with a known speaker is that speaker's.
When unsure the speaker stays unknown: a wrong speaker is worse than none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from articles import text_case
from articles.findings import Quote, QuoteKind, Span
from articles.model import Paragraph
from articles.quote_kind import inner_kind, quote_kind
from articles.quote_marks import Marked, has_quote_mark, opens_with_quote, quoted_spans
from articles.reported_speech import Cue, any_verb_cue, cue_positions, reports_nothing, sentence_cue
from articles.speaker_names import Named, SpeakerNames
from articles.speakers import Tag, clause_subject, phrase_at, tag_after, tag_before
from articles.speech_data import SpeechData, speech_data
from articles.speech_tokens import tokens, word_before

#: (``[.!?…]`` once before the repeat: a pattern that starts with a character set lets re skip to it in C.)
_SENTENCE_GAP = re.compile(r"[.!?…][.!?…]*[“”\"»«‘’)]*\s+(?=[A-ZÄÖÜ„“\"»«0-9])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Longer stretches without a sentence end are read in pieces of about this many characters.
_MAX_SENTENCE = 600
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:!?…)*_]*")


class _Piece:
    """A quoted span of one paragraph with what was learned about it."""

    def __init__(self, paragraph: int, mark: Marked, kind: QuoteKind, speaker: Named | None,
                 joins_next: bool = False) -> None:
        self.paragraph: Final = paragraph
        self.mark: Final = mark
        self.kind: Final = kind
        self.speaker: Final = speaker
        self.joins_next: Final = joins_next  # „Erster Teil“, sagte X, „zweiter Teil“: the next piece continues it


class _Sentence:
    def __init__(self, paragraph: Paragraph, start: int, end: int, cue: Cue | None, cue_speaker: Named | None,
                 quoted: Sequence[tuple[int, int]] = (), carried: Named | None = None,
                 prior: tuple[Paragraph, int] | None = None) -> None:
        self.paragraph: Final = paragraph
        self.start: Final = start
        self.end: Final = end
        self.cue: Final = cue
        self.cue_speaker: Final = cue_speaker
        self.quoted: Final = quoted
        self.carried: Final = carried  # a Konjunktiv sentence without a cue goes on reporting the speaker before
        self.prior: Final = prior  # the sentence before: its paragraph and start (-1: the last)


def find_quotes(paragraphs: Sequence[Paragraph], people: Sequence[tuple[Span, str]] = ()) -> list[Quote]:
    """Every quote in the paragraphs, in text order. ``people`` are person mentions with their names."""
    data = speech_data()
    names = SpeakerNames(paragraphs, people, data)
    pieces: list[_Piece] = []
    indirect: list[Quote] = []
    previous: Named | None = None  # the speaker of the sentence before, if it reported speech
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        marked = has_quote_mark(text)
        cues = cue_positions(text, data)
        if not marked and not cues:
            previous = None  # most paragraphs: no quotation mark and no cue word, so nothing to read
            continue
        continued = position + 1 < len(paragraphs) and opens_with_quote(paragraphs[position + 1].text)
        prior = (paragraphs[position - 1], -1) if position else None
        previous = _read_paragraph(paragraph, (continued, marked, cues), names, data, (previous, prior), pieces,
                                   indirect)
    quotes = _assemble(paragraphs, pieces) + indirect
    quotes.sort(key=lambda quote: quote.span)
    return quotes


def _read_paragraph(paragraph: Paragraph, found: tuple[bool, bool, list[tuple[int, str]]], names: SpeakerNames,
                    data: SpeechData, before: tuple[Named | None, tuple[Paragraph, int] | None], pieces: list[_Piece],
                    indirect: list[Quote]) -> Named | None:
    """Adds the paragraph's quoted pieces and indirect quotes; returns the speaker of its last sentence.

    ``found``: whether the next paragraph opens with a quote, whether this one has a quotation mark, and its
    cue words. ``before``: the speaker of the sentence before this paragraph and where that sentence is.
    """
    continued, marked, cues = found
    previous, prior = before
    text = paragraph.text
    marks = quoted_spans(text, continued) if marked else []
    if not marks:
        return _read_unquoted(paragraph, continued, cues, data, (names, previous), indirect) if cues else None
    names.enter(paragraph.index, marks)
    pieces.extend(_Piece(paragraph.index, mark, inner_kind(text, mark, data), None) for mark in marks
                  if mark.depth > 0)
    layout = _layout(text, marks, cues, data)
    for number, (start, end) in enumerate(layout.bounds):
        here = layout.marks[number]
        quoted = [(mark.start, mark.end) for _, mark in here]
        need_speaker = bool(here) or (bool(layout.marks[number + 1]) if number + 1 < len(layout.bounds)
                                      else continued)  # this sentence or the next holds a quote
        cue = sentence_cue(text, start, end, layout.cues[number], quoted, data, need_speaker) \
            if layout.cues[number] else None
        speaker = names.named(paragraph.index, cue.mention, cue.word) if cue and cue.mention else None
        carried = previous if cue is None and previous is not None and need_speaker and _konjunktiv(
            text, start, end, quoted, data) else None
        sentence = _Sentence(paragraph, start, end, cue, speaker, quoted, carried, prior)
        for index, mark in here:
            later = layout.outer[index + 1] if index + 1 < len(layout.outer) else None
            piece = _outer_piece(sentence, mark, later, previous, names, data)
            pieces.append(piece)
            speaker = speaker or piece.speaker
        if cue is not None and cue.clause is not None:
            indirect.append(_indirect(paragraph, cue.clause, sentence.cue_speaker))
        previous = speaker or carried
        prior = (paragraph, start)
    return previous


def _read_unquoted(paragraph: Paragraph, continued: bool, cues: list[tuple[int, str]], data: SpeechData,
                   state: tuple[SpeakerNames, Named | None], indirect: list[Quote]) -> Named | None:
    """:func:`_read_paragraph` for a paragraph without quotation marks, which only reports speech: only its
    sentences with cues are read (and its last one, when the next paragraph opens a quote)."""
    names, previous = state
    text = paragraph.text
    if not continued and reports_nothing(text, cues, data):
        return None  # no sentence gets a cue, and without a quote next nothing is carried on
    starts = _sentence_starts(text, (), data)
    groups = _grouped(starts, cues)
    last = len(starts) - 1
    number = -1
    for number, group in groups.items():
        if number and not groups.get(number - 1):
            previous = None  # the sentence before reported nothing
        need_speaker = continued and number == last
        end = starts[number + 1] if number < last else len(text)
        cue = sentence_cue(text, starts[number], end, group, (), data, need_speaker)
        speaker = names.named(paragraph.index, cue.mention, cue.word) if cue and cue.mention else None
        carried = previous if cue is None and need_speaker and previous is not None and _konjunktiv(
            text, starts[number], end, (), data) else None
        if cue is not None and cue.clause is not None:
            indirect.append(_indirect(paragraph, cue.clause, speaker))
        previous = speaker or carried
    if number == last:
        return previous
    if continued and previous is not None and number == last - 1 and _konjunktiv(text, starts[last], len(text), (), data):
        return previous  # the last sentence, without a cue, goes on reporting in the Konjunktiv
    return None


def _grouped(starts: list[int], cues: Sequence[tuple[int, str]]) -> dict[int, list[tuple[int, str]]]:
    """The cues by the number of the sentence they stand in, in sentence order."""
    groups: dict[int, list[tuple[int, str]]] = {}
    for cue in cues:
        groups.setdefault(bisect.bisect_right(starts, cue[0]) - 1, []).append(cue)
    return groups


class _Layout:
    """A paragraph cut into sentences, with the cues and outermost quotes of each sentence."""

    def __init__(self, bounds: list[tuple[int, int]], cues: list[list[tuple[int, str]]],
                 marks: list[list[tuple[int, Marked]]], outer: list[Marked]) -> None:
        self.bounds: Final = bounds
        self.cues: Final = cues
        self.marks: Final = marks  # (index in ``outer``, quote)
        self.outer: Final = outer


def _layout(text: str, marks: Sequence[Marked], cues: Sequence[tuple[int, str]], data: SpeechData) -> _Layout:
    outer = [mark for mark in marks if mark.depth == 0]
    starts = _sentence_starts(text, outer, data)
    cue_groups: list[list[tuple[int, str]]] = [[] for _ in starts]
    for cue in cues:
        cue_groups[bisect.bisect_right(starts, cue[0]) - 1].append(cue)
    mark_groups: list[list[tuple[int, Marked]]] = [[] for _ in starts]
    for index, mark in enumerate(outer):
        mark_groups[bisect.bisect_right(starts, mark.start) - 1].append((index, mark))
    return _Layout(list(zip(starts, starts[1:] + [len(text)])), cue_groups, mark_groups, outer)


def _indirect(paragraph: Paragraph, clause: tuple[int, int], speaker: Named | None) -> Quote:
    start, end = clause
    return Quote(span=Span(paragraph.index, start, end), text=paragraph.text[start:end], kind=QuoteKind.INDIRECT,
                 speaker=speaker[0] if speaker else None, speaker_name=speaker[1] if speaker else None)


def _sentence_starts(text: str, outer: Sequence[Marked], data: SpeechData) -> list[int]:
    """Offsets where sentences start, ignoring full stops inside quotes and after abbreviations.

    A "sentence" longer than ``_MAX_SENTENCE`` characters (a list, or text without full stops) is cut at
    blanks outside quotes, so that no step reads more than a bounded stretch per quote or cue.
    """
    starts = [0]
    inside = 0  # the first quote that does not end before the gap
    count = len(outer)
    abbreviations = data.abbreviations
    free = data.abbreviation_free if data.abbreviation_free < 8 else len(text) + 1  # within word_before's reach
    for gap in _SENTENCE_GAP.finditer(text):
        start, end = gap.span()
        if count:
            while inside < count and outer[inside].end <= end:
                inside += 1
            if inside < count and outer[inside].start < end:
                continue
        if start >= free and text[start - free:start].isalnum():
            starts.append(end)  # a long word ends the sentence: no need to read it
            continue
        word = word_before(text, start + 1, 8)
        if len(word) == 1 or text_case.lower(word) in abbreviations or (len(word) == 2 and word.isdigit()):
            continue  # Dr. Muster; am 5. August
        starts.append(end)
    return _cut_long(text, starts, outer) if len(text) > _MAX_SENTENCE else starts


def _cut_long(text: str, starts: list[int], outer: Sequence[Marked]) -> list[int]:
    quote_starts = [mark.start for mark in outer]
    cut: list[int] = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        cut.append(start)
        position = start + _MAX_SENTENCE
        while position < end - _MAX_SENTENCE // 2:
            quote = bisect.bisect_right(quote_starts, position) - 1
            if quote >= 0 and outer[quote].end > position:
                position = outer[quote].end  # never inside a quote
            blank = text.find(" ", position, end)
            if blank < 0:
                break
            cut.append(blank + 1)
            position = blank + 1 + _MAX_SENTENCE
    return cut


def _outer_piece(sentence: _Sentence, mark: Marked, later: Marked | None, previous: Named | None,
                 names: SpeakerNames, data: SpeechData) -> _Piece:
    text = sentence.paragraph.text
    tag_end = min(sentence.end, later.start if later is not None else len(text))
    tag = None if mark.open_at_end else tag_after(text, mark.end, tag_end, data)
    tag = tag or tag_before(text, sentence.start, mark.start, data)
    kind = quote_kind(text, mark, tag, sentence.start, sentence.end, data, previous is not None)
    speaker: Named | None = None
    if tag is not None and tag.mention is not None:
        speaker = names.named(sentence.paragraph.index, tag.mention, tag.cue)
    elif kind is QuoteKind.DIRECT:  # no tag, or one that names nobody (… „…“ haben möchte)
        speaker = sentence.cue_speaker if sentence.cue is not None else (
            _opinion_holder(sentence, names, data) or sentence.carried or _alone(sentence, mark, previous, names, data)
            or _verb_speaker(sentence, names, data))
    return _Piece(sentence.paragraph.index, mark, kind, speaker, _joins(text, mark, later, tag))


def _opinion_holder(sentence: _Sentence, names: SpeakerNames, data: SpeechData) -> Named | None:
    """``Für den Theologen Hans Küng sei der Rücktritt „verständlich“``: the named person holds the view."""
    text = sentence.paragraph.text
    toks = tokens(text, sentence.start, sentence.end, 8)
    if not toks or toks[0].lower not in data.opinion_prepositions:
        return None
    mention, _ = phrase_at(text, toks[1:], data)
    return names.named(sentence.paragraph.index, mention, "") if mention and mention.kind == "name" else None


def _verb_speaker(sentence: _Sentence, names: SpeakerNames, data: SpeechData) -> Named | None:
    """The speaker of quoted words in a sentence without a cue: any speech verb's subject (sieht X einen „…“)."""
    text = sentence.paragraph.text
    cue = any_verb_cue(text, sentence.start, sentence.end, sentence.quoted, data)
    return names.named(sentence.paragraph.index, cue.mention, cue.word) if cue and cue.mention else None


def _konjunktiv(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]], data: SpeechData) -> bool:
    """Whether the sentence has a Konjunktiv (sei, habe …) outside its quotes: reported speech."""
    if not quoted:
        return not data.konjunktiv.isdisjoint(map(str.lower, _WORD.findall(text, start, end)))
    return any(text_case.lower(word.group()) in data.konjunktiv for word in _WORD.finditer(text, start, end)
               if not any(left <= word.start() < right for left, right in quoted))


def _alone(sentence: _Sentence, mark: Marked, previous: Named | None, names: SpeakerNames,
           data: SpeechData) -> Named | None:
    """The speaker of a quote that is a sentence of its own: the speaker of the sentence before, else the
    person that sentence is about (Oettinger will die Fächer straffen. „Nicht jede Formel …“)."""
    text = sentence.paragraph.text
    if text[sentence.start:mark.start].strip(" *_") or not _ONLY_PUNCTUATION.fullmatch(text, mark.end, sentence.end):
        return None
    if previous is not None or sentence.prior is None:
        return previous
    paragraph, start = sentence.prior
    if start < 0:
        start = _sentence_starts(paragraph.text, [], data)[-1]
    mention = clause_subject(paragraph.text, tokens(paragraph.text, start, len(paragraph.text), 12), data)
    if mention is None or mention.kind not in ("name", "pronoun"):
        return None
    return names.named(paragraph.index, mention, "")


def _joins(text: str, mark: Marked, later: Marked | None, tag: Tag | None) -> bool:
    """„Erster Teil“, sagte X, „zweiter Teil“: only a tag in commas between two quotes of one sentence."""
    if later is None or tag is None or tag.end > later.start:
        return False
    return text[mark.end:mark.end + 3].lstrip().startswith(",") and re.fullmatch(
        r"\s*,\s*", text[tag.end:later.start]) is not None


def _assemble(paragraphs: Sequence[Paragraph], pieces: list[_Piece]) -> list[Quote]:
    """Quotes from pieces: split quotes and quotes over paragraphs become one quote with continuations."""
    texts = {paragraph.index: paragraph.text for paragraph in paragraphs}
    quotes = [_quote([piece], texts) for piece in pieces if piece.mark.depth > 0]
    group: list[_Piece] = []
    for piece in (piece for piece in pieces if piece.mark.depth == 0):
        group.append(piece)
        if piece.kind is QuoteKind.DIRECT and (piece.joins_next or piece.mark.open_at_end):
            continue
        quotes.append(_quote(group, texts))
        group = []
    if group:
        quotes.append(_quote(group, texts))
    return quotes


def _quote(group: list[_Piece], texts: dict[int, str]) -> Quote:
    spans = [Span(piece.paragraph, piece.mark.inner_start, piece.mark.inner_end) for piece in group]
    first = group[0]
    speaker = next((piece.speaker for piece in group if piece.speaker is not None), None)
    kind = QuoteKind.DIRECT if any(piece.kind is QuoteKind.DIRECT for piece in group) else first.kind
    text = texts[first.paragraph][first.mark.inner_start:first.mark.inner_end]
    return Quote(span=spans[0], text=text, kind=kind, speaker=speaker[0] if speaker else None,
                 speaker_name=speaker[1] if speaker else None, continuations=tuple(spans[1:]))
