"""A small library of German articles with its search index, shared by the search tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from library.importer import import_paths
from library.store import Library
from search.index import SearchIndex
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "search"


@dataclass
class Indexed:
    library: Library
    index: SearchIndex
    ids: dict[str, int]  # file name → article id


def build(folder: Path) -> Indexed:
    shutil.copytree(ARTICLES, folder / "in")
    library = Library.open(folder / "lib")
    index, _ = SearchIndex.open(library)
    ids: dict[str, int] = {}
    with index.writer() as batch:
        for step in import_paths(library, [folder / "in"], on_stored=batch.add):
            assert step.outcome.article_id is not None, step.outcome.message
            ids[step.outcome.path.name] = step.outcome.article_id
    return Indexed(library, index, ids)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Indexed]:
    built = build(tmp_path_factory.mktemp("search"))
    yield built
    built.index.close()
    built.library.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Indexed]:
    """A library and index of its own, for tests that damage or change the index."""
    built = build(tmp_path)
    yield built
    built.index.close()
    built.library.close()
