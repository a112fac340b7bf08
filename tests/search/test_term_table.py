"""A term table written a field at a time is the file whoosh3's own ordered hash writer writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter

from search.term_table import add_terms, write_hashes

FIELDS = {b"\x00\x00": [b"fahre", b"hafen", b"kiel", *(b"wort%03d" % number for number in range(600))],
          b"\x00\x01": [b"bundestag", b"bundestagsdebatte", b"haushalt", b"stra\xc3\x9fe"]}


def _entries(prefix: bytes, words: list[bytes]) -> list[tuple[bytes, bytes]]:
    return [(prefix + word, word.upper() * (1 + len(word) % 3)) for word in words]


def _write(folder: Path, one_by_one: bool) -> bytes:
    storage = FileStorage(str(folder)).create()
    table = OrderedHashWriter(storage.create_file("terms"))
    for prefix, words in FIELDS.items():
        if one_by_one:
            for key, value in _entries(prefix, words):
                table.add(key, value)
        else:
            add_terms(table, _entries(prefix, words))
    if not one_by_one:
        table._write_hashes = lambda: write_hashes(table)
    table.close()
    return (folder / "terms").read_bytes()


def test_the_file_is_byte_for_byte_whooshs_and_every_term_is_found(tmp_path: Path) -> None:
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "ours").mkdir()
    assert _write(tmp_path / "ours", one_by_one=False) == _write(tmp_path / "whoosh", one_by_one=True)
    reader = OrderedHashReader.open(FileStorage(str(tmp_path / "ours")), "terms")
    assert reader[b"\x00\x01stra\xc3\x9fe"] == b"STRA\xc3\x9fE" * 2
    assert reader.closest_key(b"\x00\x01bundestagsb") == b"\x00\x01bundestagsdebatte"
    assert list(reader.keys()) == [prefix + word for prefix, words in FIELDS.items() for word in words]


def test_keys_out_of_order_are_refused(tmp_path: Path) -> None:
    table = OrderedHashWriter(FileStorage(str(tmp_path)).create().create_file("terms"))
    add_terms(table, _entries(b"\x00\x01", [b"kiel"]))
    with pytest.raises(ValueError, match="Keys must increase"):
        add_terms(table, _entries(b"\x00\x00", [b"hafen"]))
