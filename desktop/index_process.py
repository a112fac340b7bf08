"""Bringing the search index in step with the library in a helper process.

Comparing index and library reads every stored document of the index; at 40,000 articles that
costs some 400 MB which a long-running window process would keep (Python and Whoosh do not give
it back). A short-lived process does the comparison and any repair; the window then opens the
index without comparing. No Qt here: the helper process imports only the library and search.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path

from articles.errors import LesesaalError
from library.importer import CancelToken
from library.store import Library
from search.errors import SearchUnavailable
from search.index import SearchIndex, SyncReport

_POLL_SECONDS = 0.1


def sync_index(library_dir: Path, cancel: CancelToken) -> SyncReport:
    """Compare and repair the index in a helper process; a cancel stops it (the next start repairs)."""
    receiving, sending = multiprocessing.get_context("spawn").Pipe(duplex=False)
    process = multiprocessing.get_context("spawn").Process(
        target=_child, args=(str(library_dir), sending), name="lesesaal-index-sync", daemon=True)
    process.start()
    sending.close()
    try:
        while not receiving.poll(_POLL_SECONDS):
            if cancel.cancelled or not process.is_alive():
                break
        outcome = receiving.recv() if receiving.poll(0) else None
    finally:
        if process.is_alive() and cancel.cancelled:
            process.terminate()
        process.join(5)
        receiving.close()
    if cancel.cancelled:
        return SyncReport()
    if outcome is None:
        raise SearchUnavailable(f"bringing the search index in step stopped unexpectedly (exit code "
                                f"{process.exitcode}); restart Lesesaal to try again")
    if isinstance(outcome, BaseException):
        raise outcome
    if not isinstance(outcome, SyncReport):
        raise SearchUnavailable("the search index helper answered nonsense; restart Lesesaal to try again")
    return outcome


def _child(library_dir: str, sending: Connection) -> None:
    try:
        with Library.open(Path(library_dir)) as library:
            index, report = SearchIndex.open(library)
            index.close()
        sending.send(report)
    except LesesaalError as error:  # shown to the user by the window
        sending.send(LesesaalError(str(error)))
    finally:
        sending.close()
