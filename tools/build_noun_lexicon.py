"""Build ``resources/lexicon/german_nouns.txt.gz``, the noun lexicon the compound splitter uses.

The source is ``nouns.csv`` of the ``german-nouns`` package (German Wiktionary, CC BY-SA 4.0). Pass
either the downloaded wheel or the CSV itself; nothing is installed::

    python tools/build_noun_lexicon.py /tmp/gn/german_nouns-1.2.5-py3-none-any.whl
    python tools/build_noun_lexicon.py /tmp/nouns.csv

Rows that are first names or surnames (``Vorname``, ``Nachname``) are left out: as parts of a
compound split they are almost always wrong (``Besch|reibung``, ``Klaus|berger``). Place names stay,
since ``Nord|afrika`` and ``Balkan|route`` are real compounds.

The output is sorted, one word a line, lowercase with ß folded to ss, and gzip-compressed with
mtime 0, so the same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

CSV_IN_WHEEL = "german_nouns/nouns.csv"
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "lexicon" / "german_nouns.txt.gz"
FORM_COLUMNS = ("nominativ", "genitiv")
NAME_POS = frozenset({"Vorname", "Nachname"})
KEPT_WORD = re.compile(r"[a-zäöü]{4,}")


def read_csv_text(source: Path) -> str:
    """Return the text of ``nouns.csv``, read from a wheel (zip) or from the CSV file itself."""
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as wheel:
            return wheel.read(CSV_IN_WHEEL).decode("utf-8")
    return source.read_text(encoding="utf-8")


def noun_rows(csv_text: str) -> Iterator[dict[str, str]]:
    """Yield the rows that are nouns; bound morphemes (``-algie``) and personal names are left out."""
    for row in csv.DictReader(io.StringIO(csv_text)):
        pos = set(row["pos"].split(","))
        if "Substantiv" in pos and not pos & NAME_POS and not row["lemma"].startswith("-"):
            yield row


def row_forms(row: dict[str, str]) -> Iterator[str]:
    """Yield the lemma and the nominative and genitive forms, singular and plural, of one row."""
    yield row["lemma"]
    for column, value in row.items():
        if column is not None and column.startswith(FORM_COLUMNS) and value:
            yield value


def normalise(form: str) -> str | None:
    """Lowercase and fold ß; return None for forms that are not one plain word of 4+ letters."""
    word = form.strip().lower().replace("ß", "ss")
    return word if KEPT_WORD.fullmatch(word) else None


def lexicon_words(rows: Iterable[dict[str, str]]) -> list[str]:
    """Return the sorted, distinct normalised forms of all rows."""
    words = {word for row in rows for form in row_forms(row) if (word := normalise(form)) is not None}
    return sorted(words)


def write_lexicon(words: Sequence[str], output: Path) -> None:
    """Write one word a line, gzip-compressed with mtime 0 so the bytes are reproducible."""
    output.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(f"{word}\n" for word in words).encode("utf-8")
    with output.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="german_nouns wheel (.whl) or its nouns.csv")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the .txt.gz")
    args = parser.parse_args(argv)
    words = lexicon_words(noun_rows(read_csv_text(args.source)))
    write_lexicon(words, args.output)
    print(f"{len(words)} words, {args.output.stat().st_size} bytes -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
