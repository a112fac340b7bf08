"""A stored article's summary source, with the findings the reading pane shows.

The library keeps each article's analysis (``Library.findings``), made with its loaded-wording lexicon (the
shipped one and the user's ``<library>/patterns/loaded.json``). When that analysis is fresh (made by the
library's analysis version) it is used as it is, so the summary's checks know every quote, actor and loaded
word the reading pane marks; otherwise (not yet brought up to date) the article is analysed now, with the
same lexicon. Either way the source keeps to the article text (``summarize.source``).
"""

from __future__ import annotations

from articles.analysis import analyse
from library.analysing import AnalysisSetup
from library.store import Library
from summarize.source import Source, source_of


def library_source(library: Library, article_id: int) -> Source:
    """The summary source of a stored article (raises ``ArticleNotFound`` for an unknown id)."""
    setup = AnalysisSetup.for_library(library.directory)
    stored = library.article(article_id)
    version, lexicon = setup.version, setup.lexicon()
    kept = library.findings(article_id)
    if kept is not None and kept.version == version and not kept.error:
        findings = kept.findings
    else:
        findings = analyse(stored.paragraphs, lexicon)
    return source_of(article_id, stored.paragraphs, stored.metadata.language, findings=findings, lexicon=lexicon,
                     analysis=version)
