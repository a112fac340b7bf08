"""``lesesaal summarize (ID | --list NAME) [--model PATH | --extractive] [--json]``: a checked summary of one
article, or of each article of a reading list (``cli_summarize_list``).

The model is ``--model PATH``, else ``LESESAAL_MODEL``, else the first .gguf in the models folder. On a
terminal, progress (loading, tokens streamed, checking) shows on stderr; piped output stays quiet.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.terminal_progress import ProgressLine
from library.store import Library
from summarize.cache import LibraryCache, library_hasher
from summarize.llama_backend import LlamaSummarizer
from summarize.pipeline import SummaryCache, summarize_article
from summarize.protocol import CancelToken, Summarizer
from summarize.settings import choose_model
from summarize.library_source import library_source
from summarize.source import Source
from summarize.values import Point, Progress, Summary


def add_command(commands: Any, opener: Any) -> None:
    command = commands.add_parser("summarize", help="a neutral, checked summary of an article (or a reading list)")
    command.add_argument("id", type=int, nargs="?")
    command.add_argument("--list", metavar="NAME", help="summarise every article of this reading list, in its order")
    choice = command.add_mutually_exclusive_group()
    choice.add_argument("--model", metavar="PATH", help="the .gguf model file (default: $LESESAAL_MODEL or the "
                                                        "first model in the models folder)")
    choice.add_argument("--extractive", action="store_true", help="pick sentences of the article; no model")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=lambda args: _summarize(args, opener, command))


def _summarize(args: argparse.Namespace, opener: Any, command: argparse.ArgumentParser) -> int:
    if (args.id is None) == (args.list is None):
        command.error("give one article's ID or --list NAME")
    if args.list is not None:
        from desktop.cli_summarize_list import summarize_list

        return summarize_list(args, opener, lambda path, library, status: _model(path, library, status))
    status = ProgressLine(sys.stderr)
    with opener(args) as library:
        stored = library.article(args.id)
        source = library_source(library, args.id)
        summarizer = None if args.extractive else _model(args.model, library, status)
        cancel = CancelToken()
        try:
            summary = _run(source, summarizer, cancel, LibraryCache(library), status)
        except KeyboardInterrupt:
            cancel.cancel()
            status.clear()
            raise
        finally:
            if summarizer is not None:
                summarizer.close()
    status.clear()
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print(summary_text(summary, stored.metadata.title))
    return 0


def _model(path: str | None, library: Library, status: ProgressLine) -> LlamaSummarizer:
    summarizer = LlamaSummarizer(choose_model(path), hasher=library_hasher(library))
    status.line(f"model: {summarizer.describe()}")
    return summarizer


def _run(source: Source, summarizer: Summarizer | None, cancel: CancelToken, cache: SummaryCache | None,
         status: ProgressLine) -> Summary:
    streamed = 0
    if summarizer is not None:
        status.show("loading the model and reading the article …")
    for event in summarize_article(source, summarizer, cancel=cancel, cache=cache):
        if isinstance(event, Summary):
            return event
        if isinstance(event, Progress):
            streamed += len(event.text)
            part = f" (part {event.done} of {event.total})" if event.total > 1 else ""
            status.show(f"{event.stage}{part} … {streamed} characters" if event.stage == "generating"
                        else f"{event.stage} …")
    raise KeyboardInterrupt  # the pipeline stops without a summary only when cancelled


def summary_text(summary: Summary, title: str) -> str:
    method = "model " + summary.model.name if summary.model else "extractive (sentences of the article)"
    lines = [f"Summary of #{summary.article_id} «{title}» — {method}" + (" [cached]" if summary.cached else ""), ""]
    lines += [_point_line(p, "") for p in summary.overview]
    lines += ["", "Key points:"] + [_point_line(p, "• ") for p in summary.key_points]
    lines += [f"\nNote: {w}" for w in summary.warnings]
    return "\n".join(lines)


def _point_line(point: Point, bullet: str) -> str:
    cited = "¶ " + ", ".join(map(str, point.paragraphs))
    mark = "" if point.verified else f"  [UNVERIFIED: {point.reason}]"
    return f"{bullet}{point.text} ({cited}){mark}"

