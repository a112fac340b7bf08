"""Analysing articles for the library: the analysis with its version, never an error that stops an import.

The import job runs :class:`Analyser` in the reader processes, beside parsing, and stores its
:class:`AnalysisResult` in the article's own transaction. Re-analysis brings articles whose stored
analysis is missing or was made by another analysis version (code, shipped language data, or the
user's ``<library>/patterns/loaded.json``) up to date (see :mod:`library.reanalysis`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from articles.analysis import analyse_each, analysis_version, load_analysis_lexicon
from articles.findings import Findings
from articles.findings_json import findings_to_json
from articles.loaded import LoadedLexicon
from articles.model import Paragraph

log = logging.getLogger(__name__)


def user_lexicon_file(directory: Path) -> Path:
    """Loaded-wording entries the user adds for this library (same shape as resources/analysis/loaded.json)."""
    return directory / "patterns" / "loaded.json"


class ActorEntry(NamedTuple):
    """What the library needs of an article's actor to file it under a library-wide actor.

    A named tuple rather than a frozen dataclass: every article's actors go from a reader process to the
    importing process, and a tuple pickles in a third of the bytes and time (no field dictionary each).
    """

    local_id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    role: str


@dataclass(frozen=True)
class AnalysisResult:
    version: str
    findings_json: str
    actors: tuple[ActorEntry, ...] = ()
    error: str = ""  # why the analysis failed; its findings are then empty


@dataclass(frozen=True)
class AnalysisSetup:
    """How a library analyses its articles; small and picklable, for the reader processes."""

    user_lexicon: Path | None = None

    @classmethod
    def for_library(cls, directory: Path) -> AnalysisSetup:
        return cls(user_lexicon_file(directory))

    def analyser(self) -> Analyser:
        return Analyser(self.user_lexicon)

    def lexicon(self) -> LoadedLexicon:
        """The loaded-wording lexicon the library's analysis uses (a broken user file left out)."""
        return _lexicon_or_shipped(self.user_lexicon)

    @property
    def version(self) -> str:
        return analysis_version(self.user_lexicon)


class Analyser:
    """The analysis as one library runs it (its lexicon and version); one per process."""

    def __init__(self, user_lexicon: Path | None) -> None:
        self.version = analysis_version(user_lexicon)
        self._lexicon: LoadedLexicon = _lexicon_or_shipped(user_lexicon)

    def __call__(self, paragraphs: Sequence[Paragraph]) -> AnalysisResult:
        """The article's findings; a failing analysis is logged and comes back as an empty result with its error."""
        return self.all([paragraphs])[0]

    def all(self, articles: Sequence[Sequence[Paragraph]]) -> list[AnalysisResult]:
        """Each article's result as ``self(paragraphs)`` gives it; cheaper than one by one (``analyse_each``)."""
        found: list[Findings | Exception]
        try:
            found = analyse_each(articles, self._lexicon)
        except Exception as error:  # (it hands back each article's failure; this is a failure of its own)
            found = [error] * len(articles)
        return [self._result(one) for one in found]

    def _result(self, findings: Findings | Exception) -> AnalysisResult:
        try:
            if isinstance(findings, Exception):
                raise findings
            entries = tuple(ActorEntry(a.id, a.kind.value, a.name, a.aliases, a.role) for a in findings.actors)
            return AnalysisResult(self.version, findings_to_json(findings), entries)
        except Exception as error:  # a bug in the analysis must never cost the user an article
            log.exception("the analysis of an article failed")
            return AnalysisResult(self.version, _NO_FINDINGS, error=f"{type(error).__name__}: {error}")


_NO_FINDINGS = findings_to_json(Findings())


def _lexicon_or_shipped(user_lexicon: Path | None) -> LoadedLexicon:
    """The user's lexicon merged in; a broken user file is reported and left out (the version still names
    its content, so mending the file re-analyses the library)."""
    try:
        return load_analysis_lexicon(user_lexicon)
    except (ValueError, OSError) as error:
        log.warning("%s is left out of the analysis until it is mended: %s", user_lexicon, error)
        return load_analysis_lexicon(None)
