"""Actor accuracy and speed: person / organisation / place F1 on GermEval 2014 news sentences.

Gold: ``germeval2014/NER-de-dev.tsv`` from ../shared/corpora (GermEval 2014 / NoSta-D, CC BY 4.0).
Only news sentences are scored: those whose source URL is not a Wikipedia page. Each sentence is one
paragraph, its tokens joined by single spaces; the offsets of the gold entities follow from that.

Scoring is entity-level and exact-span, per class: our ``person``, ``organisation`` and ``place``
against gold ``PER``, ``ORG`` and ``LOC`` of the outer annotation level. Gold entities of class
``OTH`` and every ``-deriv`` and ``-part`` entity (``britische``, ``SPD-Politiker``), and the nested
level, are *ignored*: they are not counted as misses, and a prediction that overlaps one of them and
matches no scored gold entity is not counted as a false positive either (finding ``SPD`` inside
``SPD-Chef`` is neither right nor wrong here).

This file is the evaluation set only: no rule or list in Lesesaal is built from its contents (tune
on 10kGNAD or wikinews-quotes ``train``).

Speed: milliseconds per article over the first 500 articles of ``10kgnad/articles.csv`` (each one
paragraph; median about 2,200 characters), cold (first pass, word cache empty) and warm (best of three
further passes, as other work on the machine only ever adds time), and the time to load the word lists.

    python benchmarks/actor_eval.py [--corpora ../shared/corpora] [--examples 5]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.actors import find_actors
from articles.findings import ActorKind
from articles.gazetteers import gazetteers
from articles.model import Paragraph, Role

_REPO = Path(__file__).resolve().parents[1]
CORPORA = _REPO.parent / "shared" / "corpora"
CLASSES = {ActorKind.PERSON: "PER", ActorKind.ORGANISATION: "ORG", ActorKind.PLACE: "LOC"}
SPEED_ARTICLES = 500
SPEED_PASSES = 4  # the first is cold (word cache empty); the best of the others is reported as warm
TARGETS = {"PER": 0.80, "ORG": 0.70, "LOC": 0.70}
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PER, ORG, LOC, or an ignored label (OTH, LOC-deriv, …)


@dataclass(frozen=True)
class Sentence:
    url: str
    text: str
    gold: tuple[Entity, ...]  # scored entities (PER, ORG, LOC)
    ignored: tuple[Entity, ...]  # OTH, -deriv, -part, nested


def read_germeval(path: Path, news_only: bool = True) -> list[Sentence]:
    """Sentences of the GermEval TSV; with ``news_only``, those not from Wikipedia."""
    sentences = []
    for url, rows in _blocks(path):
        if news_only and "wikipedia" in url:
            continue
        sentences.append(_sentence(url, rows))
    return sentences


def _blocks(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    url, rows = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            url = line.split("\t")[1]
        elif line.strip():
            rows.append(line.split("\t")[:4])
        elif rows:
            yield url, rows
            rows = []
    if rows:
        yield url, rows


def _sentence(url: str, rows: list[list[str]]) -> Sentence:
    starts, position = [], 0
    for row in rows:
        starts.append(position)
        position += len(row[1]) + 1
    text = " ".join(row[1] for row in rows)
    outer = _entities(rows, 2, starts)
    nested = _entities(rows, 3, starts)
    gold = tuple(e for e in outer if e.label in TARGETS)
    ignored = tuple(e for e in outer if e.label not in TARGETS) + tuple(nested)
    return Sentence(url, text, gold, ignored)


def _entities(rows: list[list[str]], column: int, starts: list[int]) -> list[Entity]:
    found: list[Entity] = []
    open_label, open_start, open_end = "", 0, 0
    for row, start in zip(rows, starts):
        tag = row[column] if len(row) > column else "O"
        if tag.startswith("I-") and tag[2:] == open_label:
            open_end = start + len(row[1])
            continue
        if open_label:
            found.append(Entity(open_start, open_end, open_label))
            open_label = ""
        if tag[:2] in ("B-", "I-"):
            open_label, open_start, open_end = tag[2:], start, start + len(row[1])
    if open_label:
        found.append(Entity(open_start, open_end, open_label))
    return found


def predict(sentence: Sentence) -> list[Entity]:
    actors = find_actors([Paragraph(0, Role.BODY, sentence.text)])
    return [Entity(s.start, s.end, CLASSES[a.kind]) for a in actors for s in a.mentions]


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def score(sentences: list[Sentence]) -> tuple[dict[str, Counter[str]], dict[str, list[str]]]:
    """Counts per class (tp, fp, fn) and per error class, with examples of each error class."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        predicted = predict(sentence)
        gold = set(sentence.gold)
        for p in predicted:
            if p in gold:
                counts[p.label]["tp"] += 1
                continue
            error = _false_positive(p, sentence)
            if error:
                counts[p.label]["fp"] += 1
                _note(counts, examples, f"{p.label} false positive: {error}", sentence, p)
        for g in gold - set(predicted):
            counts[g.label]["fn"] += 1
            _note(counts, examples, f"{g.label} missed: {_false_negative(g, predicted)}", sentence, g)
    return counts, examples


def _false_positive(p: Entity, sentence: Sentence) -> str:
    """The error class of a wrong prediction, or "" when it only meets ignored gold."""
    same_span = [g for g in sentence.gold if (g.start, g.end) == (p.start, p.end)]
    if same_span:
        return f"is {same_span[0].label}"
    if any(_overlaps(p, g) for g in sentence.gold):
        return "wrong boundary"
    if any(_overlaps(p, g) for g in sentence.ignored):
        return ""
    return "not an entity"


def _false_negative(g: Entity, predicted: list[Entity]) -> str:
    same_span = [p for p in predicted if (p.start, p.end) == (g.start, g.end)]
    if same_span:
        return f"found as {same_span[0].label}"
    if any(_overlaps(p, g) for p in predicted):
        return "wrong boundary"
    return "not found"


def _note(counts: dict[str, Counter[str]], examples: dict[str, list[str]], error: str, s: Sentence, e: Entity) -> None:
    counts["errors"][error] += 1
    context = s.text[max(0, e.start - 40) : e.end + 30]
    examples[error].append(f"[{s.text[e.start:e.end]}] … {context}")


def speed(corpora: Path) -> dict[str, float]:
    """Load time of the word lists and ms per 10kGNAD article, cold and warm."""
    gazetteers.cache_clear()
    started = time.perf_counter()
    gazetteers()
    load = time.perf_counter() - started
    with (corpora / "10kgnad" / "articles.csv").open(encoding="utf-8", newline="") as f:
        texts = [row[1] for row, _ in zip(csv.reader(f, delimiter=";", quotechar="'"), range(SPEED_ARTICLES))]
    passes = []
    for _ in range(SPEED_PASSES):
        started = time.perf_counter()
        for text in texts:
            find_actors([Paragraph(0, Role.BODY, text)])
        passes.append((time.perf_counter() - started) * 1000 / len(texts))
    return {
        "load_s": load,
        "articles": len(texts),
        "median_chars": statistics.median(len(t) for t in texts),
        "cold_ms_per_article": passes[0],
        "warm_ms_per_article": min(passes[1:]),
    }


def evaluate(corpora: Path = CORPORA) -> dict[str, Any]:
    """Scores per class, error classes with examples, and speed."""
    sentences = read_germeval(corpora / "germeval2014" / "NER-de-dev.tsv")
    timing = speed(corpora)
    counts, examples = score(sentences)
    classes = {}
    for label in TARGETS:
        tp, fp, fn = (counts[label][k] for k in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes[label] = {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}
    errors = dict(counts["errors"].most_common())
    return {"sentences": len(sentences), "classes": classes, "errors": errors, "examples": dict(examples), **timing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--examples", type=int, default=3, help="examples to print per error class")
    args = parser.parse_args(argv)
    result = evaluate(args.corpora)
    print(f"GermEval 2014 dev, news sentences: {result['sentences']}")
    print(f"{'class':<6} {'P':>6} {'R':>6} {'F1':>6} {'target':>7} {'tp':>5} {'fp':>5} {'fn':>5}")
    for label, c in result["classes"].items():
        verdict = "ok" if c["f1"] >= TARGETS[label] else "BELOW"
        print(f"{label:<6} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {TARGETS[label]:>5.2f} {verdict:<2}"
              f" {c['tp']:5} {c['fp']:5} {c['fn']:5}")
    print(f"speed: {result['cold_ms_per_article']:.3f} ms/article cold, {result['warm_ms_per_article']:.3f} warm "
          f"({result['articles']} 10kGNAD articles, median {result['median_chars']:.0f} chars); "
          f"word lists load in {result['load_s'] * 1000:.0f} ms")
    print("error classes:")
    for error, count in result["errors"].items():
        print(f"  {count:5}  {error}")
        for example in result["examples"][error][: args.examples]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
