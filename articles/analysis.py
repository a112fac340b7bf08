"""One article's analysis: quotes with speakers, actors and loaded wording, with the version it was made by.

:func:`analyse` runs the three analyses over the paragraphs that are the outlet's own text (comments,
promos, related links and the like are left out) and hands the actor analysis's people to the quote
analysis, so speakers are read against the same names. :func:`analysis_version` names the code and the
language data a result depends on; a library re-analyses an article whose stored version differs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from articles.actors import actor_key, find_actors, person_mentions
from articles.findings import Actor, ActorKind, Findings, Loaded, Quote
from articles.loaded import LoadedLexicon, find_loaded, load_lexicon
from articles.model import Paragraph, Role
from articles.quotes import find_quotes

#: Raise when the analysis code changes what it finds; the language data is versioned by its content.
CODE_VERSION = 10
#: Paragraphs analysed: the article's own text and what it shows beside it (captions name people too).
ANALYSED_ROLES = frozenset({Role.TITLE, Role.SUBTITLE, Role.KICKER, Role.LEAD, Role.HEADING, Role.BODY,
                            Role.CAPTION})
#: The shipped language data the analysis reads (resources/analysis).
_DATA_FOLDER = "analysis"


def analyse(paragraphs: Sequence[Paragraph], lexicon: LoadedLexicon | None = None) -> Findings:
    """Quotes, actors and loaded wording of an article; ``lexicon`` defaults to the shipped one."""
    (found,) = analyse_each([paragraphs], lexicon)
    if isinstance(found, Exception):
        raise found
    return found


def analyse_each(articles: Sequence[Sequence[Paragraph]], lexicon: LoadedLexicon | None = None,
                 ) -> list[Findings | Exception]:
    """``analyse`` of each article, in order; an article whose analysis raised gets the exception instead.

    Each of the three scans runs over all the articles before the next one starts: each has a large working
    set (its patterns, word tables and code), and running one scan over a few dozen articles keeps it in the
    CPU's caches, which costs about a tenth less CPU than running the three scans article by article.
    """
    chosen = [[p for p in paragraphs if p.role in ANALYSED_ROLES and p.text] for paragraphs in articles]
    actors = [_attempt(find_actors, own) for own in chosen]
    quotes = [_attempt(_quotes, own, found) for own, found in zip(chosen, actors)]
    loaded = [_attempt(find_loaded, own, found, lexicon) for own, found in zip(chosen, quotes)]
    return [_attempt(_findings, *found) for found in zip(quotes, actors, loaded)]


_R = TypeVar("_R")


def _attempt(scan: Callable[..., _R], *arguments: object) -> _R | Exception:
    """``scan(*arguments)``; its exception if it raises, or an earlier scan's of the article among the arguments
    (kept as the article's result, so one article's failure leaves the others' analysis whole)."""
    for argument in arguments:
        if isinstance(argument, Exception):
            return argument
    try:
        return scan(*arguments)
    except Exception as error:
        return error


def _quotes(chosen: list[Paragraph], actors: list[Actor]) -> list[Quote]:
    return find_quotes(chosen, person_mentions(actors))


def _findings(quotes: list[Quote], actors: list[Actor], loaded: list[Loaded]) -> Findings:
    return Findings(tuple(quotes), tuple(actors), tuple(loaded))


def load_analysis_lexicon(user_file: Path | None) -> LoadedLexicon:
    """The loaded-wording lexicon with the user's additions (``<library>/patterns/loaded.json``)."""
    return load_lexicon(user_file)


def analysis_version(user_lexicon: Path | None = None) -> str:
    """Changes whenever the analysis of an unchanged article could change: code, shipped data, user lexicon."""
    digest = hashlib.sha256(_shipped_data_digest().encode())
    if user_lexicon is not None and user_lexicon.is_file():
        digest.update(user_lexicon.read_bytes())
    return f"{CODE_VERSION}-{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def _shipped_data_digest() -> str:
    digest = hashlib.sha256()
    folder = resources.files("resources").joinpath(_DATA_FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.is_file() and not entry.name.endswith(".md"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def speaker_actor(quote: Quote, actors: Sequence[Actor]) -> Actor | None:
    """The actor a quote is attributed to: the person with the speaker's mention, else with the speaker's name."""
    if quote.speaker is not None:
        for actor in actors:
            if actor.kind is ActorKind.PERSON and quote.speaker in actor.mentions:
                return actor
    if not quote.speaker_name:
        return None
    wanted = actor_key(quote.speaker_name, ActorKind.PERSON)
    for actor in actors:
        names = (actor.name, *actor.aliases)
        if actor.kind is ActorKind.PERSON and any(actor_key(name, ActorKind.PERSON) == wanted for name in names):
            return actor
    return None
