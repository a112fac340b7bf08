"""The shipped patterns recognise typical boilerplate, and keyword pre-checks never hide a match."""

from __future__ import annotations

from dataclasses import fields, replace

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
    changed = {
        spec.name: replace(value, keywords=None)
        for spec in fields(RolePatterns)
        if isinstance(value := getattr(patterns, spec.name), PatternSet)
    }
    return replace(patterns, **changed)


@pytest.mark.parametrize(("name", "text"), [(name, text) for name, texts in EXAMPLES.items() for text in texts])
def test_boilerplate_is_recognised_with_and_without_keyword_checks(name: str, text: str) -> None:
    patterns = load_role_patterns()
    assert getattr(patterns, name).search(text), "missed with keyword check"
    assert getattr(without_keywords(patterns), name).search(text), "missed by the patterns themselves"


def test_keyword_checks_never_change_a_verdict_on_the_examples_and_their_variants() -> None:
    patterns, plain = load_role_patterns(), without_keywords(load_role_patterns())
    texts = [text for texts in EXAMPLES.values() for text in texts]
    texts += [text.upper() for text in texts] + [f"Vorher. {text} Nachher." for text in texts]
    for spec in fields(RolePatterns):
        pattern_set = getattr(patterns, spec.name)
        if isinstance(pattern_set, PatternSet):
            for text in texts:
                assert pattern_set.matches(text) == getattr(plain, spec.name).matches(text), (spec.name, text)


@pytest.mark.parametrize("text", [
    "Jetzt den NEWSLETTER abonnieren", "Zum Abo", "Datenſchutz", "DATENSCHUTZ-Hinweis", "Dıe Zensur", "ZENSİERT",
    "Bild: dpa", "FOTO: Reuters", "© 2024 Kieler Blatt", "Alle Rechte vorbehalten", "(C) Hafenbote",
    "Der Bürgermeister sprach über den Haushalt.", "", "ıſİ", "Σ σ ς", "Straße STRASSE",
])
def test_fast_keyword_checks_agree_with_case_blind_search(text: str) -> None:
    """The keyword pre-check on lowercased text says yes whenever the case-blind alternation finds a keyword."""
    patterns = load_role_patterns()
    for spec in fields(patterns):
        pattern_set = getattr(patterns, spec.name)
        if isinstance(pattern_set, PatternSet) and pattern_set.keywords is not None:
            assert pattern_set.lowered is not None, spec.name
            if pattern_set.keywords.search(text):
                assert pattern_set._worth_trying(text) or len(text) > pattern_set.max_chars, (spec.name, text)
