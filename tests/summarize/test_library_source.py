"""A stored article's summary source has the findings the reading pane shows: the stored analysis (made with the
user's loaded words) when it is fresh, the article analysed with the library's lexicon when not; captions stay
out of it; and the user's lexicon is part of the summary cache key."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from articles.findings_json import findings_to_json
from articles.model import Article, Metadata, Paragraph, Role
from library.analysing import AnalysisResult, AnalysisSetup, user_lexicon_file
from library.store import Library
from summarize.fake import FakeSummarizer
from summarize.library_source import library_source
from summarize.pipeline import cache_key, summarize_article
from summarize.prompt import SummaryOptions
from summarize.values import Summary

TITLE = "Rat beschließt Stadtbahn für Kiel"
PARAGRAPHS = (
    (Role.TITLE, TITLE),
    (Role.BODY, "Die Stadt Kiel will bis 2030 eine Stadtbahn bauen. Der Rat stimmte am Dienstag mit 27 zu 22 "
                "Stimmen für die erste Strecke vom Hauptbahnhof nach Gaarden."),
    (Role.CAPTION, "„Wir schaffen das“, sagte Ulf Kämpfer bei der Vorstellung der Pläne."),
    (Role.BODY, "Das Luftschloss der Verwaltung soll nach den Plänen der Stadt 400 Millionen Euro kosten. Der Bund "
                "übernimmt nach Angaben der Stadt drei Viertel der Kosten."),
    (Role.BODY, "„Die Bahn verbindet endlich alle Stadtteile“, sagte Oberbürgermeister Ulf Kämpfer nach der "
                "Abstimmung im Rathaus."),
)
LUFTSCHLOSS = {"label": {"entries": [
    {"term": "Luftschloss", "why": "„Luftschloss“ wertet ein Vorhaben als unerreichbar ab, statt es zu beschreiben.",
     "lang": "de"}]}}
REPLY = {
    "overview": [{"text": "Der Rat in Kiel hat am Dienstag den Bau einer Stadtbahn beschlossen.", "paragraphs": [1]}],
    "key_points": [
        {"text": "Die erste Strecke führt vom Hauptbahnhof nach Gaarden.", "paragraphs": [1]},
        {"text": "Das Luftschloss der Verwaltung soll 400 Millionen Euro kosten.", "paragraphs": [3]},
        {"text": "Der Bund übernimmt nach Angaben der Stadt drei Viertel der Kosten.", "paragraphs": [3]},
    ],
}


def _with_user_lexicon(directory: Path) -> None:
    lexicon = user_lexicon_file(directory)
    lexicon.parent.mkdir(parents=True, exist_ok=True)
    lexicon.write_text(json.dumps(LUFTSCHLOSS, ensure_ascii=False), encoding="utf-8")


def _stored(library: Library) -> int:
    """The article stored and analysed as an import does it (with the library's lexicon)."""
    paragraphs = tuple(Paragraph(i, role, text) for i, (role, text) in enumerate(PARAGRAPHS))
    article = Article(Metadata(title=TITLE, source="Kieler Blatt", date="2025-05-13", language="de"), paragraphs, "txt")
    with library.transaction():
        article_id = library.add_article(article, "/archiv/stadtbahn.txt", "stadtbahn", frozenset())
        library.store_analysis(article_id, AnalysisSetup.for_library(library.directory).analyser()(paragraphs),
                               fresh=True)
    return article_id


def _shown_points(summary: Summary) -> list[str]:
    return [point.text for point in summary.overview + summary.key_points]


def test_the_checker_knows_the_loaded_words_the_reading_pane_marks(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _with_user_lexicon(library.directory)
        article_id = _stored(library)
        stored = library.findings(article_id)
        assert stored is not None and "Luftschloss" in [m.text for m in stored.findings.loaded]
        source = library_source(library, article_id)
        marked = {(m.span, m.text) for m in stored.findings.loaded if m.span.paragraph != 2}
        assert {(m.span, m.text) for m in source.loaded} == marked
        summary = [e for e in summarize_article(source, FakeSummarizer(REPLY)) if isinstance(e, Summary)][0]
    shown = _shown_points(summary)
    assert shown and not any("Luftschloss" in text for text in shown), shown


def test_the_stored_findings_are_used_and_the_caption_stays_out(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        article_id = _stored(library)
        stored = library.findings(article_id)
        assert stored is not None and {q.span.paragraph for q in stored.findings.quotes} >= {2, 4}
        source = library_source(library, article_id)
        assert [p.index for p in source.paragraphs] == [0, 1, 3, 4]
        quoted = {q.span.paragraph for q in source.quotes}
        assert 4 in quoted and 2 not in quoted, "the caption's quote is not the article's"
        assert all(span.paragraph != 2 for actor in source.actors for span in actor.mentions)
        edited = replace(stored.findings, quotes=())  # what the library holds wins over what the text would give
        with library.transaction():
            library.store_analysis(article_id, AnalysisResult(stored.version, findings_to_json(edited)))
        assert library_source(library, article_id).quotes == ()


def test_a_stale_analysis_is_made_again_with_the_librarys_lexicon(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        article_id = _stored(library)  # analysed before the user added a word
        _with_user_lexicon(library.directory)
        stored = library.findings(article_id)
        assert stored is not None and "Luftschloss" not in [m.text for m in stored.findings.loaded]
        source = library_source(library, article_id)
    assert [m.text for m in source.loaded] == ["Luftschloss"] and source.quotes


def test_the_users_lexicon_is_part_of_the_summary_cache_key(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        article_id = _stored(library)
        before = library_source(library, article_id)
        _with_user_lexicon(library.directory)
        after = library_source(library, article_id)
    model = FakeSummarizer()
    assert before.text_hash == after.text_hash
    assert cache_key(before, None, SummaryOptions()) != cache_key(after, None, SummaryOptions())
    assert cache_key(before, model, SummaryOptions()) != cache_key(after, model, SummaryOptions())
