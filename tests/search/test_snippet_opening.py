"""Snippets say where the text goes on: a hit matched only in its title shows the opening of its text ended at a
word, and passages show " … " where the text goes on before or after them."""

from __future__ import annotations

from search.searching import _opening


def test_a_snippet_without_a_match_is_the_opening_ended_at_a_word() -> None:
    text = "Der Rat der Stadt Kiel hat am Dienstag beschlossen, " * 8
    shown = _opening(text)
    assert shown.endswith(" …") and len(shown) <= 242
    assert text.startswith(shown[:-2]) and text[len(shown) - 2] == " ", "cut between two words"
    assert _opening("Kurz & knapp.") == "Kurz &amp; knapp."


def test_a_snippet_shows_where_the_text_goes_on() -> None:
    from search.snippets import snippet

    text = "Zuerst kam der Bericht über den Haushalt. " * 4 + "Dann beschloss der Rat die Stadtbahn. " + "Danach " * 30
    made = snippet(text, {"stadtbahn"})
    assert made.startswith("… ") and made.endswith(" …") and "<mark>Stadtbahn</mark>" in made
    whole = snippet("Der Rat beschloss die Stadtbahn.", {"stadtbahn"})
    assert whole == "Der Rat beschloss die <mark>Stadtbahn</mark>."
