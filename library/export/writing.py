"""One export in one of ``FORMATS``: as text (for a stream) or written to files.

Markdown to ``-o FOLDER`` is one note per article, ``<id> <title>.md`` (a note exported again is replaced);
to a path ending in ``.md`` it is one file with the notes one after the other, as on stdout. Every other format
is one file (in an existing folder: ``lesesaal-export.<ext>``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from library.errors import LibraryError
from library.export.annotation_tables import annotations_csv, annotations_json
from library.export.markdown import markdown_notes, markdown_note, note_file_name
from library.export.references import csl_json, ris
from library.export.values import FORMATS, ExportArticle

_WRITERS: dict[str, Callable[[Sequence[ExportArticle]], str]] = {
    "md": markdown_notes, "csv": annotations_csv, "json": annotations_json, "csl-json": csl_json, "ris": ris,
}
EXTENSIONS = {"md": "md", "csv": "csv", "json": "json", "csl-json": "json", "ris": "ris"}


class ExportFailed(LibraryError):
    """An export could not be written."""


def render(export_format: str, articles: Sequence[ExportArticle]) -> str:
    if export_format not in _WRITERS:
        raise ExportFailed(f"there is no export format {export_format!r}; use one of: {', '.join(FORMATS)}")
    return _WRITERS[export_format](articles)


def write_export(export_format: str, articles: Sequence[ExportArticle], target: Path) -> list[Path]:
    """Write the export to ``target`` (see the module's rules); returns the files written."""
    try:
        if export_format == "md" and target.suffix.lower() != ".md":
            if target.exists() and not target.is_dir():
                raise ExportFailed(f"{target} is a file: Markdown notes go into a folder (one note per article), "
                                   "or give a path ending in .md for all notes in one file")
            target.mkdir(parents=True, exist_ok=True)
            written = [target / note_file_name(article) for article in articles]
            for path, article in zip(written, articles):
                path.write_text(markdown_note(article), encoding="utf-8")
            return written
        if target.is_dir():
            target = target / f"lesesaal-export.{EXTENSIONS[export_format]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(export_format, articles), encoding="utf-8", newline="")
    except OSError as error:
        raise ExportFailed(f"could not write the export to {target}: {error.strerror or error}") from None
    return [target]
