"""Import benchmark: how fast a folder of saved articles goes into a library, and at what memory.

Builds (once, cached) a corpus of ``--files`` article files from ../shared/corpora (see
``corpus.py``), then measures, each phase in its own subprocess so peak memory is per phase:

1. baseline: walk the folder, read and decode every file;
2. parse: ``read_article`` on every file (parsing and roles, no storage);
3. import without analysis: ``import_paths`` with ``ImportOptions(analyse=False)`` into a fresh library
   (parse, roles, duplicate detection, SQLite);
4. import: the same with the analysis (quotes, actors, loaded wording) into another fresh library;
5. re-import: the same folder again into the analysed library (everything unchanged).

The analysis's share is the import's time over the import without analysis of the same run (wall
clock and CPU time of the importing process and its reader processes). With ``--index`` both imports
also add each stored article to a fresh search index as it comes, as ``lesesaal import`` does.

Rates are files per second including the folder walk; ratios are against the baseline of the
same run. The import is checked against ``--target`` (300 files/s): PASS/FAIL is printed and the
exit code is 0 either way unless ``--strict``. Planted near-duplicates (``manifest.json``) give
the recall of duplicate detection and the number of false copies.

    python benchmarks/import_bench.py                 # 10,000 files
    python benchmarks/import_bench.py --files 1000    # quick run
    python benchmarks/import_bench.py --files 1000 --profile   # plus the top functions under cProfile
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from corpus import Corpus, ensure_corpus

_HERE = Path(__file__).resolve().parent
_REPO = _HERE.parent
PHASES = ("baseline", "parse", "import-plain", "import", "reimport")
_PHASE_TITLES = {
    "baseline": "read + decode", "parse": "read_article (parse + roles)",
    "import-plain": "import into a fresh library, without analysis",
    "import": "import into a fresh library, with analysis", "reimport": "re-import, all unchanged",
}
#: The analysis may add at most this share to the import's time (issue 4).
ANALYSIS_BUDGET = 0.30


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, Path(args.articles), Path(args.library) if args.library else None,
                                   index=args.index)))
        return 0
    started = time.perf_counter()
    corpus, built = ensure_corpus(args.corpus_dir, args.corpora, args.files, args.seed, args.copy_share,
                                  rebuild=args.rebuild)
    _print_header(corpus, built, time.perf_counter() - started)
    with tempfile.TemporaryDirectory(prefix="lesesaal-bench-") as temp:
        library_dir = args.library or Path(temp) / "library"
        if library_dir.exists() and any(library_dir.iterdir()):
            print(f"import_bench: the library folder {library_dir} is not empty", file=sys.stderr)
            return 2
        results: dict[str, dict[str, Any]] = {}
        for number, phase in enumerate(PHASES, start=1):
            folder = library_dir.with_name(library_dir.name + "-plain") if phase == "import-plain" else library_dir
            results[phase] = _spawn(phase, corpus, folder, index=args.index)
            _print_phase(number, phase, results, corpus, args.target)
        passed = _print_summary(results, args.target)
        _print_analysis_share(results)
        if args.profile:
            profile_import(corpus, Path(temp) / "profiled", args.profile)
    return 1 if args.strict and not passed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000, help="files in the corpus (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed for building the corpus (default 1)")
    parser.add_argument("--copy-share", type=float, default=0.04, help="share of planted near-duplicates (0.04)")
    parser.add_argument("--corpus-dir", type=Path, default=_HERE / ".corpus",
                        help="cache folder for built corpora (default benchmarks/.corpus)")
    parser.add_argument("--corpora", type=Path, default=_REPO.parent / "shared" / "corpora",
                        help="the shared source corpora (default ../shared/corpora)")
    parser.add_argument("--rebuild", action="store_true", help="build the corpus even when it is cached")
    parser.add_argument("--library", type=Path, help="library folder to import into (must be empty; kept)")
    parser.add_argument("--target", type=float, default=300.0, help="import files/s to reach (default 300)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the import misses the target")
    parser.add_argument("--profile", type=int, nargs="?", const=10, default=0, metavar="N",
                        help="also import once under cProfile and print the top N functions (default 10)")
    parser.add_argument("--index", action="store_true",
                        help="index each article as it is stored, as lesesaal import does (both imports)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--articles", help=argparse.SUPPRESS)
    return parser


# Phases (each runs in its own process) -------------------------------------------------


def run_phase(phase: str, articles: Path, library_dir: Path | None, *, index: bool = False) -> dict[str, Any]:
    """Run one phase in this process; returns its timings, counts and memory as JSON-ready data."""
    from library.file_walk import find_files
    from library.importer import import_paths  # noqa: F401  (the import stack; trafilatura loads on the first HTML)

    rss_before = _max_rss_mb()  # after start-up: every phase starts with the same modules loaded
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    if phase == "baseline":
        result = _baseline([item.path for item in find_files([articles])])
    elif phase == "parse":
        result = _parse([item.path for item in find_files([articles])])
    else:
        assert library_dir is not None
        result = _import(articles, library_dir, analyse=phase != "import-plain", index=index and phase != "reimport")
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest reader process
    return {**result, "seconds": seconds, "cpu_seconds": cpu, "rss_before_mb": rss_before, "rss_peak_mb": _max_rss_mb(),
            "workers_peak_mb": workers_peak}


def _baseline(paths: list[Path]) -> dict[str, Any]:
    from articles.decoding import decode_bytes
    from articles.errors import ImportFailed

    failed = 0
    for path in paths:
        try:
            decode_bytes(path.read_bytes())
        except ImportFailed:
            failed += 1
    return {"files": len(paths), "failed": failed}


def _parse(paths: list[Path]) -> dict[str, Any]:
    from articles.errors import ImportFailed
    from articles.reader import read_article
    from articles.role_patterns import load_role_patterns

    patterns = load_role_patterns()
    failed, seconds, counts = 0, defaultdict[str, float](float), Counter[str]()
    for path in paths:
        started = time.perf_counter()
        try:
            read_article(path, patterns=patterns)
        except ImportFailed:
            failed += 1
        seconds[path.suffix] += time.perf_counter() - started
        counts[path.suffix] += 1
    by_format = {suffix: {"files": counts[suffix], "seconds": seconds[suffix]} for suffix in sorted(counts)}
    return {"files": len(paths), "failed": failed, "by_format": by_format}


def _cpu_seconds() -> float:
    """User and system CPU time of this process and its finished children (the reader processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _import(articles: Path, library_dir: Path, *, split: bool = True, analyse: bool = True,
            index: bool = False) -> dict[str, Any]:
    from contextlib import ExitStack

    from library.importer import ImportOptions, import_paths
    from library.store import Library

    stopwatch = _Stopwatch()
    if split:
        stopwatch.attach()
    rows, stamps, started = [], [], time.perf_counter()
    with Library.open(library_dir) as library, ExitStack() as stack:
        on_stored = None
        if index:
            from search.index import SearchIndex

            batch = stack.enter_context(stack.enter_context(SearchIndex.open(library)[0]).writer())
            on_stored = batch.add
        for step in import_paths(library, [articles], options=ImportOptions(analyse=analyse), on_stored=on_stored):
            outcome = step.outcome
            rows.append((outcome.path.relative_to(articles.absolute()).as_posix(), outcome.status,
                         outcome.article_id, outcome.duplicate_of, outcome.message))
            stamps.append(time.perf_counter() - started)
    size = sum(path.stat().st_size for path in library_dir.iterdir() if path.is_file())
    return {"files": len(rows), "rows": rows, "library_mb": size / 1e6, "tenths": _tenths(stamps),
            "split": dict(stopwatch.seconds)}


class _Stopwatch:
    """Adds up the time spent in a few steps of the import, to split the import's time.

    It wraps functions by name in this (phase) process only; a step that the library has
    renamed or removed is simply not timed and shows up under "rest".
    """

    STEPS = (("library.importer", "read_limited", "read"), ("library.importer", "parse_article", "parse + roles"),
             ("library.store", "Library.find_copy_of", "duplicate search"))

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def attach(self) -> None:
        import importlib

        for module_name, qualified, label in self.STEPS:
            owner: Any = importlib.import_module(module_name)
            *path, name = qualified.split(".")
            for part in path:
                owner = getattr(owner, part)
            if callable(getattr(owner, name, None)):
                setattr(owner, name, self._timed(getattr(owner, name), label))

    def _timed(self, function: Any, label: str) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started
        return timed


def _tenths(stamps: list[float]) -> list[float]:
    """Files/s in each tenth of the run, to show whether importing slows down as the library grows."""
    bounds = [round(len(stamps) * tenth / 10) for tenth in range(11)]
    rates = []
    for start, end in pairwise(bounds):
        if end > start:
            began = stamps[start - 1] if start else 0.0
            rates.append((end - start) / max(stamps[end - 1] - began, 1e-9))
    return rates


def _max_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    On Linux this is ``VmHWM`` from /proc: ``ru_maxrss`` of a process started by ``subprocess``
    also counts the parent's peak (the kernel carries it over the vfork and exec), so it would
    not be per phase. Elsewhere ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _spawn(phase: str, corpus: Corpus, library_dir: Path, *, index: bool = False) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", phase,
               "--articles", str(corpus.articles), "--library", str(library_dir)] + (["--index"] if index else [])
    done = subprocess.run(command, cwd=_REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"import_bench: the {phase} phase failed (exit code {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# Duplicates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyReport:
    marked: int                        # articles stored with duplicate_of set
    planted: int                       # planted (copy, original) pairs
    found: int                         # planted pairs that ended up in one duplicate group
    false_copies: list[tuple[str, str]]  # (article, its primary) where the two are different stories
    missed: list[tuple[str, str, str]]   # (copy, original, variant) not grouped


def evaluate_copies(corpus: Corpus, rows: list[list[Any]]) -> CopyReport:
    """Compare the duplicate groups the import made with the planted copies of the manifest."""
    story = {item.path: item.story for item in corpus.files}
    variant = {item.path: item.variant for item in corpus.files}
    path_of = {row[2]: row[0] for row in rows if row[2] is not None and row[1] in ("imported", "updated")}
    group = {row[0]: row[3] if row[3] is not None else row[2] for row in rows}
    marked = [row for row in rows if row[3] is not None]
    false_copies = [(row[0], path_of[row[3]]) for row in marked if story[row[0]] != story[path_of[row[3]]]]
    pairs = corpus.planted_pairs()
    missed = [(copy, original, variant[copy]) for copy, original in pairs
              if group.get(copy) is None or group.get(copy) != group.get(original)]
    return CopyReport(len(marked), len(pairs), len(pairs) - len(missed), false_copies, missed)


# Output --------------------------------------------------------------------------------


def _print_header(corpus: Corpus, built: bool, seconds: float) -> None:
    formats = Counter(item.format for item in corpus.files)
    stories = len({item.story for item in corpus.files})
    print(f"Lesesaal import benchmark: {len(corpus.files):,} files, {stories:,} stories, "
          f"{len(corpus.planted_pairs()):,} planted copies; "
          + ", ".join(f"{fmt} {formats[fmt]:,}" for fmt in ("txt", "md", "html")))
    print(f"corpus: {corpus.directory} ({'built' if built else 'cached'}, {seconds:.1f} s)")
    print(f"recombined stories: {corpus.stats.get('recombined', 0):,.0f}; a paragraph recurs in "
          f"{corpus.stats.get('stories_per_paragraph', 1):.2f} stories on average "
          "(shared text makes duplicate candidates)")
    print(f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.system()} "
          f"{platform.machine()}, {os.cpu_count()} CPUs, {_commit()}\n")


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=_REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=_REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    return f"commit {head}" + (" + uncommitted changes" if dirty else "")


def _rate(result: dict[str, Any]) -> float:
    return float(result["files"]) / max(float(result["seconds"]), 1e-9)


def _print_phase(number: int, phase: str, results: dict[str, dict[str, Any]], corpus: Corpus, target: float) -> None:
    result = results[phase]
    rate = _rate(result)
    print(f"[{number}/{len(PHASES)}] {phase}: {_PHASE_TITLES[phase]}")
    print(f"      {result['files']:,} files in {result['seconds']:.2f} s = {rate:,.0f} files/s "
          f"({1000 / max(rate, 1e-9):.2f} ms/file)")
    if phase != "baseline":
        ratio = rate / _rate(results["baseline"])
        print(f"      ratio to baseline: {ratio:.4f} "
              f"(each file takes {1 / max(ratio, 1e-9):,.1f}x the baseline's time)")
    print(f"      peak RSS {result['rss_peak_mb']:.1f} MB "
          f"(+{result['rss_peak_mb'] - result['rss_before_mb']:.1f} MB over the {result['rss_before_mb']:.1f} MB "
          "after start-up)")
    if result.get("workers_peak_mb"):
        print(f"      reader processes: the largest peaked at {result['workers_peak_mb']:.1f} MB RSS "
              "(each reader process is a separate Python; with N of them add about N times this)")
    if phase == "parse":
        _print_parse_details(result)
    if phase in ("import-plain", "import", "reimport"):
        _print_import_details(phase, result, corpus, target)
    print()


def _print_parse_details(result: dict[str, Any]) -> None:
    parts = [f"{suffix or '(none)'} {entry['seconds'] / entry['files'] * 1000:.2f} ms/file ({entry['files']:,})"
             for suffix, entry in result["by_format"].items()]
    print("      by format: " + ", ".join(parts) + f"; failed {result['failed']}")


def _print_import_details(phase: str, result: dict[str, Any], corpus: Corpus, target: float) -> None:
    statuses = Counter(row[1] for row in result["rows"])
    print("      outcomes: " + ", ".join(f"{status} {statuses[status]:,}"
                                         for status in ("imported", "updated", "unchanged", "failed")))
    for row in [row for row in result["rows"] if row[1] == "failed"][:5]:
        print(f"        failed: {row[0]}: {row[4]}")
    if result.get("split"):
        _print_split(result)
    print("      files/s by tenth of the run: " + " ".join(f"{rate:,.0f}" for rate in result["tenths"]))
    if phase == "reimport":
        return
    print(f"      library on disk: {result['library_mb']:.1f} MB")
    report = evaluate_copies(corpus, result["rows"])
    recall = report.found / report.planted if report.planted else 1.0
    print(f"      copies: {report.marked:,} articles marked as copies (duplicate_of set); planted pairs grouped "
          f"{report.found:,}/{report.planted:,} (recall {recall:.1%}); false copies {len(report.false_copies)}")
    for copy, original, variant in report.missed[:5]:
        print(f"        missed ({variant}): {copy} <- {original}")
    for article, primary in report.false_copies[:5]:
        print(f"        false copy: {article} -> {primary}")
    verdict = "PASS" if _rate(result) >= target else "FAIL"
    print(f"      target {target:,.0f} files/s: {verdict} ({_rate(result):,.0f} files/s)")


def _print_split(result: dict[str, Any]) -> None:
    parts = dict(result["split"])
    parts["rest (walk, hash, sketch, SQLite writes, commits)"] = result["seconds"] - sum(parts.values())
    print("      time split: " + ", ".join(
        f"{label} {seconds / result['files'] * 1000:.2f} ms/file ({seconds / result['seconds']:.0%})"
        for label, seconds in parts.items()))


def _print_summary(results: dict[str, dict[str, Any]], target: float) -> bool:
    baseline = _rate(results["baseline"])
    print(f"{'phase':<10} {'files':>7} {'seconds':>8} {'files/s':>9} {'ms/file':>8} {'vs base':>8} {'peak RSS MB':>12}")
    for phase in PHASES:
        result = results[phase]
        rate = _rate(result)
        print(f"{phase:<10} {result['files']:>7,} {result['seconds']:>8.2f} {rate:>9,.0f} {1000 / rate:>8.2f} "
              f"{rate / baseline:>8.4f} {result['rss_peak_mb']:>12.1f}")
    passed = _rate(results["import"]) >= target
    print(f"import target {target:,.0f} files/s: {'PASS' if passed else 'FAIL'}")
    return passed


def _print_analysis_share(results: dict[str, dict[str, Any]]) -> None:
    plain, analysed = results["import-plain"], results["import"]
    wall = analysed["seconds"] / plain["seconds"] - 1
    cpu = analysed["cpu_seconds"] / plain["cpu_seconds"] - 1 if plain.get("cpu_seconds") else float("nan")
    verdict = "PASS" if wall <= ANALYSIS_BUDGET else "FAIL"
    print(f"analysis share of the import: +{wall:.1%} wall clock ({plain['seconds']:.1f} s -> "
          f"{analysed['seconds']:.1f} s), +{cpu:.1%} CPU ({plain['cpu_seconds']:.1f} s -> {analysed['cpu_seconds']:.1f} s, "
          f"importing process and reader processes); budget +{ANALYSIS_BUDGET:.0%}: {verdict}")


def profile_import(corpus: Corpus, library_dir: Path, top: int) -> None:
    """Import the corpus once more under cProfile (in this process) and print the top functions."""
    import cProfile
    import pstats

    from articles.reader import read_article

    pages = [corpus.articles / item.path for item in corpus.files if item.format == "html"]
    if pages:
        read_article(pages[0])  # load lxml and trafilatura (a one-time cost) before profiling
    profiler = cProfile.Profile()
    profiler.enable()
    _import(corpus.articles, library_dir, split=False)
    profiler.disable()
    print(f"\ncProfile of one import of {len(corpus.files):,} files (fresh library), top {top} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(top)


if __name__ == "__main__":
    sys.exit(main())
