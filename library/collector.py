"""Python's cyclic garbage collector paused through an import, run at points the import chooses instead.

The import allocates many short-lived objects (rows, parsed articles) beside large long-lived ones (the
import memory's dicts, the loaded patterns); left alone, the collector keeps walking the long-lived ones.
Paused, it runs where it costs least: in the importing process after each group commit (only the young
objects: everything allocated since the last one), in a reader process after each chunk of files.
Reference counting frees nearly everything anyway; the collector only finds reference cycles.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The generation collected after each group: the objects of the files since the last one, not the old ones.
YOUNG = 1


class _Pauses:
    """How many pauses are open (imports may overlap in the app's threads) and the state before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.was_enabled = False


_pauses = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collections inside; when the last open pause ends, the collector's state as before the first
    one, and one full collection. Pauses may overlap and end in any order."""
    with _pauses.lock:
        if _pauses.open == 0:
            _pauses.was_enabled = gc.isenabled()
            gc.disable()
        _pauses.open += 1
    try:
        yield
    finally:
        with _pauses.lock:
            _pauses.open -= 1
            last = _pauses.open == 0
            if last and _pauses.was_enabled:
                gc.enable()
        if last:
            gc.collect()


def collect_young() -> None:
    """Collect the objects made since the last collection (cheap however much the process holds)."""
    gc.collect(YOUNG)


def settle_process() -> None:
    """For a process that has loaded what it keeps (a reader after start-up): leave those objects out of every
    later collection and collect only when told (``collect_young``, ``collect_all``)."""
    gc.collect()
    gc.freeze()
    gc.disable()


def collect_all() -> None:
    """A full collection (after ``settle_process``, of what was made since: the frozen objects stay out)."""
    gc.collect()
