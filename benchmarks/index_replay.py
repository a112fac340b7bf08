"""Index worker replay: the documents of an import written again through the index's batch writer.

The index worker's CPU is hard to see inside ``index_bench`` (it shares the cores with the readers and the
importing process). This replays what an import hands the worker, in this process, and times its two parts:

    python benchmarks/index_replay.py capture DOCS ARTICLES   # import a corpus's files once, keep the documents
    python benchmarks/index_replay.py replay DOCS --index OUT [--no-actors] [--profile N]
    python benchmarks/index_replay.py compare OUT OTHER               # two replays' index files, byte for byte
    python benchmarks/index_replay.py actor-cost DOCS --index OUT [--rounds N] [--small-fields]  # ± actors

``capture`` imports a corpus's files with the analysis into a scratch library and pickles every
index document the import made (``document_for``, as ``IndexBatch.add`` makes them). ``replay`` writes them
into a fresh index at ``OUT`` with ``BatchWriter`` as the worker does (its commits included) and prints the
CPU of adding the documents, of the final commit (CPU and wall; the CPU of its forked child apart) and their
sum, the worker's own share of an import; ``--no-actors`` drops the actor fields (an import without the analysis). With ``--profile`` it
splits the adding into analysing text, buffering postings and writing stored fields. ``compare`` checks
that two replays (say, old and new code) wrote the same bytes into every segment file, matched by suffix
(segment names are random). ``actor-cost`` replays with and without the actor fields in turn, ``--rounds``
times each in one process, and prints the least CPU of each and their difference (the least of a few
runs: the cores are shared); with ``--small-fields`` the documents keep only the fields that are not text
(id, dates, source, group, ...), so the actor fields' own cost is not lost in the text's. Old against new code: run it from both checkouts, one after the other.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import os
import pickle
import pstats
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parent))

_ACTOR_FIELDS = ("actor", "actor_ids")
#: Where the adding's own time goes, by function (file part, function name), first match wins.
_PARTS = (("analysis.py", "text analysis"), ("compounds.py", "text analysis"), ("schema.py", "positions"),
          ("posting_blocks.py", "postings"), ("postings_file.py", "postings file"), ("term_table.py", "term table"),
          ("fields.py", "other fields"), ("analysis/", "other fields"), ("formats.py", "other fields"),
          ("writing.py", "stored fields"), ("whoosh3.py", "stored fields"), ("columns.py", "stored fields"),
          ("segment_writer.py", "segment writer"))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "capture":
        capture(args.documents, args.articles)
    elif args.command == "replay":
        documents = load(args.documents, actors=not args.no_actors)
        replay(documents, args.index, profile=args.profile)
    elif args.command == "actor-cost":
        actor_cost(args.documents, args.index, args.rounds, small=args.small_fields)
    else:
        return 0 if compare(args.index, args.other) else 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("capture", help="import a corpus once and keep its index documents")
    take.add_argument("documents", type=Path, help="file to pickle the documents into")
    take.add_argument("articles", type=Path, help="a built corpus's articles folder (see corpus.py)")
    again = commands.add_parser("replay", help="write captured documents into a fresh index, timed")
    again.add_argument("documents", type=Path)
    again.add_argument("--index", type=Path, required=True, help="folder for the index (emptied first)")
    again.add_argument("--no-actors", action="store_true", help="drop the actor fields (import without analysis)")
    again.add_argument("--profile", type=int, nargs="?", const=20, default=0, metavar="N",
                       help="cProfile the first round's adding; print the split and the top N functions")
    cost = commands.add_parser("actor-cost", help="replay with and without the actor fields, in turn; least CPU")
    cost.add_argument("documents", type=Path)
    cost.add_argument("--index", type=Path, required=True, help="folder for the index (emptied first)")
    cost.add_argument("--rounds", type=int, default=3, help="replays of each kind (default 3)")
    cost.add_argument("--small-fields", action="store_true", help="drop the text fields from every document")
    check = commands.add_parser("compare", help="compare two replays' index files byte for byte")
    check.add_argument("index", type=Path)
    check.add_argument("other", type=Path)
    return parser


def capture(target: Path, articles: Path) -> None:
    from library.importer import ImportOptions, import_paths
    from library.store import Library
    from search.documents import document_for

    documents: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="index-replay-") as scratch, Library.open(Path(scratch)) as library:
        for _ in import_paths(library, [articles], options=ImportOptions(analyse=True),
                              on_stored=lambda article: documents.append(document_for(article))):
            pass
    target.write_bytes(pickle.dumps(documents, pickle.HIGHEST_PROTOCOL))
    print(f"captured {len(documents)} documents from {articles} into {target}")


def load(source: Path, *, actors: bool) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = pickle.loads(source.read_bytes())
    if not actors:
        documents = [{name: value for name, value in document.items() if name not in _ACTOR_FIELDS}
                     for document in documents]
    return documents


def replay(documents: list[dict[str, Any]], folder: Path, *, profile: int = 0) -> dict[str, float]:
    """Writes ``documents`` into a fresh index at ``folder`` as the index worker does; prints and returns
    the CPU seconds of adding them and of the final commit, and the commit's wall time."""
    from search.index import _create
    from search.index_worker import worker_writer

    shutil.rmtree(folder, ignore_errors=True)
    _create(folder)
    gc.collect()
    writer = worker_writer(str(folder), 5.0)  # the worker's, its garbage collection included
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    for document in documents[:-1]:
        writer.apply(("add", document))
    if profiler is not None:
        profiler.disable()
    adding = time.process_time() - started
    tail = cProfile.Profile() if profile else None
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    if tail is not None:
        tail.enable()
    writer.apply(("add", documents[-1]))  # the tail: the last document, then the commit (one may come with it)
    writer.commit()
    if tail is not None:
        tail.disable()
    result = {"add_cpu": adding, "commit_cpu": time.process_time() - cpu, "commit_wall": time.perf_counter() - wall,
              "child_cpu": _children_cpu() - children}
    gc.enable()
    print(f"replay of {len(documents)} documents: adding {result['add_cpu']:.2f} s CPU; final commit "
          f"{result['commit_cpu']:.2f} s CPU (+ {result['child_cpu']:.2f} s in its forked child), "
          f"{result['commit_wall']:.2f} s wall; worker total {result['add_cpu'] + result['commit_cpu']:.2f} s CPU "
          f"(+ {result['child_cpu']:.2f} s)")
    if profiler is not None and tail is not None:
        print("\nadding (all documents but the last):")
        _print_profile(profiler, profile)
        print("\nthe final commit (the main thread):")
        _print_profile(tail, profile)
    return result


def actor_cost(source: Path, folder: Path, rounds: int, *, small: bool = False) -> None:
    """Replays with and without the actor fields, in turn; prints the least CPU of each and the difference
    (``small``: of documents without their text fields)."""
    from search.schema import GermanText, article_schema

    schema = article_schema()
    text = {name for name in schema.names() if isinstance(schema[name], GermanText)} if small else set()
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    least: dict[bool, tuple[float, float]] = {}
    for actors in [True, False] * rounds:
        documents = [{name: value for name, value in document.items() if name not in text}
                     for document in load(source, actors=actors)]
        with contextlib.redirect_stdout(io.StringIO()):
            result = replay(documents, folder)
        known = least.get(actors, (float("inf"), float("inf")))
        least[actors] = min(known[0], result["add_cpu"]), min(known[1], result["commit_cpu"])
    for actors, (adding, commit) in least.items():
        print(f"{'with' if actors else 'without'} actor fields: adding {adding:.2f} s CPU, final commit "
              f"{commit:.2f} s, worker {adding + commit:.2f} s (least of {rounds})")
    extra = [least[True][part] - least[False][part] for part in (0, 1)]
    print(f"actor fields: +{extra[0]:.2f} s adding, +{extra[1]:.2f} s commit, +{sum(extra):.2f} s "
          f"({sum(extra) / (len(documents) or 1) * 1e6:.0f} µs a document)")
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the final write's forked child; 0 without ``resource``)."""
    try:
        import resource
    except ImportError:
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _print_profile(profiler: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profiler, stream=sys.stdout)
    parts: Counter[str] = Counter()
    for key, (_, _, own, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        builtin = key[0] == "~" and callers and _part(key) == "everything else"  # a built-in: to its callers
        for caller, (_, _, seconds, _) in (callers.items() if builtin else [(key, (0, 0, own, 0))]):
            parts[_part(caller)] += seconds
    total = sum(parts.values()) or 1.0
    print("adding, own time by part (under cProfile): " + "; ".join(
        f"{label} {seconds:.2f} s ({seconds / total:.0%})" for label, seconds in parts.most_common()))
    stats.strip_dirs().sort_stats("tottime").print_stats(top)


def _part(key: tuple[str, int, str]) -> str:
    where = f"{key[0]}:{key[2]}"
    return next((label for part, label in _PARTS if part in where), "everything else")


def compare(folder: Path, other: Path) -> bool:
    """Whether both index folders hold segments with the same bytes in each of their files (by suffix)."""
    mine, theirs = _segment_files(folder), _segment_files(other)
    same = True
    for suffix in sorted(set(mine) | set(theirs)):
        kept = mine.get(suffix, []), theirs.get(suffix, [])
        equal = kept[0] == kept[1]
        same &= equal
        print(f"{suffix:>6}: {'same' if equal else 'DIFFERENT'} ({sum(map(len, kept[0]))} and "
              f"{sum(map(len, kept[1]))} bytes)")
    print("index files byte-identical" if same else "index files DIFFER")
    return same


def _segment_files(folder: Path) -> dict[str, list[bytes]]:
    """Each file inside the folder's compound segments, by suffix, in the order of the segments' names."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(folder), supports_mmap=False)
    found: dict[str, list[bytes]] = {}
    for path in sorted(folder.glob("*.seg")):
        compound = CompoundStorage(storage.open_file(path.name), use_mmap=False)
        for name in sorted(compound.list()):
            found.setdefault(name.split(".", 1)[-1], []).append(compound.open_file(name).read())
        compound.close()
    return found


if __name__ == "__main__":
    sys.exit(main())
