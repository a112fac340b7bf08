"""Command-line commands of the search index: search, related, reindex."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from desktop import cli_output
from desktop.terminal_progress import ProgressLine
from library.store import Library
from search.index import SearchIndex, SyncReport
from search.searching import SORTS, Hit, SearchResults, related, search

_MARK = re.compile(r"<mark[^>]*>(.*?)</mark>")


def add_commands(commands: Any, opener: Any) -> None:
    command = commands.add_parser("search", help="search the library (see the query language in the README)")
    command.add_argument("query")
    command.add_argument("--limit", type=int, default=10)
    command.add_argument("--sort", choices=SORTS, default="relevance")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=lambda args: _search(args, opener))

    command = commands.add_parser("related", help="other coverage of the same story")
    command.add_argument("id", type=int)
    command.add_argument("--limit", type=int, default=10)
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=lambda args: _related(args, opener))

    command = commands.add_parser("reindex", help="rebuild the search index from the library")
    command.set_defaults(run=lambda args: _reindex(args, opener))


def open_index(library: Library, *, expect_changes: bool = False) -> SearchIndex:
    """The library's index, brought in step with the library; says so when it had to repair it."""
    progress = ProgressLine(sys.stderr)
    index, report = SearchIndex.open(library, progress=lambda done, total: progress.update(done, total, "indexing"))
    progress.clear()
    if report.rebuilt_because or not expect_changes:
        _report_repair(report)
    return index


def _report_repair(report: SyncReport) -> None:
    if report.rebuilt_because:
        print(f"lesesaal: the search index was rebuilt because {report.rebuilt_because}.", file=sys.stderr)
    elif report.added or report.removed or report.updated:
        print(f"lesesaal: brought the search index in step with the library ({report.added} added, "
              f"{report.updated} updated, {report.removed} removed).", file=sys.stderr)


def _search(args: argparse.Namespace, opener: Any) -> int:
    with opener(args) as library, open_index(library) as index:
        results = search(index, library, args.query, limit=max(1, args.limit), sort=args.sort)
    if args.json:
        print(json.dumps(results_json(results), ensure_ascii=False, indent=2))
    else:
        print(_results_text(results, sys.stdout.isatty()))
    return 0


def _related(args: argparse.Namespace, opener: Any) -> int:
    with opener(args) as library, open_index(library) as index:
        hits = related(index, library, args.id, limit=max(1, args.limit))
        title = library.title_of(args.id)
    if args.json:
        print(json.dumps({"id": args.id, "related": [hit_json(hit) for hit in hits]}, ensure_ascii=False, indent=2))
    elif not hits:
        print(f"No other coverage of «{title}» in the library.")
    else:
        print(f"Other coverage of «{title}»:")
        print("\n".join(_hit_text(hit, sys.stdout.isatty()) for hit in hits))
    return 0


def _reindex(args: argparse.Namespace, opener: Any) -> int:
    progress = ProgressLine(sys.stderr)
    with opener(args) as library, open_index(library) as index:
        count = index.rebuild(library, progress=lambda done, total: progress.update(done, total, "indexing"))
    progress.clear()
    print(f"Rebuilt the search index: {count} articles.")
    return 0


def hit_json(hit: Hit) -> dict[str, Any]:
    return {"id": hit.id, "title": hit.title, "source": hit.source, "date": hit.date, "score": hit.score,
            "snippet": hit.snippet, "snippet_text": hit.snippet_text, "duplicates": hit.duplicates,
            "annotations": hit.annotations, "in_note": hit.in_note, "note_snippet": hit.note_snippet}


def results_json(results: SearchResults) -> dict[str, Any]:
    return {"query": results.query, "total": results.total, "ignored": results.ignored,
            "hits": [hit_json(hit) for hit in results.hits], "facets": results.facets}


def _results_text(results: SearchResults, terminal: bool) -> str:
    lines = []
    if results.ignored:
        lines.append("Searched as plain words, ignoring: " + "; ".join(results.ignored))
    story = "story" if results.total == 1 else "stories"
    lines.append(f"{results.total} {story} for «{results.query}»")
    lines.extend(_hit_text(hit, terminal) for hit in results.hits)
    for name, counts in results.facets.items():
        if counts:
            lines.append(f"{name.capitalize()}: " + ", ".join(f"{key} ({count})" for key, count in counts.items()))
    return "\n".join(lines)


def _hit_text(hit: Hit, terminal: bool) -> str:
    copies = f"  [+{hit.duplicates} {'copy' if hit.duplicates == 1 else 'copies'}]" if hit.duplicates else ""
    snippet = _MARK.sub(r"\033[1m\1\033[0m" if terminal else r"*\1*", hit.snippet)
    snippet = cli_output.unescape(snippet)
    if hit.in_note:
        note = cli_output.unescape(_MARK.sub(r"\033[1m\1\033[0m" if terminal else r"*\1*", hit.note_snippet))
        snippet += f"\n       In your note: {note}"
    return f"{hit.id:>5}  {(hit.date or '–')[:10]:<10}  {hit.source[:20]:<20}  {hit.title}{copies}\n       {snippet}"
