"""Every fixture article reads into the paragraphs, roles and metadata a reader expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.reader import read_article
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"
CASES = sorted(path for path in ARTICLES.iterdir() if not path.name.endswith(".expected.json"))


def _expected(path: Path) -> dict[str, object]:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_paragraph_roles(path: Path) -> None:
    expected = _expected(path)
    article = read_article(path)
    got = [[p.role.value, p.text] for p in article.paragraphs]
    wanted = expected["paragraphs"]
    if expected.get("partial"):
        assert _in_order(wanted, got), f"expected in order {wanted}\n got {got}"  # type: ignore[arg-type]
    else:
        assert got == wanted


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_metadata(path: Path) -> None:
    expected = _expected(path)["metadata"]
    metadata = read_article(path).metadata
    for key, value in expected.items():  # type: ignore[attr-defined]
        assert getattr(metadata, key) == value, key


def _in_order(wanted: list[list[str]], got: list[list[str]]) -> bool:
    remaining = iter(got)
    return all(item in remaining for item in wanted)
