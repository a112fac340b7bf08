"""Loaded-wording speed and a precision check by eye, on real German news (10kGNAD, DER STANDARD).

Reads the first ``--articles`` articles of ../shared/corpora/10kgnad/articles.csv (CC BY-NC-SA 4.0; the
text is only read, never stored), cuts each into paragraphs of three sentences (the corpus has none), runs
the quote finder when it is importable (its time is not counted) and times ``find_loaded`` per article.
Prints ms per article and per 2,200 characters (budget: 0.2 ms), whether the keyword prefilter hides any
mark, the most frequent marked words and a seeded random sample of marked contexts to judge by eye.

    python benchmarks/loaded_speed.py
    python benchmarks/loaded_speed.py --articles 1028 --sample 50 --seed 7
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.findings import Loaded, Quote  # noqa: E402
from articles.loaded import LoadedLexicon, find_loaded, load_lexicon  # noqa: E402
from articles.model import Paragraph, Role  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "10kgnad" / "articles.csv"
BUDGET_MS = 0.2
_SENTENCE_GAP = re.compile(r"(?<=[.!?…“\"])\s+(?=[A-ZÄÖÜ„\"»0-9])")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5, help="timed passes; the fastest counts")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-quotes", action="store_true", help="do not run the quote finder")
    args = parser.parse_args(argv)
    articles = [_paragraphs(text) for text in _texts(CORPUS, args.articles)]
    finder = None if args.no_quotes else _quote_finder()
    quotes = [finder(paragraphs) if finder else [] for paragraphs in articles]
    lexicon = load_lexicon()
    seconds, found = _timed(articles, quotes, lexicon, args.repeat)
    chars = sum(len(p.text) for paragraphs in articles for p in paragraphs)
    per_article = seconds * 1000 / len(articles)
    per_2200 = seconds * 1000 / (chars / 2200)
    print(f"{len(articles)} articles, {chars / len(articles):,.0f} characters each on average, "
          f"{sum(map(len, articles)) / len(articles):.1f} paragraphs; quote finder: {'used' if finder else 'not used'}")
    print(f"find_loaded: {per_article:.3f} ms/article, {per_2200:.3f} ms per 2,200 characters "
          f"(budget {BUDGET_MS} ms: {'PASS' if per_2200 <= BUDGET_MS else 'FAIL'}; fastest of {args.repeat} passes)")
    print(f"marks the keyword prefilter hides: {_hidden_by_prefilter(articles, quotes, lexicon, found)}")
    _show_marks([(mark, paragraphs) for paragraphs, marks in zip(articles, found) for mark in marks], args)
    return 0


def _show_marks(marks: list[tuple[Loaded, list[Paragraph]]], args: argparse.Namespace) -> None:
    print(f"{len(marks)} marks; by category: {dict(Counter(mark.category for mark, _ in marks))}")
    print(f"\nThe {args.top} most frequent marked words:")
    for word, count in Counter(mark.text.lower() for mark, _ in marks).most_common(args.top):
        print(f"  {count:4d}  {word}")
    print(f"\n{args.sample} random marked contexts (seed {args.seed}):")
    sample = random.Random(args.seed).sample(marks, min(args.sample, len(marks)))
    for number, (mark, paragraphs) in enumerate(sample, 1):
        print(f"  {number:2d}. [{mark.category}] {_context(mark, paragraphs)}")


def _texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        return [row[1] for _, row in zip(range(limit), rows)]


def _paragraphs(text: str) -> list[Paragraph]:
    sentences = _SENTENCE_GAP.split(text)
    pieces = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return [Paragraph(i, Role.TITLE if i == 0 else Role.BODY, piece) for i, piece in enumerate(pieces)]


def _quote_finder() -> Callable[[Sequence[Paragraph]], list[Quote]] | None:
    try:
        from articles.quotes import find_quotes
    except ImportError:
        return None
    return find_quotes


def _timed(articles: list[list[Paragraph]], quotes: list[list[Quote]], lexicon: LoadedLexicon,
           repeat: int) -> tuple[float, list[list[Loaded]]]:
    """The fastest of ``repeat`` passes over all articles, and the marks."""
    found = [find_loaded(paragraphs, article_quotes, lexicon) for paragraphs, article_quotes in zip(articles, quotes)]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for paragraphs, article_quotes in zip(articles, quotes):
            find_loaded(paragraphs, article_quotes, lexicon)
        best = min(best, time.perf_counter() - started)
    return best, found


def _hidden_by_prefilter(articles: list[list[Paragraph]], quotes: list[list[Quote]], lexicon: LoadedLexicon,
                         found: list[list[Loaded]]) -> int:
    """Marks found with every entry tried on every paragraph but not with the keyword prefilter."""
    unfiltered = replace(lexicon, entries=tuple(replace(entry, keywords=()) for entry in lexicon.entries))
    hidden = 0
    for paragraphs, article_quotes, marks in zip(articles, quotes, found):
        hidden += len(set(find_loaded(paragraphs, article_quotes, unfiltered)) - set(marks))
    return hidden


def _context(mark: Loaded, paragraphs: list[Paragraph]) -> str:
    text = paragraphs[mark.span.paragraph].text
    start, end = mark.span.start, mark.span.end
    return f"…{text[max(0, start - 90):start]}[[{text[start:end]}]]{text[end:end + 60]}…"


if __name__ == "__main__":
    raise SystemExit(main())
