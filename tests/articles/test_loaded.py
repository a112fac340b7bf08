"""Loaded wording: labels, distancing, opinion stated as fact; quotes and attributed words stay unmarked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from articles.findings import Loaded, Quote, QuoteKind, Span
from articles.language_data import load_resource_json
from articles.loaded import LEXICON_RESOURCE, KeywordFilter, LoadedLexicon, find_loaded, load_lexicon
from articles.model import Paragraph, Role

Mark = tuple[int, int, str, str]

#: Sentence → every mark expected in it: (start, end, text, category).
EXAMPLES: dict[str, list[Mark]] = {
    # Labels, with inflections and compounds.
    "Die Truppen des Machthabers rückten vor. Das Regime in Moskau schweigt, die Regimes der Region auch.": [
        (16, 27, "Machthabers", "label"), (45, 51, "Regime", "label"), (76, 83, "Regimes", "label")],
    "Das Assad-Regime, das Putin-Regime und das Terrorregime.": [
        (4, 16, "Assad-Regime", "label"), (22, 34, "Putin-Regime", "label"), (43, 55, "Terrorregime", "label")],
    "Die Flüchtlingswelle, die Flüchtlingsflut und die Flüchtlingsströme sind Metaphern.": [
        (4, 20, "Flüchtlingswelle", "label"), (26, 41, "Flüchtlingsflut", "label"),
        (50, 67, "Flüchtlingsströme", "label")],
    "Die Altparteien, die Gutmenschen und die Putinversteher.": [
        (4, 15, "Altparteien", "label"), (21, 32, "Gutmenschen", "label"), (41, 55, "Putinversteher", "label")],
    "Der Asyltourismus kam in Mode.": [(4, 17, "Asyltourismus", "label")],
    "Despoten regieren lange.": [(0, 8, "Despoten", "label")],
    "Seit Jahren regiert Diktator Lukaschenko.": [(20, 28, "Diktator", "label")],
    # Technical compounds and historical names are not labels.
    "Das Steuerregime, das Sanktionsregime, das Grenzregime und das Abgasregime bleiben, ebenso das NS-Regime.": [],
    "Ein Machthabermuseum und ein Regimekritiker.": [],
    # Distancing: sogenannt before a self-designation, angeblich before a noun.
    "Die sogenannte Volksrepublik Donezk und die sogenannten All-in-Verträge.": [(4, 14, "sogenannte", "distancing")],
    "Die angeblichen Beweise fehlen. Er war angeblich dort.": [(4, 15, "angeblichen", "distancing")],
    "Der selbsternannte Kalif sprach.": [(4, 18, "selbsternannte", "distancing")],
    # Opinion stated as fact.
    "Zur Erinnerung: Die Wahl fand 2015 statt.": [(0, 15, "Zur Erinnerung:", "opinion-as-fact")],
    "Bekanntlich verliert die Partei.": [(0, 11, "Bekanntlich", "opinion-as-fact")],
    "Es ist kein Geheimnis, dass die Partei verliert.": [(0, 27, "Es ist kein Geheimnis, dass", "opinion-as-fact")],
    "Natürlich ist das falsch. Das ist natürlich falsch.": [(0, 9, "Natürlich", "opinion-as-fact")],
    "Der Kreml machte deutlich, dass es ihm nicht um Gebietsgewinne gehe.": [
        (10, 67, "machte deutlich, dass es ihm nicht um Gebietsgewinne gehe", "opinion-as-fact")],
    "Die Polizei hat offenbar versagt, offensichtlich aus Angst.": [
        (16, 24, "offenbar", "opinion-as-fact"), (34, 48, "offensichtlich", "opinion-as-fact")],
    "Ausgerechnet Mattersburg gewann wieder einmal, einmal mehr als Rapid.": [
        (0, 12, "Ausgerechnet", "opinion-as-fact"), (32, 45, "wieder einmal", "opinion-as-fact")],
    "Der dreiste Plan war skandalös, die dreisten Forderungen auch.": [
        (4, 11, "dreiste", "opinion-as-fact"), (21, 30, "skandalös", "opinion-as-fact"),
        (36, 44, "dreisten", "opinion-as-fact")],
    "Einmal mehr stand Rapid vorn.": [(0, 11, "Einmal mehr", "opinion-as-fact")],
    # Borderline words left out on purpose: umstritten states that a dispute exists.
    "Das Gesetz ist umstritten.": [],
    "Es wurde offenbar, dass die Kasse leer war.": [],
    # Attributed labels are the speaker's, not the outlet's.
    "Trump nannte ihn einen Diktator.": [],
    "Die Opposition bezeichnet ihn als Despoten.": [],
    "Als Diktator beschimpft wurde er oft.": [],
    "Das Regime sei am Ende, sagte sie.": [],
    "Laut Opposition ist das Regime am Ende.": [],
    # English entries.
    "The regime in Tehran kept its tax regime. Of course, the strongman stayed.": [
        (4, 10, "regime", "label"), (42, 51, "Of course", "opinion-as-fact"), (57, 66, "strongman", "label")],
}


def marks(text: str, quotes: Sequence[Quote] = (), lexicon: LoadedLexicon | None = None) -> list[Mark]:
    found = find_loaded([Paragraph(0, Role.BODY, text)], quotes, lexicon)
    return [(mark.span.start, mark.span.end, mark.text, mark.category) for mark in found]


def quote(text: str, words: str, kind: QuoteKind, paragraph: int = 0) -> Quote:
    start = text.index(words)
    return Quote(Span(paragraph, start, start + len(words)), words, kind)


@pytest.mark.parametrize(("text", "expected"), list(EXAMPLES.items()))
def test_examples_are_marked_exactly(text: str, expected: list[Mark]) -> None:
    assert marks(text) == expected


@pytest.mark.parametrize("text", list(EXAMPLES))
def test_keyword_prefilter_never_hides_a_mark(text: str) -> None:
    lexicon = load_lexicon()
    unfiltered = replace(lexicon, entries=tuple(replace(entry, keywords=()) for entry in lexicon.entries))
    assert marks(text, lexicon=unfiltered) == marks(text, lexicon=lexicon)


def test_words_inside_direct_and_indirect_quotes_are_not_marked() -> None:
    text = "„Das Regime ist am Ende“, rief Merz. Das Regime schweigt. Der Minister meinte, das Regime wanke."
    quotes = [quote(text, "Das Regime ist am Ende", QuoteKind.DIRECT),
              quote(text, "das Regime wanke", QuoteKind.INDIRECT)]
    assert marks(text, quotes) == [(41, 47, "Regime", "label")]


def test_a_quote_continued_after_its_speech_tag_is_skipped_too() -> None:
    text = "„Das Regime“, rief sie, „ist ein Terrorregime.“"
    first, second = quote(text, "Das Regime", QuoteKind.DIRECT), quote(text, "ist ein Terrorregime.", QuoteKind.DIRECT)
    assert marks(text) == [(5, 11, "Regime", "label"), (33, 45, "Terrorregime", "label")]
    assert marks(text, [replace(first, continuations=(second.span,))]) == []


def test_sogenannte_before_a_term_quote_marks_the_quote() -> None:
    text = "Die sogenannte „Friedenstruppe“ rückte ein."
    term = quote(text, "Friedenstruppe", QuoteKind.TERM)
    found = find_loaded([Paragraph(0, Role.BODY, text)], [term])
    assert found == [Loaded(term.span, "Friedenstruppe", found[0].why, "distancing")]
    assert "sogenannt" in found[0].why


def test_scare_quotes_after_other_cues_and_in_english() -> None:
    german = "Das sagen diese „Experten“ seit Jahren."
    english = "The so-called “peacekeepers” arrived."
    assert marks(german, [quote(german, "Experten", QuoteKind.TERM)]) == [(17, 25, "Experten", "distancing")]
    assert marks(english, [quote(english, "peacekeepers", QuoteKind.TERM)]) == [
        (15, 27, "peacekeepers", "distancing")]


def test_sogenannt_introducing_a_technical_term_is_not_distancing() -> None:
    text = "Die Fackel wurde durch das sogenannte „Mutterfeuer“ entzündet, die sogenannten Plug-in-Hybride auch."
    assert marks(text, [quote(text, "Mutterfeuer", QuoteKind.TERM)]) == []
    assert marks(text) == []


def test_quoted_names_without_a_cue_are_not_scare_quotes() -> None:
    text = "Das Magazin „Dabiq“ und die „Lügenpresse“-Rufe."
    quotes = [quote(text, "Dabiq", QuoteKind.TERM), quote(text, "Lügenpresse", QuoteKind.TERM)]
    assert marks(text, quotes) == []


def test_a_quoted_name_inside_a_compound_is_not_a_scare_quote_but_its_distancing_word_counts() -> None:
    text = "Die angebliche „Bild“-Meldung ging um."
    assert marks(text, [quote(text, "Bild", QuoteKind.TERM)]) == [(4, 14, "angebliche", "distancing")]


def test_marks_keep_paragraph_numbers_and_skip_readers_comments() -> None:
    paragraphs = [Paragraph(3, Role.TITLE, "Das Regime wankt"), Paragraph(4, Role.COMMENTS, "Das Regime wankt"),
                  Paragraph(7, Role.BODY, "Bekanntlich wankt das Regime.")]
    found = find_loaded(paragraphs)
    assert [(m.span, m.text) for m in found] == [
        (Span(3, 4, 10), "Regime"), (Span(7, 0, 11), "Bekanntlich"), (Span(7, 22, 28), "Regime")]


def test_every_mark_has_a_why_in_the_language_of_its_entry() -> None:
    german = find_loaded([Paragraph(0, Role.BODY, "Der Machthaber sprach.")])[0]
    english = find_loaded([Paragraph(0, Role.BODY, "The strongman spoke.")])[0]
    assert "Machthaber" in german.why and german.why.endswith(".")
    assert "Strongman" in english.why and " the " in english.why


def test_shipped_entries_are_complete() -> None:
    data = load_resource_json(LEXICON_RESOURCE)
    categories = [name for name in data if not name.startswith("_") and name not in ("scare_quotes", "reported")]
    assert categories == ["label", "distancing", "opinion-as-fact"]
    for name in [*categories, "scare_quotes"]:
        for entry in data[name]["entries"]:
            assert entry["lang"] in ("de", "en") and entry["why"].endswith(".")
            assert entry["why"].count(". ") == 0, entry["why"]
    assert len(load_lexicon().entries) == sum(len(data[name]["entries"]) for name in categories)


def test_a_user_file_extends_the_shipped_lexicon(tmp_path: Path) -> None:
    user_file = tmp_path / "loaded.json"
    user_file.write_text(json.dumps({
        "label": {"entries": [{"term": "Kremlknecht", "why": "Ein abwertendes Etikett.", "lang": "de"}]},
        "spin": {"entries": [{"pattern": "unfassbar(?:e[nmrs]?)?", "keywords": ["unfassbar"],
                              "why": "Eine Wertung.", "lang": "de"}]},
        "reported": {"before": [r"\blästerte\b"]},
    }), encoding="utf-8")
    lexicon = load_lexicon(user_file)
    text = "Der Kremlknecht sprach, das Regime lobte den unfassbaren Plan. Man lästerte über den Kremlknecht."
    assert marks(text, lexicon=lexicon) == [
        (4, 15, "Kremlknecht", "label"), (28, 34, "Regime", "label"), (45, 56, "unfassbaren", "spin")]
    assert marks(text) == [(28, 34, "Regime", "label")]


def test_a_missing_user_file_gives_the_shipped_lexicon(tmp_path: Path) -> None:
    assert load_lexicon(tmp_path / "absent.json") is load_lexicon()


@pytest.mark.parametrize("entry", [
    {"why": "Kein Muster."},
    {"term": "Wort", "pattern": "wort", "why": "Beides."},
    {"pattern": "(", "why": "Kaputt."},
    {"term": "Wort"},
])
def test_a_broken_user_entry_is_reported_with_the_entry(tmp_path: Path, entry: dict[str, str]) -> None:
    user_file = tmp_path / "loaded.json"
    user_file.write_text(json.dumps({"label": {"entries": [entry]}}), encoding="utf-8")
    with pytest.raises(ValueError, match="loaded-wording entry"):
        load_lexicon(user_file)


def test_the_keyword_filter_finds_overlapping_keywords_in_each_text() -> None:
    keywords = KeywordFilter([["asyl"], ["asylant"], ["lant"], [], ["so-called", "of course"]])
    assert keywords.owners_in(["die asylanten", "nichts", "of course, so-called"]) == [[0, 1, 2, 3], [3], [3, 4]]
