"""Where the reading pane gets an article's quotes, actors and loaded wording.

For now they are computed from the paragraphs (a few milliseconds per article, in the background
loader). When the library stores findings, only ``findings_for`` changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from articles.actors import find_actors, person_mentions
from articles.findings import Findings
from articles.loaded import find_loaded
from articles.model import Paragraph
from articles.quotes import find_quotes


def findings_for(article_id: int, paragraphs: Sequence[Paragraph]) -> Findings:
    """The analysis of one article (``article_id`` is for stored findings; unused while computed)."""
    actors = find_actors(paragraphs)
    quotes = find_quotes(paragraphs, person_mentions(actors))
    loaded = find_loaded(paragraphs, quotes)
    return Findings(quotes=tuple(quotes), actors=tuple(actors), loaded=tuple(loaded))
