"""The garbage collector paused through an import: back on afterwards, and no reference cycle left behind."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from library.collector import collector_paused
from library.importer import IMPORTED, import_paths
from library.store import Library
from tests.library.test_importer import write_article


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_cycle_dropped_while_paused_is_freed_when_the_pause_ends() -> None:
    with collector_paused():
        assert not gc.isenabled()
        dropped = _cycle()
        assert dropped() is not None  # nothing collects it while paused
    assert gc.isenabled()
    assert dropped() is None


def test_the_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_turn_the_collector_back_on_when_the_last_one_ends() -> None:
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first import ends while the second still runs
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def _two_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "artikel"
    write_article(folder, "bruecke.txt")
    write_article(folder, "zweite.txt", lead="In Leipzig hat der Stadtrat am Montag einen neuen Haushalt beschlossen.")
    return folder


def test_an_import_pauses_the_collector_only_while_it_runs(tmp_path: Path) -> None:
    with Library.open(tmp_path / "bibliothek") as library:
        steps = import_paths(library, [_two_articles(tmp_path)])
        first = next(steps)
        assert not gc.isenabled()  # between two files of a running import
        outcomes = [first.outcome, *(step.outcome for step in steps)]
    assert [outcome.status for outcome in outcomes] == [IMPORTED, IMPORTED]
    assert gc.isenabled()


def test_a_closed_import_turns_the_collector_back_on(tmp_path: Path) -> None:
    with Library.open(tmp_path / "bibliothek") as library:
        steps = import_paths(library, [_two_articles(tmp_path)])
        next(steps)
        steps.close()  # a cancel from the caller's loop
    assert gc.isenabled()
