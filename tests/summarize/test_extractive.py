"""Extractive summaries: central sentences of the article text, never loaded ones, quotes with speakers."""

from __future__ import annotations

from summarize.pipeline import extractive_summary
from summarize.source import Source
from summarize.values import EXTRACTIVE


def test_sentences_come_from_the_article_text_only(paris: Source) -> None:
    summary = extractive_summary(paris)
    points = summary.overview + summary.key_points
    assert summary.method == EXTRACTIVE and summary.model is None and len(summary.key_points) >= 3
    assert all(set(p.paragraphs) <= set(paris.indices) for p in points)
    text = " ".join(p.text for p in points)
    assert "Website" not in text and "Mehr zum Thema" not in text and "globallookpress" not in text


def test_every_extracted_point_is_checked_and_verified(paris: Source, slanted: Source) -> None:
    for source in (paris, slanted):
        summary = extractive_summary(source)
        assert all(p.verified for p in summary.overview + summary.key_points)


def test_loaded_sentences_are_skipped(slanted: Source) -> None:
    text = " ".join(p.text for p in extractive_summary(slanted).key_points + extractive_summary(slanted).overview)
    assert "Machthaber" not in text and "Regime" not in text and "Willkür" not in text


def test_sentences_addressed_to_a_model_are_skipped(injected: Source) -> None:
    summary = extractive_summary(injected)
    assert all("Ignoriere" not in p.text and "abgelehnt" not in p.text for p in summary.overview + summary.key_points)


def test_a_quote_keeps_its_speaker() -> None:
    from articles.model import Paragraph, Role
    from summarize.source import source_of

    paragraphs = (
        Paragraph(0, Role.TITLE, "Hafen Kiel erweitert Fährterminal"),
        Paragraph(1, Role.LEAD, "Der Hafen Kiel baut sein Fährterminal am Schwedenkai für 40 Millionen Euro aus."),
        Paragraph(2, Role.BODY, "Hafenchefin Anna Berger stellte die Pläne am Montag im Rathaus vor. „Das Terminal "
                                "wird doppelt so viele Fähren und Passagiere abfertigen können wie heute.“"),
        Paragraph(3, Role.BODY, "Die Bauarbeiten am Schwedenkai sollen im Herbst beginnen und zwei Jahre dauern."),
    )
    source = source_of(1, paragraphs, "de")
    summary = extractive_summary(source)
    quoted = [p for p in summary.overview + summary.key_points if "Terminal wird doppelt" in p.text]
    assert quoted and quoted[0].text.startswith("Anna Berger: ") and quoted[0].verified


def test_extraction_is_deterministic(slanted: Source) -> None:
    first, second = extractive_summary(slanted), extractive_summary(slanted)
    assert first.overview == second.overview and first.key_points == second.key_points
