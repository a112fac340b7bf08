"""Errors of the library layer, part of the user-facing tree rooted in ``LesesaalError``."""

from __future__ import annotations

from articles.errors import LesesaalError


class LibraryError(LesesaalError):
    """The library database cannot be used as asked."""


class ArticleNotFound(LibraryError):
    def __init__(self, article_id: int) -> None:
        super().__init__(f"there is no article #{article_id} in the library (see 'lesesaal list')")
        self.article_id = article_id


class LibraryUnavailable(LibraryError):
    """The database file is damaged, locked by another program, or newer than this version."""
