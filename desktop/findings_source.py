"""Where the reading pane gets an article's quotes, actors and loaded wording.

For now they are computed from the paragraphs (a few milliseconds per article, in the background
loader). When the library stores findings (branch ``analysis``: ``Library.findings(article_id)``
returns ``StoredFindings`` with ``.findings``), only ``findings_for`` changes: return the stored
findings and compute only when there are none.
"""

from __future__ import annotations

from collections.abc import Sequence

from articles.actors import find_actors, person_mentions
from articles.findings import Findings
from articles.loaded import find_loaded
from articles.model import Paragraph
from articles.quotes import find_quotes
from library.store import Library


def findings_for(library: Library, article_id: int, paragraphs: Sequence[Paragraph]) -> Findings:
    """The analysis of one article (``library`` and ``article_id`` are for stored findings)."""
    actors = find_actors(paragraphs)
    quotes = find_quotes(paragraphs, person_mentions(actors))
    loaded = find_loaded(paragraphs, quotes)
    return Findings(quotes=tuple(quotes), actors=tuple(actors), loaded=tuple(loaded))
