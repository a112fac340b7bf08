"""A job run in a forked child comes back to the parent, or is run in the parent when the child cannot give it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from search import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="this system cannot fork")


@pytest.fixture(autouse=True)
def _forking_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "_allowed", True)  # as the index worker allows it


def test_the_job_runs_in_the_child_and_its_result_comes_back() -> None:
    here = os.getpid()
    child = forked.start(lambda: (os.getpid(), ["Hafen", "Fähre"] * 50_000))  # larger than a pipe's buffer
    assert child is not None
    pid, words = child.result()
    assert pid != here
    assert words == ["Hafen", "Fähre"] * 50_000


def test_a_child_that_dies_leaves_its_job_to_the_parent() -> None:
    here = os.getpid()
    child = forked.start(lambda: "im Elternprozess" if os.getpid() == here else os._exit(3))
    assert child is not None
    assert child.result() == "im Elternprozess"


def test_a_failing_job_raises_its_error_in_the_parent() -> None:
    def broken() -> None:
        raise ValueError("Kein Platz für die Begriffe")

    child = forked.start(broken)
    assert child is not None
    with pytest.raises(ValueError, match="Kein Platz"):
        child.result()


def test_the_child_holds_none_of_the_parents_files(tmp_path: Path) -> None:
    """So a lock file (the index's write lock) is released when the parent ends, whatever the child does."""
    descriptor = os.open(tmp_path / "WRITELOCK", os.O_CREAT | os.O_WRONLY)
    try:
        child = forked.start(lambda: _is_open(descriptor))
        assert child is not None
        assert child.result() is False
        assert _is_open(descriptor)
    finally:
        os.close(descriptor)


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True


def test_an_abandoned_child_is_ended_and_reaped() -> None:
    child = forked.start(lambda: time.sleep(60))
    assert child is not None
    started = time.monotonic()
    child.abandon()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # the child is gone, not even left as a zombie


def test_a_wait_for_the_result_that_is_interrupted_ends_the_child() -> None:
    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    child = forked.start(lambda: time.sleep(60))
    assert child is not None
    before = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(KeyboardInterrupt):
            child.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)


def test_without_fork_there_is_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    assert forked.start(lambda: "nie") is None


def test_a_process_that_did_not_allow_forking_gets_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "_allowed", False)  # the desktop app's process, with Qt's threads
    assert forked.start(lambda: "nie") is None
