"""Literal pre-checks name strings a pattern's matches really hold, and find them case-blind like ``re``."""

from __future__ import annotations

import random
import re

import pytest

from articles.regex_literals import WordTest, is_anchored, required_literals

I = re.IGNORECASE


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(folgen sie uns|follow us)\b", {"folgen sie uns", "follow us"}),
    (r"\bmeinung(sbeitrag)? des autors\b", {"meinung des autors", "meinungsbeitrag des autors"}),
    (r"newsletter.{0,120}\b(abonnieren|anmelden)", {"newsletter"}),
    (r"nur \d+[,.]?\d* ?€", {"€", " €"}),  # a rare symbol beats a frequent short word
    (r"(?<=[a-z])(?-i:Quelle|Foto)\s*:", {"Quelle", "Foto"}),
    (r"x+(?=kanal)", {"kanal"}),
    (r"(?>abc)+d", {"abc"}),
    (r"(?x) zen sur", {"zensur"}),
])
def test_literals_of_typical_patterns(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern, I) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\w+\s\d+", None), (r"(abc)?\d", None), (r"abc|\d+", None), (r"(?!abc)\w+", None), (r"", None),
    (r"(?:abc)*", None), (r"[^a]bc*", {"b"}), (r"(a)\1", {"a"}), (r"(?i:[Kk]anal)", {"Kanal", "kanal"}),
])
def test_literals_only_where_every_match_needs_them(pattern: str, expected: set[str] | None) -> None:
    assert required_literals(pattern, I) == expected


def test_broken_patterns_have_no_literals_and_are_not_anchored() -> None:
    assert required_literals("(unclosed", I) is None
    assert is_anchored("(unclosed", I) is False


@pytest.mark.parametrize(("pattern", "anchored"), [
    (r"^mehr zum thema\b", True), (r"^(a|b)c", True), (r"\Aabc|^d", True), (r"(?:^a)|(?:^b)", True),
    (r"^a|b", False), (r"a^", False), (r"(?m)^a", False), (r"(?m:^a)", False), (r"\bfoo", False),
])
def test_anchored_patterns(pattern: str, anchored: bool) -> None:
    assert is_anchored(pattern, I) is anchored


_PATTERNS = [
    r"\b(zensur|zensiert|verbot(en)?)\b.{0,30}\b(teilen sie|teilt)\b", r"\bmeinung(sbeitrag)? des autors\b",
    r"(?<=[a-zäöüß.!?])(?-i:Quelle|Foto)\s*:\s*\S", r"nur \d+[,.]?\d* ?€", r"\b(abo|app)\w*\s+(?=kanal)",
    r"(straße|strasse) \d+", r"\bſtadt|k(ı|i)rche", r"(?:ab){2,3}c", r"\bİstanbul\b", r"σοφία|ΣΟΦΊΑ",
]
_PIECES = ["zensur ", "Verboten", " teilen Sie", "TEILT", "meinung", "sbeitrag", " des Autors", "in Paris",
           "Quelle", "quelle", ": dpa", "nur 3,50 €", "nur 5€", "Abo ", "App", "kanal", "Straße 5", "STRASSE 7",
           "ſtadt", "Stadt", "KIRCHE", "kırche", "ababc", "abc", "İstanbul", "istanbul", "ΣΟΦΊΑ", "σοφία", " ", ".", "x"]


def test_a_text_a_pattern_matches_always_passes_its_literal_check() -> None:
    """Random texts from the patterns' own pieces, in every case: a match is never ruled out."""
    rng = random.Random(11)
    tests = {pattern: required_literals(pattern, I) for pattern in _PATTERNS}
    assert all(found is not None for found in tests.values())
    word_tests = {pattern: WordTest.of(found or ()) for pattern, found in tests.items()}
    checked = 0
    for _ in range(4000):
        text = "".join(rng.choice([piece, piece.upper(), piece.lower()]) for piece in rng.sample(_PIECES, 4))
        for pattern, test in word_tests.items():
            if re.search(pattern, text, I):
                checked += 1
                assert test is not None and test.found(text) and test.found(text, text.lower()), (pattern, text)
    assert checked > 500  # the texts do exercise the patterns


@pytest.mark.parametrize(("words", "text", "expected"), [
    (["kanal"], "Unser KANAL", True), (["kanal"], "Unser Kan al", False),
    (["stadt"], "Die ſtadt", True), (["kirche"], "kırche", True), (["istanbul"], "İSTANBUL", True),
    (["σοφία"], "ΣΟΦΊΑΣ", True), (["straße"], "STRASSE", False), (["€", "abo"], "5 €", True),
    (["İstanbul"], "istanbul", True), (["photo by ", "bild"], "Photo by X", True),
])
def test_word_test_compares_like_ignorecase(words: list[str], text: str, expected: bool) -> None:
    test = WordTest.of(words)
    assert test is not None
    blind = re.search("|".join(map(re.escape, words)), text, I) is not None
    assert blind is expected
    assert test.found(text) is expected and test.found(text, text.lower()) is expected


def test_no_word_test_without_words() -> None:
    assert WordTest.of([]) is None and WordTest.of(["", "a"]) is None
