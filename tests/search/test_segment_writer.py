"""The fast segment writer writes exactly the index Whoosh's own writer writes, in Whoosh's format.

Both writers index the same German documents (terms with one posting, with hundreds over several
blocks, titles with a boost, dates, numbers, actor lists, tags, deleted documents, a merge of
segments); every term's statistics and postings, the stored fields, the columns and phrase search
must come out the same.
"""

from __future__ import annotations

import os
import random
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from search import forked
from search.schema import article_schema, encode_positions
from search.segment_writer import FastSegmentWriter

WORDS = ["Regierung", "Polizei", "Truppenentsendung", "Waffenstillstandsabkommen", "Hafen", "Fähre", "Kiel",
         "Straße", "Bürgermeister", "Haushalt", "Gericht", "Urteil", "Klimawandel", "sagte", "der", "die"]


def _documents(count: int, seed: int) -> list[dict[str, Any]]:
    chance = random.Random(seed)
    documents = []
    for number in range(count):
        words = [chance.choice(WORDS) for _ in range(chance.randint(1, 60))]
        words.append(f"Einzelwort{seed}x{number}")  # a term with one posting
        if number < 256:
            words.append("Blockgrenze")  # a term whose postings fill exactly two blocks
        title = words[0] if number % 7 == 0 else " ".join(words[:3])  # one word: a length whoosh3 stores as 0
        source = chance.choice(["Kieler Blatt", "Hafenbote"])
        actors = " ".join(str(chance.randint(1, 40)) for _ in range(chance.randint(1, 6)))  # repeats, some
        documents.append({"id": f"{seed}-{number}", "title": title, "text": " ".join(words),
                          "group": number, "source_name": source, "source": source,
                          "sort_date": number * 86_400, "year": str(2000 + number % 4), "fingerprint": f"h{number}",
                          "date": datetime(2000 + number % 4, 1 + number % 12, 1 + number % 28, number % 24),
                          "actor": actors, "actor_ids": actors.encode("ascii")})
        if number % 5 == 0:
            documents[-1].update(tag="hafen,kiel", note=f"Gemerkt: {words[0]}")
    return documents


def _build(folder: Path, writer_class: Any) -> Any:
    handle = whoosh_index.create_in(str(folder), article_schema())
    for seed, optimize in ((1, False), (2, True), (3, False)):  # the second commit merges the first segment
        writer = writer_class(handle)
        for document in _documents(300, seed):
            writer.update_document(**document)
        for number in range(0, 300, 11):
            writer.delete_by_term("id", f"{seed - 1}-{number}")
        writer.commit(optimize=optimize, merge=False)
    return handle


def _postings(reader: Any, field: str, text: bytes) -> list[tuple[Any, ...]]:
    matcher = reader.postings(field, text)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def _statistics(reader: Any, field: str, text: bytes) -> tuple[Any, ...]:
    info = reader.term_info(field, text)
    return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight(),
            info.min_id(), info.max_id())


@pytest.fixture(scope="module", params=["alone", "with a forked child"] if hasattr(os, "fork") else ["alone"])
def readers(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Any:
    """Whoosh's index and ours; ours written in this process alone, or sharing each write with a child."""
    import search.postings_file as postings_file

    theirs = _build(tmp_path_factory.mktemp("whoosh"), SegmentWriter)
    with pytest.MonkeyPatch.context() as patch:
        if request.param != "alone":
            patch.setattr(postings_file, "FORK_MIN", 0)
            patch.setattr(forked, "_allowed", True)
        ours = _build(tmp_path_factory.mktemp("fast"), FastSegmentWriter)
    with theirs.reader() as their_reader, ours.reader() as our_reader:
        yield their_reader, our_reader


def test_every_term_has_the_same_statistics_and_postings(readers: Any) -> None:
    theirs, ours = readers
    terms = list(theirs.all_terms())
    assert terms == list(ours.all_terms())
    long_lists = [term for term in terms if theirs.doc_frequency(*term) > 300]
    assert long_lists, "some terms must span several posting blocks"
    for field, text in terms:
        assert _statistics(ours, field, text) == _statistics(theirs, field, text), (field, text)
        assert _postings(ours, field, text) == _postings(theirs, field, text), (field, text)


def test_stored_fields_columns_and_deletions_are_the_same(readers: Any) -> None:
    theirs, ours = readers
    assert list(ours.all_stored_fields()) == list(theirs.all_stored_fields())
    assert ours.doc_count() == theirs.doc_count() < ours.doc_count_all()
    assert len(list(ours.leaf_readers())) == 2
    for column in ("group", "sort_date", "source_name", "year", "actor_ids"):
        assert list(ours.column_reader(column)) == list(theirs.column_reader(column))
    assert [ours.doc_field_length(d, "text") for d in range(ours.doc_count_all())] == \
        [theirs.doc_field_length(d, "text") for d in range(theirs.doc_count_all())]


def test_full_blocks_are_encoded_while_documents_are_added(tmp_path: Path) -> None:
    handle = whoosh_index.create_in(str(tmp_path), article_schema())
    writer = FastSegmentWriter(handle)
    for document in _documents(300, 1):
        writer.add_document(**document)
    sealed = writer.pool.blocks["text"][b"blockgrenz"]
    assert (sealed.count, len(sealed.blocks), writer.pool.fields["text"][b"blockgrenz"]) == (256, 2, [])
    writer.commit()
    with handle.reader() as reader:
        assert len(_postings(reader, "text", b"blockgrenz")) == 256


def test_a_word_seen_once_is_stored_inline_and_still_found(readers: Any) -> None:
    _, ours = readers
    text = b"einzelwort2x5"
    assert ours.term_info("text", text).is_inlined()
    assert [docnum for docnum, _, _ in _postings(ours, "text", text)] == [
        docnum for docnum, fields in ours.iter_docs() if fields["id"] == "2-5"]


def test_phrases_are_found_through_the_written_positions(tmp_path: Path) -> None:
    handle = whoosh_index.create_in(str(tmp_path), article_schema())
    writer = FastSegmentWriter(handle)
    writer.add_document(id="1", text="Die Fähre nach Kiel fährt wieder", group=1)
    writer.add_document(id="2", text="Kiel meldet: die Fähre fährt nicht", group=2)
    writer.commit()
    from whoosh.qparser import QueryParser

    with handle.searcher() as searcher:
        found = searcher.search(QueryParser("text", handle.schema).parse('"Fähre nach Kiel"'))
        assert [hit["id"] for hit in found] == ["1"]


@pytest.mark.parametrize("positions", [[0], [7], [3, 9, 200], [70_000, 70_001]])
def test_positions_are_encoded_as_whooshs_format_does(positions: list[int]) -> None:
    field = article_schema()["text"]
    assert encode_positions(positions) == field.format.encode(positions)


def test_many_last_blocks_compressed_by_threads_read_back_as_whooshs(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import search.postings_file as postings_file

    compressed: list[int] = []
    compress = postings_file._compress
    monkeypatch.setattr(postings_file, "_compress", lambda chunk: (compressed.append(len(chunk)), compress(chunk)))
    words = [f"Stichwort{number}" for number in range(900)]  # each in 20 documents: a last block worth compressing
    documents = [{"id": str(number), "group": number, "title": f"Meldung {number}",
                  "text": " ".join(words[(number + step * 45) % 900] for step in range(20))} for number in range(900)]
    handles = []
    for name, writer_class in (("theirs", SegmentWriter), ("ours", FastSegmentWriter)):
        (tmp_path / name).mkdir()
        handle = whoosh_index.create_in(str(tmp_path / name), article_schema())
        writer = writer_class(handle)
        for document in documents:
            writer.add_document(**document)
        writer.commit()
        handles.append(handle)
    assert len(compressed) >= 2 and sum(compressed) >= 900, "the last blocks must go to more than one thread"
    with handles[0].reader() as theirs, handles[1].reader() as ours:
        for text in (b"stichwort0", b"stichwort451", b"stichwort899"):
            assert theirs.doc_frequency("text", text) == 20
            assert _statistics(ours, "text", text) == _statistics(theirs, "text", text)
            assert _postings(ours, "text", text) == _postings(theirs, "text", text)
        assert list(ours.all_terms()) == list(theirs.all_terms())


def _segment_bytes(folder: Path) -> dict[str, list[bytes]]:
    """Each file inside the index's segments, by suffix (segment names are random), in the index's order."""
    from whoosh.filedb.compound import CompoundStorage

    handle = whoosh_index.open_dir(str(folder))
    found: dict[str, list[bytes]] = {}
    for segment in handle._read_toc().segments:
        compound = CompoundStorage(handle.storage.open_file(segment.make_filename(".seg")), use_mmap=False)
        for name in sorted(compound.list()):
            found.setdefault(name.split(".", 1)[-1], []).append(compound.open_file(name).read())
        compound.close()
    handle.close()
    return found


def _build_in(folder: Path) -> dict[str, list[bytes]]:
    folder.mkdir()
    _build(folder, FastSegmentWriter).close()
    return _segment_bytes(folder)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="this system cannot fork")
def test_a_write_shared_with_a_forked_child_writes_the_same_bytes(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import search.postings_file as postings_file

    alone = _build_in(tmp_path / "alone")  # small writes: all terms encoded in this process
    children: list[int] = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda job: (children.append(1), start(job))[1])
    monkeypatch.setattr(postings_file, "FORK_MIN", 0)
    monkeypatch.setattr(forked, "_allowed", True)
    shared = _build_in(tmp_path / "shared")
    assert len(children) == 3, "each commit (the merging one too) shares its write with a child"
    assert set(shared) == set(alone) and "pst" in shared
    assert shared == alone


@pytest.mark.skipif(not hasattr(os, "fork"), reason="this system cannot fork")
def test_a_write_whose_child_dies_is_finished_alone_with_the_same_bytes(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import search.postings_file as postings_file

    alone = _build_in(tmp_path / "alone")
    here, encode = os.getpid(), postings_file.encode
    monkeypatch.setattr(postings_file, "encode",
                        lambda work, threads: encode(work, threads) if os.getpid() == here else os._exit(9))
    children: list[object] = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda job: (children.append(start(job)), children[-1])[1])
    monkeypatch.setattr(postings_file, "FORK_MIN", 0)
    monkeypatch.setattr(forked, "_allowed", True)
    assert _build_in(tmp_path / "orphaned") == alone
    assert children and all(child is not None for child in children), "each write had a child, which died"
