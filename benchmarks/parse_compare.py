"""CPU time of ``library.parsing.parse_job`` per file (no analysis), and a check that a change keeps its results.

Runs the reader over every file of a benchmark corpus folder (``benchmarks/corpus.py`` builds them; the
import benchmark's ``--corpus-dir`` folders work as they are) in this one process. Prints milliseconds of
CPU time per file: the best of ``--passes`` warm passes (a first pass loads trafilatura and the language
data and is not counted).

``--save FILE`` writes every file's result (metadata, format, warnings, paragraphs with roles and text,
error text, the text print's bytes and sketch) as JSON lines; ``--compare FILE`` reads such a file and
lists the files whose results differ, so a speed-up can be shown to change nothing (exit status 1 when
any differ). ``--profile N`` prints the N functions with the most own time of one more pass.

    python benchmarks/parse_compare.py --corpus-dir DIR [--files N] [--save before.jsonl | --compare before.jsonl]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from articles.role_patterns import RolePatterns, load_role_patterns
from library.parsing import ParseJob, Parsed, parse_job


def corpus_jobs(folder: Path, limit: int | None) -> list[ParseJob]:
    """The corpus folder's article files (not its manifest or attribution), sorted, with their bytes."""
    root = folder / "articles" if (folder / "articles").is_dir() else folder
    files = sorted(path for path in root.rglob("*") if path.is_file())
    return [ParseJob(path, path.read_bytes()) for path in files[:limit]]


def result_record(job: ParseJob, parsed: Parsed, root: Path) -> dict[str, Any]:
    """Everything a user could see of one file's result, as plain JSON values."""
    record: dict[str, Any] = {"file": str(job.path.relative_to(root)), "error": parsed.error,
                              "print": parsed.text_print.packed.hex(), "sketch": list(parsed.text_print.sketch)}
    article = parsed.article
    if article is not None:
        record["metadata"] = asdict(article.metadata)
        record["format"] = article.format
        record["warnings"] = list(article.warnings)
        record["paragraphs"] = [[p.index, p.role.value, p.text] for p in article.paragraphs]
    return record


def timed_pass(jobs: list[ParseJob], patterns: RolePatterns) -> tuple[float, list[Parsed]]:
    started = time.process_time()
    results = [parse_job(job, patterns) for job in jobs]
    return time.process_time() - started, results


def compare(records: list[dict[str, Any]], saved_file: Path) -> int:
    """Prints the files whose records differ from the saved ones; the number of differences."""
    with saved_file.open(encoding="utf-8") as handle:
        saved = {record["file"]: record for record in map(json.loads, handle)}
    differing = 0
    for record in records:
        before = saved.pop(record["file"], None)
        if before != record:
            differing += 1
            keys = sorted(key for key in {*record, *(before or {})} if (before or {}).get(key) != record.get(key))
            print(f"differs: {record['file']}: {', '.join(keys) if before else 'not in the saved file'}")
    for name in saved:
        differing += 1
        print(f"differs: {name}: only in the saved file")
    print(f"compared {len(records)} files with {saved_file}: {differing} differ")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus-dir", type=Path, required=True, help="a corpus folder built by benchmarks/corpus.py")
    parser.add_argument("--files", type=int, help="only the first N files (default: all)")
    parser.add_argument("--passes", type=int, default=2, help="warm passes timed after the first (default 2)")
    parser.add_argument("--save", type=Path, help="write every file's result to this JSON-lines file")
    parser.add_argument("--compare", type=Path, help="compare the results with a file written by --save")
    parser.add_argument("--profile", type=int, metavar="N", help="print the N functions with most own time")
    args = parser.parse_args(argv)
    jobs = corpus_jobs(args.corpus_dir, args.files)
    patterns = load_role_patterns()
    first, results = timed_pass(jobs, patterns)
    warm = min(timed_pass(jobs, patterns)[0] for _ in range(max(0, args.passes))) if args.passes else first
    print(f"{len(jobs)} files: parse_job {warm / len(jobs) * 1e3:.3f} ms CPU per file "
          f"(first pass {first / len(jobs) * 1e3:.3f} ms)")
    records = [result_record(job, parsed, args.corpus_dir) for job, parsed in zip(jobs, results)]
    if args.save:
        with args.save.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        print(f"saved {len(records)} results to {args.save}")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(timed_pass, jobs, patterns)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    return 1 if args.compare and compare(records, args.compare) else 0


if __name__ == "__main__":
    sys.exit(main())
