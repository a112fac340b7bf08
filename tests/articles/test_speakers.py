"""Tokens before a position, as the speaker search reads them: the same whatever stretch is read first."""

from __future__ import annotations

from articles.speech_tokens import tokens, tokens_before

SENTENCE = ("Nach einer langen Sitzung des Gemeinderats am Dienstagabend in Obertshausen, die bis weit nach "
            "Mitternacht dauerte, teilte die Bürgermeisterin Anna-Lena Roth mit, dass der Haushalt 2025 "
            "mit 12,5 Millionen Euro „ausgeglichen“ sei")


def test_the_last_tokens_before_a_position_are_those_of_the_whole_stretch() -> None:
    comma = SENTENCE.index(", dass")
    for limit in (1, 4, 10, 14):
        whole = tokens(SENTENCE, 0, comma, 1_000)
        assert tokens_before(SENTENCE, 0, comma, limit) == whole[-limit:]
    assert [token.text for token in tokens_before(SENTENCE, 0, comma, 4)] == ["Bürgermeisterin", "Anna-Lena", "Roth",
                                                                              "mit"]


def test_a_short_stretch_gives_all_its_tokens() -> None:
    assert [token.text for token in tokens_before("sagte er", 0, 8, 10)] == ["sagte", "er"]
    assert [token.text for token in tokens_before("Er sagte", 3, 8, 10)] == ["sagte"]
    assert tokens_before("", 0, 0, 5) == []
