"""CPU time of ``find_actors`` per article, cold and warm, for this checkout or against another one.

Cold: a fresh process's first pass (the shipped lists loaded, every word described for the first time);
warm: the best of ``--passes`` further passes. The articles are the import corpus's files, parsed as an
import parses them, with the paragraphs the analysis reads.

``--against CHECKOUT`` times that checkout's ``articles`` package in the same process (copied to a temporary
folder under another name), alternating passes with this one, so that a busy machine slows both alike; it
also checks that both find the same actors. Run it from this checkout:

    python benchmarks/actor_speed.py --files /work/cache/corpus/files-10000-seed-1-copies-0.04 --articles 2000
    python benchmarks/actor_speed.py --files … --against /work/main
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, os.getcwd())

import articles.actors  # noqa: E402
from articles.analysis import ANALYSED_ROLES  # noqa: E402
from articles.model import Paragraph  # noqa: E402
from articles.role_patterns import load_role_patterns  # noqa: E402
from library.parsing import parse_job  # noqa: E402
from parse_compare import corpus_jobs  # noqa: E402  (this script's folder is on the path)

OTHER = "other_articles"
IMPORT = re.compile(r"\b(from|import) articles\b")


def other_checkout(checkout: Path, folder: Path) -> ModuleType:
    """``checkout``'s ``articles.actors``, its package copied into ``folder`` as ``other_articles``."""
    shutil.copytree(checkout / "articles", folder / OTHER, ignore=shutil.ignore_patterns("__pycache__"))
    for module in (folder / OTHER).glob("*.py"):
        module.write_text(IMPORT.sub(rf"\1 {OTHER}", module.read_text(encoding="utf-8")), encoding="utf-8")
    sys.path.append(str(folder))
    return importlib.import_module(f"{OTHER}.actors")


def comparable(actors: Sequence[Any]) -> list[tuple[Any, ...]]:
    """An article's actors as plain values (two checkouts' classes differ)."""
    return [(a.id, a.name, a.kind.value, a.aliases, a.role, [(s.paragraph, s.start, s.end) for s in a.mentions])
            for a in actors]


def cold(module: ModuleType, chosen: Sequence[Sequence[Paragraph]]) -> tuple[float, float, list[list[Any]]]:
    """Milliseconds loading the lists, milliseconds per article of the first pass, and what it found."""
    started = time.process_time()
    module.gazetteers()
    loaded = time.process_time()
    found = [comparable(module.find_actors(paragraphs)) for paragraphs in chosen]
    return 1000 * (loaded - started), 1000 * (time.process_time() - loaded) / len(chosen), found


def warm_pass(find: Callable[[Sequence[Paragraph]], Any], chosen: Sequence[Sequence[Paragraph]]) -> float:
    started = time.process_time()
    for paragraphs in chosen:
        find(paragraphs)
    return 1000 * (time.process_time() - started) / len(chosen)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=Path, required=True, help="the import corpus folder")
    parser.add_argument("--articles", type=int, default=2000, help="article files read (sorted by path)")
    parser.add_argument("--passes", type=int, default=5, help="warm passes (each, alternating with --against)")
    parser.add_argument("--against", type=Path, help="another checkout to time in the same process")
    args = parser.parse_args(argv)
    patterns = load_role_patterns([])
    parsed = [parse_job(job, patterns) for job in corpus_jobs(args.files, args.articles)]
    chosen = [[p for p in one.article.paragraphs if p.role in ANALYSED_ROLES and p.text]
              for one in parsed if one.article is not None]
    with tempfile.TemporaryDirectory() as folder:
        modules = {"this": articles.actors}
        if args.against is not None:
            modules = {"other": other_checkout(args.against, Path(folder)), **modules}
        gc.collect()
        gc.disable()  # as in a reader process
        first = {name: cold(module, chosen) for name, module in modules.items()}
        warm: dict[str, list[float]] = {name: [] for name in modules}
        for _ in range(args.passes):
            for name, module in modules.items():
                warm[name].append(warm_pass(module.find_actors, chosen))
    print(f"{len(chosen)} articles; find_actors ms CPU per article (load average {os.getloadavg()[0]:.2f})")
    for name, (loading, cold_ms, _) in first.items():
        print(f"  {name:5s} cold {cold_ms:.3f}, warm {min(warm[name]):.3f} (best of {args.passes}); lists {loading:.0f} ms")
    if args.against is not None:
        print(f"  this/other warm {min(warm['this']) / min(warm['other']):.3f}, cold {first['this'][1] / first['other'][1]:.3f}; "
              f"actors {'identical' if first['this'][2] == first['other'][2] else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
