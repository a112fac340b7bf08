"""CPU time of ``articles.actors.find_actors`` per article, on the files of an import benchmark corpus.

The files are parsed as an import parses them, and the paragraphs ``analyse`` would hand to the actor
finder are kept. Prints milliseconds of CPU time per article: the best of ``--passes`` warm passes (the
first, cold pass fills the word caches and is not counted). ``--profile`` prints a cProfile of one warm
pass. To compare two versions back to back, run this script twice in a row with ``PYTHONPATH`` pointing
at the other checkout.

    python benchmarks/actor_speed.py --files DIR [--articles 3000] [--passes 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analysis_speed  # noqa: E402

from articles.actors import find_actors  # noqa: E402
from articles.analysis import ANALYSED_ROLES  # noqa: E402
from articles.model import Paragraph  # noqa: E402


def timed_pass(sample: list[list[Paragraph]]) -> float:
    started = time.process_time()
    for paragraphs in sample:
        find_actors(paragraphs)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=Path, required=True, help="the corpus folder (files-…)")
    parser.add_argument("--articles", type=int, default=3000, help="files read (0: all)")
    parser.add_argument("--passes", type=int, default=3, help="warm passes timed after the cold one (default 3)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one warm pass")
    args = parser.parse_args(argv)
    sample = [[p for p in article if p.role in ANALYSED_ROLES and p.text]
              for article in analysis_speed.parsed_files(args.files, args.articles)]
    cold = timed_pass(sample)
    warm = min(timed_pass(sample) for _ in range(max(1, args.passes)))
    print(f"{len(sample)} articles: find_actors() {1000 * warm / len(sample):.3f} ms CPU per article warm "
          f"(best of {args.passes}), {1000 * cold / len(sample):.3f} ms cold")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(timed_pass, sample)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
