"""CPU time per article of each part of the reader-side analysis, for comparing two checkouts back to back.

Parts: ``find_actors``, ``find_quotes`` (given the actors' people), ``find_loaded`` (given the quotes), and
the plumbing a reader process adds around ``analyse``: ``Analyser`` (analysis plus its result; one by one,
and ``Analyser.all`` over ``CHUNK`` articles at a time, as a reader runs it), ``parse_job`` with and without
it, a reader's chunks with and without it (``parse_jobs`` over ``CHUNK`` files: all parsed, then all analysed,
a young collection after each, as ``library.parsing`` runs a chunk), and pickling the reader's ``Parsed``
result (with its size) and unpickling it as the importing process does, with the garbage collector paused
as in a reader process.
Each part is timed on its own over the same articles (best of ``--passes`` warm passes).

The articles are the import corpus's files, parsed as an import parses them; run it once per checkout
from that checkout (``cd OTHER && python …/analysis_parts.py``) to compare old and new code:

    python benchmarks/analysis_parts.py --files /work/cache/corpus/files-10000-seed-1-copies-0.04 --articles 3000
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, os.getcwd())

from articles.actors import find_actors, person_mentions  # noqa: E402
from articles.analysis import ANALYSED_ROLES  # noqa: E402
from articles.loaded import find_loaded  # noqa: E402
from articles.quotes import find_quotes  # noqa: E402
from articles.role_patterns import load_role_patterns  # noqa: E402
from library import collector  # noqa: E402
from library.analysing import AnalysisSetup  # noqa: E402
from library.parsing import CHUNK, parse_job, parse_jobs  # noqa: E402
from parse_compare import corpus_jobs  # noqa: E402  (this script's folder is on the path)


def _best(passes: int, run: Callable[[], Any]) -> float:
    run()  # cold: fills the word caches
    times = []
    for _ in range(passes):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def _chunks(jobs: Sequence[Any], patterns: Any, analyser: Any) -> None:
    """The jobs as reader processes run them: ``CHUNK`` files at a time, a young collection after each chunk."""
    for start in range(0, len(jobs), CHUNK):
        parse_jobs(jobs[start:start + CHUNK], patterns, analyser)
        collector.collect_young()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=Path, required=True, help="the import corpus folder")
    parser.add_argument("--articles", type=int, default=3000, help="article files read (sorted by path)")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    jobs = corpus_jobs(args.files, args.articles)
    patterns = load_role_patterns([])
    analyser = AnalysisSetup(None).analyser()
    plain = [parse_job(job, patterns) for job in jobs]
    chosen = [[p for p in parsed.article.paragraphs if p.role in ANALYSED_ROLES and p.text]
              for parsed in plain if parsed.article is not None]
    actors = [find_actors(paragraphs) for paragraphs in chosen]
    people = [person_mentions(found) for found in actors]
    quotes = [find_quotes(paragraphs, mentioned) for paragraphs, mentioned in zip(chosen, people)]
    analysed = [parse_job(job, patterns, analyser) for job in jobs]
    pickled = [pickle.dumps(parsed) for parsed in analysed]
    articles = [parsed.article.paragraphs for parsed in plain if parsed.article is not None]
    parts: dict[str, Callable[[], Any]] = {
        "find_actors": lambda: [find_actors(paragraphs) for paragraphs in chosen],
        "find_quotes": lambda: [find_quotes(p, m) for p, m in zip(chosen, people)],
        "find_loaded": lambda: [find_loaded(p, q) for p, q in zip(chosen, quotes)],
        "Analyser (analyse + result)": lambda: [analyser(paragraphs) for paragraphs in articles],
        "Analyser.all per chunk": lambda: [getattr(analyser, "all")(articles[i:i + CHUNK])  # (not in older code)
                                           for i in range(0, len(articles), CHUNK)],
        "parse_job without analysis": lambda: [parse_job(job, patterns) for job in jobs],
        "parse_job with analysis": lambda: [parse_job(job, patterns, analyser) for job in jobs],
        "reader chunks without analysis": lambda: _chunks(jobs, patterns, None),
        "reader chunks with analysis": lambda: _chunks(jobs, patterns, analyser),
        "pickle Parsed without analysis": lambda: [pickle.dumps(parsed) for parsed in plain],
        "pickle Parsed with analysis": lambda: [pickle.dumps(parsed) for parsed in analysed],
        "unpickle Parsed with analysis": lambda: [pickle.loads(data) for data in pickled],
    }
    if not hasattr(analyser, "all"):
        del parts["Analyser.all per chunk"]
    collector.settle_process()  # as a reader process runs: no automatic collections
    print(f"{len(jobs)} files, {len(chosen)} articles; ms CPU per article, best of {args.passes} warm passes")
    for name, run in parts.items():
        print(f"  {name:32s} {1000 * _best(args.passes, run) / len(chosen):7.3f}")
    sizes = [len(pickle.dumps(parsed)) for parsed in plain], [len(data) for data in pickled]
    print(f"  pickled size per file: {sum(sizes[0]) / len(jobs):.0f} B without, {sum(sizes[1]) / len(jobs):.0f} B with")
    return 0


if __name__ == "__main__":
    sys.exit(main())
