"""``lesesaal gui [PATH | LINK ...]``: start the desktop app (Qt is imported only when this command runs)."""

from __future__ import annotations

import argparse
from typing import Any


def add_command(commands: Any) -> None:
    command = commands.add_parser("gui", help="open the desktop app")
    command.add_argument("targets", nargs="*", metavar="PATH_OR_LINK",
                         help="article files or folders to import and open, or lesesaal://article/ID#pN links")
    command.set_defaults(run=_gui)


def _gui(args: argparse.Namespace) -> int:
    from desktop.app import main

    return main([*(["--library", args.library] if args.library else []), "--", *args.targets])
