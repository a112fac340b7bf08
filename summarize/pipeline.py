"""One article's summary, start to finish: analysis, prompt, streamed generation, checks, fallback, cache.

:func:`summarize_article` is a generator, so a front end picks the thread: it yields ``Progress`` while it
works (while generating, each streamed piece of the reply as ``Progress.text``) and the finished ``Summary``
last. When cancelled it stops after a ``Progress("cancelled")`` and yields no summary.

With no summarizer the summary is extractive. A model's reply is checked point by point
(:mod:`summarize.checker`). Sentences that state what the cited paragraphs lack (a name, number, date, quote
or speaker) or repeat a loaded word are left out; sentences with too little lexical support are shown as
unverified with the reason. When the reply cannot be read, or too few of its key points are verified, the
extractive summary is shown instead, with a warning that says why; when too few key points are left, central
sentences of paragraphs not yet cited are added. Articles too long for the model's context are
summarised in parts whose points are merged (:mod:`summarize.chunking`).
"""

from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from importlib import resources
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from articles.loaded import LEXICON_RESOURCE
from summarize.checker import check_points
from summarize.chunking import merge_parts, split_parts
from summarize.extractive import extract
from summarize.prompt import PROMPT_VERSION, ReplyUnreadable, SummaryOptions, build_request, read_reply
from summarize.protocol import CancelToken, Summarizer
from summarize.source import Source
from summarize.values import EXTRACTIVE, FACT, LLM, WORDING, Point, Progress, Summary, Timings, Usage
from summarize.words import stems

EXTRACTIVE_VERSION = 1
#: An added sentence repeats a shown point when this share of its content stems is that point's.
REPEAT_SHARE = 0.6


class SummaryCache(Protocol):
    def get(self, key: str) -> Summary | None: ...

    def put(self, key: str, source: Source, summary: Summary) -> None: ...


def cache_key(source: Source, summarizer: Summarizer | None, options: SummaryOptions) -> str:
    """Changes whenever the article text or its language, the model file or its context size, the prompt
    version, the settings, the language data of the checks (resources/summarize, the loaded-word lexicon) or
    the analysis the findings were made with (its version names the user's own loaded words) change."""
    model = summarizer.info.sha256 if summarizer is not None else f"extractive-{EXTRACTIVE_VERSION}"
    context = str(summarizer.context_size) if summarizer is not None else ""
    parts = (source.text_hash, source.text_language, model, context, str(PROMPT_VERSION),
             options.key() if summarizer is not None else "", data_digest(), source.analysis)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@lru_cache(maxsize=1)
def data_digest() -> str:
    """A digest of the language data the summaries and their checks read."""
    digest = hashlib.sha256()
    shipped = resources.files("resources")
    files = sorted((f for f in shipped.joinpath("summarize").iterdir() if f.name.endswith(".json")),
                   key=lambda f: f.name)
    for item in (*files, shipped.joinpath(LEXICON_RESOURCE)):
        digest.update(item.name.encode() + b"\x1f" + item.read_bytes() + b"\x1e")
    return digest.hexdigest()


@dataclass
class _Run:
    started: float = field(default_factory=time.perf_counter)
    usage: list[Usage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def timings(self) -> Timings:
        return Timings(load_s=sum(u.load_s for u in self.usage), prompt_tokens=sum(u.prompt_tokens for u in self.usage),
                       completion_tokens=sum(u.completion_tokens for u in self.usage),
                       generate_s=sum(u.generate_s for u in self.usage), total_s=time.perf_counter() - self.started)


def summarize_article(source: Source, summarizer: Summarizer | None = None, options: SummaryOptions | None = None,
                      cancel: CancelToken | None = None, cache: SummaryCache | None = None
                      ) -> Iterator[Progress | Summary]:
    options = options or SummaryOptions()
    run = _Run()
    key = cache_key(source, summarizer, options) if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        yield cached.with_changes(article_id=source.article_id, cached=True)
        return
    if summarizer is None:
        summary = extractive_summary(source, run)
    else:
        found = yield from _model_summary(source, summarizer, options, cancel, run)
        if found is None:
            yield Progress("cancelled")
            return
        summary = found
    if cache is not None:
        cache.put(key, source, summary)
    yield summary


def extractive_summary(source: Source, run: _Run | None = None) -> Summary:
    run = run or _Run()
    overview, key_points = extract(source)
    if not key_points and not overview:
        run.warnings.append("the article has no sentences to summarise")
    return Summary(source.article_id, EXTRACTIVE, None, source.language, check_points(overview, source),
                   check_points(key_points, source), tuple(run.warnings), run.timings())


def _model_summary(source: Source, summarizer: Summarizer, options: SummaryOptions, cancel: CancelToken | None,
                   run: _Run) -> Generator[Progress, None, Summary | None]:
    parts = split_parts(source, summarizer, options)
    replies: list[tuple[tuple[Point, ...], tuple[Point, ...]]] = []
    failures: list[str] = []
    for number, paragraphs in enumerate(parts, 1):
        request = build_request(source, paragraphs, options, (number, len(parts)) if len(parts) > 1 else None)
        text: list[str] = []
        for chunk in summarizer.generate(request, cancel):
            if chunk.text:
                text.append(chunk.text)
                yield Progress("generating", number, len(parts), chunk.text)
            if chunk.usage is not None:
                run.usage.append(chunk.usage)
        if cancel is not None and cancel.cancelled or (run.usage and run.usage[-1].stopped == "cancelled"):
            return None
        try:
            replies.append(read_reply("".join(text)))
        except ReplyUnreadable as error:
            failures.append(_unreadable(run.usage[-1] if run.usage else None, error))
    if not replies:
        return _fallback(source, run, f"the model's reply {failures[0]}")
    if failures:
        run.warnings.append(f"the model's reply for {len(failures)} of {len(parts)} parts of the article "
                            f"{failures[0]}; those parts are not summarised")
    yield Progress("checking")
    overview, key_points = merge_parts([(check_points(o, source), check_points(k, source)) for o, k in replies],
                                       options)
    return _judged(source, summarizer, options, run, overview, key_points)


def _unreadable(usage: Usage | None, error: ReplyUnreadable) -> str:
    if usage is not None and usage.stopped == "length":
        return f"was cut off after {usage.completion_tokens} tokens"
    return f"was unreadable: {error}"


def _judged(source: Source, summarizer: Summarizer, options: SummaryOptions, run: _Run,
            overview: Sequence[Point], key_points: Sequence[Point]) -> Summary:
    verified = sum(p.verified for p in key_points)
    total = len(key_points)
    overview, key_points = _shown(overview, key_points, run)
    if not key_points or verified / total < options.min_verified or not any(p.verified for p in overview):
        return _fallback(source, run, f"the model's summary did not pass the checks ({verified} of {total} key "
                                      "points supported by the paragraphs they cite)")
    unverified = sum(not p.verified for p in key_points)
    if unverified:
        run.warnings.append(f"{unverified} of {len(key_points)} key points could not be verified")
    key_points = _topped_up(source, key_points, overview, options.key_point_items[0], run)
    return Summary(source.article_id, LLM, summarizer.info, source.language, tuple(overview), tuple(key_points),
                   tuple(run.warnings), run.timings())


def _topped_up(source: Source, key_points: list[Point], overview: Sequence[Point], wanted: int,
               run: _Run) -> list[Point]:
    """Fewer key points than asked for are left after the checks: add central sentences of the article that
    the summary does not show yet (the same sentence, not the same paragraph), in article order."""
    if len(key_points) >= wanted:
        return key_points
    shown = [stems(p.text, source.text_language) for p in (*overview, *key_points)]
    _, extracted = extract(source, overview=0, key_points=wanted + len(shown))
    added = [p for p in check_points(extracted, source) if p.verified and not _repeats(p, shown, source)]
    added = added[:wanted - len(key_points)]
    if added:
        run.warnings.append(f"{len(added)} key points are sentences of the article (extractive), added because "
                            "too few of the model's passed the checks")
    if len(key_points) + len(added) < wanted:
        run.warnings.append(f"only {len(key_points) + len(added)} key points passed the checks "
                            f"({wanted} wanted)")
    return sorted([*key_points, *added], key=lambda p: min(p.paragraphs, default=0))


def _repeats(point: Point, shown: Sequence[set[str]], source: Source) -> bool:
    """Whether a sentence says what a shown point says: most of its content stems are that point's."""
    own = stems(point.text, source.text_language)
    return not own or any(len(own & other) >= REPEAT_SHARE * len(own) for other in shown)


def _shown(overview: Sequence[Point], key_points: Sequence[Point], run: _Run) -> tuple[list[Point], list[Point]]:
    """Leave out sentences that state what the text lacks or repeat loaded words, and key points that only
    repeat an overview sentence."""
    left_out = [p for p in (*overview, *key_points) if p.failed in (FACT, WORDING)]
    if left_out:
        run.warnings.append(f"{len(left_out)} of the model's sentences were left out: they state names, numbers, "
                            "dates or quotes the cited paragraphs lack, or repeat loaded words")
    said = {_plain(p.text) for p in overview if p not in left_out}
    return ([p for p in overview if p not in left_out],
            [p for p in key_points if p not in left_out and _plain(p.text) not in said])


def _plain(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def _fallback(source: Source, run: _Run, why: str) -> Summary:
    run.warnings.append(f"{why}; showing sentences of the article instead (extractive)")
    return extractive_summary(source, run)
