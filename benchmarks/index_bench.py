"""Index benchmark: import + indexing speed, index size and search latency, against Recoll.

Uses the cached corpus of ``corpus.py``; each phase runs in its own process (peak memory per phase):
1. import-plain: ``import_paths`` without the analysis (``ImportOptions(analyse=False)``: parsing, roles,
   duplicates, indexing, what issue 3's target names) into a fresh library, each stored article added to
   the index as it comes;
2. import: the same with the analysis (quotes, actors, loaded wording), as ``lesesaal import`` runs it,
   into another fresh library; the analysis's added share of import time (issue 4's budget: 30 %)
   is this over import-plain;
3. search: ``search()`` (snippets and facets included) on the analysed library for fixed German
   queries, each timed ``--repeat`` times after a warm-up run (fewer when slow); p50/p95 over the
   queries' medians, in wall-clock and in CPU time (the search thread's; steadier on a busy machine);
4. recoll (where installed): ``recollindex`` on the same files with a fresh configuration (German
   stemming, no spelling dictionary, the same process priority as ours: by default it lowers its own
   to nice 19, which on a busy machine times other programs' load rather than its indexing), then
   ``recollq`` with ten abstracts for the queries that mean the same to it, one process per query; a
   query matching nothing gives the start-up to subtract.

With ``--rounds N`` (default 3) import-plain, import (with the analysis) and ``recollindex`` run alternately N
times (the first round as above, the others only these three), so all meet the same load; each one's median and
range, and those of the per-round ratios, are printed, and the summary, the ratios and the targets use the median
round (the targets the median ratios: ours/Recoll, and with/without the analysis). The index worker's CPU (the child process reaped by the final commit) and
the final commit's wall time (the tail everything else waits for) are printed per import.

Targets, PASS/FAIL (exit 0 unless ``--strict``): importing ``--files`` articles without the analysis
takes no longer than ``recollindex`` (ratio <= 1.0; the ratio with the analysis is printed beside it); the
analysis adds no more than 30 % to the import's wall-clock time (issue 4);
search p95 <= 50 ms at 40,000 articles (``--scale-to 40000``, or ``--search-library`` on a copy of an
existing library of that size).

    python benchmarks/index_bench.py --files 1000 --profile 15     # quick run, plus cProfile
    python benchmarks/index_bench.py --scale-to 40000              # 10,000 files, then 40,000
    python benchmarks/index_bench.py --files 10000 --search-library benchmarks/.corpus/gui-40000-1
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import ensure_corpus
from import_bench import _REPO, _commit, _max_rss_mb, _Stopwatch

_HERE = Path(__file__).resolve().parent
PHASES = ("import-plain", "import", "search", "recoll")
#: The phases run again in each further ``--rounds`` round (Recoll without its queries).
ROUND_PHASES = ("import-plain", "import", "recoll-index")
IMPORT_RATIO_TARGET = 1.0
#: Issue 4: the analysis adds at most this share to the import's wall-clock time.
ANALYSIS_SHARE_TARGET = 0.30
P95_TARGET_MS = 50.0
LATENCY_SCALE = 40_000
#: A query is timed ``--repeat`` times after a warm-up run, or fewer once its runs add up to this;
#: one whose warm-up run alone takes longer is not run again (that run is its time).
QUERY_BUDGET_MS = 3000.0
_NO_MATCH = "xqzjwvqplk"  # a word in no article: recollq's start-up, config and index opening


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    text: str
    recoll: bool = False  # the same text means the same query to recollq
    sort: str = "relevance"


def _queries(kind: str, texts: str, *, recoll: bool = False, sort: str = "relevance") -> list[BenchQuery]:
    return [BenchQuery(kind, text.strip(), recoll, sort) for text in texts.split("|")]


#: Words chosen from the 10kGNAD and Wikinews texts; compound parts occur mostly inside compounds.
QUERIES: tuple[BenchQuery, ...] = (
    *_queries("word", "Regierung|Polizei|Flüchtlinge|Österreich|Fußball|Unternehmen|Gericht|Smartphone|"
                      "Erdbeben|Klimawandel|Papst|Euro Griechenland|Polizei Anschlag|Wien Bürgermeister", recoll=True),
    *_queries("part", "Entsendung|Wahl|Minister|Krise|Sprecher|Kampf|Politik|Lager", recoll=True),
    *_queries("phrase", '"Vereinigten Staaten"|"Europäischen Union"|"Angela Merkel"|"Vereinten Nationen"|'
                        '"Weißen Haus"|"Barack Obama"', recoll=True),
    *_queries("OR", "Wien OR Graz|Syrien OR Irak|Merkel OR Faymann|Streik OR Demonstration", recoll=True),
    *_queries("-word", "Regierung -Österreich|Fußball -Bayern|Polizei -Wien|Präsident -Obama", recoll=True),
    *_queries("prefix*", "Flücht*|Regier*|Klima*|Wahlk*", recoll=True),
    *_queries("fuzzy~", "Regirung~|Polizie~|Griechnland~|Flüchtlnge~"),
    *_queries("title:", "title:Wahl|title:Regierung|title:Polizei|title:Flüchtlinge"),
    *_queries("date:", "Regierung date:2015..2017|Wahl date:2005..2007|Polizei date:2004..2010|Präsident date:2008"),
    *_queries("role:", "role:credit APA|role:caption,credit Reuters|role:related Regierung|role:promo Newsletter"),
    *_queries("by date", 'Regierung|Polizei Anschlag|"Vereinigten Staaten"|Wahl date:2005..2010', sort="date"),
)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, Path(args.articles), Path(args.library), args.repeat)))
        return 0
    with tempfile.TemporaryDirectory(prefix="lesesaal-index-bench-") as temp:
        work = args.work or Path(temp)
        scales = [args.files, *([args.scale_to] if args.scale_to and args.scale_to != args.files else [])]
        recoll = bool(shutil.which("recollindex") and shutil.which("recollq")) and not args.no_recoll
        print(f"Lesesaal index benchmark: {len(QUERIES)} queries x {args.repeat} runs; python "
              f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, {_commit()}")
        if not recoll:
            print("Recoll baseline skipped: " + ("--no-recoll" if args.no_recoll else "recollindex/recollq not found "
                  "(install with: apt-get install recoll)"))
        runs = {files: _run_scale(args, work, files, recoll) for files in scales}
        if args.search_library:
            runs[0] = _search_copy(args.search_library, work, args.repeat)
        failed = _print_summary(runs, args.files)
        if args.profile:
            corpus, _ = ensure_corpus(args.corpus_dir, args.corpora, args.files, args.seed, args.copy_share)
            shutil.rmtree(work / "profiled", ignore_errors=True)
            profile_import(corpus.articles, work / "profiled", args.profile)
    return 1 if args.strict and failed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000, help="files in the corpus (default 10000)")
    parser.add_argument("--scale-to", type=int, default=0, metavar="N",
                        help=f"also import an N-file corpus; search is judged there (target at {LATENCY_SCALE:,})")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (default 5)")
    parser.add_argument("--rounds", type=int, default=3, metavar="N",
                        help="run import-plain and recollindex alternately N times; medians judged (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed for building the corpus (default 1)")
    parser.add_argument("--copy-share", type=float, default=0.04, help="share of planted near-duplicates (0.04)")
    parser.add_argument("--corpus-dir", type=Path, default=_HERE / ".corpus", help="cache of built corpora")
    parser.add_argument("--corpora", type=Path, default=_REPO.parent / "shared" / "corpora",
                        help="the shared source corpora (default ../shared/corpora)")
    parser.add_argument("--work", type=Path, help="keep libraries and Recoll indexes here (emptied per scale)")
    parser.add_argument("--no-recoll", action="store_true", help="skip the Recoll baseline")
    parser.add_argument("--search-library", type=Path, metavar="DIR",
                        help="also time the searches on a copy of this existing library (e.g. 40,000 articles)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--profile", type=int, nargs="?", const=15, default=0, metavar="N",
                        help="also import + index --files under cProfile and print the top N functions")
    parser.add_argument("--phase", choices=(*PHASES, "recoll-index"), help=argparse.SUPPRESS)
    parser.add_argument("--articles", help=argparse.SUPPRESS)
    parser.add_argument("--library", help=argparse.SUPPRESS)
    return parser


def _run_scale(args: argparse.Namespace, work: Path, files: int, recoll: bool) -> dict[str, Any]:
    started = time.perf_counter()
    corpus, built = ensure_corpus(args.corpus_dir, args.corpora, files, args.seed, args.copy_share)
    print(f"\n== {len(corpus.files):,} files: corpus {corpus.directory} ({'built' if built else 'cached'}, "
          f"{time.perf_counter() - started:.1f} s)")
    folder = work / f"files-{files}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    run: dict[str, Any] = {"files": len(corpus.files)}
    for phase in PHASES:
        if phase == "recoll" and not recoll:
            continue
        target = folder / {"import-plain": "library-plain", "recoll": "recoll"}.get(phase, "library")
        result = _spawn(phase, corpus.articles, target, args.repeat, optional=phase == "recoll")
        if result is not None:
            run[phase] = result
            _print_phase(phase, run)
    _more_rounds(args, corpus.articles, folder, run)
    run["cli_seconds"], said = _time_cli(folder / "library")
    print(f"   one `lesesaal search Regierung` CLI call (process start, open, sync check, search): "
          f"{run['cli_seconds']:.2f} s" + (f" (it said: {said})" if said else ""))
    return run


def _more_rounds(args: argparse.Namespace, articles: Path, folder: Path, run: dict[str, Any]) -> None:
    """Rounds 2..N of import-plain, import and recollindex, alternately; ``run`` then holds each one's median
    round (by wall time) and the median ratios (``ratio_median``: ours/Recoll; ``analysis_median``: with the
    analysis over without)."""
    if args.rounds <= 1 or "import-plain" not in run:
        return
    rounds: dict[str, list[dict[str, Any]]] = {"import-plain": [run["import-plain"]]}
    if "import" in run:
        rounds["import"] = [run["import"]]
    if "recoll" in run:
        rounds["recoll"] = [run["recoll"]]
    for number in range(2, args.rounds + 1):
        for phase in ROUND_PHASES:
            kind = "recoll" if phase == "recoll-index" else phase
            if kind not in rounds:
                continue
            target = folder / f"{kind}-round"
            shutil.rmtree(target, ignore_errors=True)
            result = _spawn(phase, articles, target, args.repeat, optional=kind == "recoll")
            if result is None:
                rounds.pop(kind)
                continue
            rounds[kind].append(result)
            print(f"   round {number}: " + (f"recollindex {result['seconds']:.1f} s ({result['cpu']:.1f} s CPU)"
                                            if kind == "recoll" else _import_brief(kind, result)))
    _take_medians(run, rounds)


def _import_brief(kind: str, result: dict[str, Any]) -> str:
    return (f"{kind} {result['seconds']:.1f} s ({_cpu(result):.1f} s CPU; index worker {result['worker_cpu']:.1f} s "
            f"CPU, final commit {result['final_commit']:.1f} s; load average {result['load_average']:.1f})")


def _take_medians(run: dict[str, Any], rounds: dict[str, list[dict[str, Any]]]) -> None:
    def spread(values: list[float], unit: str = " s") -> str:
        return (f"median {statistics.median(values):.2f}{unit}, range {min(values):.2f}–{max(values):.2f}{unit} "
                f"over {len(values)} rounds")

    plain = rounds["import-plain"]
    print("   import-plain wall " + spread([r["seconds"] for r in plain]) + "; CPU " + spread([_cpu(r) for r in plain])
          + "; index worker CPU " + spread([r["worker_cpu"] for r in plain]) + "; final commit "
          + spread([r["final_commit"] for r in plain]))
    first_recoll = run.get("recoll")
    run["import-plain"] = _median_round(plain)
    if "import" in rounds:
        _take_analysis_median(run, plain, rounds["import"], spread)
    if "recoll" not in rounds or first_recoll is None:
        return
    recolls = rounds["recoll"]
    ratios = [imp["seconds"] / rec["seconds"] for imp, rec in zip(plain, recolls)]
    print("   recollindex wall " + spread([r["seconds"] for r in recolls]) + "; CPU " + spread([r["cpu"] for r in recolls]))
    print("   ours/Recoll wall-clock ratio per round " + spread(ratios, "") + " ("
          + ", ".join(f"{ratio:.2f}" for ratio in ratios) + ")")
    median = _median_round(recolls)
    run["recoll"] = {**first_recoll, "seconds": median["seconds"], "cpu": median["cpu"],
                     "rss_peak_mb": median["rss_peak_mb"], "index_mb": median["index_mb"]}
    run["ratio_median"] = statistics.median(ratios)


def _take_analysis_median(run: dict[str, Any], plain: list[dict[str, Any]], full: list[dict[str, Any]],
                           spread: Callable[..., str]) -> None:
    """The analysis's share of the import, round by round (each with-analysis import over its round's plain one)."""
    walls = [with_["seconds"] / without["seconds"] - 1 for without, with_ in zip(plain, full)]
    cpus = [_cpu(with_) / _cpu(without) - 1 for without, with_ in zip(plain, full)]
    print("   import (with the analysis) wall " + spread([r["seconds"] for r in full]) + "; CPU "
          + spread([_cpu(r) for r in full]))
    print("   the analysis's share per round, wall " + spread(walls, "") + " (" + ", ".join(f"{w:+.0%}" for w in walls)
          + "); CPU " + spread(cpus, "") + " (" + ", ".join(f"{c:+.0%}" for c in cpus) + ")")
    run["import"] = _median_round(full)
    run["analysis_median"] = statistics.median(walls)
    run["analysis_cpu_median"] = statistics.median(cpus)


def _median_round(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The round with the median wall time (the lower middle one of an even count)."""
    ordered = sorted(results, key=lambda result: float(result["seconds"]))
    return ordered[(len(ordered) - 1) // 2]


def _spawn(phase: str, articles: Path, target: Path, repeat: int, *, optional: bool = False) -> dict[str, Any] | None:
    """Run a phase in a new process; a failed optional phase (the Recoll baseline) is reported and skipped."""
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--articles", str(articles),
               "--library", str(target), "--repeat", str(repeat)]
    done = subprocess.run(command, cwd=_REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
        if optional:
            print(f"   {phase}: failed (exit code {done.returncode}, see above); baseline skipped")
            return None
        raise SystemExit(f"index_bench: the {phase} phase failed (exit code {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _search_copy(library: Path, work: Path, repeat: int) -> dict[str, Any]:
    """The search phase on a copy of an existing library (never written to: syncing may repair the copy)."""
    copy = work / "search-library"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(library, copy, ignore=shutil.ignore_patterns("ready"))
    result = _spawn("search", copy, copy, repeat)
    assert result is not None
    run: dict[str, Any] = {"files": result["documents"], "search": result, "copied_from": str(library)}
    print(f"\n== search on a copy of {library}")
    _print_phase("search", run)
    return run


def _time_cli(library_dir: Path) -> tuple[float, str]:
    """Seconds for one CLI search, and what it said on stderr (an index repair would show there)."""
    command = [str(Path(sys.executable).with_name("lesesaal")), "--library", str(library_dir), "search", "Regierung"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, " ".join(done.stderr.split())[:200]


# Phases (each runs in its own process) -------------------------------------------------


def run_phase(phase: str, articles: Path, target: Path, repeat: int) -> dict[str, Any]:
    if phase in ("import", "import-plain"):
        return _import(articles, target, analyse=phase == "import")
    if phase == "search":
        return _search(target, repeat)
    return _recoll(articles, target, repeat, queries=phase == "recoll")


class _IndexStopwatch(_Stopwatch):
    """The import's steps (import_bench) plus the indexing: loading the article, add, commit."""

    STEPS = (*_Stopwatch.STEPS, ("library.store", "Library.article", "load article"),  # type: ignore[assignment]
             ("search.index_batch", "IndexBatch.add", "index add"), ("search.index_batch", "IndexBatch.commit", "index commit"))


def _import(articles: Path, library_dir: Path, *, analyse: bool = True, timed: bool = True) -> dict[str, Any]:
    from library.importer import ImportOptions, import_paths
    from library.store import Library
    from search.index import SearchIndex

    stopwatch = _IndexStopwatch()
    if timed:
        stopwatch.attach()
    statuses: Counter[str] = Counter()
    started = time.perf_counter()
    with Library.open(library_dir) as library:
        index, _ = SearchIndex.open(library)
        with index.writer() as batch:
            for step in import_paths(library, [articles], options=ImportOptions(analyse=analyse), on_stored=batch.add):
                statuses[step.outcome.status] += 1
            loop_end, reaped = time.perf_counter(), _cpu_seconds()["children_cpu"]
        final_commit = time.perf_counter() - loop_end
        worker_cpu = _cpu_seconds()["children_cpu"] - reaped  # the readers have ended; the commit reaps the worker
        seconds = time.perf_counter() - started
        documents = index.document_count()
        index.close()
    return {"files": sum(statuses.values()), "statuses": dict(statuses), "documents": documents,
            "seconds": seconds, "final_commit": final_commit, "worker_cpu": worker_cpu, "split": dict(stopwatch.seconds),
            "index_mb": _size_mb(library_dir / "index"), "segments": len(list((library_dir / "index").glob("*.seg"))),
            "load_average": os.getloadavg()[0],
            "library_mb": _size_mb(library_dir) - _size_mb(library_dir / "index"),
            "rss_peak_mb": _max_rss_mb(), "workers_peak_mb": _children_peak_mb(), **_cpu_seconds()}


def _search(library_dir: Path, repeat: int) -> dict[str, Any]:
    from library.store import Library
    from search.index import SearchIndex
    from search.searching import search

    started = time.perf_counter()
    with Library.open(library_dir) as library:
        index, _ = SearchIndex.open(library)
        open_seconds = time.perf_counter() - started
        samples: list[list[float]] = []
        cpu_samples: list[list[float]] = []  # the same runs in CPU time of the searching thread
        hits, cold = [], 0.0
        for q in QUERIES:
            began = time.perf_counter()
            hits.append(search(index, library, q.text, limit=10, sort=q.sort).total)  # warm-up
            runs = [(time.perf_counter() - began) * 1000]
            cold += runs[0] / 1000
            cpu: list[float] = []
            if runs[0] < QUERY_BUDGET_MS:  # a query slower than the budget keeps its one run
                runs = []
                while len(runs) < repeat and sum(runs) < QUERY_BUDGET_MS:
                    began, began_cpu = time.perf_counter(), time.thread_time()
                    search(index, library, q.text, limit=10, sort=q.sort)
                    runs.append((time.perf_counter() - began) * 1000)
                    cpu.append((time.thread_time() - began_cpu) * 1000)
            samples.append(runs)
            cpu_samples.append(cpu or runs)
        documents = index.document_count()
        index.close()
    return {"samples": samples, "cpu_samples": cpu_samples, "hits": hits, "open_seconds": open_seconds,
            "warmup_seconds": cold, "documents": documents, "rss_peak_mb": _max_rss_mb(),
            "load_average": os.getloadavg()[0]}


def _recoll(articles: Path, config: Path, repeat: int, *, queries: bool = True) -> dict[str, Any]:
    config.mkdir(parents=True, exist_ok=True)
    (config / "recoll.conf").write_text(f"topdirs = {articles.absolute()}\nloglevel = 1\nnocjk = 1\nnoaspell = 1\n"
                                        "indexstemminglanguages = german\nidxniceprio = 0\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(["recollindex", "-c", str(config)], capture_output=True, check=True,
                   env={**os.environ, "RECOLL_CONFDIR": str(config)})
    seconds = time.perf_counter() - started
    peak = _children_peak_mb()
    cpu = _cpu_seconds()["children_cpu"]
    status = dict(line.split(" = ", 1) for line in (config / "idxstatus.txt").read_text().splitlines() if " = " in line)
    if not queries:
        return {"seconds": seconds, "cpu": cpu, "documents": int(status.get("docsdone", "0")), "rss_peak_mb": peak,
                "index_mb": _size_mb(config / "xapiandb")}

    def recollq(text: str) -> float:  # ten hits with their abstracts, as our search builds snippets
        return _milliseconds(["recollq", "-c", str(config), "-n", "10", "-A", text])

    translated = [q for q in QUERIES if q.recoll]
    for q in translated:
        recollq(q.text)  # warm-up: the page cache holds the index afterwards, as it does for ours
    samples = [[recollq(q.text) for _ in range(repeat)] for q in translated]
    startup = [recollq(_NO_MATCH) for _ in range(max(10, repeat))]
    help_ms = [_milliseconds(["recollq", "-h"]) for _ in range(max(10, repeat))]  # process start-up only
    return {"seconds": seconds, "cpu": cpu, "documents": int(status.get("docsdone", "0")), "rss_peak_mb": peak,
            "index_mb": _size_mb(config / "xapiandb"), "samples": samples, "startup_ms": statistics.median(startup),
            "help_ms": statistics.median(help_ms)}


def _size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6 if folder.exists() else 0.0


def _cpu_seconds() -> dict[str, float]:
    """CPU seconds (user + system) of this process and of its ended child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"main_cpu": own.ru_utime + own.ru_stime, "children_cpu": children.ru_utime + children.ru_stime}


def _children_peak_mb() -> float:
    """Peak RSS of the largest child process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _milliseconds(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return (time.perf_counter() - began) * 1000


# Output --------------------------------------------------------------------------------


def _latency(samples: list[list[float]], minus: float = 0.0) -> tuple[float, float]:
    """Median and p95 (nearest rank) over the queries of each query's median time, ``minus`` subtracted, in ms."""
    medians = sorted(max(0.0, statistics.median(runs) - minus) for runs in samples if runs)
    if not medians:
        return 0.0, 0.0
    return statistics.median(medians), medians[max(0, math.ceil(0.95 * len(medians)) - 1)]


def _print_phase(phase: str, run: dict[str, Any]) -> None:
    result = run[phase]
    if phase in ("import", "import-plain"):
        rate = result["files"] / result["seconds"]
        title = "with the analysis" if phase == "import" else "without the analysis"
        print(f"   import + index {title}: {result['files']:,} files in {result['seconds']:.1f} s = {rate:,.0f} files/s; "
              + ", ".join(f"{k} {v:,}" for k, v in sorted(result["statuses"].items()))
              + f"; {result['documents']:,} documents in the index")
        print(f"      CPU: importing process {result['main_cpu']:.1f} s, reader and index worker processes "
              f"{result['children_cpu']:.1f} s, together {result['main_cpu'] + result['children_cpu']:.1f} s "
              f"(load average {result['load_average']:.1f} at the end)")
        print(f"      index worker CPU {result['worker_cpu']:.1f} s (0 when indexed in this process); final commit "
              f"(the tail after the last file) {result['final_commit']:.1f} s")
        print(f"      peak RSS {result['rss_peak_mb']:.0f} MB, largest reader or index worker process "
              f"{result['workers_peak_mb']:.0f} MB; index {result['index_mb']:.1f} MB in {result['segments']} "
              f"segment(s), library (without index) {result['library_mb']:.1f} MB")
        _print_split(result)
    elif phase == "search":
        print(f"   search: index opened (with sync check) in {result['open_seconds']:.2f} s; warm-up runs "
              f"{result['warmup_seconds']:.2f} s; {result['documents']:,} documents; "
              f"peak RSS {result['rss_peak_mb']:.0f} MB")
        by_kind: defaultdict[str, list[float]] = defaultdict(list)
        for q, runs in zip(QUERIES, result["samples"]):
            by_kind[q.kind].extend(runs)
        print("      median ms by kind: " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in by_kind.items()))
        cpu_p50, cpu_p95 = _latency(result["cpu_samples"])
        print(f"      in CPU time of the searching thread: p50 {cpu_p50:.1f} ms, p95 {cpu_p95:.1f} ms "
              f"(load average {result['load_average']:.1f} at the end)")
        slowest = sorted(zip(QUERIES, result["samples"]), key=lambda item: -statistics.median(item[1]))[:4]
        print("      slowest: " + "; ".join(f"{q.text!r}{' (by date)' if q.sort == 'date' else ''} "
                                             f"{statistics.median(runs):.0f} ms" for q, runs in slowest))
        empty = [q.text for q, total in zip(QUERIES, result["hits"]) if not total]
        print(f"      queries without hits: {', '.join(empty) if empty else 'none'}")
    else:
        print(f"   recollindex: {result['documents']:,} documents (files and folders) in {result['seconds']:.1f} s "
              f"({result['cpu']:.1f} s CPU); "
              f"peak RSS {result['rss_peak_mb']:.0f} MB; index {result['index_mb']:.1f} MB")
        print(f"      recollq start-up (query matching nothing) {result['startup_ms']:.1f} ms, `recollq -h` "
              f"{result['help_ms']:.1f} ms; {len(result['samples'])} queries translate")


def _print_split(result: dict[str, Any]) -> None:
    """Where the importing process spent its time (readers parse and the index worker indexes in parallel;
    waiting for them is in 'rest' and 'index commits')."""
    split = dict(result["split"])
    if not split:
        return
    commits = split.get("index commit", 0.0)
    parts = {"read": split.get("read", 0.0), "duplicate search": split.get("duplicate search", 0.0),
             "load article": split.get("load article", 0.0),
             "index add (queued or sent to the index worker)": split.get("index add", 0.0)
             - (commits - result["final_commit"]),
             "index commits (waiting for the worker at the end)": commits}
    parts["rest (wait for readers, SQLite writes)"] = result["seconds"] - sum(parts.values())
    print("      importing process: " + ", ".join(f"{label} {seconds:.1f} s ({seconds / result['seconds']:.0%})"
                                                   for label, seconds in parts.items()))


def _print_summary(runs: dict[int, dict[str, Any]], files: int) -> bool:
    """The table, our/Recoll ratios, the analysis's share and the targets; True when a target failed.
    ``runs[0]``, when present, is the search on a copy of an existing library (no import)."""
    print(f"\n{'files':>7} {'import':>13} {'s':>6} {'art/s':>6} {'CPU s':>6} {'RSS MB':>7} {'reader MB':>9} "
          f"{'index MB':>9} {'lib MB':>7} | {'recoll s':>8} {'CPU s':>6} {'RSS MB':>7} {'index MB':>8}")
    for run in (run for key, run in runs.items() if key):
        for phase in ("import-plain", "import"):
            imp = run[phase]
            line = (f"{run['files']:>7,} {'with analysis' if phase == 'import' else 'plain':>13} "
                    f"{imp['seconds']:>6.1f} {imp['files'] / imp['seconds']:>6.0f} {_cpu(imp):>6.1f} "
                    f"{imp['rss_peak_mb']:>7.0f} {imp['workers_peak_mb']:>9.0f} {imp['index_mb']:>9.1f} "
                    f"{imp['library_mb']:>7.1f} | ")
            rec = run.get("recoll")
            print(line + (f"{rec['seconds']:>8.1f} {rec['cpu']:>6.1f} {rec['rss_peak_mb']:>7.0f} "
                          f"{rec['index_mb']:>8.1f}" if rec else "(no Recoll)"))
    print(f"\n{'articles':>8} {'p50 ms':>7} {'p95 ms':>7} {'CPU p50':>8} {'CPU p95':>8} | "
          f"{'q p50 raw/net':>14} {'q p95 raw/net':>14}")
    for key, run in runs.items():
        found = run["search"]
        (p50, p95), (c50, c95) = _latency(found["samples"]), _latency(found["cpu_samples"])
        line = f"{found['documents']:>8,} {p50:>7.1f} {p95:>7.1f} {c50:>8.1f} {c95:>8.1f} | "
        if "recoll" in run:
            rec = run["recoll"]
            raw, net = _latency(rec["samples"]), _latency(rec["samples"], rec["startup_ms"])
            line += f"{raw[0]:>6.1f}/{net[0]:<7.1f} {raw[1]:>6.1f}/{net[1]:<7.1f}"
        print(line + ("" if "recoll" in run else f"(copy of {run['copied_from']})" if not key else "(no Recoll)"))
    print("(p50/p95 over the queries of each one's median time; recollq: raw per process, "
          "net = minus the start-up of a query matching nothing)")
    for key, run in runs.items():
        if key:
            _print_analysis_share(run)
            if "recoll" in run:
                _print_ratios(run)
    return _targets(runs, files)


def _cpu(result: dict[str, Any]) -> float:
    return float(result["main_cpu"] + result["children_cpu"])


def _print_analysis_share(run: dict[str, Any]) -> None:
    plain, full = run["import-plain"], run["import"]
    wall = run.get("analysis_median", full["seconds"] / plain["seconds"] - 1)
    cpu = run.get("analysis_cpu_median", _cpu(full) / _cpu(plain) - 1)
    rounds = " (medians of the per-round shares)" if "analysis_median" in run else ""
    print(f"{run['files']:,} files, the analysis adds {wall:+.0%} wall-clock time and {cpu:+.0%} CPU time to the "
          f"import{rounds} (issue 4's budget: +30 %)")


def _print_ratios(run: dict[str, Any]) -> None:
    rec = run["recoll"]
    ours = _latency([runs for q, runs in zip(QUERIES, run["search"]["samples"]) if q.recoll])
    raw, net = _latency(rec["samples"]), _latency(rec["samples"], rec["startup_ms"])
    for phase, title in (("import-plain", "without the analysis (issue 3)"), ("import", "with the analysis")):
        imp = run[phase]
        print(f"{run['files']:,} files, ours/Recoll, import + index {title}: wall-clock time "
              f"{imp['seconds'] / rec['seconds']:.2f}, CPU time {_cpu(imp) / max(rec['cpu'], 0.01):.2f}")
    print(f"{run['files']:,} files, ours/Recoll, search on the {len(rec['samples'])} shared queries: p50 {ours[0]:.1f} ms "
          f"vs {raw[0]:.1f} raw / {net[0]:.1f} net = {ours[0] / raw[0]:.2f} / {ours[0] / max(net[0], 0.1):.2f}, "
          f"p95 {ours[1]:.1f} ms vs {raw[1]:.1f} / {net[1]:.1f} = {ours[1] / raw[1]:.2f} / "
          f"{ours[1] / max(net[1], 0.1):.2f}")


def _targets(runs: dict[int, dict[str, Any]], files: int) -> bool:
    """PASS/FAIL for both targets; True when one failed."""
    base = runs[files]
    big = max(runs.values(), key=lambda run: int(run["search"]["documents"]))
    ratio = base.get("ratio_median", base["import-plain"]["seconds"] / base["recoll"]["seconds"]) if "recoll" in base \
        else None
    (_, p95), (_, cpu_p95) = _latency(big["search"]["samples"]), _latency(big["search"]["cpu_samples"])
    scale = int(big["search"]["documents"])
    latency = p95 if scale >= LATENCY_SCALE else None
    rounds = ", median of the rounds" if "ratio_median" in base else ""
    failed = _verdict(f"import + index of {base['files']:,} files without the analysis no slower than recollindex "
                      f"(wall-clock ratio{rounds})", ratio, IMPORT_RATIO_TARGET, "no Recoll baseline")
    share = base.get("analysis_median")
    if share is None and "import" in base and "import-plain" in base:
        share = base["import"]["seconds"] / base["import-plain"]["seconds"] - 1
    failed = _verdict(f"the analysis's added share of the import of {base['files']:,} files (wall-clock{rounds})",
                      share, ANALYSIS_SHARE_TARGET, "no import with and without the analysis") or failed
    failed = _verdict(f"search p95 (ms) at {scale:,} articles", latency, P95_TARGET_MS,
                      f"p95 {p95:.1f} ms at {scale:,}; run with --scale-to {LATENCY_SCALE}") or failed
    if latency is not None:
        print(f"       (in CPU time of the searching thread: p95 {cpu_p95:.1f} ms, "
              f"{'PASS' if cpu_p95 <= P95_TARGET_MS else 'FAIL'})")
    return failed


def _verdict(title: str, value: float | None, limit: float, missing: str) -> bool:
    if value is None:
        print(f"TARGET {title} <= {limit:g}: not measured ({missing})")
        return False
    print(f"TARGET {title} <= {limit:g}: {'PASS' if value <= limit else 'FAIL'} ({value:.2f})")
    return value > limit


# Profile -------------------------------------------------------------------------------

_AREAS = (("search/compounds", "compound splitting"), ("search/analysis", "our filters (fold, compound, stem)"),
          ("whoosh/analysis", "whoosh tokenizer + lowercase"), ("whoosh/codec", "whoosh codec (postings, segments)"),
          ("whoosh/", "whoosh other (add_document, pool, commit/merge)"), ("library/", "library"),
          ("sqlite3", "SQLite"), ("acquire", "waiting (readers, locks)"))


def _area(key: tuple[str, int, str]) -> str:
    where = f"{key[0]}:{key[2]}"
    return next((label for part, label in _AREAS if part in where), "everything else")


def profile_import(articles: Path, library_dir: Path, top: int) -> None:
    """Import + index once more under cProfile (in this process); print the top functions and a split by area."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    _import(articles, library_dir, timed=False)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    areas: Counter[str] = Counter()
    # stats.stats (not in typeshed) keeps the full file names until strip_dirs; a built-in's
    # own time goes to the areas of its callers
    for key, (_, _, own, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        builtin = key[0] == "~" and callers and _area(key) == "everything else"
        shares = callers.items() if builtin else [(key, (0, 0, own, 0))]
        for caller, (_, _, seconds, _) in shares:
            areas[_area(caller)] += seconds
    total = sum(areas.values())
    print(f"\ncProfile of import + index of {articles} (fresh library, importing process only), "
          f"top {top} by cumulative time:")
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    print("Own time by area: " + "; ".join(f"{label} {seconds:.1f} s ({seconds / total:.0%})"
                                           for label, seconds in areas.most_common()))


if __name__ == "__main__":
    sys.exit(main())
