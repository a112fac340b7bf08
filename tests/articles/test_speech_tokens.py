"""The character loop that compiled code tokenizes with gives exactly the regular expression's tokens."""

from __future__ import annotations

import random
from itertools import islice

from articles import speech_tokens
from articles.speech_tokens import Token, tokens

NEWS = ("„Wir werden das nicht hinnehmen“, sagte Außenamtssprecherin Anna-Lena O’Brien am 3. Mai 2025 in Köln; "
        "der Haushalt (12,5 Mio. €) sei ‚unausgegoren‘ – so die CDU/CSU_Fraktion… Kids’ Club, Dr. Müller-")


def _reference(text: str, start: int, end: int, limit: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), m.group().lower())
            for m in islice(speech_tokens._TOKEN.finditer(text, start, end), limit)]


def test_the_loop_finds_the_tokens_of_a_news_sentence() -> None:
    assert speech_tokens._scanned(NEWS, 0, len(NEWS), 1_000) == _reference(NEWS, 0, len(NEWS), 1_000)
    words = [token.text for token in speech_tokens._scanned(NEWS, 0, len(NEWS), 1_000)]
    assert words[:4] == ["„", "Wir", "werden", "das"]
    assert "O’Brien" in words and "Anna-Lena" in words and "12,5" in words and "CDU" in words
    assert words[-2:] == ["Müller", "-"]  # a hyphen does not end a word


def test_the_loop_stops_at_the_limit_and_the_end() -> None:
    for start, end, limit in ((0, 40, 3), (5, 61, 14), (60, 61, 2), (10, 10, 5), (0, len(NEWS), 0)):
        assert speech_tokens._scanned(NEWS, start, end, limit) == _reference(NEWS, start, end, limit)


def test_the_loop_agrees_on_unusual_characters() -> None:
    alphabet = list("aZ09_'’-.,;:!? \t\n\u00a0äöüßÄ„“”»«…–é²½٣ΣİK") + ["\u2028", "\x1c", "\x85", "\U0001d7d8"]
    rng = random.Random(4)
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end, limit = rng.randint(start, len(text)), rng.randint(0, 10)
        assert speech_tokens._scanned(text, start, end, limit) == _reference(text, start, end, limit), repr(text)


def test_a_final_sigma_is_lowered_as_python_lowers_it() -> None:
    assert [token.lower for token in tokens("ΟΔΥΣΣΕΥΣ sagte", 0, 14)] == ["οδυσσευς", "sagte"]
    assert speech_tokens._scanned("ΟΔΥΣΣΕΥΣ", 0, 8, 5)[0].lower == "οδυσσευς"
