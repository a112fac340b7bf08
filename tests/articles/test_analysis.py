"""The article analysis as the library runs it: which paragraphs, speakers as actors, stored form, version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.analysis import analyse, analyse_each, analysis_version, speaker_actor
from articles.findings import ActorKind, Findings, QuoteKind
from articles.findings_json import findings_from_json, findings_to_json
from articles.loaded import find_loaded
from articles.model import Paragraph, Role

ARTICLE = (
    Paragraph(0, Role.TITLE, "Selenskyj bittet Merz um mehr Flugabwehr"),
    Paragraph(1, Role.BODY, "Der ukrainische Präsident Wolodymyr Selenskyj hat in Kiew Bundeskanzler Friedrich "
                            "Merz empfangen. „Wir brauchen jetzt Flugabwehr“, sagte Selenskyj."),
    Paragraph(2, Role.BODY, "Die Truppen des Machthabers rücken weiter vor."),
    Paragraph(3, Role.COMMENTS, "Leser Hans Gruber schreibt: „Der Präsident Emmanuel Macron sollte helfen.“"),
)
OTHER = (
    Paragraph(0, Role.TITLE, "Starmer in Paris"),
    Paragraph(1, Role.BODY, "Der britische Premierminister Keir Starmer traf in Paris Präsident Emmanuel Macron. "
                            "„Europa muss mehr tun“, sagte Starmer nach dem Treffen im Élysée."),
)


def test_an_article_gives_quotes_with_speakers_actors_and_loaded_wording() -> None:
    findings = analyse(ARTICLE)
    people = {a.name: a for a in findings.actors if a.kind is ActorKind.PERSON}
    assert set(people) == {"Wolodymyr Selenskyj", "Friedrich Merz"}  # nothing from the readers' comments
    assert people["Wolodymyr Selenskyj"].role == "ukrainische Präsident"
    (quote,) = [q for q in findings.quotes if q.kind is QuoteKind.DIRECT]
    assert quote.text == "Wir brauchen jetzt Flugabwehr"
    assert speaker_actor(quote, findings.actors) is people["Wolodymyr Selenskyj"]
    assert [(m.span.paragraph, m.text) for m in findings.loaded] == [(2, "Machthabers")]


def test_a_speaker_known_only_by_name_is_found_among_the_actors_spellings() -> None:
    findings = analyse(ARTICLE)
    (quote,) = [q for q in findings.quotes if q.kind is QuoteKind.DIRECT]
    by_name = type(quote)(quote.span, quote.text, quote.kind, None, "Selenskyj")
    assert speaker_actor(by_name, findings.actors) is speaker_actor(quote, findings.actors)
    nobody = type(quote)(quote.span, quote.text, quote.kind, None, "Olaf Scholz")
    assert speaker_actor(nobody, findings.actors) is None


def test_findings_survive_their_stored_form() -> None:
    findings = analyse(ARTICLE)
    stored = findings_to_json(findings)
    assert findings_from_json(stored) == findings
    assert json.loads(stored)["quotes"]  # plain JSON text, readable by any tool


def test_the_version_changes_with_the_users_lexicon_and_only_then(tmp_path: Path) -> None:
    user_file = tmp_path / "loaded.json"
    shipped = analysis_version(user_file)
    assert analysis_version(user_file) == shipped == analysis_version(None)
    user_file.write_text(json.dumps({"label": {"entries": [
        {"term": "Kremlknecht", "why": "Ein abwertendes Etikett.", "lang": "de"}]}}), encoding="utf-8")
    extended = analysis_version(user_file)
    assert extended != shipped
    user_file.write_text(json.dumps({"label": {"entries": []}}), encoding="utf-8")
    assert analysis_version(user_file) not in (shipped, extended)


def test_articles_analysed_together_get_what_each_gets_alone() -> None:
    alone = [analyse(ARTICLE), analyse(OTHER), analyse(ARTICLE), Findings()]
    assert analyse_each([ARTICLE, OTHER, ARTICLE, ()]) == alone
    assert any(a.name == "Keir Starmer" for a in analyse(OTHER).actors)


def test_an_article_whose_analysis_fails_leaves_the_others_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_on_the_first(paragraphs: list[Paragraph], *rest: object) -> object:
        if paragraphs[0].text.startswith("Selenskyj"):
            raise ValueError("kaputt")
        return find_loaded(paragraphs, *rest)  # type: ignore[arg-type]

    expected = analyse(OTHER)
    monkeypatch.setattr("articles.analysis.find_loaded", failing_on_the_first)
    failed, other = analyse_each([ARTICLE, OTHER])
    assert isinstance(failed, ValueError) and other == expected
    with pytest.raises(ValueError, match="kaputt"):
        analyse(ARTICLE)
