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


class AnnotationError(LibraryError):
    """An annotation cannot be made, changed or found as asked."""


class AnnotationNotFound(AnnotationError):
    def __init__(self, annotation_id: int) -> None:
        super().__init__(f"there is no annotation #{annotation_id} (see 'lesesaal annotations')")
        self.annotation_id = annotation_id


class InvalidAnchor(AnnotationError):
    """The paragraph or the character offsets do not name a piece of the article's text."""


class InvalidAnnotation(AnnotationError):
    """An unknown colour, or a tag that cannot be used."""


class ArticleHasAnnotations(AnnotationError):
    def __init__(self, article_id: int, count: int) -> None:
        super().__init__(
            f"article #{article_id} has {count} annotation{'s' if count != 1 else ''}, your own work: list them with "
            f"'lesesaal annotations {article_id}'; to remove the article and its annotations, add --with-annotations")
        self.article_id = article_id
        self.count = count
