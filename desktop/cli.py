"""The ``lesesaal`` command line: import, list, show, remove and choose primary copies.

Usage: ``lesesaal [--library DIR] COMMAND ...``; see ``lesesaal --help``. Exit codes: 0 on
success, 1 on an error that stopped the command, 2 when ``import`` could not import some
files (the others are imported) or the command line was wrong, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import closing
from importlib import metadata, resources
from pathlib import Path

from articles import compiled_status
from articles.errors import LesesaalError
from desktop import (cli_analysis, cli_annotate, cli_backup, cli_export, cli_gui, cli_lists, cli_output,
                     cli_search, cli_summarize, findings_output)
from library.annotations import annotations_of
from desktop.terminal_progress import ProgressLine
from library.importer import FAILED, CancelToken, ImportOptions, ImportOutcome, ImportProgress, import_paths
from library.paths import library_dir
from library.records import StoredContent
from library.store import Library

EXIT_OK, EXIT_ERROR, EXIT_SOME_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.run(args))
    except LesesaalError as error:
        print(f"lesesaal: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("lesesaal: interrupted; everything finished so far is kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``lesesaal list | head``): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lesesaal", description="An offline reading room for news articles.")
    parser.add_argument("--version", action=_VersionAction, help="show the version and how the analysis runs")
    parser.add_argument("--library", metavar="DIR", help="library folder (default: $LESESAAL_HOME or the user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    command = commands.add_parser("import", help="import article files and folders (recursively)")
    command.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    command.add_argument("--max-size", type=float, default=20.0, metavar="MB", help="skip files larger than this (default 20)")
    command.add_argument("--json", action="store_true", help="print one JSON object per file instead of text")
    command.set_defaults(run=_import)

    command = commands.add_parser("list", help="list the articles, copies of one story grouped")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=_list)

    command = commands.add_parser("show", help="show an article with the role of each paragraph")
    command.add_argument("id", type=int)
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=_show)

    command = commands.add_parser("remove", help="remove an article from the library (its file stays)")
    command.add_argument("id", type=int)
    command.add_argument("--with-annotations", action="store_true",
                         help="also delete the article's annotations (without it, an annotated article is kept)")
    command.set_defaults(run=_remove)

    command = commands.add_parser("primary", help="make an article the primary copy of its story")
    command.add_argument("id", type=int)
    command.set_defaults(run=_primary)

    command = commands.add_parser("demo", help="import the bundled sample articles into a fresh library and list them")
    command.set_defaults(run=_demo)
    cli_search.add_commands(commands, _open)
    cli_analysis.add_commands(commands, _open)
    cli_summarize.add_command(commands, _open)
    cli_annotate.add_commands(commands, _open)
    cli_lists.add_commands(commands, _open)
    cli_export.add_command(commands, _open)
    cli_backup.add_command(commands)
    cli_gui.add_command(commands)
    return parser


def _open(args: argparse.Namespace) -> Library:
    """The library, with today's automatic backup made and stale analyses re-made first (see
    ``cli_backup.daily_backup`` and ``cli_analysis.refresh_analyses``)."""
    library = Library.open(library_dir(args.library))
    try:
        cli_backup.daily_backup(library.directory)
        cli_analysis.refresh_analyses(library)
    except BaseException:
        library.close()
        raise
    return library


def _import(args: argparse.Namespace) -> int:
    options = ImportOptions(max_bytes=int(args.max_size * 1024 * 1024))
    with _open(args) as library:
        outcomes = _run_import(library, args.paths, options, as_json=args.json)
    if not args.json:
        print(cli_output.import_summary(outcomes))
    return EXIT_SOME_FAILED if any(o.status == FAILED for o in outcomes) else EXIT_OK


def _run_import(library: Library, paths: Sequence[Path], options: ImportOptions, *, as_json: bool) -> list[ImportOutcome]:
    """Import and index as it goes; the index is committed in batches and at the end."""
    with cli_search.open_index(library) as index, index.writer() as batch:
        return _import_steps(library, paths, options, as_json, batch.add)


def _import_steps(library: Library, paths: Sequence[Path], options: ImportOptions, as_json: bool,
                  on_stored: Callable[[StoredContent], None]) -> list[ImportOutcome]:
    progress = ProgressLine(sys.stderr)
    cancel = CancelToken()
    outcomes: list[ImportOutcome] = []
    try:
        with closing(import_paths(library, paths, options=options, cancel=cancel, on_stored=on_stored)) as steps:
            for step in steps:  # closed at once on Ctrl+C: the files finished so far are committed
                _show_step(step, outcomes, progress, as_json)
    except KeyboardInterrupt:
        cancel.cancel()
        progress.clear()
        print(f"Import interrupted after {len(outcomes)} files; those are kept.", file=sys.stderr)
        raise
    progress.clear()
    return outcomes


def _show_step(step: ImportProgress, outcomes: list[ImportOutcome], progress: ProgressLine, as_json: bool) -> None:
    outcome = step.outcome
    outcomes.append(outcome)
    if as_json:
        print(json.dumps(cli_output.outcome_json(outcome), ensure_ascii=False), flush=True)
    elif outcome.status == FAILED:
        progress.clear()
        print(f"{outcome.path}: {outcome.message}", file=sys.stderr)
    progress.update(step.done, step.total, str(outcome.path))


def _list(args: argparse.Namespace) -> int:
    with _open(args) as library:
        summaries = library.summaries()
    cli_output.print_listing(summaries, args.json, cli_output.summary_json, cli_output.library_table)
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    with _open(args) as library:
        article = library.article(args.id)
        findings = library.findings(args.id)
        annotations = annotations_of(library, args.id)
    if args.json:
        shown = {**cli_output.article_json(article), **findings_output.findings_json(findings),
                 "annotations": [cli_annotate.annotation_json(a) for a in annotations]}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        notes = "\n\nAnnotations:\n" + "\n".join(map(cli_annotate.annotation_text, annotations)) if annotations else ""
        print(cli_output.article_text(article) + findings_output.findings_text(findings) + notes)
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with _open(args) as library:
        title = library.article(args.id).metadata.title
        library.remove(args.id, with_annotations=args.with_annotations)
        cli_search.open_index(library, expect_changes=True).close()  # brings the index in step: the article leaves it
    print(f"Removed #{args.id} «{title}» from the library (the file itself is untouched).")
    return EXIT_OK


def _primary(args: argparse.Namespace) -> int:
    with _open(args) as library:
        library.set_primary(args.id)
        article = library.article(args.id)
        cli_search.open_index(library, expect_changes=True).close()  # the story's documents now point to the new primary
    print(f"#{article.id} is now the primary copy of «{article.metadata.title}» ({len(article.copies)} other copies).")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    folder = Path(args.library) if args.library else Path(tempfile.mkdtemp(prefix="lesesaal-demo-"))
    with resources.as_file(resources.files("resources").joinpath("samples")) as samples:
        with Library.open(folder) as library:
            outcomes = _run_import(library, [samples], ImportOptions(), as_json=False)
            print(cli_output.import_summary(outcomes))
            print(cli_output.library_table(library.summaries()))
    print(f"\nDemo library: {folder}\nTry: lesesaal --library {folder} show 1")
    return EXIT_SOME_FAILED if any(o.status == FAILED for o in outcomes) else EXIT_OK


class _VersionAction(argparse.Action):
    """``--version``: the version, then whether the analysis runs compiled (asked only when the option is given:
    it imports the analysis)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"lesesaal {_version()}\nanalysis: {compiled_status()}")
        parser.exit()


def _version() -> str:
    try:
        return metadata.version("lesesaal")
    except metadata.PackageNotFoundError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
