"""CPU time of ``articles.analysis.analyse`` per article, and a check that a change keeps its findings.

Articles: the first N/2 10kGNAD news articles and N/2 German Wikinews articles, built into paragraphs
as the import benchmark's corpus does (``benchmarks/corpus.py``). Prints milliseconds of CPU time per
article (best of ``--passes`` warm passes; the first, cold pass fills the word caches and is not counted).

``--together N`` analyses N articles at a time (``analyse_each``), as a reader process analyses the
articles of its chunk of files (``library.parsing.CHUNK``).

``--save FILE`` writes each article's findings (the library's stored JSON form); ``--compare FILE``
reads such a file and lists the articles whose findings differ, so a speed-up can be shown to change
nothing (exit status 1 when any differ).

``--files DIR`` reads the articles from the files under DIR instead (the import benchmark's corpus, e.g.
``benchmarks/.corpus/files-10000-seed-1-copies-0.04``), parsed as an import parses them
(``library.parsing.parse_job``); ``--articles`` then caps how many files are read (0: all).

    python benchmarks/analysis_speed.py [--articles 1000] [--save before.json | --compare before.json]
    python benchmarks/analysis_speed.py --files DIR --articles 0 [--save …| --compare …]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analysis_eval  # noqa: E402
import corpus  # noqa: E402

from articles.analysis import analyse, analyse_each  # noqa: E402
from articles.findings import Findings  # noqa: E402
from articles.findings_json import findings_to_json  # noqa: E402
from articles.model import Paragraph, Role  # noqa: E402


def articles(corpora: Path, count: int) -> list[list[Paragraph]]:
    """``count`` articles, half from 10kGNAD and half from Wikinews, as title plus body paragraphs."""
    gnad = corpus.load_10kgnad(corpora / "10kgnad" / "articles.csv", random.Random(7))[: count // 2]
    wikinews = corpus.load_wikinews(corpora / "wikinews-quotes")[: count - len(gnad)]
    built = []
    for story in gnad + wikinews:
        texts = [(Role.TITLE, story.title)] + [(Role.BODY, text) for text in story.paragraphs]
        built.append([Paragraph(index, role, text) for index, (role, text) in enumerate(texts)])
    return built


def parsed_files(folder: Path, count: int) -> list[list[Paragraph]]:
    """The paragraphs of the files under ``folder`` (sorted by path; the first ``count``, or all for 0),
    read as the import reads them; files that do not parse are left out."""
    from library.parsing import ParseJob, parse_job
    from articles.role_patterns import load_role_patterns

    files = sorted(path for path in folder.rglob("*") if path.is_file())
    patterns = load_role_patterns([])
    built = []
    for path in files[:count] if count else files:
        parsed = parse_job(ParseJob(path, path.read_bytes()), patterns)
        if parsed.article is not None:
            built.append(list(parsed.article.paragraphs))
    return built


def timed_pass(sample: list[list[Paragraph]], together: int = 0) -> tuple[float, list[str]]:
    """CPU seconds and each article's findings: one by one (``analyse``), or ``together`` at a time as a reader
    process analyses a chunk (``analyse_each``)."""
    started = time.process_time()
    if not together:
        found = [findings_to_json(analyse(paragraphs)) for paragraphs in sample]
    else:
        found = [findings_to_json(_findings(one)) for start in range(0, len(sample), together)
                 for one in analyse_each(sample[start:start + together])]
    return time.process_time() - started, found


def _findings(found: Findings | Exception) -> Findings:
    if isinstance(found, Exception):
        raise found
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=analysis_eval.default_corpora())
    parser.add_argument("--articles", type=int, default=1000, help="articles (with --files: files, 0 = all)")
    parser.add_argument("--files", type=Path, help="analyse the files under this folder, parsed as an import does")
    parser.add_argument("--passes", type=int, default=3, help="warm passes timed after the cold one (default 3)")
    parser.add_argument("--save", type=Path, help="write the findings of every article to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare the findings with a file written by --save")
    parser.add_argument("--together", type=int, default=0, metavar="N",
                        help="analyse N articles at a time, as a reader process analyses its chunk (analyse_each)")
    args = parser.parse_args(argv)
    sample = parsed_files(args.files, args.articles) if args.files else articles(args.corpora, args.articles)
    cold, found = timed_pass(sample, args.together)
    warm = min(timed_pass(sample, args.together)[0] for _ in range(max(1, args.passes)))
    how = f"analyse_each() of {args.together} at a time" if args.together else "analyse()"
    print(f"{len(sample)} articles: {how} {1000 * warm / len(sample):.3f} ms CPU per article warm "
          f"(best of {args.passes}), {1000 * cold / len(sample):.3f} ms cold")
    if args.save:
        args.save.write_text(json.dumps(found), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [number for number, (old, new) in enumerate(zip(before, found)) if old != new]
        print(f"findings differ in {len(differ)} of {len(found)} articles" + (f": {differ[:20]}" if differ else ""))
        return 1 if differ or len(before) != len(found) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
