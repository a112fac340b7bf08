"""Articles to export, written for these tests, with annotations shaped as ``library.annotations`` makes them."""

from __future__ import annotations

from dataclasses import dataclass

from library.export.values import CitedPoint, ExportArticle, ExportSummary


@dataclass(frozen=True)
class Marked:
    id: int
    article_id: int
    paragraph: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    colour: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = "2026-11-30T10:00:00+00:00"
    updated: str = "2026-11-30T10:00:00+00:00"
    detached: bool = False


FERRY = ExportArticle(
    id=12, title='Neue Fähre: „Kiel – Göteborg“ ab April #Ostsee', source="Kieler Nachrichten", date="2025-07-11T15:05",
    url="https://www.example.org/kiel/faehre-goeteborg.html", author="Von Anna Peters und Ursula von der Leyen",
    language="de", imported_at="2026-11-30T09:12:44+00:00",
    annotations=(
        Marked(3, 12, 2, 4, 31, "zweimal täglich ablegen", "soll ", " und", "green",
               "Fahrplan prüfen:\nAbfahrt 8 Uhr?", ("Verkehr", "Nahverkehr Kiel")),
        Marked(5, 12, 4, 0, 18, "„Ein guter Tag“, sagte sie.", note="", tags=("Zitat", "Verkehr")),
        Marked(6, 12, 5, 0, 9, "gestrichen", note="Absatz fehlt nach dem Update", detached=True),
    ),
    summary=ExportSummary("llm", "Qwen2.5 1.5B Instruct", overview=(
        CitedPoint("Eine neue Fähre verbindet ab April Kiel und Göteborg.", (1, 2)),),
        key_points=(CitedPoint("Sie legt zweimal täglich ab.", (2,)),
                    CitedPoint("Die Reederei rechnet mit 500.000 Fahrgästen.", (4,), verified=False))))

WIND = ExportArticle(id=7, title="Windpark vor Fehmarn genehmigt", source="", date="2024-03", url="", author="dpa",
                     language=None, imported_at="2026-12-01T08:00:00+00:00")
