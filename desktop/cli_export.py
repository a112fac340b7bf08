"""``lesesaal export (ID... | --list NAME) --format md|csv|json|csl-json|ris [-o PATH]``.

Without ``-o`` the export goes to stdout (Markdown notes one after the other); with it, the files written are
named on stdout, one a line (see ``library.export.writing`` for what PATH means per format).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli_paths import output_target
from desktop.export_source import export, export_ids
from library.export.values import FORMATS


def add_command(commands: Any, opener: Any) -> None:
    command = commands.add_parser("export", help="export articles or a reading list: Markdown notes, annotations "
                                                 "(CSV, JSON), references (CSL-JSON, RIS)")
    command.add_argument("ids", nargs="*", type=int, metavar="ID")
    command.add_argument("--list", metavar="NAME", help="export this reading list's articles, in its order")
    command.add_argument("--format", required=True, choices=FORMATS)
    command.add_argument("-o", "--output", metavar="PATH",
                         help="file (or, for md, a folder: one note per article); default: stdout")
    command.set_defaults(run=lambda args: _export(args, opener, command))


def _export(args: argparse.Namespace, opener: Any, command: argparse.ArgumentParser) -> int:
    if bool(args.ids) == (args.list is not None):
        command.error("give the articles' IDs or --list NAME (one of them)")
    with opener(args) as library:
        ids = export_ids(library, args.ids, args.list)
        if not ids:
            print(f"lesesaal: the reading list «{args.list}» has no articles; the export is empty", file=sys.stderr)
        text, written = export(library, args.format, ids, output_target(args.output))
    if args.output is None:
        sys.stdout.write(text)
    else:
        print("\n".join(str(path) for path in written))
        print(f"Exported {len(ids)} {'article' if len(ids) == 1 else 'articles'} as {args.format}.", file=sys.stderr)
    return 0
