"""Where the reading pane gets an article's quotes, actors and loaded wording.

The library stores each article's analysis (``Library.findings``) with the library-wide actor each of its
actors is filed under; those are shown. Only an article with no stored analysis (a library opened before its
stale analyses are brought up to date) is analysed here, on the background loader, with the library's lexicon
(as the summaries do) and no library ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from articles.analysis import analyse
from articles.findings import Findings
from articles.model import Paragraph
from library.analysing import AnalysisSetup
from library.store import Library


@dataclass(frozen=True)
class ArticleFindings:
    findings: Findings
    #: The article's actor ids (as in ``findings``) -> the library-wide actor ids they are filed under.
    library_actors: Mapping[str, int] = field(default_factory=dict)
    stored: bool = False


def findings_for(library: Library, article_id: int, paragraphs: Sequence[Paragraph]) -> ArticleFindings:
    """The article's stored analysis, or one computed now when it has none."""
    stored = library.findings(article_id)
    if stored is not None:
        return ArticleFindings(stored.findings, {local: actor.id for local, actor in stored.actors.items()}, True)
    return ArticleFindings(analyse(paragraphs, AnalysisSetup.for_library(library.directory).lexicon()))
