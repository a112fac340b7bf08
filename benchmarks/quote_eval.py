"""Quote accuracy benchmark: direct quotes, speakers and indirect speech against German Wikinews gold.

Gold: ``../shared/corpora/wikinews-quotes/<split>/*.json`` (Petersen-Frey & Biemann 2024, annotations
CC BY-NC-SA 4.0; texts de.wikinews.org, CC BY 2.5). Tune on ``train``, report on ``dev``.

Paragraphs are ``originalText`` split at blank lines, with their offsets kept, so every predicted span
maps back to a gold character offset. Every paragraph is given the role ``body``.

Matching, defined here once:

- **Pieces.** A gold ``Direct`` annotation gives one piece per span (a quote split by its tag has two);
  a predicted ``direct`` quote gives its span and each continuation. Gold pieces with the same span
  (one quote annotated for two speakers) count once and accept either speaker.
- **Span match.** Both sides are trimmed of quotation marks, punctuation and blanks at their ends; a
  predicted piece matches a gold piece when their character Jaccard overlap is at least 0.8. Pieces are
  paired one to one, best overlap first. Direct F1 is over pieces.
- **Speaker.** Scored on matched gold pieces that have a gold speaker. The gold reference is the gold
  speaker phrase; for a pronoun or relative (er, sie, die, letztere …) it is the nearest preceding gold
  speaker phrase of any annotation that names someone (the gold set has no coreference links, so this
  stands in for the antecedent); a gold pronoun with no such phrase before it is left unscored (the
  table counts these "unscorable"). The *name words* of a reference are those of its head, read per
  comma-separated part with parentheses dropped: a leading preposition is skipped (``von Schröder``),
  and so is a noun that means "according to" with its preposition (``Ansicht von Senator Dodd``);
  after an article and adjectives the first noun is the description and the capitalised words after it
  are the name (``der Minister Hans Muster``); without an article, leading common nouns of the project's
  noun lexicon (``resources/lexicon``) are roles (``Kultusministerin Eisenmann``); words after a further
  preposition or article are attributes, not the speaker (``der Sprecher des BPI`` names nobody). A lone
  capitalised word the lexicon also knows (``Barth``, ``Polizei``) is ambiguous. The prediction is
  correct when its speaker name shares a word with the name words (a genitive -s ignored), or when it is
  None and the reference names nobody or is ambiguous: Quote.speaker is a named mention, so naming
  nobody is then right. Everything else is wrong; the table splits wrong answers into "unknown" (None)
  and "wrong name", since a wrong name is the worse error.
- **Indirect.** Recall against gold ``Indirect`` quotes; precision counts a predicted ``indirect``
  quote as right when it matches any gold non-direct annotation (Indirect, FreeIndirect,
  IndirectFreeIndirect, Reported). Match: Jaccard at least 0.5 (reported clauses have loose edges).
- **Speed.** ``find_quotes`` time per article, best of three runs, over the split, and the same on the
  10kGNAD news articles (DER STANDARD, median about 2,200 characters) when they are present.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from articles.findings import Quote, QuoteKind, Span
from articles.model import Paragraph, Role
from articles.quotes import find_quotes

_REPO = Path(__file__).resolve().parent.parent
_CORPORA = _REPO.parent / "shared" / "corpora"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TRIM = "„“”\"»«‚‘’›‹'.,;:!?()[]… \t\n*_-–"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PRONOUNS = frozenset("er sie es ihr ihm ihn der die das dieser diese letztere letzterer ersterer erstere "
                      "man he she they wonach".split())
_FUNCTION_WORDS = frozenset("der die das des dem den ein eine einer eines einem einen und von vom zu zur zum in "
                            "im am an auf aus bei mit nach über unter für gegenüber laut seiner seine ihrer ihre "
                            "the of and a an".split())
_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen seiner seine ihrer ihre the a an"
                      .split())
_PREPOSITIONS = _FUNCTION_WORDS - _ARTICLES - {"und", "and"}
#: Nouns that mean "according to" in the gold's speaker phrases (nach Ansicht von X → X).
_SOURCE_NOUNS = frozenset("ansicht auffassung angaben meinung worten aussagen aussage darstellung einschätzung "
                          "bewertung informationen berichten bericht erklärung mitteilung idee".split())
_NON_DIRECT = frozenset({"Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"})
_UNRESOLVED = "\0"
SPAN_JACCARD = 0.8
INDIRECT_JACCARD = 0.5


@dataclass
class GoldPiece:
    begin: int
    end: int
    speakers: list[str] = field(default_factory=list)  # reference phrases (pronouns already resolved)
    unresolved: bool = False  # a gold pronoun speaker with no named gold speaker before it


@dataclass
class Document:
    name: str
    text: str
    paragraphs: list[Paragraph]
    offsets: list[int]
    annotations: list[dict[str, Any]]


@dataclass
class Scores:
    counts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    samples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def error(self, cause: str, sample: str) -> None:
        self.errors[cause] += 1
        if len(self.samples[cause]) < 6:
            self.samples[cause].append(sample)


def load_split(split: str, corpora: Path = _CORPORA) -> list[Document]:
    documents = []
    for path in sorted((corpora / "wikinews-quotes" / split).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs, offsets = paragraphs_of(data["originalText"])
        documents.append(Document(path.name, data["originalText"], paragraphs, offsets, data["annotations"]))
    return documents


def paragraphs_of(text: str) -> tuple[list[Paragraph], list[int]]:
    """Paragraphs split at blank lines, with the offset of each paragraph's text in ``text``."""
    paragraphs: list[Paragraph] = []
    offsets: list[int] = []
    position = 0
    for chunk_end, next_start in [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), 0)]:
        chunk = text[position:chunk_end]
        if chunk.strip():
            offsets.append(position)
            paragraphs.append(Paragraph(len(paragraphs), Role.BODY, chunk))
        position = next_start
    return paragraphs, offsets


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin] in _TRIM:
        begin += 1
    while end > begin and text[end - 1] in _TRIM:
        end -= 1
    return begin, end


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0.0
    return overlap / (max(a[1], b[1]) - min(a[0], b[0]))


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    raw = resources.files("resources").joinpath("lexicon/german_nouns.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())


def _common_noun(word: str) -> bool:
    return word.lower().split("-")[-1].replace("ß", "ss") in _lexicon()


def reference_names(phrase: str) -> tuple[set[str], bool]:
    """The name words of a gold speaker phrase's head, and whether the phrase is ambiguous.

    Per comma-separated part (parentheses dropped): after an article and adjectives the first noun is
    the description, the capitalised words after it are a name (der Minister Hans Muster); without an
    article, leading common nouns are roles (Kultusministerin Eisenmann). Words after a preposition or
    a further article are attributes, not the speaker (der Sprecher des BPI). A lone capitalised word that
    the noun lexicon also holds (Barth, Polizei) is ambiguous: a matching name and None both count.
    """
    names: set[str] = set()
    ambiguous = False
    for part in re.sub(r"\([^)]*\)", " ", phrase).split(","):
        words = _WORD.findall(part)
        if not words:
            continue
        index = 0
        if words[0].lower() in _PREPOSITIONS:
            words = words[1:]  # von Schröder, laut Polizei: the phrase after the preposition
        if len(words) > 2 and words[0].lower() in _SOURCE_NOUNS and words[1].lower() in _FUNCTION_WORDS:
            words = words[2:]  # (nach) Ansicht von Senator Dodd, Angaben des Ministers X: X speaks
        if not words:
            continue
        if words[0].lower() in _ARTICLES:
            index = 1
            while index < len(words) and words[index][0].islower():
                index += 1
            index += 1  # the described noun
        else:
            ambiguous = ambiguous or (len(words) == 1 and _common_noun(words[0]))
            while index < len(words) - 1 and _common_noun(words[index]) and words[index + 1][0].isupper():
                index += 1
        for word in words[index:]:
            if word.lower() in _FUNCTION_WORDS:
                break
            if word[0].isupper() and word.lower() not in _PRONOUNS:
                names.add(word.lower())
    return names, ambiguous


def _same_word(a: str, b: str) -> bool:
    return a == b or a + "s" == b or b + "s" == a


def speaker_correct(predicted: str | None, references: list[str]) -> bool:
    for reference in references:
        names, ambiguous = reference_names(reference)
        if predicted is None:
            if not names or ambiguous:
                return True
        elif any(_same_word(word.lower(), name) for word in _WORD.findall(predicted) for name in names):
            return True
    return False


def _is_pronoun(phrase: str) -> bool:
    words = _WORD.findall(phrase)
    return len(words) == 1 and words[0].lower() in _PRONOUNS


def gold_pieces(document: Document) -> list[GoldPiece]:
    """The gold direct pieces of a document, trimmed, each with its speaker references."""
    speaker_phrases = sorted(
        (span["charBegin"], annotation["speaker"]["text"])
        for annotation in document.annotations for span in annotation["speaker"]["spans"])
    pieces: dict[tuple[int, int], GoldPiece] = {}
    for annotation in document.annotations:
        if annotation["type"] != "Direct":
            continue
        speaker = annotation["speaker"]
        reference = speaker["text"]
        if reference and _is_pronoun(reference):
            start = speaker["spans"][0]["charBegin"]
            named = [phrase for begin, phrase in speaker_phrases if begin < start and reference_names(phrase)[0]]
            reference = named[-1] if named else _UNRESOLVED
        for span in annotation["quote"]["spans"]:
            key = _trim(document.text, span["charBegin"], span["charEnd"])
            piece = pieces.setdefault(key, GoldPiece(*key))
            if reference == _UNRESOLVED:
                piece.unresolved = True
            elif reference:
                piece.speakers.append(reference)
    return list(pieces.values())


def predicted_pieces(document: Document, quotes: list[Quote], kind: QuoteKind) -> list[tuple[tuple[int, int], Quote]]:
    found = []
    for quote in quotes:
        if quote.kind is not kind:
            continue
        for span in (quote.span, *quote.continuations):
            offset = document.offsets[span.paragraph]
            found.append((_trim(document.text, offset + span.start, offset + span.end), quote))
    return found


def _pair(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], threshold: float) -> dict[int, int]:
    """One-to-one pairs gold index → predicted index, best overlap first."""
    candidates = sorted(((_jaccard(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                         if _jaccard(g, p) >= threshold), reverse=True)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def score_document(document: Document, quotes: list[Quote], scores: Scores) -> None:
    _score_direct(document, quotes, scores)
    _score_indirect(document, quotes, scores)


def _context(document: Document, span: tuple[int, int]) -> str:
    text = document.text
    return (text[max(0, span[0] - 70):span[0]] + "[[" + text[span[0]:span[1]] + "]]"
            + text[span[1]:span[1] + 50]).replace("\n", "¶")


def _score_direct(document: Document, quotes: list[Quote], scores: Scores) -> None:
    gold = gold_pieces(document)
    predicted = predicted_pieces(document, quotes, QuoteKind.DIRECT)
    pairs = _pair([(g.begin, g.end) for g in gold], [p[0] for p in predicted], SPAN_JACCARD)
    scores.counts["direct gold"] += len(gold)
    scores.counts["direct predicted"] += len(predicted)
    scores.counts["direct matched"] += len(pairs)
    for index, piece in enumerate(gold):
        if index not in pairs:
            scores.error(_miss_cause(document, piece, quotes), _context(document, (piece.begin, piece.end)))
        elif piece.speakers:
            _score_speaker(document, piece, predicted[pairs[index]][1], scores)
        elif piece.unresolved:
            scores.counts["speaker unscorable"] += 1
    matched = set(pairs.values())
    for index, (span, _) in enumerate(predicted):
        if index not in matched:
            scores.error(_false_hit_cause(document, span, gold), _context(document, span))


def _score_speaker(document: Document, piece: GoldPiece, quote: Quote, scores: Scores) -> None:
    scores.counts["speaker scored"] += 1
    sample = f"{_context(document, (piece.begin, piece.end))} gold={piece.speakers} predicted={quote.speaker_name}"
    if speaker_correct(quote.speaker_name, piece.speakers):
        scores.counts["speaker correct"] += 1
    elif quote.speaker_name is None:
        scores.counts["speaker unknown"] += 1
        scores.error("speaker: unknown, gold names someone", sample)
    else:
        scores.counts["speaker wrong"] += 1
        named = any(reference_names(reference)[0] for reference in piece.speakers)
        scores.error("speaker: wrong name" if named else "speaker: a name, gold names nobody", sample)


def _miss_cause(document: Document, piece: GoldPiece, quotes: list[Quote]) -> str:
    text = document.text
    before, after = text[max(0, piece.begin - 2):piece.begin], text[piece.end:piece.end + 2]
    if not any(mark in before for mark in "„“”\"»«‚‘") or not any(mark in after for mark in "„“”\"»«‘’"):
        return "miss: gold span not in quotation marks"
    words = len(_WORD.findall(text[piece.begin:piece.end]))
    size = "1 word" if words == 1 else "2-3 words" if words <= 3 else "4-6 words" if words <= 6 else "7+ words"
    for kind in (QuoteKind.TERM, QuoteKind.DIRECT):
        for span, quote in predicted_pieces(document, quotes, kind):
            overlap = _jaccard(span, (piece.begin, piece.end))
            if overlap >= SPAN_JACCARD:
                return f"miss: read as a term ({size})"
            if overlap > 0:
                return "miss: span boundaries differ"
    return "miss: marks not paired"


def _false_hit_cause(document: Document, span: tuple[int, int], gold: list[GoldPiece]) -> str:
    if any(_jaccard(span, (g.begin, g.end)) > 0 for g in gold):
        return "false: span boundaries differ"
    for annotation in document.annotations:
        for part in annotation["quote"]["spans"]:
            if part["charBegin"] <= span[0] and span[1] <= part["charEnd"]:
                return f"false: quoted words inside gold {annotation['type']} (not annotated Direct)"
    words = _WORD.findall(document.text[span[0]:span[1]])
    size = "1-3 words" if len(words) <= 3 else "4+ words"
    return f"false: quoted phrase with no gold quote ({size})"


def _score_indirect(document: Document, quotes: list[Quote], scores: Scores) -> None:
    predicted = [span for span, _ in predicted_pieces(document, quotes, QuoteKind.INDIRECT)]
    gold_all = [(_trim(document.text, s["charBegin"], s["charEnd"]), annotation["type"])
                for annotation in document.annotations for s in annotation["quote"]["spans"]]
    gold_indirect = [span for span, kind in gold_all if kind == "Indirect"]
    non_direct = [span for span, kind in gold_all if kind in _NON_DIRECT]
    scores.counts["indirect gold"] += len(gold_indirect)
    scores.counts["indirect predicted"] += len(predicted)
    scores.counts["indirect found"] += len(_pair(gold_indirect, predicted, INDIRECT_JACCARD))
    right = _pair(predicted, non_direct, INDIRECT_JACCARD)
    scores.counts["indirect right"] += len(right)
    for index, span in enumerate(predicted):
        if index not in right:
            scores.error("indirect: false", _context(document, span))


def _time_articles(paragraph_lists: list[list[Paragraph]]) -> list[float]:
    timings = []
    for paragraphs in paragraph_lists:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            find_quotes(paragraphs)
            best = min(best, time.perf_counter() - start)
        timings.append(best * 1000)
    return timings


def _gnad_articles(corpora: Path) -> list[list[Paragraph]]:
    """10kGNAD articles as paragraphs of about three sentences (the file has no paragraph breaks)."""
    import csv

    path = corpora / "10kgnad" / "articles.csv"
    if not path.exists():
        return []
    articles = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", row[1])
            chunks = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
            articles.append([Paragraph(i, Role.BODY, chunk) for i, chunk in enumerate(chunks)])
    return articles


def evaluate(split: str, corpora: Path = _CORPORA, with_actors: bool = False, timed: bool = True) -> dict[str, Any]:
    """Scores for one split: direct P/R/F1, speaker accuracy, indirect P/R, speed, error classes.

    ``with_actors`` passes the actor analysis's person mentions (``articles.actors``) to ``find_quotes``;
    without it the quotes module's own fallback for names is scored. Speed is ``find_quotes`` alone.
    """
    documents = load_split(split, corpora)
    scores = Scores()
    for document in documents:
        people = _people(document.paragraphs) if with_actors else []
        score_document(document, find_quotes(document.paragraphs, people), scores)
    timings = _time_articles([document.paragraphs for document in documents]) if timed else []
    gnad = _time_articles(_gnad_articles(corpora)) if timed else []
    return _summary(split, documents, scores, timings, gnad)


def _people(paragraphs: list[Paragraph]) -> list[tuple[Span, str]]:
    from articles.actors import find_actors, person_mentions

    return person_mentions(find_actors(paragraphs))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _summary(split: str, documents: list[Document], scores: Scores, timings: list[float],
             gnad: list[float]) -> dict[str, Any]:
    c = scores.counts
    precision, recall = _ratio(c["direct matched"], c["direct predicted"]), _ratio(c["direct matched"], c["direct gold"])
    return {
        "split": split,
        "articles": len(documents),
        "direct_gold": c["direct gold"],
        "direct_predicted": c["direct predicted"],
        "direct_precision": precision,
        "direct_recall": recall,
        "direct_f1": _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0,
        "speaker_scored": c["speaker scored"],
        "speaker_unscorable": c["speaker unscorable"],
        "speaker_accuracy": _ratio(c["speaker correct"], c["speaker scored"]),
        "speaker_unknown": _ratio(c["speaker unknown"], c["speaker scored"]),
        "speaker_wrong": _ratio(c["speaker wrong"], c["speaker scored"]),
        "indirect_precision": _ratio(c["indirect right"], c["indirect predicted"]),
        "indirect_recall": _ratio(c["indirect found"], c["indirect gold"]),
        "ms_per_article_median": statistics.median(timings) if timings else 0.0,
        "ms_per_article_mean": statistics.fmean(timings) if timings else 0.0,
        "chars_per_article_median": statistics.median(len(d.text) for d in documents) if documents else 0,
        "gnad_ms_per_article_median": statistics.median(gnad) if gnad else None,
        "gnad_articles": len(gnad),
        "errors": dict(scores.errors.most_common()),
        "samples": dict(scores.samples),
    }


def _print_table(result: dict[str, Any], samples: int) -> None:
    rows = [
        ("articles", f"{result['articles']}"),
        ("direct quotes (gold / predicted)", f"{result['direct_gold']} / {result['direct_predicted']}"),
        ("direct F1", f"{result['direct_f1']:.3f}"),
        ("direct precision", f"{result['direct_precision']:.3f}"),
        ("direct recall", f"{result['direct_recall']:.3f}"),
        (f"speaker accuracy (of {result['speaker_scored']} matched; {result['speaker_unscorable']} unscorable)",
         f"{result['speaker_accuracy']:.3f}"),
        ("  speaker unknown", f"{result['speaker_unknown']:.3f}"),
        ("  speaker wrong name", f"{result['speaker_wrong']:.3f}"),
        ("indirect precision", f"{result['indirect_precision']:.3f}"),
        ("indirect recall", f"{result['indirect_recall']:.3f}"),
        (f"ms/article, median (median {result['chars_per_article_median']} chars)",
         f"{result['ms_per_article_median']:.3f}"),
        ("ms/article, mean", f"{result['ms_per_article_mean']:.3f}"),
    ]
    if result["gnad_ms_per_article_median"] is not None:
        rows.append((f"ms/article, median, 10kGNAD ({result['gnad_articles']} articles)",
                     f"{result['gnad_ms_per_article_median']:.3f}"))
    width = max(len(label) for label, _ in rows)
    print(f"Quotes on wikinews-quotes/{result['split']}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value:>8}")
    print("\nError classes (count)")
    errors = result["errors"]
    assert isinstance(errors, dict)
    for cause, count in errors.items():
        print(f"  {count:5d}  {cause}")
        for sample in result["samples"][cause][:samples]:
            print(f"           {sample[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--corpora", type=Path, default=_CORPORA, help="the shared corpora (default ../shared/corpora)")
    parser.add_argument("--samples", type=int, default=2, help="examples printed per error class")
    parser.add_argument("--actors", action="store_true",
                        help="also score speakers with the actor analysis's person mentions")
    args = parser.parse_args(argv)
    _print_table(evaluate(args.split, args.corpora), args.samples)
    if args.actors:
        with_actors = evaluate(args.split, args.corpora, with_actors=True, timed=False)
        print(f"\nWith the actor analysis's people: speaker accuracy {with_actors['speaker_accuracy']:.3f} "
              f"(unknown {with_actors['speaker_unknown']:.3f}, wrong name {with_actors['speaker_wrong']:.3f}), "
              f"direct F1 {with_actors['direct_f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
