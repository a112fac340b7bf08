"""A reader process's CPU as an import's pool runs it: its imports and start-up, then CPU per file cold and warm.

One fresh process (run it once per checkout, from that checkout, to compare two versions of the code back
to back): loads what a reader loads before its first file (``InCaller.load``, then ``settle_process``),
then reads the files in chunks of ``CHUNK`` with a young collection after each, as ``library.parsing`` runs
a chunk. The first pass meets every word cache empty (cold, as each reader of an import starts); the
warm figure is the best of two more passes. ``--plain`` reads without the analysis, for the analysis's
added share.

    python benchmarks/reader_cost.py --files /work/cache/corpus/files-10000-seed-1-copies-0.04 --articles 2000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, os.getcwd())

from library import collector  # noqa: E402
from library.analysing import AnalysisSetup  # noqa: E402
from library.parsing import CHUNK, InCaller, ParseJob  # noqa: E402
from parse_compare import corpus_jobs  # noqa: E402  (this script's folder is on the path)

#: CPU the process spent before its first line ran here: the interpreter's start and the imports a reader makes.
_IMPORTED = time.process_time()


def _pass(reader: InCaller, jobs: list[ParseJob]) -> float:
    """Milliseconds of CPU per file for one pass over the jobs, chunk by chunk."""
    started = time.process_time()
    for start in range(0, len(jobs), CHUNK):
        reader.all(jobs[start:start + CHUNK])
        collector.collect_young()
    return 1000 * (time.process_time() - started) / len(jobs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=Path, required=True, help="the import corpus folder")
    parser.add_argument("--articles", type=int, default=2000, help="article files read (sorted by path)")
    parser.add_argument("--plain", action="store_true", help="read without the analysis")
    args = parser.parse_args(argv)
    jobs = corpus_jobs(args.files, args.articles)
    started = time.process_time()
    reader = InCaller([], None if args.plain else AnalysisSetup(None))
    reader.load()
    collector.settle_process()
    start_up = time.process_time() - started
    cold = _pass(reader, jobs)
    warm = min(_pass(reader, jobs) for _ in range(2))
    label = "without" if args.plain else "with"
    print(f"{len(jobs)} files {label} the analysis: imports {1000 * _IMPORTED:.0f} ms CPU (the interpreter's start "
          f"included), start-up {1000 * start_up:.0f} ms CPU (after the imports); "
          f"ms CPU per file cold {cold:.3f}, warm {warm:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
