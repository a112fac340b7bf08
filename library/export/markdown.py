"""An article as a Markdown note for Obsidian or a Zettelkasten.

The note opens with YAML front matter (``title``, ``source``, ``date``, ``url``, ``author``, ``tags``, ``lesesaal``:
the link back), then the title, the neutral summary (its overview and key points, each citing its paragraphs
as ``lesesaal://article/<id>#p<n>`` links, n the library's paragraph index; the link text ``¶n`` counts from 1, as
the app's summary panel does), and the annotations: each quote as a block quote with its paragraph link, its note
below, its tags as ``#tags``. Tags are written as Obsidian takes them: no blanks (they become
``-``) and no leading ``#``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.export.links import article_link
from library.export.values import CitedPoint, ExportArticle, ExportedAnnotation, date_parts

#: Characters YAML refuses in a document (besides those JSON escapes), written as escapes.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_FILE_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]+')
MAX_NAME = 80


def markdown_note(article: ExportArticle) -> str:
    parts = [front_matter(article), f"# {_line(article.title) or '(untitled)'}", _byline(article)]
    if article.summary is not None:
        parts.append(_summary(article))
    if article.annotations:
        parts.append("## Annotations\n\n" + "\n\n".join(_annotation(article.id, a) for a in article.annotations))
    return "\n\n".join(parts) + "\n"


def markdown_notes(articles: Sequence[ExportArticle]) -> str:
    """Several notes one after the other (each with its own front matter), for a single stream."""
    return "\n".join(markdown_note(article) for article in articles)


def note_file_name(article: ExportArticle) -> str:
    """``<id> <title>.md``, without characters file systems or Obsidian links refuse."""
    title = " ".join(_FILE_UNSAFE.sub(" ", article.title).split())[:MAX_NAME].rstrip(" .")
    return f"{article.id} {title}.md" if title else f"{article.id}.md"


def obsidian_tag(tag: str) -> str:
    return "-".join(tag.strip().lstrip("#").split())


def front_matter(article: ExportArticle) -> str:
    day = date_parts(article.date)
    lines = ["---", f"title: {yaml_string(article.title)}", f"source: {yaml_string(article.source)}",
             f"date: {'-'.join(f'{p:02d}' for p in day) if len(day) == 3 else yaml_string(article.date or '')}",
             f"url: {yaml_string(article.url)}", f"author: {yaml_string(article.author)}"]
    tags = [t for t in (obsidian_tag(tag) for tag in article.tags) if t]
    lines += ["tags:", *(f"  - {yaml_string(t)}" for t in tags)] if tags else ["tags: []"]
    lines += [f"lesesaal: {yaml_string(article_link(article.id))}", "---"]
    return "\n".join(lines)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and escapes for what YAML may not hold raw."""
    escaped = []
    for character in text:
        if character in '"\\':
            escaped.append("\\" + character)
        elif ord(character) < 0x20 or _YAML_UNSAFE.match(character):
            escaped.append(f"\\u{ord(character):04x}")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def _byline(article: ExportArticle) -> str:
    facts = ", ".join(x for x in (article.source, (article.date or "")[:10], article.author) if x)
    links = ([f"[Original]({article.url})"] if article.url else []) + [f"[In Lesesaal]({article_link(article.id)})"]
    return " · ".join(([f"*{_line(facts)}*"] if facts else []) + links)


def _summary(article: ExportArticle) -> str:
    summary = article.summary
    assert summary is not None
    how = f"by {summary.model}, checked against the article" if summary.method == "llm" and summary.model else \
        "sentences of the article (extractive)"
    lines = [f"## Summary\n\n*{how}*", " ".join(_cited(article.id, p) for p in summary.overview)]
    if summary.key_points:
        lines.append("### Key points\n\n" + "\n".join(f"- {_cited(article.id, p)}" for p in summary.key_points))
    return "\n\n".join(line for line in lines if line)


def _cited(article_id: int, point: CitedPoint) -> str:
    links = ", ".join(f"[¶{n + 1}]({article_link(article_id, n)})" for n in point.paragraphs)
    mark = " *(not verified)*" if not point.verified else ""
    return f"{_line(point.text)}" + (f" ({links})" if links else "") + mark


def _annotation(article_id: int, annotation: ExportedAnnotation) -> str:
    quote = "\n".join(f"> {line}" if line else ">" for line in annotation.quote.splitlines() or [""])
    where = "detached: no longer found in the article" if annotation.detached else \
        f"[¶{annotation.paragraph + 1}]({article_link(article_id, annotation.paragraph)})"
    parts = [f"{quote}\n> — {where}"]
    if annotation.note.strip():
        parts.append(_plain(annotation.note.strip()))
    tags = [obsidian_tag(t) for t in annotation.tags if obsidian_tag(t)]
    if tags:
        parts.append("Tags: " + " ".join(f"#{t}" for t in tags))
    return "\n\n".join(parts)


#: Line starts that Markdown reads as structure: a heading, a block quote, a rule or a heading's underline.
_STRUCTURE = re.compile(r"^(\s{0,3})(#{1,6}(?=\s|$)|>|(?=[-=*_]{3,}\s*$))", re.MULTILINE)


def _plain(text: str) -> str:
    """A note as the user typed it (plain text): a line that Markdown would take for a heading, a quote or a
    rule gets a backslash, so it stays a line of the note (inline marks such as *…* and #tags still work)."""
    return _STRUCTURE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _line(text: str) -> str:
    return " ".join(text.split())
