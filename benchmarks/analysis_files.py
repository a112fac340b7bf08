"""The analysis over a folder of import files, as the readers run it: CPU time per article and a findings check.

Each file is parsed through ``library.parsing.parse_job`` (without analysis), then analysed by the
library's :class:`library.analysing.Analyser` (shipped lexicon). Prints milliseconds of CPU time per
article for the analysis alone (best of ``--passes`` warm passes after a cold one) and, with
``--profile``, the cProfile of one pass.

``--save FILE`` writes each file's findings JSON (keyed by its path inside the folder); ``--compare FILE``
lists the files whose findings differ from such a file (exit status 1 when any differ), so a speed-up can
be shown to change nothing on the real import corpus.

    python benchmarks/analysis_files.py --files DIR [--limit N] [--save F | --compare F] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.model import Paragraph  # noqa: E402
from articles.role_patterns import load_role_patterns  # noqa: E402
from library.analysing import Analyser  # noqa: E402
from library.parsing import ParseJob, parse_job  # noqa: E402


def parsed_articles(folder: Path, limit: int | None) -> dict[str, list[Paragraph]]:
    """Every readable file's paragraphs, by its path relative to ``folder`` (sorted)."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    patterns = load_role_patterns([])
    found = {}
    for path in files[:limit]:
        parsed = parse_job(ParseJob(path, path.read_bytes()), patterns)
        if parsed.article is not None:
            found[str(path.relative_to(folder))] = list(parsed.article.paragraphs)
    return found


def timed_pass(analyser: Analyser, articles: dict[str, list[Paragraph]]) -> tuple[float, dict[str, str]]:
    started = time.process_time()
    found = {name: analyser(paragraphs).findings_json for name, paragraphs in articles.items()}
    return time.process_time() - started, found


def compare(before: dict[str, str], found: dict[str, str]) -> list[str]:
    """The files whose findings differ, or that only one side has."""
    return sorted(name for name in before.keys() | found.keys() if before.get(name) != found.get(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=Path, required=True, help="a folder of files to import (read-only)")
    parser.add_argument("--limit", type=int, help="only the first N files (sorted by path)")
    parser.add_argument("--passes", type=int, default=1, help="warm passes timed after the cold one (default 1)")
    parser.add_argument("--save", type=Path, help="write each file's findings JSON to this file")
    parser.add_argument("--compare", type=Path, help="compare the findings with a file written by --save")
    parser.add_argument("--profile", action="store_true", help="print the cProfile of one more pass")
    args = parser.parse_args(argv)
    articles = parsed_articles(args.files, args.limit)
    analyser = Analyser(None)
    cold, found = timed_pass(analyser, articles)
    warm = min(timed_pass(analyser, articles)[0] for _ in range(max(1, args.passes)))
    print(f"{len(articles)} articles: analysis {1000 * warm / len(articles):.3f} ms CPU per article warm "
          f"(best of {args.passes}), {1000 * cold / len(articles):.3f} ms cold")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(timed_pass, analyser, articles)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    if args.save:
        args.save.write_text(json.dumps(found), encoding="utf-8")
    if args.compare:
        differ = compare(json.loads(args.compare.read_text(encoding="utf-8")), found)
        print(f"findings differ in {len(differ)} of {len(found)} files" + (f": {differ[:20]}" if differ else ""))
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
