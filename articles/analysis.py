"""One article's analysis: quotes with speakers, actors and loaded wording, with the version it was made by.

:func:`analyse` runs the three analyses over the paragraphs that are the outlet's own text (comments,
promos, related links and the like are left out) and hands the actor analysis's people to the quote
analysis, so speakers are read against the same names. :func:`analysis_version` names the code and the
language data a result depends on; a library re-analyses an article whose stored version differs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from articles.actors import actor_key, find_actors, person_mentions
from articles.findings import Actor, ActorKind, Findings, Quote
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
    chosen = [p for p in paragraphs if p.role in ANALYSED_ROLES and p.text]
    actors = find_actors(chosen)
    quotes = find_quotes(chosen, person_mentions(actors))
    loaded = find_loaded(chosen, quotes, lexicon)
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
