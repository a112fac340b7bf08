"""``lesesaal summarize --list NAME``: every article of a reading list summarised in one run (summarize's batch).

Cached summaries come at once; the model is loaded once. Progress shows on stderr on a terminal; an article whose
summary fails is named on stderr and the others go on. Exit code 2 when some failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop.terminal_progress import ProgressLine
from library import reading_lists
from library.store import Library
from summarize.batch import BatchStep, summarize_many
from summarize.cache import LibraryCache
from summarize.protocol import CancelToken, Summarizer

ModelOpener = Callable[[str | None, Library, ProgressLine], Summarizer]


def summarize_list(args: argparse.Namespace, opener: Any, open_model: ModelOpener) -> int:
    from desktop.cli_summarize import summary_text

    status = ProgressLine(sys.stderr)
    with opener(args) as library:
        name = reading_lists.reading_list(library, args.list).name
        ids = reading_lists.article_ids(library, name)
        if not ids:
            print(f"lesesaal: the reading list «{name}» has no articles; nothing to summarise", file=sys.stderr)
        summarizer = None if args.extractive or not ids else open_model(args.model, library, status)
        try:
            steps = _steps(library, ids, summarizer, status)
        finally:
            if summarizer is not None:
                summarizer.close()
        titles = {i: library.title_of(i) for i in ids}
    status.clear()
    done = [s for s in steps if s.summary is not None]
    failed = [s for s in steps if s.summary is None]
    for step in failed:
        print(f"#{step.article_id}: {step.error}", file=sys.stderr)
    if args.json:
        shown = {"list": name, "summaries": [s.summary.to_json() for s in done if s.summary],
                 "failed": [{"id": s.article_id, "error": s.error} for s in failed]}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    elif done:
        print("\n\n".join(summary_text(s.summary, titles[s.article_id]) for s in done if s.summary))
    return 2 if failed else 0


def _steps(library: Library, ids: list[int], summarizer: Summarizer | None, status: ProgressLine) -> list[BatchStep]:
    cancel = CancelToken()
    steps: list[BatchStep] = []
    try:
        for step in summarize_many(library, ids, summarizer, cancel=cancel, cache=LibraryCache(library)):
            steps.append(step)
            status.show(f"summarised {step.done} of {step.total} …")
    except KeyboardInterrupt:
        cancel.cancel()
        status.clear()
        raise
    return steps
