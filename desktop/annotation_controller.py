"""AnnotationController: highlighting in the reading pane, the dialog for notes and tags, and the side list.

The reading pane's selection becomes an anchor (``annotation_selection``); each change is saved by a job on
its own single-worker lane (never behind an import), the pane and the side list then show the article's
annotations as stored, and the article's search document is brought up to date on the index writer's lane.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop import annotation_jobs
from desktop.annotation_dialog import AnnotationDialog, colour_icon
from desktop.annotation_panel import DETACHED_TIP, AnnotationPanel
from desktop.annotation_selection import anchor_at, document_range, selection_anchor
from desktop.error_dialog import show_error
from desktop.reader_html import highlight_colour
from library.annotations import COLOURS, Anchor, Annotation

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

LANE = "annotations"


class AnnotationController(QObject):
    annotations_saved = Signal(object)  # tuple[Annotation, ...] of the open article, as now stored
    index_updated = Signal(int)  # the article whose notes and tags the search index now holds

    def __init__(self, window: MainWindow, panel: AnnotationPanel) -> None:
        super().__init__(window)
        self.window, self.reader, self.panel = window, window.reader, panel
        self.colour = COLOURS[0]  # the colour of the last highlight: Ctrl+H uses it again
        self.dialog: AnnotationDialog | None = None
        self.highlight = self._action("&Highlight selection", "Ctrl+H", self.highlight_selection)
        self.annotate = self._action("Highlight with &note…", "Ctrl+Shift+H", self.annotate_selection)
        self.colour_actions = [self._action(f"Highlight {name}", None, partial(self.highlight_selection, name))
                               for name in COLOURS]
        panel.annotation_chosen.connect(self.jump_to)
        panel.edit_requested.connect(self.edit)
        panel.delete_requested.connect(self.confirm_delete)
        self.reader.context_menu_opening.connect(self._on_context_menu_opening)

    def _action(self, text: str, keys: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # Showing -----------------------------------------------------------------------------

    def show_article(self) -> None:
        """The open article's annotations into the side list (the pane renders them itself)."""
        view = self.reader.view
        self.panel.show_annotations(view.annotations if view else (), self.reader.options.colours)

    def jump_to(self, annotation: Annotation) -> None:
        if annotation.detached:
            self.window.statusBar().showMessage(DETACHED_TIP, 8000)
            return
        found = self._range(annotation.anchor)
        if found is None:
            return
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self.reader.setTextCursor(cursor)
        self.reader.ensureCursorVisible()

    # Making, editing, deleting ---------------------------------------------------------------

    def highlight_selection(self, colour: str | None = None) -> None:
        anchor = self._selected()
        if anchor is not None and self.reader.view is not None:
            self.colour = colour or self.colour
            self._save(partial(annotation_jobs.add, self.window.library_dir, self.reader.view.article.id, anchor,
                               self.colour))

    def annotate_selection(self) -> None:
        anchor = self._selected()
        view = self.reader.view
        if anchor is None or view is None:
            return
        text = {p.index: p.text for p in view.article.paragraphs}[anchor.paragraph]
        dialog = self._open_dialog(text[anchor.start:anchor.end], colour=self.colour)
        dialog.accepted.connect(lambda: self._on_new_accepted(dialog, view.article.id, anchor))

    def _on_new_accepted(self, dialog: AnnotationDialog, article_id: int, anchor: Anchor) -> None:
        self.colour = dialog.chosen_colour()
        self._save(partial(annotation_jobs.add, self.window.library_dir, article_id, anchor, self.colour,
                           dialog.chosen_note(), dialog.chosen_tags()))

    def edit(self, annotation: Annotation) -> None:
        dialog = self._open_dialog(annotation.quote, colour=annotation.colour, note=annotation.note,
                                   tags=annotation.tags, editing=True)
        dialog.accepted.connect(lambda: self._save(partial(
            annotation_jobs.edit, self.window.library_dir, annotation.id, dialog.chosen_colour(),
            dialog.chosen_note(), dialog.chosen_tags())))

    def delete(self, annotation: Annotation) -> None:
        self._save(partial(annotation_jobs.delete, self.window.library_dir, annotation.id))

    def _open_dialog(self, quote: str, **values: object) -> AnnotationDialog:
        self.dialog = AnnotationDialog(quote, self.reader.options.colours, self.window, **values)  # type: ignore[arg-type]
        self.dialog.open()
        return self.dialog

    def _save(self, job: Callable[[], annotation_jobs.Saved]) -> None:
        self.window.runner.run("annotation", lambda _token: job(), lane=LANE, finished=self._on_saved,
                               failed=lambda error: show_error(self.window, error, doing="Saving the annotation"))

    def _on_saved(self, saved: annotation_jobs.Saved) -> None:
        view = self.reader.view
        if view is not None and view.article.id == saved.article_id:  # still the open article
            self.reader.show_annotations(saved.annotations)
            self.show_article()
        self.annotations_saved.emit(saved.annotations)
        self._reindex(saved.article_id)

    def _reindex(self, article_id: int) -> None:
        self.window.runner.run("index annotations",
                               lambda _token: annotation_jobs.reindex(self.window.library_dir, self.window.slot,
                                                                      article_id),
                               lane="writer", finished=self.index_updated.emit,
                               failed=lambda error: show_error(self.window, error, doing="Indexing the annotation"))

    # Selections and the context menu ---------------------------------------------------------

    def _paragraphs(self) -> dict[int, str]:
        view = self.reader.view
        return {p.index: p.text for p in view.article.paragraphs} if view else {}

    def _selected(self) -> Anchor | None:
        anchor = selection_anchor(self.reader.textCursor(), self._paragraphs())
        if anchor is None:
            self.window.statusBar().showMessage("Select some of the article's text first, then highlight it.", 6000)
        return anchor

    def _range(self, anchor: Anchor) -> tuple[int, int] | None:
        return document_range(self.reader.document(), anchor, self._paragraphs())

    def annotations_at(self, position: int) -> list[Annotation]:
        """The attached annotations covering a document position."""
        view = self.reader.view
        found = anchor_at(self.reader.document(), position, self._paragraphs())
        if view is None or found is None:
            return []
        paragraph, offset = found
        return [a for a in view.annotations
                if not a.detached and a.paragraph == paragraph and a.start <= offset < a.end]

    def _on_context_menu_opening(self, menu: QMenu, position: QPoint) -> None:
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        if self.reader.textCursor().hasSelection():
            colours = QMenu("Highlight in", menu)
            for name, action in zip(COLOURS, self.colour_actions):
                action.setIcon(colour_icon(highlight_colour(name, self.reader.options.colours)))
                colours.addAction(action)
            added += [self.highlight, self.annotate, colours.menuAction()]
        cursor = self.reader.cursorForPosition(position)
        for annotation in self.annotations_at(cursor.position()):
            added += [self._one_off(menu, f"Edit annotation «{_short(annotation.quote)}»…", partial(self.edit, annotation)),
                      self._one_off(menu, f"Delete annotation «{_short(annotation.quote)}»",
                                    partial(self.confirm_delete, annotation))]
        if added:
            menu.insertActions(first, added)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]

    def _one_off(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, menu)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def confirm_delete(self, annotation: Annotation) -> None:
        answer = QMessageBox.question(self.window, "Delete annotation",
                                      f"Delete the annotation «{_short(annotation.quote)}» and its note?")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(annotation)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + " …"
