"""The last blocks of a final write are compressed by threads while more are encoded, each into its place."""

from __future__ import annotations

import sys
import zlib

import pytest

import search.postings_file as postings_file
from search.posting_blocks import COMPRESSION, Deferred
from search.postings_file import Compressing


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
        assert sys.getswitchinterval() == pytest.approx(postings_file.SWITCH_INTERVAL)
        for block in deferred:
            later.append(block)
    assert sys.getswitchinterval() == interval
    for blocks, number, info, data in deferred:
        assert blocks[number] == info + zlib.compress(data, COMPRESSION)
    assert all(block for blocks in terms for block in blocks)


def test_a_failed_compression_is_raised_in_the_writing_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(chunk: list[Deferred]) -> None:
        raise MemoryError("no room to compress")

    monkeypatch.setattr(postings_file, "_compress", broken)
    interval = sys.getswitchinterval()
    _, deferred = _blocks(2 * postings_file._CHUNK)
    with pytest.raises(MemoryError), Compressing(2) as later:
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
