"""The shipped patterns recognise typical boilerplate, and keyword and literal pre-checks never hide a match."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path

import pytest

from articles.role_patterns import PatternSet, RolePatterns, load_role_patterns

EXAMPLES = {
    "promo": [
        "Newsletter abonnieren: Die wichtigsten Nachrichten jeden Morgen.",
        "Melden Sie sich für unseren Newsletter an.",
        "Wir schützen Ihre Daten gemäß DSGVO.",
        "Jetzt abonnieren und weiterlesen",
        "Testen Sie das Digitalabo: drei Monate kostenlos",
        "Laden Sie unsere App herunter.",
        "Folgen Sie uns auf Telegram!",
        "Sign up for our newsletter to get the briefing.",
        "Anzeige",
        "Einloggen",
    ],
    "disclaimer": [
        "Unsere Seite ist in der EU gesperrt. Teilen Sie unsere Artikel, damit sie gelesen werden.",
        "Verbreiten Sie diesen Text, bevor die Zensur ihn trifft.",
        "Unterstützen Sie unabhängigen Journalismus!",
        "Jetzt spenden",
        "Mit Ihrer Spende sichern Sie unsere Arbeit.",
        "Die in diesem Beitrag geäußerten Ansichten geben nicht unbedingt die Meinung der Redaktion wieder.",
        "Dieser Artikel erschien zuerst im Nordkurier.",
        "Support independent journalism: donate today.",
        "This article was originally published by the Harbour Gazette.",
    ],
    "glued_credit": [
        "Gipfel in ParisQuelle: www.agency.example © Jean Dupont",
        "Der Kanzler in BerlinFoto: dpa",
        "Sunset over the bayPhoto by Ana Lima on Unsplash",
    ],
    "copyright_notice": ["© 2025 Stadtanzeiger. Alle Rechte vorbehalten.", "Copyright 2024 Harbour Gazette"],
    "credit": ["Quelle: Reuters © Lisi Niesner", "Foto: dpa", "Photo by Jane Doe on Unsplash", "© Getty Images",
               "Bild: picture alliance / AP"],
    "related": ["Mehr zum Thema - Starmer kündigt Hilfe an", "Lesen Sie auch: Streit um Kabel", "Read more: Cuts"],
    "comments_start": ["2 Kommentare zu „Macron in Paris“", "Kommentare", "3 Comments", "Leave a Reply"],
    "comments_end": ["Kommentare sind geschlossen.", "Comments are closed."],
}


def without_keywords(patterns: RolePatterns) -> RolePatterns:
    """The same patterns with every pre-check taken out: each text goes through each pattern."""
    changed = {
        spec.name: replace(value, keywords=None, literals=None, needs_literal=(), always=None, filtered=None)
        for spec in fields(RolePatterns)
        if isinstance(value := getattr(patterns, spec.name), PatternSet)
    }
    return replace(patterns, **changed)


@pytest.mark.parametrize(("name", "text"), [(name, text) for name, texts in EXAMPLES.items() for text in texts])
def test_boilerplate_is_recognised_with_and_without_keyword_checks(name: str, text: str) -> None:
    patterns = load_role_patterns()
    assert getattr(patterns, name).search(text), "missed with keyword check"
    assert getattr(without_keywords(patterns), name).search(text), "missed by the patterns themselves"


def test_pre_checks_never_change_a_verdict_on_the_examples_and_their_variants() -> None:
    patterns, plain = load_role_patterns(), without_keywords(load_role_patterns())
    texts = [text for texts in EXAMPLES.values() for text in texts]
    texts += [text.upper() for text in texts] + [f"Vorher. {text} Nachher." for text in texts]
    for spec in fields(RolePatterns):
        pattern_set = getattr(patterns, spec.name)
        if isinstance(pattern_set, PatternSet):
            for text in texts:
                assert pattern_set.matches(text) == getattr(plain, spec.name).matches(text), (spec.name, text)
                assert pattern_set.matches(text, text.lower()) == pattern_set.matches(text), (spec.name, text)
                found, expected = pattern_set.search(text), getattr(plain, spec.name).search(text)
                assert (found and found.span()) == (expected and expected.span()), (spec.name, text)


def test_user_patterns_without_literals_or_with_named_groups_still_match(tmp_path: Path) -> None:
    extra = tmp_path / "roles.json"
    extra.write_text(json.dumps({
        "promo": {"patterns": [r"^\W*\d+\s*%\s*rabatt\b", r"\d+\W{3,}\d+"]},
        "disclaimer": {"patterns": [r"(?P<shop>[A-Z]\w+)-Gutschein"]},
        "related": {"patterns": [r"(?<=\s)weiterführende links:"]},
    }), encoding="utf-8")
    patterns = load_role_patterns([extra])
    assert patterns.promo.matches("-- 20 % Rabatt auf alles, nur heute") is False  # no promo keyword in it
    assert patterns.promo.matches("20 % Rabatt im Abo") is True
    assert patterns.promo.matches("Abo: 12 --- 34") is True
    assert patterns.promo.matches("Spielstand 12 --- 34") is False
    found = patterns.disclaimer.search("Ihr Beispiel-Gutschein als Beitrag")
    assert found is not None and found.group("shop") == "Beispiel"
    assert patterns.related.matches("Zum Schluss weiterführende Links: eins, zwei") is True


@pytest.mark.parametrize("text", [
    "Jetzt den NEWSLETTER abonnieren", "Zum Abo", "Datenſchutz", "DATENSCHUTZ-Hinweis", "Dıe Zensur", "ZENSİERT",
    "Bild: dpa", "FOTO: Reuters", "© 2024 Kieler Blatt", "Alle Rechte vorbehalten", "(C) Hafenbote",
    "Der Bürgermeister sprach über den Haushalt.", "", "ıſİ", "Σ σ ς", "Straße STRASSE",
])
def test_fast_word_checks_agree_with_case_blind_search(text: str) -> None:
    """The keyword and literal pre-checks on lowercased text say yes whenever the case-blind alternation finds
    one of their words."""
    patterns = load_role_patterns()
    for spec in fields(patterns):
        pattern_set = getattr(patterns, spec.name)
        if isinstance(pattern_set, PatternSet):
            for test in (pattern_set.keywords, pattern_set.literals):
                if test is not None:
                    assert test.lowered is not None, spec.name
                    if test.blind.search(text):
                        assert test.found(text) and test.found(text, text.lower()), (spec.name, text)
