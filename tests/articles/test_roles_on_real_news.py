"""Precision on real German news (../shared/corpora): article prose is never taken for boilerplate."""

from __future__ import annotations

import csv
import json
from pathlib import Path, PurePath

import pytest

from articles.model import Role
from articles.reader import parse_article
from articles.role_patterns import load_role_patterns

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
BOILERPLATE = {Role.CREDIT, Role.PROMO, Role.DISCLAIMER, Role.COMMENTS, Role.CAPTION}

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not beside this checkout")


def real_articles() -> list[tuple[str, str]]:
    """(name, text) of the 10kGNAD test split and the Wikinews dev articles."""
    articles: list[tuple[str, str]] = []
    with open(CORPORA / "10kgnad" / "articles.csv", encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            articles.append((f"10kgnad-{number}.txt", row[1]))
    for path in sorted((CORPORA / "wikinews-quotes" / "dev").glob("*.json")):
        articles.append((path.stem + ".txt", path.stem + "\n\n" + json.loads(path.read_text("utf-8"))["originalText"]))
    return articles


def test_prose_paragraphs_of_real_news_are_never_boilerplate() -> None:
    patterns = load_role_patterns()
    wrong = []
    for name, text in real_articles():
        for paragraph in parse_article(text.encode("utf-8"), PurePath(name), patterns).paragraphs:
            if paragraph.role in BOILERPLATE and len(paragraph.text) > 150:
                wrong.append((name, paragraph.role.value, paragraph.text[:120]))
    assert wrong == []
