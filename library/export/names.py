"""An article's author line as people for reference managers: ``{"family", "given"}`` or ``{"literal"}``.

"Von Anna Peters und Jan-Ole Schmidt" is two people; "Ursula von der Leyen" keeps "von der" with the family
name; a news agency or an editorial desk ("dpa", "Redaktion") stays one literal name, as does anything with a
single word. The words come from ``resources/export/names.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.language_data import load_resource_json


@dataclass(frozen=True)
class Person:
    family: str = ""
    given: str = ""
    literal: str = ""

    def csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        return {"family": self.family, "given": self.given} if self.given else {"family": self.family}

    def ris(self) -> str:
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class _Words:
    bylines: tuple[str, ...]
    separators: re.Pattern[str]
    particles: frozenset[str]
    collective: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_resource_json("export/names.json")
    words = [re.escape(w) for w in data["separators"]]
    separators = re.compile(r"\s*(?:,|" + "|".join(rf"(?<!\w){w}(?!\w)" for w in words) + r")\s*", re.IGNORECASE)
    bylines = tuple(sorted(data["bylines"], key=len, reverse=True))
    return _Words(bylines, separators, frozenset(data["particles"]), frozenset(data["collective"]))


def people(author: str) -> list[Person]:
    """The people (or desks and agencies) an author line names, in its order."""
    words = _words()
    line = " ".join(author.split())
    for byline in words.bylines:
        if line.lower().startswith(byline + " "):
            line = line[len(byline) + 1:]
            break
    if _inverted(line):
        family, given = (part.strip() for part in line.split(","))
        return [Person(family=family, given=given)]
    return [_person(name, words) for name in words.separators.split(line) if name.strip(" .:")]


def _inverted(line: str) -> bool:
    """ "Peters, Anna": one comma between two single names."""
    parts = line.split(",")
    return len(parts) == 2 and all(len(p.split()) == 1 and p.strip()[:1].isupper() for p in parts)


def _person(name: str, words: _Words) -> Person:
    name = name.strip(" .:")
    tokens = name.split()
    if len(tokens) == 1 or name.lower() in words.collective or any(t.lower() in words.collective for t in tokens):
        return Person(literal=name)
    split = len(tokens) - 1
    for number in range(1, len(tokens) - 1):
        if tokens[number] in words.particles:  # lower-case "von", "van der": part of the family name
            split = number
            break
    return Person(family=" ".join(tokens[split:]), given=" ".join(tokens[:split]))
