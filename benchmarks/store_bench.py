"""The importing process's CPU time per file, and a re-import of edited files, on a copy of a corpus.

Copies a corpus's ``articles`` folder into ``--work`` (once), imports it into a fresh library there
(``import_paths`` without a search index: parsing in the reader processes, everything else in this
process), then optionally edits the copy and imports it again into the same library. Prints the CPU
seconds of this process (``time.process_time``: the library writes, duplicate look-ups, hand-over from
the readers) and of the reader processes, per step. The libraries stay in ``--work`` for
``library_dump.py`` (``--root WORK/articles``), so that two versions of the code can be compared on
the same files:

    python benchmarks/store_bench.py --corpus /work/cache/corpus/files-1000-seed-1-copies-0.04 --work /tmp/a
    python benchmarks/library_dump.py /tmp/a/library-analysed /tmp/b/library-analysed \\
        --root /tmp/a/articles --other-root /tmp/b/articles

The edits (``--reimport``) are chosen to exercise what a re-import must keep right: every seventh file
gains a paragraph naming people by full name or by surname alone in turns (actors merging across
articles, a surname taken over by a full name), every eleventh takes another file's text (it becomes a
copy, or stops being one) and every thirteenth loses its second half.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from library.importer import ImportOptions, import_paths  # noqa: E402
from library.store import Library  # noqa: E402

#: Named in turns by the edits: full names and their surnames alone, and spelling variants.
_NAMES = ("Keir Starmer", "Starmer", "Wolodymyr Selenskyj", "Selenskij", "Friedrich Merz", "Merz",
          "Emmanuel Macron", "Macron", "Zelensky", "Ursula von der Leyen")


def import_once(articles: Path, library_dir: Path, *, analyse: bool) -> dict[str, Any]:
    """Import the folder; the CPU seconds of this process and of the readers, and the outcomes."""
    statuses: dict[str, int] = {}
    own, thread, readers = time.process_time(), time.thread_time(), _children_cpu()
    with Library.open(library_dir) as library:
        for step in import_paths(library, [articles], options=ImportOptions(analyse=analyse)):
            statuses[step.outcome.status] = statuses.get(step.outcome.status, 0) + 1
    files = sum(statuses.values())
    cpu, in_thread = time.process_time() - own, time.thread_time() - thread
    return {"files": files, "statuses": statuses, "main_cpu": round(cpu, 3),
            "main_thread_cpu": round(in_thread, 3),  # the rest: the pool's hand-over threads
            "main_cpu_ms_per_file": round(cpu / max(files, 1) * 1000, 3),
            "readers_cpu": round(_children_cpu() - readers, 3)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit_files(articles: Path) -> int:
    """Edit the copy in place (deterministically, by sorted path); returns how many files changed."""
    files = sorted(path for path in articles.rglob("*") if path.is_file())
    texts = {path: path.read_text(encoding="utf-8", errors="replace") for path in files}
    changed = 0
    for number, path in enumerate(files):
        text = texts[path]
        if number % 7 == 3:
            text = _with_paragraph(path, text, number)
        elif number % 11 == 5:
            text = texts[files[(number * 31) % len(files)]]
        elif number % 13 == 6:
            text = text[: len(text) // 2]
        else:
            continue
        path.write_text(text, encoding="utf-8")
        changed += 1
    return changed


def _with_paragraph(path: Path, text: str, number: int) -> str:
    first, second = _NAMES[number % len(_NAMES)], _NAMES[(number // 7) % len(_NAMES)]
    sentence = (f"{first} sagte am Montag, die Lage sei ernst. „Wir werden handeln“, betonte {second} "
                f"nach dem Treffen in Brüssel.")
    if path.suffix == ".html" and "</body>" in text:
        return text.replace("</body>", f"<p>{sentence}</p></body>", 1)
    return f"{text.rstrip()}\n\n{sentence}\n"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    articles = args.work / "articles"
    if not articles.exists():
        shutil.copytree(args.corpus / "articles", articles)
    results: dict[str, Any] = {}
    for analyse in (False, True) if args.both else (not args.no_analysis,):
        library_dir = args.work / ("library-analysed" if analyse else "library-plain")
        shutil.rmtree(library_dir, ignore_errors=True)
        label = "analysed" if analyse else "plain"
        results[f"import-{label}"] = _profiled(args.profile, import_once, articles, library_dir, analyse=analyse)
    if args.reimport:
        results["edited"] = edit_files(articles)
        library_dir = args.work / ("library-plain" if args.no_analysis and not args.both else "library-analysed")
        results["reimport"] = import_once(articles, library_dir, analyse=library_dir.name.endswith("analysed"))
    print(json.dumps(results, indent=1))
    return 0


def _profiled(top: int, function: Any, *positional: Any, **named: Any) -> Any:
    if not top:
        return function(*positional, **named)
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: the readers' waits are not ours
    result = profiler.runcall(function, *positional, **named)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(top)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a built corpus (with an articles folder)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the copy and the libraries")
    parser.add_argument("--no-analysis", action="store_true", help="import without the analysis")
    parser.add_argument("--both", action="store_true", help="import without and then with the analysis")
    parser.add_argument("--reimport", action="store_true", help="then edit the copy and import it again")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile each import, top N by own time")
    return parser


if __name__ == "__main__":
    sys.exit(main())
