"""Annotations in search: ``note:`` and ``tag:``, notes found by plain words with a marker in the hit, and
annotation changes reaching the index through its repair (sync) and rebuild paths."""

from __future__ import annotations

from library.annotations import Anchor, add_annotation, delete_annotation, update_annotation
from search.searching import search
from tests.search.conftest import Indexed

KARTOFFEL, MIETEN = "kartoffel.txt", "mieten.txt"


def names(indexed: Indexed, query: str) -> set[str]:
    by_id = {article_id: name for name, article_id in indexed.ids.items()}
    return {by_id[hit.id] for hit in search(indexed.index, indexed.library, query, limit=50).hits}


def annotate(indexed: Indexed, name: str, note: str = "", tags: tuple[str, ...] = ()) -> int:
    article_id = indexed.ids[name]
    paragraph = indexed.library.paragraphs(article_id)[-1]
    made = add_annotation(indexed.library, article_id, Anchor(paragraph.index, 0, 5), note=note, tags=tags)
    indexed.index.sync(indexed.library)
    return made.id


def test_note_filter_finds_words_of_notes_only(fresh: Indexed) -> None:
    annotate(fresh, KARTOFFEL, note="Vergleich mit der Dürre im Vorjahr für das Referat")
    assert names(fresh, "note:Referat") == {KARTOFFEL}
    assert names(fresh, "note:Kartoffel") == set()  # a word of the article, not of a note
    assert names(fresh, 'note:"das Referat"') == {KARTOFFEL}


def test_a_plain_search_finds_a_note_and_says_so(fresh: Indexed) -> None:
    annotate(fresh, MIETEN, note="Quelle für die Hausarbeit über Wohnungsnot")
    [hit] = search(fresh.index, fresh.library, "Hausarbeit").hits
    assert hit.id == fresh.ids[MIETEN] and hit.in_note and hit.annotations == 1
    assert "<mark>Hausarbeit</mark>" in hit.note_snippet
    [plain] = search(fresh.index, fresh.library, "Kartoffelernte").hits
    assert not plain.in_note and plain.note_snippet == "" and plain.annotations == 0


def test_tag_filter_is_exact_case_insensitive_and_combines(fresh: Indexed) -> None:
    annotate(fresh, KARTOFFEL, tags=("Klausur", "offene Frage"))
    annotate(fresh, MIETEN, tags=("klausur",))
    assert names(fresh, "tag:KLAUSUR") == {KARTOFFEL, MIETEN}
    assert names(fresh, 'tag:"offene  Frage"') == {KARTOFFEL}
    assert names(fresh, "tag:Klausur Brandenburg") == {KARTOFFEL}
    assert names(fresh, "tag:Klaus") == set()
    ignored = search(fresh.index, fresh.library, "tag: Brandenburg").ignored
    assert any("tag:" in item for item in ignored)


def test_edits_and_deletions_reach_the_index_on_sync_and_rebuild(fresh: Indexed) -> None:
    annotation_id = annotate(fresh, KARTOFFEL, note="Referat", tags=("Klausur",))
    update_annotation(fresh.library, annotation_id, note="Seminar", tags=["Prüfung"])
    report = fresh.index.sync(fresh.library)
    assert report.updated == 1
    assert names(fresh, "note:Referat") == set() and names(fresh, "note:Seminar") == {KARTOFFEL}
    assert names(fresh, "tag:Klausur") == set() and names(fresh, "tag:prüfung") == {KARTOFFEL}
    fresh.index.rebuild(fresh.library)
    assert names(fresh, "note:Seminar") == {KARTOFFEL}
    delete_annotation(fresh.library, annotation_id)
    fresh.index.sync(fresh.library)
    assert names(fresh, "note:Seminar") == set() and names(fresh, "tag:Prüfung") == set()
