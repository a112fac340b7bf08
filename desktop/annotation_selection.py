"""Between the reading pane's document and paragraph offsets: a selection as an ``Anchor``, an anchor as a range.

``reader_html`` gives every paragraph's element the id ``p<index>``, which Qt keeps as an anchor name on the
block's text; a block is taken for that paragraph only when its text is the paragraph's text as rich text
shows it (runs of white space as one space, none at the ends), so a part's label, which carries its first
paragraph's anchor too, is never mistaken for it. Offsets are mapped through that white-space folding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from library.anchoring import Anchor

_PARAGRAPH_NAME = re.compile(r"^p(\d+)$")
_SPACE = " \t\n\r\f\v"


def shown_text(text: str) -> tuple[str, list[int]]:
    """The text as a rich-text block shows it, and for each shown character (and the end) its offset in ``text``."""
    shown: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(text):
        if char in _SPACE:
            if shown and shown[-1] != " ":
                shown.append(" ")
                offsets.append(offset)
            continue
        shown.append(char)
        offsets.append(offset)
    if shown and shown[-1] == " ":
        shown.pop()
        offsets.pop()
    offsets.append(offsets[-1] + 1 if offsets else 0)  # the end: after the last shown character
    return "".join(shown), offsets


def paragraph_of(block: QTextBlock, paragraphs: Mapping[int, str]) -> int | None:
    """The index of the paragraph this block shows, or None (a label, the header, an empty line)."""
    iterator = block.begin()
    while not iterator.atEnd():
        for name in iterator.fragment().charFormat().anchorNames():
            found = _PARAGRAPH_NAME.match(name)
            if found and int(found.group(1)) in paragraphs:
                index = int(found.group(1))
                return index if shown_text(paragraphs[index])[0] == block.text() else None
        iterator += 1
    return None


def selection_anchor(cursor: QTextCursor, paragraphs: Mapping[int, str]) -> Anchor | None:
    """The selected text as an anchor in the paragraph where the selection starts (cut at that paragraph's end,
    white space at its ends left out); None when nothing of a paragraph is selected."""
    if not cursor.hasSelection():
        return None
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    index = paragraph_of(first, paragraphs)
    if index is None:
        return None
    text = paragraphs[index]
    _, offsets = shown_text(text)
    start = cursor.selectionStart() - first.position()
    end = min(cursor.selectionEnd() - first.position(), len(first.text()))
    begin, finish = offsets[start], offsets[end - 1] + 1 if end > start else offsets[start]
    while begin < finish and text[begin] in _SPACE:
        begin += 1
    while finish > begin and text[finish - 1] in _SPACE:
        finish -= 1
    return Anchor(index, begin, finish) if finish > begin else None


def document_range(document: QTextDocument, anchor: Anchor, paragraphs: Mapping[int, str]) -> tuple[int, int] | None:
    """Where an anchor stands in the document (start and end positions), or None when its paragraph is not shown."""
    block = document.begin()
    while block.isValid():
        if paragraph_of(block, paragraphs) == anchor.paragraph:
            _, offsets = shown_text(paragraphs[anchor.paragraph])
            start = next((i for i, offset in enumerate(offsets) if offset >= anchor.start), len(offsets) - 1)
            end = next((i for i, offset in enumerate(offsets) if offset >= anchor.end), len(offsets) - 1)
            return block.position() + start, block.position() + end
        block = block.next()
    return None


def anchor_at(document: QTextDocument, position: int, paragraphs: Mapping[int, str]) -> tuple[int, int] | None:
    """The paragraph and character offset at a document position, or None outside the paragraphs."""
    block = document.findBlock(position)
    index = paragraph_of(block, paragraphs)
    if index is None:
        return None
    _, offsets = shown_text(paragraphs[index])
    return index, offsets[min(position - block.position(), len(offsets) - 1)]
