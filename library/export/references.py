"""Articles as references for Zotero, Citavi, EndNote and the like: CSL-JSON and RIS.

Both give each article as a newspaper article: its title, the outlet as the publication, the publication date
as far as it is known, the URL, the authors (``names.people``), its language, the day it came into the library as
the access date, and the ``lesesaal://`` link back as a note. Fields the article lacks are left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from library.export.links import article_link
from library.export.names import people
from library.export.values import ExportArticle, date_parts

RIS_END = "ER  - "


def csl_json(articles: Sequence[ExportArticle]) -> str:
    """A CSL-JSON array (citeproc's input and Zotero's import format), one item per article."""
    return json.dumps([csl_item(a) for a in articles], ensure_ascii=False, indent=2) + "\n"


def csl_item(article: ExportArticle) -> dict[str, Any]:
    item: dict[str, Any] = {"id": f"lesesaal-{article.id}", "type": "article-newspaper",
                            "title": article.title or "(untitled)"}
    if article.source:
        item["container-title"] = article.source
    issued = date_parts(article.date)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    accessed = date_parts(article.imported_at)
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    if article.url:
        item["URL"] = article.url
    authors = people(article.author)
    if authors:
        item["author"] = [person.csl() for person in authors]
    if article.language:
        item["language"] = article.language
    item["note"] = f"Lesesaal: {article_link(article.id)}"
    return item


def ris(articles: Sequence[ExportArticle]) -> str:
    """RIS records (``TY  - NEWS`` … ``ER  - ``), one per article, lines ending in CR LF as the format asks."""
    return "".join("\r\n".join(ris_lines(a)) + "\r\n\r\n" for a in articles)


def ris_lines(article: ExportArticle) -> list[str]:
    fields: list[tuple[str, str]] = [("TY", "NEWS"), ("TI", article.title or "(untitled)")]
    fields += [("AU", person.ris()) for person in people(article.author)]
    if article.source:
        fields.append(("T2", article.source))
    issued = date_parts(article.date)
    if issued:
        fields += [("PY", str(issued[0])), ("DA", _ris_date(issued))]
    if article.url:
        fields.append(("UR", article.url))
    accessed = date_parts(article.imported_at)
    if accessed:
        fields.append(("Y2", _ris_date(accessed)))
    if article.language:
        fields.append(("LA", article.language))
    fields += [("N1", f"Lesesaal: {article_link(article.id)}"), ("ID", f"lesesaal-{article.id}")]
    return [f"{tag}  - {_one_line(value)}" for tag, value in fields] + [RIS_END]


def _ris_date(parts: list[int]) -> str:
    """RIS dates are YYYY/MM/DD/ with the parts not known left empty."""
    year, month, day = (parts + [0, 0])[:3]
    return f"{year:04d}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"


def _one_line(value: str) -> str:
    return " ".join(value.split())
