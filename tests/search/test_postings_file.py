"""The last blocks of a final write are compressed by threads while more are encoded, each into its place."""

from __future__ import annotations

import sys
import threading
import zlib

import pytest

import search.postings_file as postings_file
from search.posting_blocks import COMPRESSION, Deferred
from search.postings_file import Compressing, FieldTerms, split


def _blocks(count: int) -> tuple[list[list[bytes]], list[Deferred]]:
    terms: list[list[bytes]] = [[] for _ in range(count // 3 + 1)]
    deferred: list[Deferred] = []
    for number in range(count):
        blocks = terms[number % len(terms)]
        blocks.append(b"")
        data = f"Hafen Kiel Fähre {number} ".encode() * 20
        deferred.append((blocks, len(blocks) - 1, f"info{number}".encode(), data))
    return terms, deferred


def test_every_block_is_compressed_into_its_place_by_threads_and_this_one() -> None:
    terms, deferred = _blocks(3 * postings_file._CHUNK + 7)
    interval = sys.getswitchinterval()
    with Compressing(2) as later:
        for block in deferred:
            later.append(block)
        assert sys.getswitchinterval() == pytest.approx(postings_file.SWITCH_INTERVAL)
    assert sys.getswitchinterval() == interval
    for blocks, number, info, data in deferred:
        assert blocks[number] == info + zlib.compress(data, COMPRESSION)
    assert all(block for blocks in terms for block in blocks)


def test_a_failed_compression_is_raised_in_the_writing_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(chunk: list[Deferred]) -> None:
        raise MemoryError("no room to compress")

    monkeypatch.setattr(postings_file, "_compress", broken)
    _write_raising(MemoryError)


def _write_raising(expected: type[BaseException]) -> None:
    """A write with threads that raises ``expected``; the switch interval is as before it afterwards."""
    interval = sys.getswitchinterval()
    _, deferred = _blocks(2 * postings_file._CHUNK)
    with pytest.raises(expected), Compressing(2) as later:
        for block in deferred:
            later.append(block)
    assert sys.getswitchinterval() == interval


def test_overlapping_writes_restore_the_switch_interval_when_the_last_one_ends() -> None:
    interval = sys.getswitchinterval()
    _, deferred = _blocks(2 * postings_file._CHUNK)
    first = Compressing(2)
    first.__enter__()
    for block in deferred[:postings_file._CHUNK]:
        first.append(block)
    second = Compressing(2)  # another index written in another of the app's threads meanwhile
    second.__enter__()
    for block in deferred[postings_file._CHUNK:]:
        second.append(block)
    first.__exit__(None, None, None)
    assert sys.getswitchinterval() == pytest.approx(postings_file.SWITCH_INTERVAL)  # the second still writes
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == interval


def test_a_small_write_compresses_in_its_own_thread_and_leaves_the_switch_interval() -> None:
    terms, deferred = _blocks(postings_file._CHUNK - 1)  # a repair, a few files imported in the app's process
    interval, threads = sys.getswitchinterval(), threading.active_count()
    with Compressing(2) as later:
        for block in deferred:
            later.append(block)
        assert sys.getswitchinterval() == interval and threading.active_count() == threads
    assert all(blocks[number] == info + zlib.compress(data, COMPRESSION) for blocks, number, info, data in deferred)


def test_a_thread_that_cannot_start_leaves_the_switch_interval_and_no_thread_behind(
        monkeypatch: pytest.MonkeyPatch) -> None:
    start = threading.Thread.start
    started: list[threading.Thread] = []

    def start_one(thread: threading.Thread) -> None:
        if started:
            raise RuntimeError("can't start new thread")
        started.append(thread)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", start_one)
    _write_raising(RuntimeError)
    assert not started[0].is_alive()


def _field(name: str, postings: list[int]) -> FieldTerms:
    keys = [f"{name}{number:04d}".encode() for number in range(len(postings))]
    flat = {key: [0, 1.0, b""] * count for key, count in zip(keys, postings)}
    return FieldTerms(name, None, 0, keys, flat, {})


def test_a_split_cuts_the_terms_in_order_at_the_share_of_their_cost() -> None:
    work = [_field("datum", [1] * 40), _field("text", [1] * 300 + [50] * 100), _field("titel", [2] * 60)]
    first, second = split(work, 0.5)
    assert [terms.name for terms in first] == ["datum", "text"]
    assert [terms.name for terms in second] == ["text", "titel"], "the cut falls inside the text field"
    for name in ("datum", "text", "titel"):
        keys = [key for terms in first + second if terms.name == name for key in terms.keys]
        assert keys == next(terms.keys for terms in work if terms.name == name)
    largest = postings_file.TERM_COST + 3 * 50
    assert abs(_cost(first) - _cost(second)) <= 2 * largest, "the halves differ by at most one term's cost"


def _cost(work: list[FieldTerms]) -> int:
    return sum(postings_file.TERM_COST + len(terms.flat[key]) for terms in work for key in terms.keys)


def test_a_split_keeps_a_field_without_terms() -> None:
    """Every field is started in the term table, a field with no terms too (it takes a field number)."""
    work = [_field("datum", [3] * 10), _field("leer", []), _field("text", [1] * 10)]
    first, second = split(work, 0.9)
    assert [terms.name for terms in first + second] == ["datum", "leer", "text", "text"]
