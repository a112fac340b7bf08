"""A segment's final write: every buffered term's blocks and term info in whoosh3's W3 format.

Whoosh's readers read what ``write_postings`` writes unchanged. A term with one posting (most terms)
is stored inline in the term table, a form W3 reads but whoosh3's writer cannot produce
(``set_inline`` is a typo there), which spares a block in the postings file.

The write is the tail of an import, when only the index worker runs and the importing process leaves
a core idle. Encoding the terms is plain Python (the interpreter lock), so a large write (``FORK_MIN``
postings) takes that core with a forked child (``search.forked``): the terms are cut in two at about
``PARENT_SHARE`` of their cost (``split``), the child encodes the later ones while this process
encodes and writes the first, then this process writes the child's. Each half is a list of ``Part``:
a field's consecutive terms with their postings as one piece of bytes and each term's place in it, so
the parts are written one after another and their offsets shifted to where they land. Where there is no
fork (Windows), the process did not allow one (the desktop app's, ``forked.allow``) or it fails, and for
smaller writes, all terms are encoded here, their last, partly filled blocks compressed
(about 40 % of the work) by ``COMPRESSORS`` threads while the next terms are still being encoded (zlib
lets go of the interpreter lock while it deflates). A thread waiting for the lock gets it only at the
interpreter's switch interval, which is 5 ms by default: with it, a compressing thread would starve beside
the encoding, so the write shortens the interval while its threads run (``SWITCH_INTERVAL``; a small
write, with fewer than ``_CHUNK`` blocks to compress, starts no thread and leaves the interval alone).
Every way gives the bytes of encoding and compressing each block in turn.
"""

from __future__ import annotations

import bisect
import os
import queue
import struct
import sys
import threading
import zlib
from dataclasses import dataclass, replace
from functools import partial
from itertools import accumulate
from types import TracebackType
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import length_to_byte

from search import forked
from search.posting_blocks import (COMPRESSION, FULL, TERM_INFO, Deferred, LengthOf, Later, PostingBuffer,
                                   TermBlocks, inline_info)
from search.term_table import add_terms, write_hashes

#: Threads compressing the deferred blocks, blocks handed to one at a time, and the interpreter's
#: switch interval while they run (seconds; a thread asking for the lock waits up to this long).
COMPRESSORS = 2
_CHUNK = 512
SWITCH_INTERVAL = 0.0002
#: A write of at least ``FORK_MIN`` postings encodes its later terms in a forked child, the first
#: ``PARENT_SHARE`` of the encoding cost here; a term's cost is ``TERM_COST`` plus its flat postings' length.
FORK_MIN = 200_000
PARENT_SHARE = 0.55
TERM_COST = 12
_BLOCK_LENGTH = struct.Struct("!i")
_EXTENT = struct.Struct("!qi")

#: A term on its way to the table: its term info when inlined, else its blocks and statistics.
Staged = bytes | TermBlocks


def write_postings(fieldwriter: Any, schema: Any, buffer: PostingBuffer, lengths: Any) -> None:
    """Every buffered term of every field, in order, into the segment's term table and postings file."""
    work = []
    for fieldname in sorted(buffer.fields):
        terms = buffer.fields[fieldname]
        length_of = buffer.length_of(fieldname, lengths) if schema[fieldname].scorable else None
        work.append(FieldTerms(fieldname, length_of, schema[fieldname].format.fixed_value_size(), sorted(terms),
                               terms, buffer.blocks[fieldname]))
    out = _PartWriter(fieldwriter, schema)
    _encode_into(out, work, buffer.postings)
    out.finish()


@dataclass(frozen=True)
class FieldTerms:
    """Terms of one field to encode: ``keys``, in order, of its postings not in a block (``flat``) and the
    blocks sealed while adding (``sealed``)."""

    name: str
    length_of: LengthOf | None
    fixed: int | None
    keys: list[bytes]
    flat: dict[bytes, list[Any]]
    sealed: dict[bytes, TermBlocks]


#: A term's value in the term table: its whole term info when inlined, else the info's head and the place of
#: its postings (offset and size) in its ``Part``'s bytes.
Entry = bytes | tuple[bytes, int, int]


@dataclass(frozen=True)
class Part:
    """Consecutive terms of one field encoded: their table entries and their postings bytes."""

    name: str
    entries: list[tuple[bytes, Entry]]
    postings: bytes


def _encode_into(out: _PartWriter, work: list[FieldTerms], postings: int) -> None:
    """Every field's terms encoded and written; a large write's later terms encoded in a forked child
    (``FORK_MIN``) while this process encodes and writes the first."""
    shared = postings >= FORK_MIN and (os.cpu_count() or 1) >= 2 and forked.possible()
    first, second = split(work, PARENT_SHARE) if shared else (work, [])
    child = forked.start(partial(encode, second, 0)) if second else None
    if child is None:
        out.write(encode(work, COMPRESSORS))
        return
    try:
        out.write(encode(first, 0))
    except BaseException:
        child.abandon()
        raise
    out.write(child.result())


def encode(work: list[FieldTerms], threads: int) -> list[Part]:
    """``work`` encoded (one ``Part`` a ``FieldTerms``); its last blocks compressed by ``threads``
    (``Compressing``) or, with none, each as it is encoded."""
    if threads:
        with Compressing(threads) as later:
            staged = [_staged(terms, later) for terms in work]
    else:
        staged = [_staged(terms, None) for terms in work]
    return [_part(terms.name, field_staged) for terms, field_staged in zip(work, staged)]


def _staged(terms: FieldTerms, later: Later | None) -> list[tuple[bytes, Staged]]:
    flat, sealed, length_of, fixed = terms.flat, terms.sealed, terms.length_of, terms.fixed
    return [(tbytes, _stage(flat[tbytes], sealed.get(tbytes), length_of, fixed, later)) for tbytes in terms.keys]


def split(work: list[FieldTerms], share: float) -> tuple[list[FieldTerms], list[FieldTerms]]:
    """``work`` cut in two at the term where about ``share`` of its encoding cost lies before (a term's
    cost: ``TERM_COST`` and its postings not yet in a block); a field may be cut, each keeps every field."""
    costs = [[TERM_COST + len(terms.flat[tbytes]) for tbytes in terms.keys] for terms in work]
    left = share * sum(map(sum, costs))
    first: list[FieldTerms] = []
    for number, (terms, field_costs) in enumerate(zip(work, costs)):
        total = sum(field_costs)
        if total < left:
            first.append(terms)
            left -= total
            continue
        cut = bisect.bisect_left(list(accumulate(field_costs)), left)
        first.append(replace(terms, keys=terms.keys[:cut]))
        return first, [replace(terms, keys=terms.keys[cut:]), *work[number + 1:]]
    return first, []


class _PartWriter:
    """Parts, in order, into the term table and the postings file (a field's parts follow each other)."""

    def __init__(self, fieldwriter: Any, schema: Any) -> None:
        self._fieldwriter = fieldwriter
        self._schema = schema
        self._current: str | None = None
        self._prefix = b""
        table = fieldwriter._tindex
        table._write_hashes = partial(write_hashes, table)  # when the field writer closes the table

    def write(self, parts: list[Part]) -> None:
        fieldwriter = self._fieldwriter
        postfile, table, pack = fieldwriter._postfile, fieldwriter._tindex, _EXTENT.pack
        for part in parts:
            if part.name != self._current:
                self.finish()
                self._current = part.name
                fieldwriter.start_field(part.name, self._schema[part.name])
                self._prefix = struct.pack("!H", fieldwriter._fieldid)
            base, prefix = postfile.tell(), self._prefix
            add_terms(table, [(prefix + tbytes, entry if isinstance(entry, bytes) else
                               entry[0] + pack(entry[1] + base, entry[2])) for tbytes, entry in part.entries])
            postfile.write(part.postings)

    def finish(self) -> None:
        """Ends the field being written, if any."""
        if self._current is not None:
            self._fieldwriter.finish_field()
            self._current = None


class Compressing:
    """Deferred blocks (``append``) compressed into their places by threads, ``_CHUNK`` at a time, while
    more are added; leaving the ``with`` block compresses the rest (this thread helping) and waits for all.

    The threads start, and the switch interval is shortened, with the first full chunk: a write with fewer
    blocks (a repair, a few files written in the app's own process) compresses them in its own thread."""

    def __init__(self, threads: int) -> None:
        self._chunk: list[Deferred] = []
        self._queue: queue.SimpleQueue[list[Deferred] | None] = queue.SimpleQueue()
        self._failed: list[BaseException] = []
        self._wanted = threads
        self._threads: list[threading.Thread] = []  # those started
        self._holding = False  # the short switch interval

    def __enter__(self) -> Compressing:
        return self

    def append(self, block: Deferred) -> None:
        self._chunk.append(block)
        if len(self._chunk) >= _CHUNK:
            if not self._holding:
                self._start()
            self._queue.put(self._chunk)
            self._chunk = []

    def _start(self) -> None:
        _short_switches.hold()
        self._holding = True
        for _ in range(self._wanted):  # (one that cannot start raises; ``__exit__`` ends those started)
            thread = threading.Thread(target=self._run, name="index-compress", daemon=True)
            thread.start()
            self._threads.append(thread)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        rest, self._chunk = self._chunk, []
        if error is not None:
            self._failed.append(error)  # the threads leave what is queued: the write is lost anyway
        if not self._holding:
            if kind is None:
                _compress(rest)
            return
        if kind is None:
            self._queue.put(rest)
        for _ in range(len(self._threads) + 1):
            self._queue.put(None)
        try:
            if kind is None:
                self._run()
            for thread in self._threads:
                thread.join()
        finally:
            _short_switches.release()
        if self._failed and kind is None:
            raise self._failed[0]

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if not self._failed:
                try:
                    _compress(chunk)
                except BaseException as error:  # raised in the writing thread
                    self._failed.append(error)


class _ShortSwitches:
    """The short switch interval, held by every write compressing at the moment (indexes written in two of the
    app's threads overlap): set when the first starts, the interval as before it back when the last ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._before = 0.0

    def hold(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(SWITCH_INTERVAL)
            self._holders += 1

    def release(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0:
                sys.setswitchinterval(self._before)


_short_switches = _ShortSwitches()


def _compress(chunk: list[Deferred]) -> None:
    for blocks, number, info, data in chunk:
        blocks[number] = info + zlib.compress(data, COMPRESSION)


def _stage(flat: list[Any], done: TermBlocks | None, length_of: LengthOf | None, fixed: int | None,
           later: Later | None) -> Staged:
    if done is None and len(flat) == 3:
        return inline_info(flat, length_of, fixed)
    done = done or TermBlocks()
    for at in range(0, len(flat), FULL):
        done.add(flat[at:at + FULL], length_of, fixed, later)
    return done


def _part(name: str, staged: list[tuple[bytes, Staged]]) -> Part:
    """A field's staged terms as a part: each term's blocks gathered, in order, into one piece of bytes."""
    pieces: list[bytes] = []
    entries: list[tuple[bytes, Entry]] = []
    offset = 0
    for tbytes, term in staged:
        if isinstance(term, bytes):
            entries.append((tbytes, term))
            continue
        head: bytes = TERM_INFO.pack(False, term.weight, term.count, length_to_byte(term.min_length),
                                     length_to_byte(term.max_length), term.max_weight, term.first_id, term.last_id)
        blocks = term.blocks
        pieces.append(WHOOSH3_HEADER_MAGIC)
        for block in blocks[:-1]:
            pieces += (_BLOCK_LENGTH.pack(len(block)), block)
        pieces += (_BLOCK_LENGTH.pack(-len(blocks[-1])), blocks[-1])
        size = len(WHOOSH3_HEADER_MAGIC) + 4 * len(blocks) + sum(map(len, blocks))
        entries.append((tbytes, (head, offset, size)))
        offset += size
    return Part(name, entries, b"".join(pieces))
