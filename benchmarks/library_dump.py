"""Every table of a library as sorted text lines, so that two imports of the same folder can be diffed.

Each row is one line ``table<TAB>column=value<TAB>...`` with every column, ids included; a table's lines
are sorted. Blobs print as hex. What differs between two runs of the same import by design is masked:
the times in ``*_at`` columns, and a folder prefix given with ``--root`` (each import's own copy of a
corpus), written as ``<root>``.

    python benchmarks/library_dump.py LIBRARY [--root FOLDER] [-o FILE]
    python benchmarks/library_dump.py LIBRARY OTHER [--root FOLDER] [--other-root FOLDER]

With two libraries it prints the first differing lines (at most ``--show``) and exits 1 when they differ.
"""

from __future__ import annotations

import argparse
import difflib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

_MASKED = "<time>"


def dump_lines(library: Path, root: str = "") -> Iterator[str]:
    """The library's rows, table by table (in name order), each table's lines sorted."""
    database = library / "library.sqlite3" if library.is_dir() else library
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        yield f"user_version\t{db.execute('PRAGMA user_version').fetchone()[0]}"
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}"')
            columns = [column[0] for column in cursor.description]
            rows = sorted(_line(table, columns, row, root) for row in cursor)
            yield f"{table}\t{len(rows)} rows"
            yield from rows
    finally:
        db.close()


def _line(table: str, columns: list[str], row: tuple[object, ...], root: str) -> str:
    return "\t".join([table, *(f"{column}={_value(column, value, root)}" for column, value in zip(columns, row))])


def _value(column: str, value: object, root: str) -> str:
    if column.endswith("_at") and value is not None:
        return _MASKED
    if isinstance(value, bytes):
        return value.hex()
    text = repr(value)
    return text.replace(root, "<root>") if root else text


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    first = list(dump_lines(args.library, str(args.root or "")))
    if args.other is None:
        text = "\n".join(first) + "\n"
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    second = list(dump_lines(args.other, str(args.other_root or args.root or "")))
    if first == second:
        print(f"identical: {len(first):,} lines ({args.library} and {args.other})")
        return 0
    diff = list(difflib.unified_diff(first, second, str(args.library), str(args.other), lineterm="", n=0))
    print("\n".join(diff[: args.show]))
    print(f"DIFFERENT: {sum(1 for line in diff if line[:1] in '+-') - 2} lines differ")
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path, help="a library folder (or its library.sqlite3)")
    parser.add_argument("other", type=Path, nargs="?", help="a second library to compare with the first")
    parser.add_argument("--root", type=Path, help="folder prefix to write as <root> (the imported folder)")
    parser.add_argument("--other-root", type=Path, help="the same for the second library (default: --root)")
    parser.add_argument("-o", "--output", type=Path, help="write the dump here instead of stdout")
    parser.add_argument("--show", type=int, default=40, help="differing lines to print (default 40)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
