"""The analysis against its gold sets, as the library runs it: one table of scores, targets and PASS/FAIL.

- **Quotes and speakers**: direct-quote span F1 and speaker accuracy on direct quotes on
  ``wikinews-quotes/dev`` (matching as defined in ``benchmarks/quote_eval.py``). Quotes come from
  ``articles.analysis.analyse``, so speakers are read against the actor analysis's people, as at import.
  Rules are tuned on ``train`` only; ``--train`` prints the train figures beside.
- **Actors**: person / organisation / location F1 on GermEval 2014 news sentences (``NER-de-dev.tsv``,
  scoring as defined in ``benchmarks/actor_eval.py``). The news sentences are split into two halves by a
  hash of their source URL (sentences of one article stay together): rules are developed looking at half
  **A** only; half **B** is held out and shows how far that work generalises. The verdict is on all
  news sentences; both halves are printed.

    python benchmarks/analysis_eval.py [--corpora ../shared/corpora] [--train] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import actor_eval  # noqa: E402
import quote_eval  # noqa: E402

from articles.analysis import analyse  # noqa: E402

_REPO = Path(__file__).resolve().parents[1]
TARGETS = {"direct F1": 0.90, "speaker accuracy": 0.75, "person F1": 0.80, "organisation F1": 0.70,
           "location F1": 0.70}
_CLASS_ROWS = {"PER": "person F1", "ORG": "organisation F1", "LOC": "location F1"}


def default_corpora() -> Path:
    """../shared/corpora beside the checkout, or beside its parent (a worktree)."""
    for base in (_REPO.parent, _REPO.parent.parent):
        if (base / "shared" / "corpora").is_dir():
            return base / "shared" / "corpora"
    return _REPO.parent / "shared" / "corpora"


def quote_scores(split: str, corpora: Path) -> dict[str, Any]:
    documents = quote_eval.load_split(split, corpora)
    scores = quote_eval.Scores()
    for document in documents:
        quote_eval.score_document(document, list(analyse(document.paragraphs).quotes), scores)
    return quote_eval._summary(split, documents, scores, [], [])


def half_of(sentence: actor_eval.Sentence) -> str:
    return "A" if int(hashlib.sha1(sentence.url.encode()).hexdigest(), 16) % 2 == 0 else "B"


def actor_scores(sentences: list[actor_eval.Sentence]) -> tuple[dict[str, dict[str, float]], Counter[str]]:
    counts, _ = actor_eval.score(sentences)
    classes = {}
    for label in _CLASS_ROWS:
        tp, fp, fn = (counts[label][k] for k in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes[label] = {"P": precision, "R": recall, "F1": f1, "n": tp + fn}
    return classes, counts["errors"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--train", action="store_true", help="also score quotes on wikinews-quotes train")
    parser.add_argument("--errors", type=int, default=8, help="actor error classes to list (default 8)")
    args = parser.parse_args(argv)
    dev = quote_scores("dev", args.corpora)
    train = quote_scores("train", args.corpora) if args.train else None
    sentences = actor_eval.read_germeval(args.corpora / "germeval2014" / "NER-de-dev.tsv")
    halves = {half: [s for s in sentences if half_of(s) == half] for half in "AB"}
    every, errors = actor_scores(sentences)
    by_half = {half: actor_scores(part)[0] for half, part in halves.items()}
    print(f"wikinews-quotes dev: {dev['articles']} articles, {dev['direct_gold']} direct quotes; GermEval 2014 dev "
          f"news: {len(sentences)} sentences (half A {len(halves['A'])} developed on, half B {len(halves['B'])} "
          "held out)\n")
    print(f"{'measure':<18} {'score':>6} {'target':>7} {'verdict':>7}   detail")
    passed = True
    rows = [("direct F1", dev["direct_f1"], f"P {dev['direct_precision']:.3f} R {dev['direct_recall']:.3f}"
             + (f"; train {train['direct_f1']:.3f}" if train else "")),
            ("speaker accuracy", dev["speaker_accuracy"], f"of {dev['speaker_scored']}; unknown "
             f"{dev['speaker_unknown']:.3f}, wrong {dev['speaker_wrong']:.3f}"
             + (f"; train {train['speaker_accuracy']:.3f}" if train else ""))]
    for label, name in _CLASS_ROWS.items():
        c = every[label]
        a, b = by_half["A"][label], by_half["B"][label]
        rows.append((name, c["F1"], f"P {c['P']:.3f} R {c['R']:.3f} (n {c['n']}); A {a['F1']:.3f}, B {b['F1']:.3f}"))
    for name, value, detail in rows:
        ok = value >= TARGETS[name]
        passed &= ok
        print(f"{name:<18} {value:6.3f} {TARGETS[name]:>7.2f} {'PASS' if ok else 'FAIL':>7}   {detail}")
    print("\nbiggest actor error classes (all news sentences):")
    for error, count in errors.most_common(args.errors):
        print(f"  {count:5}  {error}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
