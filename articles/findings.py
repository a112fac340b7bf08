"""What the text analysis finds in an article: quotes, actors and loaded wording.

Positions are character offsets into one paragraph's text (``Paragraph.text``), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, order=True)
class Span:
    paragraph: int  # Paragraph.index
    start: int
    end: int


class QuoteKind(str, Enum):
    DIRECT = "direct"  # quoted speech: „…“, sagte X
    INDIRECT = "indirect"  # reported speech: X sagte, … seien …; laut X …
    TERM = "term"  # a quoted word or phrase without a speech cue: sogenannte „Friedenstruppen“

    def __str__(self) -> str:
        return self.value


class ActorKind(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"  # countries, cities, regions

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Quote:
    span: Span  # the quoted words (for a direct quote, without the quotation marks)
    text: str
    kind: QuoteKind
    #: The named mention the quote is attributed to: for "fragt er" the person named before; None if unknown.
    speaker: Span | None = None
    speaker_name: str | None = None
    #: Further pieces of a quote broken by its speech tag („Erster Teil“, sagte X, „zweiter Teil.“).
    continuations: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str  # stable within one article ("a1", "a2", …); the library maps these to library-wide actors
    name: str  # the fullest name seen ("Keir Starmer")
    kind: ActorKind
    aliases: tuple[str, ...] = ()  # other spellings used in the article ("Starmer", "Selenskij")
    role: str = ""  # an office stated in the article ("Großbritanniens Premierminister")
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Loaded:
    span: Span
    text: str
    why: str  # a short, neutral explanation for the reader
    category: str = ""  # "label", "distancing", "opinion-as-fact", …


@dataclass(frozen=True)
class Findings:
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    loaded: tuple[Loaded, ...] = field(default=())
