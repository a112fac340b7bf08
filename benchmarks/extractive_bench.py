"""Times extractive summaries (analysis + sentence ranking + checks) per article over real German news.

    .venv/bin/python benchmarks/extractive_bench.py [--corpora DIR] [--limit N]

Articles: German Wikinews dev (CC BY 2.5, credit "Wikinews"; paragraphs split at blank lines) and 10kGNAD
(DER STANDARD, CC BY-NC-SA 4.0; cut into paragraphs of three sentences). Prints CPU time per article
(median, p95, max) for the whole extractive summary and for the extraction and checks alone, against the
issue's budget of 50 ms per article.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.model import Paragraph, Role  # noqa: E402
from summarize.pipeline import extractive_summary  # noqa: E402
from summarize.source import source_of  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")


def wikinews(corpora: Path) -> list[list[str]]:
    found = []
    for path in sorted((corpora / "wikinews-quotes" / "dev").glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        found.append([path.name.split(" - ", 1)[-1].rsplit(" (", 1)[0]] + [p for p in text.split("\n\n") if p.strip()])
    return found


def gnad(corpora: Path, limit: int) -> list[list[str]]:
    found = []
    with (corpora / "10kgnad" / "articles.csv").open(encoding="utf-8") as handle:
        for _, text in list(csv.reader(handle, delimiter=";", quotechar="'"))[:limit]:
            sentences = _SENTENCE.split(text)
            found.append([sentences[0]] + [" ".join(sentences[i:i + 3]) for i in range(1, len(sentences), 3)])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent.parent / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    articles = wikinews(args.corpora) + gnad(args.corpora, args.limit)
    whole, summarising = [], []
    for texts in articles:
        paragraphs = [Paragraph(0, Role.TITLE, texts[0])] + [Paragraph(i, Role.BODY, t) for i, t in enumerate(texts[1:], 1)]
        started = time.process_time()
        source = source_of(1, paragraphs, "de")
        analysed = time.process_time()
        extractive_summary(source)
        done = time.process_time()
        whole.append(1000 * (done - started))
        summarising.append(1000 * (done - analysed))
    for name, values in (("analysis + extraction + checks", whole), ("extraction + checks alone", summarising)):
        values.sort()
        print(f"{name}: median {statistics.median(values):.1f} ms, p95 {values[int(0.95 * len(values))]:.1f} ms, "
              f"max {values[-1]:.1f} ms per article (CPU time, {len(values)} articles; budget 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
