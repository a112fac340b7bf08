"""What the check of the compiled analysis (``articles.compiled``) adds to start-up, in CPU time.

1. the decision alone (``_choice``: read the manifest, list the folder, hash the group's sources), best and mean
   of ``--repeat`` runs in this process;
2. ``import articles`` (the package and its check) in ``--starts`` fresh interpreters that first import the
   standard modules the analysis imports anyway (json, hashlib, dataclasses, typing), median CPU milliseconds.
Prints what the analysis runs as, then the figures.

    python benchmarks/compiled_guard.py [--repeat 1000] [--starts 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

import articles
from articles import compiled

ONE_START = ("import json, hashlib, dataclasses, typing, time; started = time.process_time(); import articles; "
             "print(time.process_time() - started)")


def decision_ms(repeat: int) -> tuple[float, float]:
    folder = os.path.dirname(os.path.abspath(compiled.__file__))
    times = []
    for _ in range(repeat):
        started = time.process_time()
        compiled._choice(folder)
        times.append(time.process_time() - started)
    return min(times) * 1e3, statistics.mean(times) * 1e3


def import_ms(starts: int) -> float:
    """Median of ``starts`` starts after one that writes the bytecode caches (as an installed package has them)."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    runs = [float(subprocess.run([sys.executable, "-c", ONE_START], capture_output=True, text=True, check=True,
                                 env=environment).stdout) for _ in range(starts + 1)]
    return statistics.median(runs[1:]) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=20)
    args = parser.parse_args()
    print(f"analysis: {articles.compiled_status()}; load average {os.getloadavg()[0]:.2f}")
    best, mean = decision_ms(args.repeat)
    print(f"decision: best {best:.3f} ms, mean {mean:.3f} ms CPU ({args.repeat} runs)")
    print(f"import articles (package + check) in a fresh interpreter: median {import_ms(args.starts):.3f} ms CPU "
          f"({args.starts} starts)")


if __name__ == "__main__":
    main()
