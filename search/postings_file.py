"""A segment's final write: every buffered term's blocks and term info in whoosh3's W3 format.

Whoosh's readers read what ``write_postings`` writes unchanged. A term with one posting (most terms)
is stored inline in the term table, a form W3 reads but whoosh3's writer cannot produce
(``set_inline`` is a typo there), which spares a block in the postings file.

The write is the tail of an import, when only the index worker runs: its terms' last, partly filled
blocks are encoded first, leaving their compression (about 40 % of the work) to ``COMPRESSORS``
threads at once (zlib lets go of the interpreter lock while it deflates, not while it sets a compressor
up), so the core the importing process leaves idle can take a share of it, when no other program holds
it. Compressing while terms are still being encoded would not help: a thread waiting for the lock gets
it only at the interpreter's switch interval (5 ms), so it would starve. Then each field's postings
and term table are written in one piece. The bytes are those of encoding and compressing each block
in turn.
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import length_to_byte

from search.posting_blocks import (COMPRESSION, FULL, TERM_INFO, Deferred, LengthOf, PostingBuffer, TermBlocks,
                                   inline_info)
from search.term_table import add_terms, write_hashes

#: Threads compressing the deferred blocks, and blocks handed to one at a time.
COMPRESSORS = 2
_CHUNK = 512
_BLOCK_LENGTH = struct.Struct("!i")
_EXTENT = struct.Struct("!qi")

#: A term on its way to the table: its term info when inlined, else its blocks and statistics.
Staged = bytes | TermBlocks


def write_postings(fieldwriter: Any, schema: Any, buffer: PostingBuffer, lengths: Any) -> None:
    """Every buffered term of every field, in order, into the segment's term table and postings file."""
    later: list[Deferred] = []
    fields = []
    for fieldname in sorted(buffer.fields):
        field = schema[fieldname]
        length_of = buffer.length_of(fieldname, lengths) if field.scorable else None
        fixed = field.format.fixed_value_size()
        terms, sealed = buffer.fields[fieldname], buffer.blocks[fieldname]
        staged = [(tbytes, _stage(terms[tbytes], sealed.get(tbytes), length_of, fixed, later))
                  for tbytes in sorted(terms)]
        fields.append((fieldname, field, staged))
    compress_deferred(later)
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


def compress_deferred(later: list[Deferred]) -> None:
    """Puts each deferred block in its place: its statistics and its compressed data."""
    chunks = [later[at:at + _CHUNK] for at in range(0, len(later), _CHUNK)]
    if len(chunks) > 1:
        with ThreadPoolExecutor(COMPRESSORS, thread_name_prefix="index-compress") as pool:
            list(pool.map(_compress, chunks))
    elif chunks:
        _compress(chunks[0])


def _compress(chunk: list[Deferred]) -> None:
    for blocks, number, info, data in chunk:
        blocks[number] = info + zlib.compress(data, COMPRESSION)


def _stage(flat: list[Any], done: TermBlocks | None, length_of: LengthOf | None, fixed: int | None,
           later: list[Deferred]) -> Staged:
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
