"""``lesesaal lists [NAME] [changes] [--json]`` and ``lesesaal mark ID... STATE``: reading lists from scripts.

Without NAME, ``lists`` shows every list with its progress. With NAME it shows that list in order, after the
changes asked for, which are made in this order: ``--create``, ``--add``, ``--remove``, ``--move ID --to POS``,
``--rename NEW``, ``--delete``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from library import reading_lists as rl
from library.durable import durable
from library.reading_state import IN_PROGRESS, READ, STATES
from library.store import Library

_STATE_MARKS = {READ: "✓", IN_PROGRESS: "…"}


def add_commands(commands: Any, opener: Any) -> None:
    command = commands.add_parser("lists", help="reading lists with their progress; create and change them")
    command.add_argument("name", nargs="?", metavar="NAME", help="one list: show it (and change it)")
    command.add_argument("--create", action="store_true", help="create the list NAME")
    command.add_argument("--add", nargs="+", type=int, default=[], metavar="ID", help="append articles to the list")
    command.add_argument("--remove", nargs="+", type=int, default=[], metavar="ID", help="take articles off the list")
    command.add_argument("--move", type=int, metavar="ID", help="move an article of the list (with --to)")
    command.add_argument("--to", type=int, metavar="POS", help="the position (1 is first) --move puts it at")
    command.add_argument("--rename", metavar="NEW", help="give the list a new name")
    command.add_argument("--delete", action="store_true", help="delete the list (its articles stay in the library)")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=lambda args, parser=command: _lists(args, opener, parser))

    command = commands.add_parser("mark", help="set articles' reading state: read, unread or in-progress")
    command.add_argument("ids", nargs="+", type=int, metavar="ID")
    command.add_argument("state", choices=STATES, metavar="STATE", help="read, unread or in-progress")
    command.set_defaults(run=lambda args: _mark(args, opener))


def _lists(args: argparse.Namespace, opener: Any, command: argparse.ArgumentParser) -> int:
    changes = args.create or args.add or args.remove or args.move is not None or args.rename or args.delete
    if changes and not args.name:
        command.error("changing a list needs its NAME")
    if (args.move is None) != (args.to is None):
        command.error("--move ID and --to POS go together")
    if args.to is not None and args.to < 1:
        command.error(f"--to POS counts from 1 (the first place), not {args.to}")
    with opener(args) as library:
        if not args.name:
            _print_lists(rl.reading_lists(library), args.json)
            return 0
        name = _change(library, args)
        if args.delete:
            print(json.dumps({"deleted": name}, ensure_ascii=False) if args.json
                  else f"Deleted the reading list «{name}»; its articles stay in the library.")
            return 0
        _print_list(rl.reading_list(library, name), rl.entries(library, name), args.json)
    return 0


def _change(library: Library, args: argparse.Namespace) -> str:
    """Make the asked changes, all of them or (when one cannot be made) none; returns the list's name (a new one
    after --rename)."""
    with durable(library):
        return _make_changes(library, args)


def _make_changes(library: Library, args: argparse.Namespace) -> str:
    name = str(args.name)
    if args.create:
        name = rl.create_list(library, name).name
    if args.add:
        rl.add_to_list(library, name, args.add)
    if args.remove:
        rl.remove_from_list(library, name, args.remove)
    if args.move is not None:
        rl.move_in_list(library, name, args.move, args.to)
    if args.rename:
        name = rl.rename_list(library, name, args.rename).name
    if args.delete:
        name = rl.reading_list(library, name).name
        rl.delete_list(library, name)
    return name


def list_json(found: rl.ReadingList) -> dict[str, Any]:
    return {"id": found.id, "name": found.name, "created": found.created, "total": found.total,
            "read": found.read, "in_progress": found.in_progress, "unread": found.unread}


def entry_json(entry: rl.ListEntry) -> dict[str, Any]:
    return {"position": entry.position, "id": entry.article_id, "title": entry.title, "source": entry.source,
            "date": entry.date, "state": entry.state}


def progress_text(found: rl.ReadingList) -> str:
    busy = f", {found.in_progress} in progress" if found.in_progress else ""
    return f"{found.read} of {found.total} read{busy}"


def _print_lists(found: list[rl.ReadingList], as_json: bool) -> None:
    if as_json:
        print(json.dumps([list_json(x) for x in found], ensure_ascii=False, indent=2))
    elif not found:
        print("No reading lists yet. Create one with: lesesaal lists NAME --create")
    else:
        width = max(len(x.name) for x in found)
        print("\n".join(f"{x.name:<{width}}  {progress_text(x)}" for x in found))


def _print_list(found: rl.ReadingList, shown: list[rl.ListEntry], as_json: bool) -> None:
    if as_json:
        print(json.dumps({**list_json(found), "articles": [entry_json(e) for e in shown]}, ensure_ascii=False,
                         indent=2))
        return
    lines = [f"{found.name} — {progress_text(found)}"]
    for entry in shown:
        facts = ", ".join(x for x in (entry.source, (entry.date or "")[:10]) if x)
        mark = _STATE_MARKS.get(entry.state, " ")
        lines.append(f"{entry.position:>4}. [{mark}] #{entry.article_id}  {entry.title}" + (f"  ({facts})" if facts else ""))
    if not shown:
        lines.append("    (empty; add articles with: lesesaal lists NAME --add ID...)")
    print("\n".join(lines))


def _mark(args: argparse.Namespace, opener: Any) -> int:
    with opener(args) as library:
        library.set_reading_state(args.ids, args.state)
    print(f"Marked {', '.join(f'#{i}' for i in args.ids)} as {args.state}.")
    return 0
