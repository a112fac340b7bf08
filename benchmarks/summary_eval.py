"""Evaluates model summaries over a set of German articles and prints one row per article plus totals.

    .venv/bin/python benchmarks/summary_eval.py --model /path/to/model.gguf [--wikinews 7] [--corpora DIR]

Articles: the slanted, boilerplate-laden and prompt-injection samples written for this project
(``benchmarks/summary_articles/`` and ``tests/fixtures/summarize/``, plus ``de_rt_style.txt``) and German
Wikinews articles from ``<corpora>/wikinews-quotes/dev`` (CC BY 2.5, credit "Wikinews"), imported into a
temporary library as a user would, so paragraph roles are the importer's.

Per article it reports:

- ``method`` shown (llm, or extractive after a failed check) and the share of *shown* key points verified;
- of the model's own points (before any fallback): how many, how many verified, how many failed on a name or
  number the cited paragraphs lack;
- loaded words leaked into shown points (lexicon words outside quotation marks), and boilerplate leaked (a
  shown point sharing five consecutive words with a caption, credit, related link, disclaimer, promo or
  comment paragraph);
- whether the summary's language is the article's;
- time: model time (prefill + generation, load separately) against our own overhead (everything else in the
  pipeline: analysis, prompt, token counting, checks, extraction); the first streamed piece's delay against
  the model's own prefill time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.language import detect_language  # noqa: E402
from articles.loaded import loaded_words_in  # noqa: E402
from articles.model import Paragraph  # noqa: E402
from library.importer import import_paths  # noqa: E402
from library.store import Library  # noqa: E402
from summarize.checker import check_points  # noqa: E402
from summarize.llama_backend import BackendSettings, LlamaSummarizer  # noqa: E402
from summarize.pipeline import summarize_article  # noqa: E402
from summarize.prompt import ReplyUnreadable, SummaryOptions, read_reply  # noqa: E402
from summarize.source import Source, source_of  # noqa: E402
from summarize.protocol import CancelToken  # noqa: E402
from summarize.values import Chunk, Point, Progress, Request, Summary, Usage  # noqa: E402

SAMPLES = [*sorted((ROOT / "benchmarks" / "summary_articles").glob("*.txt")),
           *sorted((ROOT / "tests" / "fixtures" / "summarize").glob("*.txt")),
           ROOT / "tests" / "fixtures" / "articles" / "de_rt_style.txt"]
WIKINEWS_NAME = re.compile(r"^\d+ - (?P<title>.*?)(?: \((?P<date>\d{4}-\d{2}-\d{2})\))?\.pretty\.json$")
SHINGLE = 5


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    shown: int
    shown_verified: int
    model_points: int
    model_verified: int
    names_numbers_failed: int
    loaded_leaked: int
    boilerplate_leaked: int
    language_ok: bool
    model_s: float
    load_s: float
    overhead_s: float
    first_piece_s: float
    prefill_s: float
    points: tuple[Point, ...] = ()


def wikinews_files(corpora: Path, count: int, folder: Path) -> list[Path]:
    """Every n-th dev article (varied topics and years), written out as .txt with its title."""
    sources = sorted((corpora / "wikinews-quotes" / "dev").glob("*.pretty.json"))
    step = max(1, len(sources) // max(1, count))
    files = []
    for source in sources[::step][:count]:
        match = WIKINEWS_NAME.match(source.name)
        title = match.group("title") if match else source.stem
        text = json.loads(source.read_text(encoding="utf-8"))["originalText"]
        target = folder / f"wikinews-{source.name.split(' ')[0]}.txt"
        target.write_text(f"{title}\n\n{text.strip()}\n", encoding="utf-8")
        files.append(target)
    return files


def evaluate(library: Library, article_id: int, name: str, model: Recording, options: SummaryOptions) -> Row:
    stored = library.article(article_id)
    model.usage.clear()
    started = time.perf_counter()
    source = source_of(article_id, stored.paragraphs, stored.metadata.language)
    parts: dict[int, str] = {}
    first_piece = 0.0
    summary: Summary | None = None
    for event in summarize_article(source, model, options):
        if isinstance(event, Progress) and event.stage == "generating":
            first_piece = first_piece or time.perf_counter() - started
            parts[event.done] = parts.get(event.done, "") + event.text
        elif isinstance(event, Summary):
            summary = event
    total = time.perf_counter() - started
    assert summary is not None
    raw = _model_points(parts, source)
    shown = summary.overview + summary.key_points
    timings = summary.timings
    model_s = timings.generate_s
    return Row(
        name=name, method=summary.method, shown=len(summary.key_points),
        shown_verified=sum(p.verified for p in summary.key_points), model_points=len(raw),
        model_verified=sum(p.verified for p in raw),
        names_numbers_failed=sum(("name" in p.reason or "number" in p.reason) for p in raw if not p.verified),
        loaded_leaked=sum(len(loaded_words_in(p.text)) for p in shown),
        boilerplate_leaked=_boilerplate(shown, stored.paragraphs),
        language_ok=detect_language(" ".join(p.text for p in shown)) in (source.language, None),
        model_s=model_s, load_s=timings.load_s, overhead_s=total - model_s - timings.load_s,
        first_piece_s=first_piece - timings.load_s, prefill_s=model.usage[0].prefill_s if model.usage else 0.0,
        points=raw,
    )


def _model_points(parts: dict[int, str], source: Source) -> tuple[Point, ...]:
    points: tuple[Point, ...] = ()
    for text in parts.values():
        try:
            overview, key_points = read_reply(text)
        except ReplyUnreadable:
            continue
        points += overview + key_points
    return check_points(points, source)


class Recording:
    """The model, with the usage of each generation kept (for its prefill time)."""

    def __init__(self, model: LlamaSummarizer) -> None:
        self.model = model
        self.usage: list[Usage] = []
        self.info = model.info
        self.context_size = model.context_size

    def count_tokens(self, text: str) -> int:
        return self.model.count_tokens(text)

    def generate(self, request: Request, cancel: CancelToken | None = None) -> Iterator[Chunk]:
        for chunk in self.model.generate(request, cancel):
            if chunk.usage is not None:
                self.usage.append(chunk.usage)
            yield chunk

    def close(self) -> None:
        self.model.close()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _boilerplate(points: tuple[Point, ...], paragraphs: tuple[Paragraph, ...]) -> int:
    other = set().union(*(_shingles(p.text) for p in paragraphs if not p.is_article_text))
    return sum(bool(_shingles(p.text) & other) for p in points)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, type=Path)
    parser.add_argument("--wikinews", type=int, default=7)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--max-tokens", type=int, default=900)
    parser.add_argument("--show-points", action="store_true", help="print every model point with its check")
    args = parser.parse_args()
    backend = LlamaSummarizer(args.model, BackendSettings(n_ctx=args.n_ctx, n_threads=args.threads))
    print(f"# {backend.describe()}")
    hashed = time.perf_counter()
    model = Recording(backend)  # hashes the model file once, as the library's hash memo would
    print(f"# sha256 of the model file: {time.perf_counter() - hashed:.1f} s, once", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        folder.mkdir()
        files = [*SAMPLES, *wikinews_files(args.corpora, args.wikinews, folder)]
        with Library.open(Path(work) / "library") as library:
            for path in files:
                step = next(iter(import_paths(library, [path])))
                assert step.outcome.article_id is not None, step.outcome.message
                rows.append(evaluate(library, step.outcome.article_id, path.stem, model, SummaryOptions(max_tokens=args.max_tokens)))
                _print_row(rows[-1])
                if args.show_points:
                    for point in rows[-1].points:
                        print(f"    {'ok ' if point.verified else 'NO '} {point.paragraphs} {point.text}"
                              + ("" if point.verified else f"  <- {point.reason}"))
    model.close()
    _print_totals(rows)
    return 0


HEADER = (f"{'article':<34} {'method':<10} {'shown':>5} {'ok':>3} {'model':>5} {'ok':>3} {'n/#':>3} {'load':>4} "
          f"{'boil':>4} {'lang':>4} {'model_s':>8} {'ovh_s':>6} {'ovh%':>5} {'first_s':>7} {'prefill':>7}")


def _print_row(row: Row) -> None:
    if not hasattr(_print_row, "done"):
        print(HEADER)
        setattr(_print_row, "done", True)
    share = 100 * row.overhead_s / row.model_s if row.model_s else 0.0
    print(f"{row.name[:34]:<34} {row.method:<10} {row.shown:>5} {row.shown_verified:>3} {row.model_points:>5} "
          f"{row.model_verified:>3} {row.names_numbers_failed:>3} {row.loaded_leaked:>4} {row.boilerplate_leaked:>4} "
          f"{'yes' if row.language_ok else 'NO':>4} {row.model_s:>8.1f} {row.overhead_s:>6.2f} {share:>5.1f} "
          f"{row.first_piece_s:>7.2f} {row.prefill_s:>7.2f}", flush=True)


def _print_totals(rows: list[Row]) -> None:
    shown = sum(r.shown for r in rows)
    verified = sum(r.shown_verified for r in rows)
    model_points = sum(r.model_points for r in rows)
    model_s = sum(r.model_s for r in rows)
    overhead = sum(r.overhead_s for r in rows)
    late = [r.name for r in rows if r.first_piece_s > r.prefill_s + 0.3]
    print(f"\narticles {len(rows)}; model summaries shown {sum(r.method == 'llm' for r in rows)}, "
          f"extractive fallbacks {sum(r.method != 'llm' for r in rows)}")
    print(f"shown key points verified: {verified}/{shown} = {100 * verified / max(1, shown):.1f} % (target >= 90 %)")
    print(f"model's own points verified: {sum(r.model_verified for r in rows)}/{model_points}; failed on a name or "
          f"number: {sum(r.names_numbers_failed for r in rows)}")
    print(f"loaded words leaked: {sum(r.loaded_leaked for r in rows)}; boilerplate leaked: "
          f"{sum(r.boilerplate_leaked for r in rows)} (target 0 and 0)")
    print(f"language matches: {sum(r.language_ok for r in rows)}/{len(rows)}")
    print(f"model time {model_s:.1f} s (load {rows[0].load_s if rows else 0:.1f} s once), our overhead {overhead:.2f} s "
          f"= {100 * overhead / max(model_s, 1e-9):.2f} % (target <= 5 %)")
    print(f"first streamed piece within prefill + 0.3 s: {len(rows) - len(late)}/{len(rows)}"
          + (f" (late: {', '.join(late)})" if late else ""))


if __name__ == "__main__":
    sys.exit(main())
