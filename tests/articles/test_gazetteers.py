"""What the shipped word lists say about single words (articles.gazetteers)."""

from __future__ import annotations

import pytest

from articles.gazetteers import Word, gazetteers


def _cues() -> list[tuple[str, tuple[str, ...], int]]:
    lists = gazetteers()
    return [("role suffix", lists.role_suffixes, Word.ROLE), ("organisation cue", lists.organisation_cues,
            Word.ORGANISATION_CUE), ("media cue", lists.media_cues, Word.MEDIA_CUE)]


@pytest.mark.parametrize(("kind", "suffixes", "flag"), _cues(), ids=[kind for kind, _, _ in _cues()])
def test_every_listed_ending_gives_its_flag_to_a_capitalised_word(kind: str, suffixes: tuple[str, ...],
                                                                   flag: int) -> None:
    lists = gazetteers()
    missed = [s for s in suffixes if not lists.word("Quarzwald" + s) & flag]
    assert not missed, f"{kind}s without effect: {missed}"


@pytest.mark.parametrize(("kind", "suffixes", "flag"), _cues(), ids=[kind for kind, _, _ in _cues()])
def test_a_word_that_ends_in_no_listed_ending_lacks_the_flag(kind: str, suffixes: tuple[str, ...], flag: int) -> None:
    lists = gazetteers()
    near = {"Quarzwald" + s[:-1] + ending for s in suffixes for ending in "qxä"}  # same letters but the last
    near = {w for w in near if not w.lower().endswith(suffixes) and w not in lists.role_cues}
    wrong = sorted(w for w in near if lists.word(w) & flag)
    assert not wrong, f"flagged though ending in no {kind}: {wrong}"


def test_listed_role_cues_and_suffixes_in_news_words() -> None:
    lists = gazetteers()
    assert lists.word("Außenamtssprecherin") & Word.ROLE
    assert lists.word("Softwarekonzerns") & Word.ORGANISATION_CUE
    assert not lists.word("Steinmeier") & (Word.ROLE | Word.ORGANISATION_CUE | Word.MEDIA_CUE)
