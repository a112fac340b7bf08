"""ReaderPane: one article, rendered from its stored paragraphs with the chosen highlight layers.

The pane never loads anything from outside: ``loadResource`` refuses every URL that is not a
bundled (``qrc:``) resource, links are handled here and never opened, and QTextBrowser runs no
script. Ctrl+wheel and the zoom actions change the text size.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QHelpEvent, QResizeEvent
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from desktop.reader_html import ALL_LAYERS, Layer, ReaderView, RenderOptions, article_html
from desktop.theme import colours_for
from library.annotations import Annotation

log = logging.getLogger(__name__)

_STYLE = """
h1 { font-size: 26pt; font-weight: 600; margin-top: 4px; margin-bottom: 6px; }
h2 { font-size: 16pt; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }
p { margin-top: 0px; margin-bottom: 12px; line-height: 145%; }
p.meta { font-size: 10pt; margin-bottom: 4px; line-height: 120%; }
p.links { font-size: 10pt; margin-bottom: 18px; line-height: 120%; }
a { text-decoration: none; }
"""
_COLUMN_CHARS = 72
_FLASH_MS = 1400


class ReaderPane(QTextBrowser):
    article_requested = Signal(int)  # a copy's link was clicked
    related_requested = Signal(int)
    actor_clicked = Signal(str)  # what an ``actor:`` search filter takes: the library-wide id, else the quoted name
    context_menu_opening = Signal(object, object)  # the QMenu about to show, the viewport position: add to it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(24)
        font = QFont("DejaVu Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSize(12)
        self.document().setDefaultFont(font)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.refused: list[str] = []  # URLs the pane would not load (kept for the curious and for tests)
        self.view: ReaderView | None = None
        self.options = RenderOptions(layers=ALL_LAYERS)
        self._html = ""
        self._flash_timer = QTimer(self, singleShot=True, interval=_FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timeout)
        self.setPlaceholderText("Choose an article from the list, or search for one.")

    # What is shown --------------------------------------------------------------------

    def show_article(self, view: ReaderView) -> None:
        same = self.view is not None and self.view.article.id == view.article.id
        self.view = view
        if not same:
            self.options = replace(self.options, collapsed=frozenset(), flashed=frozenset())
        self._render(keep_position=same)
        if not same:
            self.verticalScrollBar().setValue(0)

    def show_annotations(self, annotations: tuple[Annotation, ...]) -> None:
        """The open article's annotations changed: show them, keeping the reading position."""
        if self.view is not None:
            self.view = replace(self.view, annotations=annotations)
            self._render(keep_position=True)

    def set_layers(self, layers: frozenset[Layer]) -> None:
        self.options = replace(self.options, layers=layers)
        self._render(keep_position=True)

    def flash(self, paragraphs: tuple[int, ...]) -> None:
        """Scroll to the first of ``paragraphs`` and highlight them briefly."""
        if self.view is None or not paragraphs:
            return
        collapsed = frozenset(c for c in self.options.collapsed if c not in paragraphs)
        self.options = replace(self.options, flashed=frozenset(paragraphs), collapsed=collapsed)
        self._render(keep_position=True)
        self.scrollToAnchor(f"p{min(paragraphs)}")
        self._flash_timer.start()

    def html(self) -> str:
        """The HTML last rendered (what the document was built from)."""
        return self._html

    def _render(self, *, keep_position: bool) -> None:
        if self.view is None:
            return
        position = self.verticalScrollBar().value()
        self.options = replace(self.options, colours=colours_for(self.palette()))
        self._html = article_html(self.view, self.options)
        self.setHtml(self._html)
        if keep_position:
            self.verticalScrollBar().setValue(position)

    def _on_flash_timeout(self) -> None:
        self.options = replace(self.options, flashed=frozenset())
        self._render(keep_position=True)

    # Links, tooltips, resources ---------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "toggle" and value.isdigit():
            self._toggle(int(value))
        elif scheme == "copy" and value.isdigit():
            self.article_requested.emit(int(value))
        elif scheme == "related" and value.isdigit():
            self.related_requested.emit(int(value))
        elif scheme == "actor" and self.view is not None:
            self._on_actor_link(value)
        else:
            log.info("ignored a link the reading pane does not open: %s", url.toString())

    def _on_actor_link(self, local_id: str) -> None:
        assert self.view is not None
        filed = self.view.library_actors.get(local_id)
        names = [a.name for a in self.view.findings.actors if a.id == local_id]
        if filed is not None:
            self.actor_clicked.emit(str(filed))
        elif names:
            self.actor_clicked.emit(f'"{names[0]}"')

    def _toggle(self, first: int) -> None:
        self.options = replace(self.options, collapsed=self.options.collapsed ^ {first})
        self._render(keep_position=True)

    def context_menu(self, position: QPoint) -> QMenu:
        """The context menu for a viewport position: the standard one, with what listeners add to it."""
        menu = self.createStandardContextMenu()
        self.context_menu_opening.emit(menu, position)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 (Qt's name)
        name = url.toString() if isinstance(url, QUrl) else str(url)
        if name.startswith("qrc:") or name.startswith(":/"):
            return super().loadResource(kind, QUrl(name))
        self.refused.append(name)
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, position: Any) -> str:
        """The hover text (speaker, explanation, actor) at a viewport position."""
        viewport_position = self.viewport().mapFrom(self, position)
        cursor = self.cursorForPosition(viewport_position)
        return str(cursor.charFormat().toolTip())

    # Layout -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        column = QFontMetrics(self.document().defaultFont()).averageCharWidth() * _COLUMN_CHARS
        side = max(0, (self.width() - column) // 2)
        self.setViewportMargins(side, 0, side, 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render(keep_position=True)


