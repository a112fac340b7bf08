"""Links back into the desktop app: ``lesesaal://article/<id>`` and ``…#p<n>`` for paragraph n (the library's
paragraph index, as ``lesesaal show`` numbers them)."""

from __future__ import annotations

SCHEME = "lesesaal"


def article_link(article_id: int, paragraph: int | None = None) -> str:
    link = f"{SCHEME}://article/{article_id}"
    return link if paragraph is None else f"{link}#p{paragraph}"
