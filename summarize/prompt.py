"""The request a model gets for one article (or one part of a long one), and how its reply is read.

The article text is data: it sits between marker lines the prompt names, each paragraph on one line with its
number, and anything in it that could pass for those markers or for a chat template's control tokens is
defused first. A sentence holding the outlet's loaded wording is framed as the outlet's judgement, so that a
model copying it copies it quoted and attributed. The reply is constrained by a JSON schema (llama.cpp turns it into a grammar) whose paragraph
numbers are an ``enum`` of the cited article's own paragraphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from articles.language_data import load_resource_json
from articles.model import Paragraph
from summarize.source import Source
from summarize.values import Point, Request
from summarize.words import sentences

#: Part of every cache key: raise it whenever the prompts, the schema, the reading of replies or the checks change.
PROMPT_VERSION = 9
MAX_POINT_CHARS = 320
_CONTROL = re.compile(r"<\|[^<>|\n]{0,40}\|>|</?(?:start_of_turn|end_of_turn|s)>|\[/?INST\]|<</?SYS>>|<<<|>>>")


class ReplyUnreadable(ValueError):
    """The model's reply is not the JSON the schema asked for (it was cut off, or the backend ignored it)."""


@lru_cache(maxsize=1)
def _texts() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = load_resource_json("summarize/prompts.json")
    return data


def texts(language: str) -> dict[str, str]:
    return _texts()["de" if language == "de" else "en"]


def defuse(text: str) -> str:
    """Article text that cannot close the article block or pass for a chat template's control tokens."""
    return " ".join(_CONTROL.sub(lambda m: " ".join(m.group()), text).split())


@dataclass(frozen=True)
class SummaryOptions:
    """What shapes a model summary; all of it is part of the cache key."""

    max_tokens: int = 900
    point_chars: int = MAX_POINT_CHARS  # the longest sentence the schema allows
    overview_items: tuple[int, int] = (2, 4)
    key_point_items: tuple[int, int] = (3, 7)
    temperature: float = 0.0
    seed: int = 7
    #: Below this share of verified key points the extractive summary is shown instead.
    min_verified: float = 0.5

    def key(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def build_request(source: Source, paragraphs: Sequence[Paragraph], options: SummaryOptions,
                  part: tuple[int, int] | None = None) -> Request:
    words = texts(source.text_language)
    lines = [words["article_open"]]
    lines += [f"[{p.index}] {defuse(_marked(source, p, words['judgement']))}" for p in paragraphs]
    lines.append(words["article_close"])
    notes = _notes(source, [p.index for p in paragraphs], words)
    if notes:
        lines += ["", words["notes"], *notes]
    if part is not None:
        lines += ["", words["part"].format(n=part[0], total=part[1])]
    lines += ["", words["task"]]
    return Request(system=words["system"], user="\n".join(lines),
                   schema=reply_schema([p.index for p in paragraphs], options), max_tokens=options.max_tokens,
                   temperature=options.temperature, seed=options.seed)


def _marked(source: Source, paragraph: Paragraph, frame: str) -> str:
    """The paragraph with each sentence that holds the outlet's loaded wording framed as its judgement."""
    starts = [m.span.start for m in source.loaded if m.span.paragraph == paragraph.index]
    if not starts:
        return paragraph.text
    text = paragraph.text
    for sentence in reversed(list(sentences(paragraph.index, text))):
        if any(sentence.start <= start < sentence.end for start in starts):
            framed = frame.format(sentence=sentence.text)
            text = text[:sentence.start] + framed + text[sentence.start + len(text[sentence.start:sentence.end].rstrip()):]
    return text


def _notes(source: Source, indices: Sequence[int], words: dict[str, str]) -> list[str]:
    notes: list[str] = []
    loaded = [m for m in source.loaded if m.span.paragraph in indices]
    if loaded:
        notes.append(words["loaded"] + " " + ", ".join(f"„{m.text}“ [{m.span.paragraph}]" for m in loaded))
    quoted = [(i, text, who) for i in indices for text, who in source.speakers_in(i)]
    if quoted:
        notes.append(words["speakers"] + " " + "; ".join(f"[{i}] {who}: „{_short(text)}“" for i, text, who in quoted))
    for index in sorted({s.paragraph for s in source.injections if s.paragraph in indices}):
        notes.append(words["injection"].format(n=index))
    return [f"- {defuse(note)}" for note in notes]


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def reply_schema(indices: Sequence[int], options: SummaryOptions) -> dict[str, Any]:
    item = {
        "type": "object",
        "properties": {
            "text": {"type": "string", "minLength": 10, "maxLength": options.point_chars},
            "paragraphs": {"type": "array", "items": {"type": "integer", "enum": sorted(set(indices))},
                           "minItems": 1, "maxItems": 3},
        },
        "required": ["text", "paragraphs"],
    }
    return {
        "type": "object",
        "properties": {
            "overview": {"type": "array", "items": item, "minItems": options.overview_items[0],
                         "maxItems": options.overview_items[1]},
            "key_points": {"type": "array", "items": item, "minItems": options.key_point_items[0],
                           "maxItems": options.key_point_items[1]},
        },
        "required": ["overview", "key_points"],
    }


def read_reply(text: str) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """(overview, key points) of a reply, unchecked; raises ``ReplyUnreadable``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReplyUnreadable(f"the reply is no complete JSON ({error.msg} at character {error.pos})") from None
    if not isinstance(data, dict):
        raise ReplyUnreadable("the reply is no JSON object")
    return _points(data, "overview"), _points(data, "key_points")


def _points(data: dict[str, Any], name: str) -> tuple[Point, ...]:
    items = data.get(name)
    if not isinstance(items, list):
        raise ReplyUnreadable(f"the reply has no list “{name}”")
    points = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ReplyUnreadable(f"an entry of “{name}” has no text")
        cited = item.get("paragraphs")
        numbers = tuple(sorted({n for n in cited if isinstance(n, int) and not isinstance(n, bool)})) \
            if isinstance(cited, list) else ()
        text = " ".join(item["text"].split())
        if text:
            points.append(Point(text, numbers))
    return tuple(points)
