"""``lesesaal backup [-o PATH]`` and ``lesesaal backup --restore FILE``: copies of the library database.

A backup is a consistent copy even while the desktop app or an import writes (SQLite's online backup API); it is
read back and checked. A restore keeps the database it replaces in ``<library>/backups/`` and brings the search
index in step with the restored library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop import cli_search
from desktop.cli_paths import output_target
from library import backups
from library.paths import database_path, library_dir
from library.store import Library


def add_command(commands: Any) -> None:
    command = commands.add_parser("backup", help="copy the library database (consistent while the app runs), "
                                                 "or restore a copy")
    choice = command.add_mutually_exclusive_group()
    choice.add_argument("-o", "--output", metavar="PATH",
                        help="the copy's file, or a folder to put it in (default: the library's backups folder)")
    choice.add_argument("--restore", type=Path, metavar="FILE",
                        help="make the library this copy (close the desktop app first); the current database is "
                             "kept in the backups folder")
    command.set_defaults(run=_backup)


def _backup(args: argparse.Namespace) -> int:
    directory = library_dir(args.library)
    if args.restore is not None:
        return _restore(directory, args.restore)
    if not database_path(directory).exists():
        raise backups.BackupFailed(f"there is no library in {directory} to back up")
    report = backups.backup_library(directory, output_target(args.output))
    print(f"Backed up the library ({_contents(report)}, {report.bytes / 1_048_576:.1f} MB) to {report.path}")
    return 0


def _restore(directory: Path, file: Path) -> int:
    kept = backups.restore_library(directory, file)
    with Library.open(directory) as library:  # upgrades an older copy's schema
        cli_search.open_index(library, expect_changes=True).close()
        report = backups.check_backup(database_path(directory))
    print(f"Restored the library from {file} ({_contents(report)}).")
    if kept is not None:
        print(f"The database it replaced is kept as {kept}", file=sys.stderr)
    return 0


def daily_backup(directory: Path) -> None:
    """Today's automatic copy (``library.backups.daily_backup``); a failure is told on stderr and stops nothing."""
    try:
        backups.daily_backup(directory)
    except backups.BackupFailed as error:
        print(f"lesesaal: today's automatic backup was not made: {error}", file=sys.stderr)


def _contents(report: backups.BackupReport) -> str:
    articles = "1 article" if report.articles == 1 else f"{report.articles} articles"
    lists = "1 reading list" if report.lists == 1 else f"{report.lists} reading lists"
    annotations = "1 annotation" if report.annotations == 1 else f"{report.annotations} annotations"
    return f"{articles}, {annotations}, {lists}"
