"""Fixtures of the summary tests: German articles written for them, read as the importer reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.reader import read_article
from summarize.source import Source, source_of
from tests.conftest import FIXTURES

SUMMARIES = FIXTURES / "summarize"


def fixture_source(name: str, article_id: int = 1) -> Source:
    path = SUMMARIES / name if (SUMMARIES / name).exists() else FIXTURES / "articles" / name
    article = read_article(Path(path))
    return source_of(article_id, article.paragraphs, article.metadata.language)


@pytest.fixture
def slanted() -> Source:
    return fixture_source("de_slanted.txt")


@pytest.fixture
def injected() -> Source:
    return fixture_source("de_injection.txt")


@pytest.fixture
def paris() -> Source:
    """Has a caption, a related link and a closing appeal around the article text."""
    return fixture_source("de_rt_style.txt")


@pytest.fixture(scope="session")
def smollm2_path() -> Path:
    from tests.summarize.real_models import SMOLLM2, ensure_model

    return ensure_model(SMOLLM2)


@pytest.fixture(scope="session")
def gemma3_path() -> Path:
    from tests.summarize.real_models import GEMMA3, ensure_model

    return ensure_model(GEMMA3)
