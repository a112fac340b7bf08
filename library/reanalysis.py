"""Re-analysing stored articles whose analysis is missing or was made by another analysis version.

Articles imported before the analysis existed, or analysed by an older Lesesaal or with another
user lexicon, are brought up to date without the user asking: the command line does it when it
opens a library (see ``desktop.cli_analysis``), with progress. Each article is stored in its own
transaction, so a cancelled run keeps what it finished and the next open goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from library.analysing import AnalysisSetup
from library.importer import CancelToken
from library.store import Library


def reanalyse(library: Library, setup: AnalysisSetup | None = None, cancel: CancelToken | None = None,
              on_stored: Callable[[int], None] | None = None) -> Iterator[tuple[int, int]]:
    """Re-analyse every stale article; yields (done, total) after each one is stored, nothing when none is.
    ``on_stored(article_id)`` follows each stored analysis (the desktop re-indexes the article's actors)."""
    setup = setup or AnalysisSetup.for_library(library.directory)
    stale = library.stale_analyses(setup.version)
    if not stale:
        return
    analyser = setup.analyser()
    for done, article_id in enumerate(stale, start=1):
        if cancel is not None and cancel.cancelled:
            return
        result = analyser(library.paragraphs(article_id))
        with library.transaction():
            library.store_analysis(article_id, result)
        if on_stored is not None:
            on_stored(article_id)
        yield done, len(stale)
