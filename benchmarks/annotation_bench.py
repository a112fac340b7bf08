"""Annotations: how long a durable save takes, and how well and how fast re-anchoring finds highlights again.

    .venv/bin/python benchmarks/annotation_bench.py [--corpora DIR] [--articles N] [--per-article K]

Articles: 10kGNAD (DER STANDARD, CC BY-NC-SA 4.0), written to a temporary folder as text files (paragraphs of
three sentences) and imported without analysis into a temporary library. K random highlights of 2 to 8 words
are made in each article; then every file is edited the way outlets revise a story (a sentence put in front of
the first paragraph, a paragraph inserted in the middle, one sentence dropped) and imported again. Prints the
save latency (wall and CPU, each save committed with synchronous = FULL), the re-import's re-anchoring share,
and how many highlights came back on their own words, how many were detached, and how many landed wrong.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from library import annotation_rows  # noqa: E402
from library.annotations import Anchor, add_annotation, all_annotations  # noqa: E402
from library.importer import ImportOptions, import_paths  # noqa: E402
from library.store import Library  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")
_WORD = re.compile(r"\S+")


def articles(corpora: Path, limit: int) -> list[list[str]]:
    found = []
    with (corpora / "10kgnad" / "articles.csv").open(encoding="utf-8") as handle:
        for _, text in csv.reader(handle, delimiter=";", quotechar="'"):
            sentences = _SENTENCE.split(text)
            if len(sentences) >= 10:
                found.append([sentences[0]] + [" ".join(sentences[i:i + 3]) for i in range(1, len(sentences), 3)])
            if len(found) == limit:
                break
    return found


def revised(paragraphs: list[str], rng: random.Random) -> list[str]:
    body = list(paragraphs[1:])
    body[0] = "Aktualisiert: Neue Angaben liegen vor. " + body[0]
    body.insert(len(body) // 2, "Ein Sprecher wollte sich dazu zunächst nicht äußern.")
    victim = rng.randrange(1, len(body))
    sentences = _SENTENCE.split(body[victim])
    if len(sentences) > 1:
        del sentences[rng.randrange(len(sentences))]
        body[victim] = " ".join(sentences)
    return [paragraphs[0], *body]


def highlight(library: Library, article_id: int, count: int, rng: random.Random, timings: list[tuple[float, float]]) -> None:
    paragraphs = [p for p in library.paragraphs(article_id) if len(_WORD.findall(p.text)) >= 10]
    for _ in range(count):
        paragraph = rng.choice(paragraphs)
        words = list(_WORD.finditer(paragraph.text))
        first = rng.randrange(len(words) - 8)
        last = first + rng.randrange(1, 8)
        wall, cpu = time.perf_counter(), time.process_time()
        add_annotation(library, article_id, Anchor(paragraph.index, words[first].start(), words[last].end()))
        timings.append((time.perf_counter() - wall, time.process_time() - cpu))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent.parent / "shared" / "corpora")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--per-article", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    texts = articles(args.corpora, args.articles)
    with tempfile.TemporaryDirectory(prefix="lesesaal-annotations-") as work:
        folder = Path(work) / "in"
        folder.mkdir()
        paths = [folder / f"artikel-{n:04}.txt" for n in range(len(texts))]
        for path, paragraphs in zip(paths, texts):
            path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        options = ImportOptions(analyse=False)
        with Library.open(Path(work) / "lib") as library:
            ids = [step.outcome.article_id for step in import_paths(library, [folder], options=options)]
            saves: list[tuple[float, float]] = []
            for article_id in ids:
                assert article_id is not None
                highlight(library, article_id, args.per_article, rng, saves)
            before = {a.id: (a.prefix, a.quote + a.suffix) for a in all_annotations(library)}
            for path, paragraphs in zip(paths, texts):
                path.write_text("\n\n".join(revised(paragraphs, rng)), encoding="utf-8")
            reanchor_cpu = _timed_reanchoring()
            started = time.process_time()
            list(import_paths(library, [folder], options=options))
            import_cpu = time.process_time() - started
            outcome = _outcome(library, before)
    walls, cpus = sorted(t[0] for t in saves), sorted(t[1] for t in saves)
    print(f"{len(ids)} articles, {len(saves)} highlights")
    print(f"save (durable): wall median {statistics.median(walls) * 1000:.2f} ms, p95 "
          f"{walls[int(len(walls) * 0.95)] * 1000:.2f} ms; CPU median {statistics.median(cpus) * 1000:.2f} ms")
    print(f"re-import of {len(ids)} edited files: {import_cpu:.2f} s CPU, of which re-anchoring "
          f"{reanchor_cpu[0]:.3f} s ({reanchor_cpu[0] / import_cpu * 100:.1f} %)")
    print("after the re-import, of {total} highlights: {kept} whose words and context are still in the text — "
          "{right} found where they are, {elsewhere} put elsewhere, {lost} detached; {changed} whose context "
          "changed — {changed_attached} attached to their words, {changed_detached} detached".format(**outcome))
    return 0


def _timed_reanchoring() -> list[float]:
    """Wraps the store's re-anchoring to add up its CPU time during the re-import."""
    spent = [0.0]
    original = annotation_rows.reanchor_article

    def timed(*args: object, **kwargs: object) -> None:
        started = time.process_time()
        original(*args, **kwargs)  # type: ignore[arg-type]
        spent[0] += time.process_time() - started

    annotation_rows.reanchor_article = timed  # type: ignore[assignment]
    return spent


def _outcome(library: Library, before: dict[int, tuple[str, str]]) -> dict[str, int]:
    """Where each highlight should be: where its old words with their whole old context stand now, if anywhere."""
    counts = dict.fromkeys(("kept", "right", "elsewhere", "lost", "changed", "changed_attached", "changed_detached"), 0)
    counts["total"] = len(before)
    for annotation in all_annotations(library):
        prefix, rest = before[annotation.id]
        truth = None
        for paragraph in library.paragraphs(annotation.article_id):
            at = paragraph.text.find(prefix + rest)
            if at >= 0:
                truth = (paragraph.index, at + len(prefix))
                break
        if truth is None:
            counts["changed"] += 1
            counts["changed_detached" if annotation.detached else "changed_attached"] += 1
            continue
        counts["kept"] += 1
        if annotation.detached:
            counts["lost"] += 1
        else:
            counts["right" if (annotation.paragraph, annotation.start) == truth else "elsewhere"] += 1
    return counts


if __name__ == "__main__":
    sys.exit(main())
