"""Text and JSON shapes the command line prints. The JSON shapes are a public contract."""

from __future__ import annotations

import html
import textwrap
from collections import Counter
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from library.importer import FAILED, IMPORTED, UNCHANGED, UPDATED, ImportOutcome
from library.records import ArticleSummary, StoredArticle

_TITLE_WIDTH = 60
_Item = TypeVar("_Item")


def print_listing(items: Sequence[_Item], as_json: bool, to_json: Callable[[_Item], Any],
                  to_text: Callable[[Sequence[_Item]], str]) -> None:
    """A list command's output: a JSON list of ``to_json`` of each item, or ``to_text`` of them all."""
    if as_json:
        print(json.dumps([to_json(item) for item in items], ensure_ascii=False, indent=2))
    else:
        print(to_text(items))


def summary_json(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id, "title": summary.title, "date": summary.date,
        "source": summary.source, "duplicate_of": summary.duplicate_of,
    }


def article_json(article: StoredArticle) -> dict[str, Any]:
    meta = article.metadata
    return {
        "id": article.id, "title": meta.title, "subtitle": meta.subtitle, "kicker": meta.kicker,
        "date": meta.date, "source": meta.source, "url": meta.url, "author": meta.author,
        "language": meta.language, "format": article.format, "path": article.path,
        "duplicate_of": article.duplicate_of, "copies": list(article.copies),
        "imported_at": article.imported_at, "updated_at": article.updated_at,
        "warnings": list(article.warnings),
        "paragraphs": [{"index": p.index, "role": p.role.value, "text": p.text} for p in article.paragraphs],
    }


def outcome_json(outcome: ImportOutcome) -> dict[str, Any]:
    return {
        "path": str(outcome.path), "status": outcome.status, "message": outcome.message,
        "id": outcome.article_id, "duplicate_of": outcome.duplicate_of, "warnings": list(outcome.warnings),
    }


def import_summary(outcomes: Sequence[ImportOutcome]) -> str:
    counts = Counter(outcome.status for outcome in outcomes)
    copies = sum(1 for o in outcomes if o.duplicate_of is not None and o.status in (IMPORTED, UPDATED))
    parts = [f"{counts[IMPORTED]} imported", f"{counts[UPDATED]} updated", f"{counts[UNCHANGED]} already present",
             f"{counts[FAILED]} failed"]
    line = ", ".join(parts) + "."
    if copies == 1:
        line += " 1 imported article is a copy of a story already in the library."
    elif copies:
        line += f" {copies} imported articles are copies of stories already in the library."
    return line


def library_table(summaries: Sequence[ArticleSummary]) -> str:
    """Primaries in id order, each followed by its copies, indented."""
    if not summaries:
        return "The library is empty. Import articles with: lesesaal import PATH..."
    copies: dict[int, list[ArticleSummary]] = {}
    for summary in summaries:
        if summary.duplicate_of is not None:
            copies.setdefault(summary.duplicate_of, []).append(summary)
    lines = [f"{'ID':>5}  {'DATE':<16}  {'SOURCE':<20}  TITLE"]
    for summary in summaries:
        if summary.duplicate_of is None:
            count = len(copies.get(summary.id, []))
            lines.append(_row(summary, "", f"  [{count + 1} copies]" if count else ""))
            lines.extend(_row(copy, "└ copy ", "") for copy in copies.get(summary.id, []))
    return "\n".join(lines)


def _row(summary: ArticleSummary, marker: str, suffix: str) -> str:
    title = marker + summary.title
    if len(title) > _TITLE_WIDTH:
        title = title[: _TITLE_WIDTH - 1] + "…"
    return f"{summary.id:>5}  {(summary.date or '–'):<16.16}  {summary.source[:20]:<20}  {title}{suffix}"


def article_text(article: StoredArticle) -> str:
    meta = article.metadata
    header = [f"#{article.id}  {meta.title}"]
    facts = [("Source", meta.source), ("Date", meta.date or ""), ("Author", meta.author), ("URL", meta.url),
             ("Language", meta.language or ""), ("File", article.path)]
    header += [f"{name}: {value}" for name, value in facts if value]
    if article.duplicate_of is not None:
        header.append(f"Copy of #{article.duplicate_of}")
    if article.copies:
        header.append("Copies: " + ", ".join(f"#{copy}" for copy in article.copies))
    body = [
        textwrap.fill(p.text, width=100, initial_indent=f"[{p.index:>3} {p.role.value:<10}] ",
                      subsequent_indent=" " * 17)
        for p in article.paragraphs
    ]
    return "\n".join(header) + "\n\n" + "\n".join(body)


def unescape(text: str) -> str:
    """Plain text of an HTML snippet's escaped characters."""
    return html.unescape(text)
