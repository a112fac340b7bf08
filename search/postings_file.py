"""A segment's final write: every buffered term's blocks and term info in whoosh3's W3 format.

Whoosh's readers read what ``write_postings`` writes unchanged. A term with one posting (most terms)
is stored inline in the term table, a form W3 reads but whoosh3's writer cannot produce
(``set_inline`` is a typo there), which spares a block in the postings file.

The write is the tail of an import, when only the index worker runs. Its terms' last, partly filled
blocks are compressed (about 40 % of the work) by ``COMPRESSORS`` threads while the next terms are
still being encoded (zlib lets go of the interpreter lock while it deflates), so the core the importing
process leaves idle takes that share. A thread waiting for the lock gets it only at the interpreter's
switch interval, which is 5 ms by default: with it, a compressing thread would starve beside the encoding,
so the write shortens the interval while its threads run (``SWITCH_INTERVAL``; a small write, with fewer
than ``_CHUNK`` blocks to compress, starts no thread and leaves the interval alone). Then each field's
postings and term table are written in one piece. The bytes are those of encoding and compressing each block in turn.
"""

from __future__ import annotations

import queue
import struct
import sys
import threading
import zlib
from functools import partial
from types import TracebackType
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import length_to_byte

from search.posting_blocks import (COMPRESSION, FULL, TERM_INFO, Deferred, LengthOf, Later, PostingBuffer,
                                   TermBlocks, inline_info)
from search.term_table import add_terms, write_hashes

#: Threads compressing the deferred blocks, blocks handed to one at a time, and the interpreter's
#: switch interval while they run (seconds; a thread asking for the lock waits up to this long).
COMPRESSORS = 2
_CHUNK = 512
SWITCH_INTERVAL = 0.0002
_BLOCK_LENGTH = struct.Struct("!i")
_EXTENT = struct.Struct("!qi")

#: A term on its way to the table: its term info when inlined, else its blocks and statistics.
Staged = bytes | TermBlocks


def write_postings(fieldwriter: Any, schema: Any, buffer: PostingBuffer, lengths: Any) -> None:
    """Every buffered term of every field, in order, into the segment's term table and postings file."""
    fields = []
    with Compressing(COMPRESSORS) as later:
        for fieldname in sorted(buffer.fields):
            field = schema[fieldname]
            length_of = buffer.length_of(fieldname, lengths) if field.scorable else None
            fixed = field.format.fixed_value_size()
            terms, sealed = buffer.fields[fieldname], buffer.blocks[fieldname]
            staged = [(tbytes, _stage(terms[tbytes], sealed.get(tbytes), length_of, fixed, later))
                      for tbytes in sorted(terms)]
            fields.append((fieldname, field, staged))
    postfile = fieldwriter._postfile
    table = fieldwriter._tindex
    table._write_hashes = partial(write_hashes, table)  # when the field writer closes the table
    for fieldname, field, staged in fields:
        fieldwriter.start_field(fieldname, field)
        prefix = struct.pack("!H", fieldwriter._fieldid)
        out = _Postings(postfile)
        add_terms(table, [(prefix + tbytes, term if isinstance(term, bytes) else out.term_info(term))
                                        for tbytes, term in staged])
        out.flush()
        fieldwriter.finish_field()


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
           later: Later) -> Staged:
    if done is None and len(flat) == 3:
        return inline_info(flat, length_of, fixed)
    done = done or TermBlocks()
    for at in range(0, len(flat), FULL):
        done.add(flat[at:at + FULL], length_of, fixed, later)
    return done


class _Postings:
    """The postings file's bytes of one field, gathered and written in one piece."""

    __slots__ = ("_file", "_pieces", "_offset")

    def __init__(self, postfile: Any) -> None:
        self._file = postfile
        self._pieces: list[bytes] = []
        self._offset: int = postfile.tell()

    def term_info(self, done: TermBlocks) -> bytes:
        """Adds a term's blocks and returns its W3 term info."""
        head: bytes = TERM_INFO.pack(False, done.weight, done.count, length_to_byte(done.min_length),
                                     length_to_byte(done.max_length), done.max_weight, done.first_id, done.last_id)
        blocks = done.blocks
        pieces = self._pieces
        pieces.append(WHOOSH3_HEADER_MAGIC)
        for block in blocks[:-1]:
            pieces += (_BLOCK_LENGTH.pack(len(block)), block)
        pieces += (_BLOCK_LENGTH.pack(-len(blocks[-1])), blocks[-1])
        size = len(WHOOSH3_HEADER_MAGIC) + 4 * len(blocks) + sum(map(len, blocks))
        start, self._offset = self._offset, self._offset + size
        return head + _EXTENT.pack(start, size)

    def flush(self) -> None:
        self._file.write(b"".join(self._pieces))
        self._pieces.clear()
