"""The command line's side of the analysis: stale analyses re-made on open, findings shown, ``actors``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop import cli_output, findings_output
from desktop.terminal_progress import ProgressLine
from library.reanalysis import reanalyse
from library.store import Library


def add_commands(commands: Any, opener: Any) -> None:
    command = commands.add_parser("actors", help="list the people, organisations and places the library's articles name")
    command.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    command.set_defaults(run=lambda args: _actors(args, opener))


def refresh_analyses(library: Library) -> int:
    """Re-analyse articles whose analysis is missing or stale, with a progress line; returns how many."""
    progress = ProgressLine(sys.stderr)
    done = 0
    for done, total in reanalyse(library):
        progress.update(done, total, "analysing")
    progress.clear()
    if done:
        print(f"lesesaal: analysed {done} article{'s' if done != 1 else ''} again "
              "(new or changed analysis: quotes, actors, loaded wording).", file=sys.stderr)
    return done


def _actors(args: argparse.Namespace, opener: Any) -> int:
    with opener(args) as library:
        actors = library.actors()
    cli_output.print_listing(actors, args.json, findings_output.actor_summary_json, findings_output.actors_table)
    return 0
