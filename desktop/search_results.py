"""SearchResultsPane: hits with their highlighted snippets; a click opens the article."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.reader_html import Colours
from desktop.theme import colours_for
from search.searching import Hit


class SearchResultsPane(QTextBrowser):
    article_chosen = Signal(int)
    menu_requested = Signal(object, QPoint)  # the ids of the hit under the pointer (or of all hits), where (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.hit_ids: list[int] = []

    def show_hits(self, heading: str, hits: Sequence[Hit]) -> None:
        colours = colours_for(self.palette())
        self.hit_ids = [hit.id for hit in hits]
        parts = [f'<p style="color:{colours.muted}">{html.escape(heading)}</p>']
        for hit in hits:
            meta = " · ".join(x for x in (hit.source, (hit.date or "")[:10]) if x)
            if hit.duplicates:
                meta += f" · +{hit.duplicates} {'copy' if hit.duplicates == 1 else 'copies'}"
            if hit.annotations:
                meta += f" · {hit.annotations} annotation{'s' if hit.annotations > 1 else ''}"
            snippet = _marked(hit.snippet, colours)
            if hit.in_note:
                snippet += f'<br><i style="color:{colours.muted}">In your note:</i> {_marked(hit.note_snippet, colours)}'
            parts.append(
                f'<p style="margin-bottom:14px"><a href="article:{hit.id}" style="font-weight:600; '
                f'text-decoration:none; color:{colours.link}">{html.escape(hit.title or "(untitled)")}</a><br>'
                f'<span style="color:{colours.muted}; font-size:small">{html.escape(meta)}</span><br>{snippet}</p>')
        self.setHtml("".join(parts))

    def show_message(self, text: str) -> None:
        self.hit_ids = []
        self.setHtml(f"<p>{html.escape(text)}</p>")

    def loadResource(self, kind: int, url: QUrl | str) -> None:  # noqa: N802 (nothing is ever fetched)
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """On a hit: a menu for that article; elsewhere: for every hit shown (add them all to a list)."""
        scheme, _, value = self.anchorAt(event.pos()).partition(":")
        ids = [int(value)] if scheme == "article" and value.isdigit() else list(self.hit_ids)
        if ids:
            self.menu_requested.emit(ids, event.globalPos())
            event.accept()
        else:
            super().contextMenuEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "article" and value.isdigit():
            self.article_chosen.emit(int(value))


def _marked(snippet: str, colours: Colours) -> str:
    """A snippet's ``<mark>`` as the theme's hit colours."""
    return snippet.replace("<mark>", f'<span style="background-color:{colours.hit}; color:{colours.hit_text}">'
                           ).replace("</mark>", "</span>")
