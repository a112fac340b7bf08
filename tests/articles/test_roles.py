"""Paragraph roles on short articles built for one rule each, German and English."""

from __future__ import annotations

import json
from pathlib import Path, PurePath

from articles.model import ARTICLE_TEXT_ROLES, Role
from articles.reader import parse_article
from articles.role_patterns import load_role_patterns

LEAD = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, teilte die Verwaltung mit."
BODY = "Die Opposition stimmte dagegen. Sie kritisierte vor allem die geplanten Kürzungen bei den Bibliotheken."


def roles_of(text: str, name: str = "article.txt", extra: list[Path] | None = None) -> list[tuple[str, str]]:
    article = parse_article(text.encode("utf-8"), PurePath(name), load_role_patterns(extra or []))
    return [(p.role.value, p.text) for p in article.paragraphs]


def test_caption_glued_to_title_is_split_into_title_and_credit() -> None:
    roles = roles_of(f"Gipfeltreffen in BrüsselQuelle: www.agency.example © Max Muster\n\n{LEAD}\n\n{BODY}")
    assert roles[:2] == [("title", "Gipfeltreffen in Brüssel"), ("credit", "Quelle: www.agency.example © Max Muster")]


def test_a_credit_word_inside_a_compound_does_not_split_the_line() -> None:
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\nSymbolbild: picture alliance\n\n{BODY}")
    assert ("credit", "Symbolbild: picture alliance") in roles
    assert not any(text == "Symbol" for _, text in roles)


def test_image_alt_line_before_a_credit_is_a_caption() -> None:
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\nDas Rathaus am Marktplatz\n\nFoto: dpa\n\n{BODY}")
    assert ("caption", "Das Rathaus am Marktplatz") in roles and ("credit", "Foto: dpa") in roles


def test_english_photo_credit_and_related_link() -> None:
    roles = roles_of(
        "Council passes budget\n\nThe city council approved next year's budget on Tuesday, officials said.\n\n"
        "Photo by Ana Lima on Unsplash\n\nRead more: Why libraries face cuts\n\n"
        "The opposition voted against it and criticised the planned cuts to libraries.")
    assert ("credit", "Photo by Ana Lima on Unsplash") in roles
    assert ("related", "Read more: Why libraries face cuts") in roles


def test_comment_section_runs_to_its_end_marker_and_not_beyond() -> None:
    roles = roles_of(
        f"Haushalt beschlossen\n\n{LEAD}\n\n{BODY}\n\n2 Kommentare zu „Haushalt beschlossen“\n\n"
        "Anna\n\nDas war überfällig.\n\nKommentare sind geschlossen.\n\nNewsletter abonnieren und nichts verpassen")
    assert [role for role, _ in roles[3:7]] == ["comments"] * 4
    assert roles[-1][0] == "promo"


def test_comment_section_without_end_marker_runs_to_the_end() -> None:
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\n{BODY}\n\n3 Comments\n\nBob\n\nGreat piece.\n\nThanks, I agree.")
    assert [role for role, _ in roles[3:]] == ["comments"] * 4


def test_outlet_speaking_about_itself_is_a_disclaimer_not_article_text() -> None:
    appeal = ("Unsere Website ist in der EU gesperrt. Damit Sie uns weiter lesen können, teilen Sie unsere Artikel "
              "in sozialen Netzwerken und per Messenger.")
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\n{BODY}\n\n{appeal}\n\n"
                     "Unterstützen Sie unabhängigen Journalismus mit einer Spende.")
    assert roles[-2:] == [("disclaimer", appeal), ("disclaimer", "Unterstützen Sie unabhängigen Journalismus mit einer Spende.")]


def test_newsletter_and_privacy_boxes_are_promos() -> None:
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\n{BODY}\n\nMelden Sie sich für unseren Newsletter an.\n\n"
                     "Wir schützen Ihre Daten gemäß DSGVO.")
    assert [role for role, _ in roles[-2:]] == ["promo", "promo"]


def test_kicker_is_metadata_not_the_title() -> None:
    article = parse_article(f"Politik\n\nHaushalt beschlossen\n\n{LEAD}".encode(), PurePath("a.txt"), load_role_patterns())
    assert article.metadata.kicker == "Politik" and article.metadata.title == "Haushalt beschlossen"


def test_unknown_one_word_kicker_above_a_headline() -> None:
    roles = roles_of(f"Stadtfinanzen\n\nStadtrat beschließt den Haushalt für 2026\n\n{LEAD}")
    assert roles[:2] == [("kicker", "Stadtfinanzen"), ("title", "Stadtrat beschließt den Haushalt für 2026")]


def test_short_line_between_prose_paragraphs_is_a_heading_in_plain_text() -> None:
    roles = roles_of(f"Haushalt beschlossen\n\n{LEAD}\n\nKritik der Opposition\n\n{BODY}")
    assert ("heading", "Kritik der Opposition") in roles


def test_source_comes_from_a_copyright_line_but_never_from_a_photo_agency() -> None:
    own = parse_article(f"Titel der Meldung\n\n{LEAD}\n\n© 2025 Stadtanzeiger Nord. Alle Rechte vorbehalten.".encode(),
                        PurePath("a.txt"), load_role_patterns())
    agency = parse_article(f"Titel der Meldung\n\nDas Rathaus\n\n© Reuters\n\n{LEAD}".encode(),
                           PurePath("b.txt"), load_role_patterns())
    assert own.metadata.source == "Stadtanzeiger Nord"
    assert agency.metadata.source == ""


def test_only_title_lead_heading_and_body_are_article_text() -> None:
    article = parse_article(
        f"Haushalt beschlossen\n\n{LEAD}\n\nFoto: dpa\n\nMehr zum Thema - Schulden steigen\n\n{BODY}".encode(),
        PurePath("a.txt"), load_role_patterns())
    assert article.article_text() == "\n".join(["Haushalt beschlossen", LEAD, BODY])
    assert {Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY} == ARTICLE_TEXT_ROLES


def test_every_paragraph_is_kept_with_exactly_one_role() -> None:
    text = f"Politik\n\nHaushalt beschlossen\n\n5. September 2025\n\n{LEAD}\n\nFoto: dpa\n\n{BODY}\n\nKommentare\n\nGut so."
    roles = roles_of(text)
    assert len(roles) == 8 and all(role in {r.value for r in Role} for role, _ in roles)


def test_users_extend_the_patterns_with_their_own_file(tmp_path: Path) -> None:
    extra = tmp_path / "roles.json"
    extra.write_text(json.dumps({"promo": {"patterns": ["^Hol dir jetzt das Jahresabo"]}}), encoding="utf-8")
    text = f"Haushalt beschlossen\n\n{LEAD}\n\nHol dir jetzt das Jahresabo mit Prämie!"
    assert roles_of(text)[-1][0] == "body"
    assert roles_of(text, extra=[extra])[-1][0] == "promo"


def test_news_sentences_that_mention_social_media_or_donations_stay_body() -> None:
    sentences = [
        "Der Täter hatte ein Video der Tat auf Facebook veröffentlicht, teilte die Polizei am Montag mit.",
        "Sein Rivale würde massiv Spenden von solchen Gruppen erhalten. Er selbst wolle unabhängig bleiben.",
        "Die Sängerin kündigte ihren Auftritt auf Twitter an und sprach von einer großen Ehre.",
    ]
    roles = roles_of("Titel der Meldung\n\n" + LEAD + "\n\n" + "\n\n".join(sentences))
    assert [role for role, _ in roles[2:]] == ["body"] * 3
