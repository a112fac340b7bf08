"""A segment's term table written a field at a time, as whoosh3's ``OrderedHashWriter`` writes it.

``OrderedHashWriter.add`` costs a dozen Python calls a term (a ``tell``, three writes, an MD5 hex
string turned into an int, a bucket and an index entry); a segment of 10,000 articles has about
90,000 terms. ``add_terms`` writes a field's terms as one buffer and files their hashes and positions
in the writer's own buckets and index, so the file it closes is byte for byte the one ``add`` writes.
``write_hashes`` writes each of the 256 hash tables at the end with one call instead of one a slot.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from hashlib import md5
from typing import Any

_LENGTHS = struct.Struct("!ii")  # key and value length before each entry (whoosh's ``_lengths``)
_POINTER = struct.Struct("!Iq")  # a hash table slot: the key's hash and the entry's position
_EMPTY = _POINTER.pack(0, 0)


def add_terms(table: Any, entries: Sequence[tuple[bytes, bytes]]) -> None:
    """Appends ``(key, value)`` entries, keys in increasing order and above the table's last key."""
    if not entries:
        return
    if entries[0][0] <= table.lastkey:
        raise ValueError(f"Keys must increase: {table.lastkey!r}..{entries[0][0]!r}")
    if table.hashtype != 0:
        raise ValueError("only MD5-hashed term tables are written in one piece")
    dbfile = table.dbfile
    position = dbfile.tell()
    pieces: list[bytes] = []
    positions: list[int] = []
    buckets = table.buckets
    pack = _LENGTHS.pack
    for key, value in entries:
        positions.append(position)
        head = pack(len(key), len(value))
        pieces += (head, key, value)
        hashed = int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")
        buckets[hashed & 255].append((hashed, position))
        position += 8 + len(key) + len(value)
    dbfile.write(b"".join(pieces))
    table.index.extend(positions)
    table.lastkey = entries[-1][0]


def write_hashes(table: Any) -> None:
    """``HashWriter._write_hashes``: each bucket's open-addressing table (twice as many slots as keys,
    a key in the first free slot from its hash on), one write a table."""
    dbfile = table.dbfile
    pack = _POINTER.pack
    for entries in table.buckets:
        size = 2 * len(entries)
        table.directory.append((dbfile.tell(), size))
        slots: list[bytes] = [_EMPTY] * size
        for hashed, position in entries:
            slot = (hashed >> 8) % size
            while slots[slot] is not _EMPTY:
                slot = (slot + 1) % size
            slots[slot] = pack(hashed, position)
        dbfile.write(b"".join(slots))
