"""Actors: people, organisations and places, on German sentences written for one rule each."""

from __future__ import annotations

import pytest

from articles.actors import actor_key, find_actors, person_mentions
from articles.findings import Actor, ActorKind, Span
from articles.model import Paragraph, Role

PERSON, ORGANISATION, PLACE = ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.PLACE


def actors_in(*texts: str) -> list[Actor]:
    return find_actors([Paragraph(index, Role.BODY, text) for index, text in enumerate(texts)])


def summary(*texts: str) -> list[tuple[str, str, str]]:
    """(kind, name, role) of every actor, in order of first mention."""
    return [(a.kind.value, a.name, a.role) for a in actors_in(*texts)]


def mentioned(text: str) -> list[str]:
    """The text of every mention, in text order."""
    spans = sorted(s for a in actors_in(text) for s in a.mentions)
    return [text[s.start : s.end] for s in spans]


def test_role_cue_and_full_name_give_a_person_with_that_role_and_exact_offsets() -> None:
    text = "Bundeskanzler Friedrich Merz empfing am Montag den Gast."
    assert actors_in(text) == [
        Actor("a1", "Friedrich Merz", PERSON, role="Bundeskanzler", mentions=(Span(0, 14, 28),)),
    ]


def test_a_stated_role_keeps_the_genitive_country_or_nationality_adjective() -> None:
    assert summary("Großbritanniens Premierminister Keir Starmer sprach zuerst.") == [
        ("place", "Großbritannien", ""),
        ("person", "Keir Starmer", "Großbritanniens Premierminister"),
    ]
    assert summary("Der französische Präsident Emmanuel Macron sprach danach.") == [
        ("person", "Emmanuel Macron", "französische Präsident"),
    ]


def test_first_name_and_surname_without_a_role() -> None:
    assert summary("Gestern trafen sich Keir Starmer und Ursula von der Leyen.") == [
        ("person", "Keir Starmer", ""),
        ("person", "Ursula von der Leyen", ""),
    ]


def test_role_cue_before_a_surname_alone() -> None:
    assert summary("Das sagte Außenministerin Baerbock am Abend.") == [("person", "Baerbock", "Außenministerin")]


def test_surname_only_follow_ups_and_genitive_merge_into_one_actor_across_paragraphs() -> None:
    first = "Keir Starmer reiste nach Kiew."
    second = "Dort sagte Starmer, die Hilfe gehe weiter. Starmers Besuch dauerte einen Tag."
    [starmer, kiew] = actors_in(first, second)
    assert (starmer.name, starmer.aliases) == ("Keir Starmer", ("Starmer", "Starmers"))
    assert starmer.mentions == (Span(0, 0, 12), Span(1, 11, 18), Span(1, 43, 51))
    assert (kiew.kind, kiew.name, kiew.mentions) == (PLACE, "Kiew", (Span(0, 25, 29),))


def test_a_surname_before_the_full_name_joins_the_full_name() -> None:
    [person] = actors_in("Präsident Macron kam spät. Emmanuel Macron entschuldigte sich.")
    assert (person.name, person.aliases, person.role) == ("Emmanuel Macron", ("Macron",), "Präsident")


def test_country_adjective_is_not_an_actor_but_the_country_is() -> None:
    assert summary("Der britische Premier besuchte Großbritanniens Nachbarn. Frankreich stimmte zu.") == [
        ("place", "Großbritannien", ""),
        ("place", "Frankreich", ""),
    ]
    assert actors_in("Die britische Regierung und die deutschen Behörden schwiegen.") == []


def test_organisations_by_list_pattern_legal_form_and_acronym() -> None:
    text = "Das Außenministerium, die NATO und die Siemens AG äußerten sich, ebenso das UNHCR."
    assert summary(text) == [
        ("organisation", "Außenministerium", ""),
        ("organisation", "NATO", ""),
        ("organisation", "Siemens AG", ""),
        ("organisation", "UNHCR", ""),
    ]


def test_listed_multi_word_organisations_and_inflected_forms() -> None:
    text = "Die Koalition der Willigen traf sich im Weißen Haus; das Weiße Haus schwieg dazu."
    [coalition, white_house] = actors_in(text)
    assert (coalition.name, coalition.mentions) == ("Koalition der Willigen", (Span(0, 4, 26),))
    assert (white_house.name, white_house.aliases) == ("Weißes Haus", ("Weißen Haus",))


def test_parties_and_brackets() -> None:
    assert summary("Die Grünen und die SPD stimmten zu, Merz (CDU) nicht.") == [
        ("organisation", "Grüne", ""),
        ("organisation", "SPD", ""),
        ("person", "Merz", ""),
        ("organisation", "CDU", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung schickte am Montag Truppen.",
        "Am Dienstag folgte die Antwort der Opposition.",
        "Doch Kratochwil schwieg. Trotzdem blieb die Lage ruhig.",  # an unknown surname with no evidence
        "Im Sommer beginnt die Ernte, Weil es regnet.",
        "Als Minister und als Präsident sprach er viel.",
        "Bei der Kontrolle fanden die Beamten nichts.",
        "TV und PC: Das BIP wuchs.",
    ],
)
def test_common_capitalised_words_and_sentence_starts_are_not_actors(text: str) -> None:
    assert actors_in(text) == []


def test_a_weak_first_name_needs_a_real_surname() -> None:
    assert actors_in("Mai Ende kam der Frühling.") == []  # "Mai" is a name and a month
    assert summary("Mark Rutte sprach.") == [("person", "Mark Rutte", "")]


def test_speech_verb_and_age_make_a_surname_a_person() -> None:
    assert mentioned("„Wir bleiben“, sagte Kolb. Später kam Kratochwil (47) dazu.") == ["Kolb", "Kratochwil"]


def test_places_by_lead_word_and_nationality_adjective() -> None:
    assert summary("Im Kanton Baselland und im englischen Hatfield regnet es.") == [
        ("place", "Baselland", ""),
        ("place", "Hatfield", ""),
    ]


def test_transliteration_variants_in_one_article_merge() -> None:
    [person] = actors_in("Präsident Selenskij sprach mit Präsident Selenskyj.")
    assert (person.name, person.aliases, len(person.mentions)) == ("Selenskij", ("Selenskyj",), 2)


def test_person_mentions_pair_every_person_span_with_the_full_name() -> None:
    actors = actors_in("Keir Starmer kam. Die NATO wartete.", "Starmer sprach.")
    assert person_mentions(actors) == [(Span(0, 0, 12), "Keir Starmer"), (Span(1, 0, 7), "Keir Starmer")]


@pytest.mark.parametrize("name", ["Selenskij", "Selenskyj", "Zelensky", "Selensky", "Zelenskyy", "SELENSKYJ"])
def test_actor_key_folds_transliterations_of_one_name(name: str) -> None:
    assert actor_key(name, PERSON) == "person:selenski"


def test_actor_key_folds_case_diacritics_and_umlauts_but_stays_conservative() -> None:
    assert actor_key("Recep Tayyip Erdoğan", PERSON) == actor_key("recep tayyip erdogan", PERSON)
    assert actor_key("Müller", PERSON) == actor_key("Mueller", PERSON)
    assert actor_key("Wolodymyr Selenskyj", PERSON) == actor_key("Volodymyr Zelensky", PERSON)
    assert actor_key("Meier", PERSON) != actor_key("Maier", PERSON)
    assert actor_key("Selenskyj", PERSON) != actor_key("Wolodymyr Selenskyj", PERSON)
    assert actor_key("Élysée", ORGANISATION) == "organisation:elysee"
    assert actor_key("Wien", PLACE) != actor_key("Wien", ORGANISATION)


def test_empty_input() -> None:
    assert find_actors([]) == [] and find_actors([Paragraph(0, Role.BODY, "")]) == []


def test_long_forms_before_an_acronym_and_federal_institutions() -> None:
    text = "Die Alternative für Deutschland (AfD) und Stefan Schulz (SPD) kritisierten die Bundesärztekammer."
    assert mentioned(text) == ["Alternative für Deutschland", "AfD", "Stefan Schulz", "SPD", "Bundesärztekammer"]


def test_a_capitalised_adjective_inside_a_sentence_names_an_organisation_or_place() -> None:
    assert summary("Er sprach mit dem Steirischen Rundfunk über das Schwarze Meer.") == [
        ("organisation", "Steirischen Rundfunk", ""),
        ("place", "Schwarzes Meer", ""),  # listed, under its canonical name
    ]
    assert actors_in("Schwarze Meere gibt es nicht.") == []  # a sentence start proves nothing


def test_a_ministry_needs_a_name() -> None:
    assert mentioned("Das Ministerium schwieg, das Bundesministerium für Bildung und Forschung nicht.") == [
        "Bundesministerium für Bildung und Forschung"
    ]


def test_sports_clubs_companies_and_acronyms_with_a_place() -> None:
    text = "Der 1. FC Köln schlug den SV Wehen-Wiesbaden, der MSV Duisburg die Google Inc. und der Softwarekonzern Zentrovia."
    assert mentioned(text) == ["1. FC Köln", "SV Wehen-Wiesbaden", "MSV Duisburg", "Google Inc.", "Zentrovia"]


def test_a_quoted_title_after_a_media_cue_is_an_organisation() -> None:
    assert summary("Das sagte er der Zeitung „Neue Rundschau“ am Montag.") == [("organisation", "Neue Rundschau", "")]


def test_people_known_by_context() -> None:
    text = "Dazu äußerte sich Kratochwil nicht. Oberarzt Dr. Wieselmayr kam, erklärte Gates. Pinzgauers Vorschlag fiel."
    assert summary(text) == [
        ("person", "Kratochwil", ""),
        ("person", "Wieselmayr", "Oberarzt"),
        ("person", "Gates", ""),
        ("person", "Pinzgauer", ""),
    ]


def test_names_listed_beside_a_person_are_people() -> None:
    assert mentioned("Trainer Kratochwil, Pinnick und Gaskill kamen.") == ["Kratochwil", "Pinnick", "Gaskill"]


def test_a_speech_verb_makes_a_listed_surname_a_person_even_where_it_is_also_a_place() -> None:
    assert summary("„Das bringt nichts“, sagte Barth. Er wohnt in Barth.") == [
        ("person", "Barth", ""),
        ("place", "Barth", ""),
    ]


@pytest.mark.parametrize("text, expected", [
    # A long form before the acronym its initials spell, and the acronym.
    ("Die Aktien von Nordstahl Werke (NW) fielen.", [("organisation", "Nordstahl Werke"), ("organisation", "NW")]),
    ("Der Verband deutscher Bäcker (VdB) warnt.", [("organisation", "Verband deutscher Bäcker"),
                                                   ("organisation", "VdB")]),
    # A name in brackets right after an organisation noun.
    ("Die staatliche Wasserbehörde (Aquanova) schweigt.", [("organisation", "Aquanova")]),
    # A city with a two-digit founding year is a club; a city with a count stays a place.
    ("Ein Sieg für Mainz 05 und Hannover 96.", [("organisation", "Mainz 05"), ("organisation", "Hannover 96")]),
    ("In Mainz 12 Prozent mehr.", [("place", "Mainz")]),
    # A quoted name that starts like a party or an alliance.
    ("Die Liste „Bündnis Grüne Heide“ gewann.", [("organisation", "Bündnis Grüne Heide")]),
    # A listed organisation that opens a longer quoted name is part of that name; « … » may have blanks inside.
    ("Er sagte der „Financial Times Nordsee“ am Montag.", [("organisation", "Financial Times Nordsee")]),
    ("Die « Bündnis Grüne Heide » gewann.", [("organisation", "Bündnis Grüne Heide")]),
    # Unknown names listed beside an organisation, hyphenated institutions, a company explained by apposition.
    ("Die Hersteller Siemens und Korvatek lieferten.", [("organisation", "Siemens"), ("organisation", "Korvatek")]),
    ("Der Chor des Clara-Zetkin-Gymnasiums sang.", [("organisation", "Clara-Zetkin-Gymnasium")]),
    ("Dabei ist Quorvex, der größte Software-Dienstleister, im Plus.", [("organisation", "Quorvex")]),
    ("Sie gründeten die Firma „Blaue Welle“ in Leipzig.", [("organisation", "Blaue Welle"), ("place", "Leipzig")]),
])
def test_organisations_named_by_their_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(kind, name) for kind, name, _ in summary(text)] == expected


def test_a_bracket_after_a_person_is_no_organisation() -> None:
    assert summary("Das sagte Anna Korvel (SPD) am Montag.")[0] == ("person", "Anna Korvel", "")


@pytest.mark.parametrize("text, expected", [
    # A surname the lists know, though also a noun, after a role cue and before a comma.
    ("„Das reicht nicht“, sagte der CSU-Politiker Straubinger, der seit Jahren im Amt ist.",
     [("person", "Straubinger", "CSU-Politiker")]),
    # A name that starts with its particles right after a speech verb.
    ("„Wir müssen gewinnen“, erklärt van der Vaart, „sonst wird es eng.“", [("person", "van der Vaart", "")]),
    # An unknown name opening a clause before a verb; a sentence's first word is no evidence.
    ("Die Gegner schwiegen, und Korvalski gehört seither zu den Gewinnern.", [("person", "Korvalski", "")]),
    ("Insgesamt ist die Lage ruhig. Klar ist aber, dass es regnet.", []),
    # A speech verb from the shared list (words.json) marks the speaker.
    ("„Wir fühlen uns wie Forscher“, erzählt Sullivan, „und wie Bibliothekare.“", [("person", "Sullivan", "")]),
])
def test_people_named_by_their_context(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Das Landgericht Köln und die Staatsanwaltschaft Bonn ermitteln.",
     [("organisation", "Landgericht Köln"), ("organisation", "Staatsanwaltschaft Bonn")]),
    ("Sie forscht am Pacific Institute of Oceanography in Kanada.",
     [("organisation", "Pacific Institute of Oceanography"), ("place", "Kanada")]),
    ("Der Flug mit Coral Airways fiel aus.", [("organisation", "Coral Airways")]),
    ("Er ist der größte Versicherer Skandinaviens.", [("place", "Skandinavien")]),
])
def test_institutions_companies_and_places_after_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(kind, name) for kind, name, _ in summary(text)] == expected


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Er wechselt zum slowakischen Erstligisten Zoravan Kresk.", "Zoravan Kresk"),
        ("Der Konkurrent Vontrell senkte die Preise.", "Vontrell"),
        ("Er spielte zehn Jahre beim Traditionsverein Preußen Münster.", "Preußen Münster"),
        ("Die Fluglinie Air Berlin strich zwei Flüge.", "Air Berlin"),
        ("Air Malta verlegt den Flug nach Wien.", "Air Malta"),
        ("Das Finale der Champions League findet in Wien statt.", "Champions League"),
        ("Die Europäische Fußball-Union hat den Verband gesperrt.", "Europäische Fußball-Union"),
        ("Die Europäische Fußball-Union und die Nord-Süd-Bahn streiten.", "Europäische Fußball-Union"),
        ("Der Hessische Rundfunk sendet aus der Rhein-Main-Region.", "Hessische Rundfunk"),  # a hyphen, no hyphenated head
        ("Der Fraktionschef der Union lehnte den Antrag ab.", "Union"),
    ],
)
def test_organisations_named_by_a_cue_a_lead_a_head_or_an_article(text: str, organisation: str) -> None:
    assert ("organisation", organisation) in [(kind, name) for kind, name, _ in summary(text)]


def test_a_listed_role_cue_that_may_also_introduce_an_organisation_still_introduces_a_person() -> None:
    assert summary("Der Investor Kowalczyk kaufte die Mehrheit.") == [("person", "Kowalczyk", "Investor")]
    assert summary("Der Erstligist Zoravan Kresk kaufte Stefan Kowalczyk.") == [
        ("organisation", "Zoravan Kresk", ""), ("person", "Stefan Kowalczyk", "")]


def test_union_as_a_common_word_or_a_club_is_not_the_party() -> None:
    assert summary("Die Union Berlin gewann am Samstag.") == [("organisation", "Union Berlin", "")]
    assert summary("Eine Union zweier Länder scheiterte.") == []


@pytest.mark.parametrize(("text", "places"), [
    ("Die Fähre Skagerrak legte am Morgen in Kiel ab.", ["Kiel"]),
    ("Das Schiff mit dem Namen „Skagerrak“ bietet Platz für 900 Reisende.", []),
    ("Der Tanker Wolga lief vor Rostock auf Grund.", ["Rostock"]),
])
def test_a_place_name_that_names_a_ship_is_no_place(text: str, places: list[str]) -> None:
    assert [name for _, name, _ in summary(text)] == places


def test_a_ferry_route_between_places_keeps_its_places() -> None:
    assert [name for _, name, _ in summary("Die Fähre Kiel–Göteborg fährt zweimal täglich.")] == ["Kiel", "Göteborg"]


def test_an_english_article_is_no_first_name() -> None:
    assert summary("The North Bank wind farm delivered its full capacity on Monday.") == []


def test_an_acronym_before_a_city_that_is_also_a_rare_first_name_is_a_club() -> None:
    assert summary("Er wechselt zum THW Kiel.") == [("organisation", "THW Kiel", "")]


@pytest.mark.parametrize(("text", "organisation"), [
    ("Die Übernahme von Vontrex durch den Konkurrenten scheiterte.", "Vontrex"),
    ("Der größte Kunde von Vorstal Kovar ist die Armee.", "Vorstal Kovar"),
])
def test_an_unknown_name_where_only_a_company_fits_is_an_organisation(text: str, organisation: str) -> None:
    assert summary(text) == [("organisation", organisation, "")]


def test_a_known_person_after_a_company_context_stays_a_person() -> None:
    assert summary("Die Übernahme von Angela Merkel als Schirmherrin wurde gefeiert.") == [
        ("person", "Angela Merkel", "")]
