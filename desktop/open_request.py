"""What the operating system asks the app to open: article files, and ``lesesaal://article/<id>#p<n>`` links.

A link names an article by its library id and, after ``#p``, a paragraph by its index (the ``index`` of
``lesesaal show --json``, the paragraph anchors of the reading pane). No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from articles.errors import LesesaalError

SCHEME = "lesesaal"
_SHAPE = "lesesaal://article/<id>#p<paragraph>, as exported notes write them"


class BadLink(LesesaalError):
    """A ``lesesaal:`` link that names no article (or no paragraph of it)."""


@dataclass(frozen=True)
class ArticleLink:
    article_id: int
    paragraph: int | None = None


def is_link(argument: str) -> bool:
    return argument.lower().startswith(f"{SCHEME}:")


def parse_link(text: str) -> ArticleLink:
    """``lesesaal://article/12#p3`` -> ArticleLink(12, 3); raises BadLink saying what a link looks like."""
    parts = urlsplit(text.strip())
    identifier = parts.path.strip("/")
    if parts.scheme.lower() != SCHEME or parts.netloc.lower() != "article" or not identifier.isdigit():
        raise BadLink(f"«{text}» is not a link Lesesaal can open: links look like {_SHAPE}")
    fragment = parts.fragment
    if fragment and not (fragment[:1].lower() == "p" and fragment[1:].isdigit()):
        raise BadLink(f"«{text}» names no paragraph: the part after # must be p and a number, as in {_SHAPE}")
    return ArticleLink(int(identifier), int(fragment[1:]) if fragment else None)


def absolute_arguments(arguments: Sequence[str], cwd: Path) -> list[str]:
    """Links as they are, file paths made absolute (a running instance has another working folder)."""
    return [argument if is_link(argument) else os.path.abspath(cwd / Path(argument).expanduser())
            for argument in arguments]


def split_arguments(arguments: Sequence[str]) -> tuple[list[Path], list[str]]:
    """(files and folders to import, links to open), each in the order given."""
    paths = [Path(argument) for argument in arguments if not is_link(argument)]
    return paths, [argument for argument in arguments if is_link(argument)]


def missing_paragraph(link: ArticleLink, indices: Sequence[int]) -> BadLink | None:
    """The error for a link to a paragraph the article does not have, or None."""
    if link.paragraph is None or link.paragraph in indices:
        return None
    last = max(indices, default=-1)
    return BadLink(f"article #{link.article_id} has no paragraph {link.paragraph} (its paragraphs are 0 to {last}); "
                   "it is shown from the top")
