"""The annotations of articles as a table: CSV (one row each, for spreadsheets) and JSON (one object each).

Both have the same columns, in article order and within an article in reading order: the annotation's id, its
article (id, title, outlet, date, URL), where it sits (paragraph index, character offsets), the quoted text with
its context, colour, note, tags, when it was made and changed, whether it is detached (its text is no longer
found in the article), and the ``lesesaal://`` link to its paragraph.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from library.export.links import article_link
from library.export.values import ExportArticle, ExportedAnnotation

COLUMNS: tuple[str, ...] = ("id", "article_id", "title", "source", "date", "url", "paragraph", "start", "end",
                            "quote", "prefix", "suffix", "colour", "note", "tags", "created", "updated", "detached",
                            "link")
#: How a CSV cell joins an annotation's tags.
TAG_SEPARATOR = "; "
#: First characters that make a spreadsheet read a cell as a formula (Excel, LibreOffice, Google Sheets). Titles,
#: quotes and notes come from saved web pages and users, so a CSV cell starting with one gets a leading ``'``.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def annotation_rows(articles: Sequence[ExportArticle]) -> Iterator[dict[str, Any]]:
    for article in articles:
        for annotation in article.annotations:
            yield _row(article, annotation)


def _row(article: ExportArticle, a: ExportedAnnotation) -> dict[str, Any]:
    return {"id": a.id, "article_id": article.id, "title": article.title, "source": article.source,
            "date": article.date, "url": article.url, "paragraph": a.paragraph, "start": a.start, "end": a.end,
            "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix, "colour": a.colour, "note": a.note,
            "tags": list(a.tags), "created": a.created, "updated": a.updated, "detached": a.detached,
            "link": article_link(article.id, None if a.detached else a.paragraph)}


def annotations_json(articles: Sequence[ExportArticle]) -> str:
    return json.dumps(list(annotation_rows(articles)), ensure_ascii=False, indent=2) + "\n"


def annotations_csv(articles: Sequence[ExportArticle]) -> str:
    """CSV with a header row (RFC 4180 quoting, CR LF line ends); tags joined by ``TAG_SEPARATOR``, ``detached``
    as ``true``/``false``, an unknown date empty, and a text cell that a spreadsheet would run as a formula
    prefixed with ``'``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in annotation_rows(articles):
        cells = {**row, "tags": TAG_SEPARATOR.join(row["tags"]), "detached": str(row["detached"]).lower(),
                 "date": row["date"] or ""}
        writer.writerow({name: _inert(value) for name, value in cells.items()})
    return out.getvalue()


def _inert(value: Any) -> Any:
    """``value``, or a text that starts like a formula with ``'`` before it, which spreadsheets show as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
