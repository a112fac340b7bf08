"""Quotes, quoted terms and indirect speech on German (and a few English) sentences written for each rule."""

from __future__ import annotations

import time

import pytest

from articles.findings import Quote, QuoteKind, Span
from articles.model import Paragraph, Role
from articles.quotes import find_quotes


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index, Role.BODY, text) for index, text in enumerate(texts)]


def quotes_of(*texts: str, people: tuple[tuple[Span, str], ...] = ()) -> list[Quote]:
    found = find_quotes(paragraphs(*texts), people)
    for quote in found:  # every span is an exact slice of its paragraph
        assert texts[quote.span.paragraph][quote.span.start:quote.span.end] == quote.text
        if quote.speaker is not None:
            assert texts[quote.speaker.paragraph][quote.speaker.start:quote.speaker.end] == quote.speaker_name
    return found


def span_of(text: str, part: str, paragraph: int = 0) -> Span:
    start = text.index(part)
    return Span(paragraph, start, start + len(part))


def only(found: list[Quote], kind: QuoteKind) -> list[Quote]:
    return [quote for quote in found if quote.kind is kind]


@pytest.mark.parametrize("opening, closing", [
    ("„", "“"), ("“", "”"), ("\"", "\""), ("»", "«"), ("«", "»"), ("‚", "‘"), ("„", "”"), ("„", "\"")])
def test_every_quoting_style_gives_the_words_between_the_marks(opening: str, closing: str) -> None:
    text = f"{opening}Wir bleiben in der Stadt{closing}, sagte Bürgermeisterin Anna Lindqvist am Montag."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.span == span_of(text, "Wir bleiben in der Stadt")
    assert quote.speaker == span_of(text, "Anna Lindqvist")


def test_english_quote_with_said_after_the_name() -> None:
    text = "“We will not give up on the harbour,” Mayor Tom Hughes said on Tuesday."
    [quote] = quotes_of(text)
    assert quote.text == "We will not give up on the harbour,"
    assert quote.speaker_name == "Tom Hughes"


@pytest.mark.parametrize("tag", ["said project director Alan Moore", "said company spokeswoman Jane Whitfield"])
def test_english_speech_tag_with_a_lowercase_role_before_the_name(tag: str) -> None:
    text = f'"This is the largest single source of power in the region," {tag}. The farm runs for 25 years.'
    [quote] = quotes_of(text)
    assert quote.speaker_name == tag.split(" ", 3)[3]


def test_lowercase_words_after_a_speech_verb_with_no_name_after_them_name_nobody() -> None:
    [quote] = quotes_of("„Wir bleiben“, sagte noch ein alter Mann aus dem Dorf.")
    assert quote.speaker_name is None


def test_a_relative_clause_with_a_speech_verb_between_the_speaker_and_the_cue() -> None:
    text = "Bürgermeister Jonas Brandl, der den Plan gestern sah, nannte seinen Platzverweis „völlig überzogen“."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT and quote.speaker_name == "Jonas Brandl"


@pytest.mark.parametrize("text", [
    "Senatorin Ines Falkner begründete ihren Rücktritt mit einer „völlig neuen Lage“.",
    "Senatorin Ines Falkner sicherte den Anwohnern zu, dass „niemand sein Haus verlieren“ werde.",
    "Ines Falkner, Senatorin für Verkehr, begrüßte den Beschluss als „wichtigen Schritt“.",
])
def test_justifying_and_assuring_verbs_name_the_speaker_of_quoted_words(text: str) -> None:
    [quote] = only(quotes_of(text), QuoteKind.DIRECT)
    assert quote.speaker_name == "Ines Falkner"


@pytest.mark.parametrize("text", [
    "Den Titel des neuen Albums verriet die Band am Montag: „Lichter einer fernen Stadt“.",
    "Am Abend stellte sie die neue CD vor: „Nie wieder still“. Das Publikum jubelte.",
])
def test_a_title_announced_before_a_colon_is_a_term(text: str) -> None:
    assert [quote.kind for quote in quotes_of(text)] == [QuoteKind.TERM]


def test_speech_after_a_colon_stays_direct_beside_a_title_noun() -> None:
    text = "Zum Titel des Albums sagte die Sängerin Mara Lind: „Ich habe lange nach diesem Namen gesucht.“"
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT and quote.speaker_name == "Mara Lind"


def test_a_speech_verb_after_und_shares_the_subject_that_opens_the_sentence() -> None:
    text = "Bürgermeisterin Anna Lindqvist besuchte den Hafen und sprach von einer „bitteren Stunde“."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT and quote.speaker_name == "Anna Lindqvist"


def test_a_speech_verb_after_und_with_another_clause_before_it_names_nobody() -> None:
    text = "Als Bürgermeisterin Anna Lindqvist kam, jubelten die Leute und sprachen von einer „großen Ehre“."
    assert [quote.speaker_name for quote in quotes_of(text)] == [None]


def test_english_single_quotes_and_apostrophes() -> None:
    text = "The council’s ‘harbour plan’ won’t pass before the mayor’s holiday in the Peoples’ Park."
    found = quotes_of(text)
    assert [(quote.text, quote.kind) for quote in found] == [("harbour plan", QuoteKind.TERM)]


def test_speech_tag_before_the_quote_with_a_colon() -> None:
    text = "Außenamtssprecherin Maria Sacharowa erklärte am Abend: „Wir weisen diese Vorwürfe zurück.“"
    [quote] = quotes_of(text)
    assert quote.span == span_of(text, "Wir weisen diese Vorwürfe zurück.")
    assert quote.speaker == span_of(text, "Maria Sacharowa")


def test_so_x_after_the_quote() -> None:
    text = "„Die Fähre fährt ab Mai wieder täglich“, so Reederei-Chef Jonas Petersen."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Jonas Petersen"


def test_name_in_apposition_after_a_description() -> None:
    text = "„Das Gutachten ist eindeutig“, sagte der Sprecher des Ministeriums, Lars Olsen, in Kiel."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Lars Olsen"


def test_quote_over_several_sentences_is_one_quote() -> None:
    text = "„Der Hafen braucht Geld. Ohne Geld keine Fähre! Das weiß jeder“, sagte Senator Klaus Brandt."
    [quote] = quotes_of(text)
    assert quote.text == "Der Hafen braucht Geld. Ohne Geld keine Fähre! Das weiß jeder"
    assert quote.speaker_name == "Klaus Brandt"


def test_quote_broken_by_its_speech_tag_is_one_quote_with_a_continuation() -> None:
    text = "„Europa muss zusammenstehen“, sagte Macron, „und zwar jetzt.“"
    [quote] = quotes_of(text)
    assert quote.span == span_of(text, "Europa muss zusammenstehen")
    assert quote.continuations == (span_of(text, "und zwar jetzt."),)
    assert quote.speaker_name == "Macron"


def test_nested_quote_is_a_term_inside_the_direct_quote() -> None:
    text = "„Wer das ‚Sicherheitspaket‘ nennt, hat es nicht gelesen“, sagte die Abgeordnete Eva Roth."
    found = quotes_of(text)
    assert [(quote.text, quote.kind, quote.speaker_name) for quote in found] == [
        ("Wer das ‚Sicherheitspaket‘ nennt, hat es nicht gelesen", QuoteKind.DIRECT, "Eva Roth"),
        ("Sicherheitspaket", QuoteKind.TERM, None)]


def test_scare_quoted_terms_without_speech_are_terms() -> None:
    text = ("Die sogenannte \"Koalition der Willigen\" berät über sogenannte „Friedenstruppen“ "
            "für die Ukraine, die Mondlandefähre „Eagle“ bleibt im Museum.")
    found = quotes_of(text)
    assert [(quote.text, quote.kind) for quote in found] == [
        ("Koalition der Willigen", QuoteKind.TERM), ("Friedenstruppen", QuoteKind.TERM), ("Eagle", QuoteKind.TERM)]


def test_short_quote_in_reported_speech_is_the_speakers_words() -> None:
    text = "Bundeskanzler Olaf Scholz nannte den Plan „unausgegoren“ und kündigte Gespräche an."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker_name == "Olaf Scholz"


def test_quoted_noun_after_nannte_and_an_article_is_the_speakers_judgement() -> None:
    text = "Der Gewerkschafter Jan Ohlsen nannte das Angebot der Werft eine „Frechheit“."
    [quote] = quotes_of(text)
    assert (quote.kind, quote.speaker_name) == (QuoteKind.DIRECT, "Jan Ohlsen")


def test_title_after_a_noun_stays_a_term_after_a_sentence_with_a_speaker() -> None:
    text = ("Der Regisseur Tom Lind war in Kiel. Dabei bezeichnete er die Küste als bedroht. Danach zeigte er "
            "seine preisgekrönte Dokumentation „Eine stille Küste“.")
    person = (span_of(text, "Tom Lind"), "Tom Lind")
    for people in ((), (person,)):
        found = quotes_of(text, people=people)
        assert [quote.text for quote in only(found, QuoteKind.TERM)] == ["Eine stille Küste"]
        assert not only(found, QuoteKind.DIRECT)


def test_pronoun_speaker_is_the_person_named_before() -> None:
    first = "Der tschechische Präsident Petr Pavel empfing die Delegation am Morgen."
    second = "„Wie lange sollen wir noch warten?“, fragt er in Prag."
    [quote] = quotes_of(first, second)
    assert quote.span == span_of(second, "Wie lange sollen wir noch warten?", 1)
    assert quote.speaker == span_of(first, "Petr Pavel")


def test_pronoun_does_not_take_a_person_of_the_other_gender() -> None:
    first = "Die Ministerin Sabine Kurz traf Jens Holm am Hafen."
    second = "„Wir sind uns einig“, sagte er danach."
    [quote] = quotes_of(first, second, people=((span_of(first, "Sabine Kurz"), "Sabine Kurz"),))
    assert quote.speaker is None


def test_people_from_the_actor_analysis_give_the_speaker_span() -> None:
    text = "„Das ist ein guter Tag für Kiel“, sagte Oberbürgermeister Ulf Kämpfer."
    person = (span_of(text, "Ulf Kämpfer"), "Ulf Kämpfer")
    [quote] = quotes_of(text, people=(person,))
    assert (quote.speaker, quote.speaker_name) == person


def test_quote_standing_alone_keeps_the_speaker_of_the_sentence_before() -> None:
    text = "„Wir fahren weiter“, sagte Kapitänin Ida Berg. „Das Wetter ist kein Grund zur Sorge.“"
    found = quotes_of(text)
    assert [quote.speaker_name for quote in found] == ["Ida Berg", "Ida Berg"]


def test_unknown_speaker_stays_none() -> None:
    text = ("„Das ist ein Skandal“, hieß es aus Regierungskreisen. "
            "„Wir prüfen den Vorgang“, sagte ein Sprecher. Dazu sagte der Minister: „Kein Kommentar.“")
    found = quotes_of(text)
    assert [(quote.kind, quote.speaker) for quote in found] == [(QuoteKind.DIRECT, None)] * 3


def test_sentence_initial_word_is_no_name() -> None:
    text = "Weiter sagte sie: „Wir warten ab.“ Relativierend fügte er hinzu: „Es ist nicht alles schlecht.“"
    assert [quote.speaker for quote in quotes_of(text)] == [None, None]


def test_quote_continued_in_the_next_paragraph() -> None:
    first = "„Wir haben viel erreicht. Der Hafen ist wieder offen."
    second = "„Jetzt kommt die Fähre“, sagte Hafenmeister Ole Jensen."
    [quote] = quotes_of(first, second)
    assert quote.span == span_of(first, "Wir haben viel erreicht. Der Hafen ist wieder offen.")
    assert quote.continuations == (span_of(second, "Jetzt kommt die Fähre", 1),)
    assert quote.speaker == span_of(second, "Ole Jensen", 1)


def test_unbalanced_opening_mark_does_not_swallow_the_article() -> None:
    first = "Der Streit um den „Hafenplan geht weiter, die Stadt schweigt."
    second = "„Wir warten auf das Gutachten“, sagte Stadtrat Paul Weber."
    found = quotes_of(first, second)
    assert [(quote.text, quote.span.paragraph) for quote in found] == [("Wir warten auf das Gutachten", 1)]


def test_stray_mark_in_a_huge_paragraph_is_fast() -> None:
    text = "Der „Bericht " + "Die Stadt plant, sagte er, neue Wege. " * 5_500
    assert len(text) > 200_000
    started = time.process_time()  # CPU time: other work on the machine does not count
    find_quotes(paragraphs(text))
    assert time.process_time() - started < 2.0


def test_markdown_emphasis_around_a_quote() -> None:
    text = "*\"Das ist falsch\"*, sagte Pressesprecherin Jana Wolf."
    [quote] = quotes_of(text)
    assert quote.text == "Das ist falsch"
    assert quote.speaker_name == "Jana Wolf"


def test_indirect_speech_after_a_speech_verb() -> None:
    text = "Innenministerin Nancy Faeser sagte am Montag, die Grenzen seien sicher."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.span == span_of(text, "die Grenzen seien sicher")
    assert quote.speaker_name == "Nancy Faeser"


def test_indirect_speech_before_its_speech_tag() -> None:
    text = "Die Lage sei ernst, aber beherrschbar, sagte Landrat Jan Peters."
    [quote] = quotes_of(text)
    assert quote.span == span_of(text, "Die Lage sei ernst, aber beherrschbar")
    assert quote.speaker_name == "Jan Peters"


def test_laut_x_reports_the_rest_of_the_sentence() -> None:
    text = "Laut Polizeisprecher Mats Lund wurden drei Menschen leicht verletzt."
    [quote] = quotes_of(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.span == span_of(text, "wurden drei Menschen leicht verletzt")
    assert quote.speaker_name == "Mats Lund"


def test_x_zufolge_and_nach_angaben() -> None:
    first = "Dem Bericht zufolge fehlen zwei Millionen Euro."
    second = "Nach Angaben der Reederei fällt die Fähre am Freitag aus."
    found = quotes_of(first, second)
    assert [(quote.kind, quote.text, quote.speaker) for quote in found] == [
        (QuoteKind.INDIRECT, "fehlen zwei Millionen Euro", None),
        (QuoteKind.INDIRECT, "fällt die Fähre am Freitag aus", None)]


def test_according_to_in_english() -> None:
    text = "According to Mayor Tom Reed the ferry will run again in May."
    [quote] = quotes_of(text)
    assert quote.span == span_of(text, "the ferry will run again in May")
    assert quote.speaker_name == "Tom Reed"


def test_plain_statement_is_no_indirect_speech() -> None:
    assert quotes_of("Die Stadt sagte das Konzert ab. Der Hafen bleibt geschlossen.") == []


def test_subject_of_a_subordinate_clause() -> None:
    text = ("Zwar lehnte das Gericht ab, zumal Verteidiger Jonas Weber immer betont hatte, "
            "der Angeklagte sei „nicht gefährlich“.")
    found = quotes_of(text)
    assert [(quote.kind, quote.text, quote.speaker_name) for quote in found] == [
        (QuoteKind.INDIRECT, "der Angeklagte sei „nicht gefährlich“", "Jonas Weber"),
        (QuoteKind.DIRECT, "nicht gefährlich", "Jonas Weber")]


def test_role_and_name_right_before_the_colon() -> None:
    text = "Gelassen blieb nur die Bürgermeisterin Anna Holm: „Wir bauen weiter.“"
    [quote] = quotes_of(text)
    assert quote.speaker == span_of(text, "Anna Holm")


def test_the_one_person_a_colon_tag_introduces() -> None:
    text = "Ihre Skepsis brachte die Sprecherin der Fraktion, Lena Vogt, zum Ausdruck: „Das reicht nicht.“"
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Lena Vogt"


def test_wie_x_zitiert_wird_and_hatte_x_gesagt() -> None:
    text = ("„Wir bleiben im Hafen“, wie Kapitän Jan Ahrens von der Zeitung zitiert wird. "
            "„Das Schiff ist alt“, hatte Reederin Mia Kock zuvor gesagt.")
    assert [quote.speaker_name for quote in quotes_of(text)] == ["Jan Ahrens", "Mia Kock"]


def test_name_with_an_initial() -> None:
    text = "„Das ist ein Durchbruch“, sagte Klinikdirektor Matthias W. Beckmann."
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Matthias W. Beckmann"


def test_plural_sie_stays_unknown() -> None:
    text = "Die Ministerin Eva Brandt traf die Fischer. „Wir geben nicht auf“, sagten sie danach."
    [quote] = quotes_of(text)
    assert quote.speaker is None


def test_konjunktiv_sentence_goes_on_reporting_the_speaker_before() -> None:
    text = "Ministerin Eva Brandt sagte, der Hafen sei sicher. Die Fähre werde „ohne Pause“ fahren."
    direct = only(quotes_of(text), QuoteKind.DIRECT)
    assert [(quote.text, quote.speaker_name) for quote in direct] == [("ohne Pause", "Eva Brandt")]


@pytest.mark.parametrize("between, speaker", [
    ("Die Regierung habe alles versucht.", "Anna Berger"),  # still her report (Konjunktiv)
    ("Die Regierung hat alles versucht.", None),  # the outlet's own sentence: whose quote follows is unclear
    ("", "Anna Berger")])
def test_reported_speech_without_quotation_marks_gives_the_next_paragraphs_quote_its_speaker(
        between: str, speaker: str | None) -> None:
    first = f"Die Ministerin Anna Berger sagte am Montag, die Lage sei ernst. {between}".strip()
    found = quotes_of(first, "„Wir werden nicht nachgeben.“")
    assert [quote.text for quote in only(found, QuoteKind.INDIRECT)] == ["die Lage sei ernst"]
    [direct] = only(found, QuoteKind.DIRECT)
    assert (direct.text, direct.speaker_name) == ("Wir werden nicht nachgeben.", speaker)


def test_quote_after_a_sentence_about_a_named_person() -> None:
    text = "Bürgermeister Tom Lund will die Fähre retten. „Ohne Fähre stirbt die Insel.“"
    [quote] = quotes_of(text)
    assert quote.speaker == span_of(text, "Tom Lund")


def test_quoted_names_of_sources_and_titles_are_terms() -> None:
    text = ("Laut „tagesschau.de“ ist die Fähre ausgefallen. „BBC News“ berichtet ebenfalls darüber. "
            "Er ist Träger des „Preises für geistige Freiheit“ und Mitglied der „Allianz für Europa“ (AfE).")
    found = quotes_of(text)
    assert [(quote.text, quote.kind) for quote in found if quote.kind is not QuoteKind.INDIRECT] == [
        ("tagesschau.de", QuoteKind.TERM), ("BBC News", QuoteKind.TERM),
        ("Preises für geistige Freiheit", QuoteKind.TERM), ("Allianz für Europa", QuoteKind.TERM)]


def test_quoted_judgements_and_fragments_are_speech() -> None:
    text = ("Die Lage wurde von der Polizei als „extrem“ bezeichnet. "
            "Der Plan ist „auf ganzer Linie gescheitert“. Sie sprach von einer „Gefahr für Leib und Leben“.")
    found = quotes_of(text)
    assert [(quote.text, quote.kind) for quote in found] == [
        ("extrem", QuoteKind.DIRECT), ("auf ganzer Linie gescheitert", QuoteKind.DIRECT),
        ("Gefahr für Leib und Leben", QuoteKind.DIRECT)]


def test_wie_x_ausfuehrte_before_the_reported_clause() -> None:
    text = "Wie die Vorsitzende Richterin, Karin Brandt, ausführte, hätte es „ein Blutbad gegeben“."
    found = quotes_of(text)
    assert [(quote.kind, quote.text, quote.speaker_name) for quote in found] == [
        (QuoteKind.INDIRECT, "hätte es „ein Blutbad gegeben“", "Karin Brandt"),
        (QuoteKind.DIRECT, "ein Blutbad gegeben", "Karin Brandt")]


def test_dass_clause_after_a_weak_speech_verb() -> None:
    text = "Die Reederei Nordlicht teilte am Abend mit, dass die Fähre wieder fährt."
    [quote] = quotes_of(text)
    assert (quote.kind, quote.text) == (QuoteKind.INDIRECT, "dass die Fähre wieder fährt")


def test_name_in_commas_before_the_verb_is_the_speaker() -> None:
    text = ("Der Vorsitzende der Gewerkschaft ver.di, Frank Bsirske, würdigte Kluncker als "
            "„eine bedeutende Persönlichkeit“.")
    [quote] = quotes_of(text)
    assert quote.speaker_name == "Frank Bsirske"


@pytest.mark.parametrize("unit", [
    "„Wir kommen“, sagte Anna Berg. „Ja“, sagte sie. ",  # names and pronouns
    "Er nannte „Alpha“ und ",  # quotes in one endless sentence
    "Er sagte: „Ja“ und ",
])
def test_many_quotes_in_a_huge_paragraph_take_linear_time(unit: str) -> None:
    # Growth, not seconds: four times the text may cost about four times the CPU (a quadratic scan costs 16x).
    # CPU time of this process, so other work on the machine does not count.
    def cpu_seconds(size: int) -> float:
        text = unit * (size // len(unit))
        started = time.process_time()
        found = find_quotes(paragraphs(text))
        spent = time.process_time() - started
        assert len(found) >= text.count("„") // 2
        return spent

    small, large = min(cpu_seconds(50_000) for _ in range(2)), cpu_seconds(200_000)
    assert large < 8 * max(small, 0.01)


def test_fuer_x_names_the_holder_of_the_view() -> None:
    text = ("Kanzlerin Eva Brandt sagte, der Hafen sei sicher. "
            "Für den Theologen Hans Lind sei der Plan „aus vielen Gründen verständlich“.")
    direct = only(quotes_of(text), QuoteKind.DIRECT)
    assert [quote.speaker_name for quote in direct] == ["Hans Lind"]


@pytest.mark.parametrize("text, term", [
    ("Die Banken sind nach einem „Gesetz zur Bekämpfung der Geldwäsche“ zur Meldung verpflichtet.",
     "Gesetz zur Bekämpfung der Geldwäsche"),
    ("Zu sehen war nur eine Nachricht des „Vereins der Freunde alter Bahnen e.V.“ im Netz.",
     "Vereins der Freunde alter Bahnen e.V."),
    ("„Wir sind schnell“, sagte Anna Korvel. Neuerdings präsentiert sie sich als „Leiterin der Abteilung für Sonderprojekte“ der "
     "Firma.", "Leiterin der Abteilung für Sonderprojekte"),
])
def test_quoted_names_of_laws_institutions_and_titles_are_terms(text: str, term: str) -> None:
    people = ((span_of(text, "Anna Korvel"), "Anna Korvel"),) if "Anna Korvel" in text else ()
    quote = quotes_of(text, people=people)[-1]
    assert (quote.text, quote.kind) == (term, QuoteKind.TERM)


@pytest.mark.parametrize("text, term", [
    ("Im Phänomenbereich „Politisch motivierte Kriminalität“ stieg die Zahl der Fälle.",
     "Politisch motivierte Kriminalität"),
    ("Nach dem Absturz der Trägerrakete „Falke 2“ will die Firma weitermachen.", "Falke 2"),
])
def test_a_quote_after_a_naming_noun_is_a_term(text: str, term: str) -> None:
    [quote] = quotes_of(text)
    assert (quote.text, quote.kind) == (term, QuoteKind.TERM)


def test_a_dass_clause_reports_speech_only_after_a_speech_verb() -> None:
    reported = "Die Polizei teilte am Abend mit, dass der Täter geflohen sei."
    (quote,) = quotes_of("Es ist gut, dass die Brücke hält. Wir hoffen, dass sie bleibt.", reported)
    assert quote.kind is QuoteKind.INDIRECT and quote.span.paragraph == 1
    assert quote.text == "dass der Täter geflohen sei"


def test_a_dass_paragraph_in_the_konjunktiv_carries_the_speaker_to_the_quote_after_it() -> None:
    texts = ("„Wir bleiben“, sagte Bürgermeisterin Anna Roth.", "Es sei klar, dass das Geld reiche.",
             "„Das Rathaus bleibt offen.“")
    found = only(quotes_of(*texts), QuoteKind.DIRECT)
    assert [(quote.text, quote.speaker_name) for quote in found] == [
        ("Wir bleiben", "Anna Roth"), ("Das Rathaus bleibt offen.", "Anna Roth")]


@pytest.mark.parametrize("opening, closing", [("„", "“"), ("“", "”"), ("\"", "\""), ("»", "«"), ("«", "»"),
                                              ("‚", "‘"), ("‘", "’"), ("›", "‹"), ("‹", "›")])
def test_every_quoting_style_is_read_in_a_paragraph_of_narrow_characters(opening: str, closing: str) -> None:
    text = f"Die Ärzte nannten das Vorhaben {opening}Größenwahn{closing} und gingen."  # all below U+0100 but the marks
    assert [(quote.text, quote.span.start) for quote in quotes_of(text)] == [("Größenwahn", 32)]


def test_the_quick_test_for_quotation_marks_knows_every_mark_the_pairing_reads() -> None:
    from articles import quote_marks
    marks = [chr(code) for code in range(0x2100) if quote_marks._MARK.match(chr(code))]
    assert len(marks) == 11
    for mark in marks:
        assert quote_marks.has_quote_mark(f"Ärger {mark}über€"), mark
        assert quote_marks.has_quote_mark(mark)
    assert not quote_marks.has_quote_mark("Ärger – über 5 € (sic!) ‐ ′ ″ `´ ʼ")
