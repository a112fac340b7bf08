"""Command-line commands for annotations: ``annotate`` (make, edit, delete) and ``annotations`` (list)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from desktop import cli_search
from library.annotations import (
    COLOURS, Anchor, Annotation, add_annotation, all_annotations, annotations_of, delete_annotation, update_annotation,
)
from library.store import Library


def add_commands(commands: Any, opener: Any) -> None:
    command = commands.add_parser(
        "annotate", help="highlight text of an article, with a colour, note and tags; or edit or delete one",
        description="lesesaal annotate ID --paragraph N --start S --end E [--colour C] [--note TEXT] [--tag T ...]; "
                    "lesesaal annotate --edit AID [--colour C] [--note TEXT] [--tag T ... | --no-tags]; "
                    "lesesaal annotate --delete AID")
    command.add_argument("id", type=int, nargs="?", help="the article (as in 'lesesaal show ID')")
    command.add_argument("--paragraph", type=int, metavar="N", help="the paragraph's index (as in 'show --json')")
    command.add_argument("--start", type=int, metavar="S", help="first character of the highlight in the paragraph")
    command.add_argument("--end", type=int, metavar="E", help="the character after the highlight (end exclusive)")
    command.add_argument("--colour", "--color", choices=COLOURS, help="default yellow")
    command.add_argument("--note", metavar="TEXT")
    command.add_argument("--tag", action="append", metavar="T", help="a tag (repeat for several)")
    command.add_argument("--no-tags", action="store_true", help="with --edit: remove every tag")
    group = command.add_mutually_exclusive_group()
    group.add_argument("--edit", type=int, metavar="AID", help="change annotation AID instead of making one")
    group.add_argument("--delete", type=int, metavar="AID", help="delete annotation AID")
    command.add_argument("--json", action="store_true", help="print the annotation as JSON")
    command.set_defaults(run=lambda args: _annotate(args, opener, command))

    command = commands.add_parser("annotations", help="list annotations: an article's, or the whole library's")
    command.add_argument("id", type=int, nargs="?")
    command.add_argument("--tag", metavar="T", help="only annotations with this tag")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=lambda args: _list(args, opener))


def annotation_json(annotation: Annotation) -> dict[str, Any]:
    return {
        "id": annotation.id, "article_id": annotation.article_id, "paragraph": annotation.paragraph,
        "start": annotation.start, "end": annotation.end, "quote": annotation.quote, "prefix": annotation.prefix,
        "suffix": annotation.suffix, "colour": annotation.colour, "note": annotation.note,
        "tags": list(annotation.tags), "created": annotation.created, "updated": annotation.updated,
        "detached": annotation.detached,
    }


def annotation_text(annotation: Annotation) -> str:
    where = "detached: its text is no longer in the article" if annotation.detached else (
        f"paragraph {annotation.paragraph}, {annotation.start}–{annotation.end}")
    lines = [f"#{annotation.id} on article #{annotation.article_id} ({where}), {annotation.colour}",
             textwrap.indent(textwrap.fill(f"«{annotation.quote}»", 96), "    ")]
    if annotation.note:
        lines.append(textwrap.indent(textwrap.fill(f"Note: {annotation.note}", 96), "    "))
    if annotation.tags:
        lines.append("    Tags: " + ", ".join(annotation.tags))
    return "\n".join(lines)


def _annotate(args: argparse.Namespace, opener: Any, command: argparse.ArgumentParser) -> int:
    problem = _usage_problem(args)
    if problem:
        command.error(problem)
    with opener(args) as library:
        if args.delete is not None:
            delete_annotation(library, args.delete)
            made: Annotation | None = None
        elif args.edit is not None:
            tags = [] if args.no_tags else args.tag
            made = update_annotation(library, args.edit, colour=args.colour, note=args.note, tags=tags)
        else:
            made = add_annotation(library, args.id, Anchor(args.paragraph, args.start, args.end),
                                  colour=args.colour or "yellow", note=args.note or "", tags=args.tag or ())
        _sync_index(library)
    if made is None:
        print(json.dumps({"deleted": args.delete}) if args.json else f"Deleted annotation #{args.delete}.")
    else:
        print(json.dumps(annotation_json(made), ensure_ascii=False, indent=2) if args.json else annotation_text(made))
    return 0


def _usage_problem(args: argparse.Namespace) -> str:
    if args.delete is not None:
        extra = args.id is not None or args.note is not None or args.tag or args.colour or args.no_tags
        return "--delete AID takes no other options" if extra else ""
    if args.edit is not None:
        if args.id is not None or any(v is not None for v in (args.paragraph, args.start, args.end)):
            return "--edit AID changes colour, note and tags only; to move a highlight, delete it and make a new one"
        return "--tag and --no-tags exclude each other" if args.tag and args.no_tags else ""
    missing = [name for name, value in (("ID", args.id), ("--paragraph", args.paragraph), ("--start", args.start),
                                        ("--end", args.end)) if value is None]
    if missing:
        return "to make an annotation give " + ", ".join(missing) + " (or use --edit AID / --delete AID)"
    return "--no-tags only goes with --edit" if args.no_tags else ""


def _sync_index(library: Library) -> None:
    """Notes and tags are searchable: bring the index in step now rather than at the next search."""
    cli_search.open_index(library, expect_changes=True).close()


def _list(args: argparse.Namespace, opener: Any) -> int:
    with opener(args) as library:
        if args.id is not None:
            library.title_of(args.id)  # ArticleNotFound for an unknown id
            found = annotations_of(library, args.id)
        else:
            found = all_annotations(library)
    if args.tag:
        found = [a for a in found if args.tag.casefold() in (t.casefold() for t in a.tags)]
    if args.json:
        print(json.dumps([annotation_json(a) for a in found], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(annotation_text(a) for a in found) if found else "No annotations.", file=sys.stdout)
    return 0
