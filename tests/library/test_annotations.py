"""Annotations in the library: round trips, refusals with actionable messages, re-anchoring after a
re-import, detached annotations, and removal of annotated articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library.annotations import (
    COLOURS, Anchor, add_annotation, all_tags, annotations_for, annotations_of, delete_annotation, update_annotation,
)
from library.errors import (
    AnnotationNotFound, ArticleHasAnnotations, ArticleNotFound, InvalidAnchor, InvalidAnnotation,
)
from library.importer import import_paths
from library.store import Library

TITLE = "Stadtrat beschließt neuen Radweg"
LEAD = "Der Stadtrat von Leipzig hat am Dienstag den Bau eines Radwegs entlang der Weißen Elster beschlossen."
BODY = ("Die Strecke soll 4,2 Kilometer lang werden. „Wir schließen damit eine wichtige Lücke“, sagte die "
        "Baubürgermeisterin. Die Kosten liegen bei 3,1 Millionen Euro.")
CLOSING = "Mit dem Bau soll im Frühjahr begonnen werden."


def write(folder: Path, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "radweg.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def imported(library: Library, path: Path) -> int:
    [step] = list(import_paths(library, [path]))
    assert step.outcome.article_id is not None, step.outcome.message
    return step.outcome.article_id


def anchor_of(library: Library, article_id: int, words: str) -> Anchor:
    for paragraph in library.paragraphs(article_id):
        start = paragraph.text.find(words)
        if start >= 0:
            return Anchor(paragraph.index, start, start + len(words))
    raise AssertionError(f"{words!r} is not in the article")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib")


def test_an_annotation_round_trips_with_quote_context_colour_note_and_tags(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    made = add_annotation(library, article_id, anchor_of(library, article_id, "4,2 Kilometer"), colour="green",
                          note="  Länge prüfen ", tags=["#Verkehr", "verkehr", " Stadt  Leipzig "])
    assert (made.quote, made.colour, made.note, made.tags) == ("4,2 Kilometer", "green", "Länge prüfen",
                                                               ("Verkehr", "Stadt Leipzig"))
    assert made.prefix.endswith("Die Strecke soll ") and made.suffix.startswith(" lang werden.")
    assert made.created.endswith("+00:00") and not made.detached
    library.close()
    with Library.open(tmp_path / "lib") as again:
        assert annotations_of(again, article_id) == [made]


def test_annotations_come_in_reading_order_and_per_article(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    late = add_annotation(library, article_id, anchor_of(library, article_id, "3,1 Millionen Euro"))
    early = add_annotation(library, article_id, anchor_of(library, article_id, "Stadtrat von Leipzig"))
    middle = add_annotation(library, article_id, anchor_of(library, article_id, "4,2 Kilometer"))
    assert [a.id for a in annotations_of(library, article_id)] == [early.id, middle.id, late.id]
    assert annotations_for(library, [article_id, 999]) == {article_id: [early, middle, late], 999: []}


def test_editing_changes_only_what_is_given_and_deleting_removes(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    made = add_annotation(library, article_id, anchor_of(library, article_id, "Radwegs"), note="alt", tags=["a"])
    recoloured = update_annotation(library, made.id, colour="pink")
    assert (recoloured.colour, recoloured.note, recoloured.tags) == ("pink", "alt", ("a",))
    renoted = update_annotation(library, made.id, note="neu", tags=[])
    assert (renoted.colour, renoted.note, renoted.tags, renoted.created) == ("pink", "neu", (), made.created)
    delete_annotation(library, made.id)
    assert annotations_of(library, article_id) == []
    with pytest.raises(AnnotationNotFound, match="#%d.*lesesaal annotations" % made.id):
        update_annotation(library, made.id, note="x")


def test_tags_are_counted_across_the_library(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    add_annotation(library, article_id, anchor_of(library, article_id, "Radwegs"), tags=["Verkehr", "Kosten"])
    add_annotation(library, article_id, anchor_of(library, article_id, "3,1 Millionen"), tags=["Kosten"])
    assert all_tags(library) == {"Kosten": 2, "Verkehr": 1}


@pytest.mark.parametrize(("paragraph", "start", "end", "message"), [
    (7, 0, 3, "no paragraph 7; its paragraphs are numbered 0 to 2"),
    (1, 5, 5, "must satisfy 0 <= start < end <="),
    (1, -1, 4, "must satisfy"),
    (1, 0, 10_000, "must satisfy"),
])
def test_anchors_outside_the_text_are_refused_with_the_valid_range(library: Library, tmp_path: Path, paragraph: int,
                                                                    start: int, end: int, message: str) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    with pytest.raises(InvalidAnchor, match=message):
        add_annotation(library, article_id, Anchor(paragraph, start, end))
    assert annotations_of(library, article_id) == []


def test_unknown_article_colour_and_bad_tags_are_refused(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    with pytest.raises(ArticleNotFound):
        add_annotation(library, 42, Anchor(0, 0, 3))
    with pytest.raises(InvalidAnnotation, match="choose one of " + ", ".join(COLOURS)):
        add_annotation(library, article_id, Anchor(1, 0, 3), colour="red")
    with pytest.raises(InvalidAnnotation, match="no comma"):
        add_annotation(library, article_id, Anchor(1, 0, 3), tags=["a,b"])
    space = LEAD.index(" ")
    with pytest.raises(InvalidAnchor, match="only white space"):
        add_annotation(library, article_id, Anchor(1, space, space + 1))
    assert annotations_of(library, article_id) == []


def test_a_reimport_that_shifts_the_text_moves_annotations_to_their_quote(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "in", TITLE, LEAD, BODY, CLOSING)
    article_id = imported(library, path)
    quote = add_annotation(library, article_id, anchor_of(library, article_id, "wichtige Lücke"), note="Zitat")
    closing = add_annotation(library, article_id, anchor_of(library, article_id, "im Frühjahr"))
    inserted = "Die Entscheidung fiel mit großer Mehrheit."
    write(tmp_path / "in", TITLE, "Eilmeldung aus dem Rathaus: " + LEAD, inserted, BODY, CLOSING)
    assert imported(library, path) == article_id
    moved = {a.id: a for a in annotations_of(library, article_id)}
    texts = {p.index: p.text for p in library.paragraphs(article_id)}
    for before in (quote, closing):
        after = moved[before.id]
        assert not after.detached and after.paragraph == before.paragraph + 1
        assert texts[after.paragraph][after.start:after.end] == before.quote
        assert (after.note, after.created) == (before.note, before.created)


def test_context_decides_between_two_occurrences_of_a_quote(library: Library, tmp_path: Path) -> None:
    twice = "Die Stadt zahlt. Später zahlt auch das Land, und am Ende zahlt der Bund."
    path = write(tmp_path / "in", TITLE, LEAD, twice)
    article_id = imported(library, path)
    start = twice.index("zahlt der Bund")
    made = add_annotation(library, article_id, Anchor(2, start, start + len("zahlt")))
    write(tmp_path / "in", TITLE, LEAD, "Vorab: " + twice.replace("Später zahlt auch", "Später zahlt ebenfalls"))
    imported(library, path)
    [after] = annotations_of(library, article_id)
    text = library.paragraphs(article_id)[2].text
    assert text[after.end:].startswith(" der Bund") and after.id == made.id


def test_a_quote_the_new_text_lacks_stays_as_a_detached_annotation(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "in", TITLE, LEAD, BODY)
    article_id = imported(library, path)
    made = add_annotation(library, article_id, anchor_of(library, article_id, "wichtige Lücke"), note="wichtig")
    kept = add_annotation(library, article_id, anchor_of(library, article_id, "Weißen Elster"))
    write(tmp_path / "in", TITLE, LEAD, "Die Strecke soll 4,2 Kilometer lang werden.")
    imported(library, path)
    after = {a.id: a for a in annotations_of(library, article_id)}
    assert after[made.id].detached and (after[made.id].quote, after[made.id].note) == ("wichtige Lücke", "wichtig")
    assert not after[kept.id].detached
    write(tmp_path / "in", TITLE, LEAD, BODY)  # the text is back: the annotation finds its place again
    imported(library, path)
    assert not annotations_of(library, article_id)[-1].detached


def test_an_annotated_article_is_only_removed_on_request(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    add_annotation(library, article_id, anchor_of(library, article_id, "Radwegs"))
    with pytest.raises(ArticleHasAnnotations, match="1 annotation, .*--with-annotations"):
        library.remove(article_id)
    assert library.count() == 1 and len(annotations_of(library, article_id)) == 1
    library.remove(article_id, with_annotations=True)
    assert library.count() == 0 and annotations_of(library, article_id) == []


def test_the_database_itself_refuses_to_drop_an_annotated_article(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    add_annotation(library, article_id, anchor_of(library, article_id, "Radwegs"))
    with pytest.raises(sqlite3.IntegrityError):
        library.connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    assert len(annotations_of(library, article_id)) == 1


def test_every_change_raises_the_articles_index_state(library: Library, tmp_path: Path) -> None:
    article_id = imported(library, write(tmp_path / "in", TITLE, LEAD, BODY))
    states = [library.index_states()[article_id][0]]
    made = add_annotation(library, article_id, anchor_of(library, article_id, "Radwegs"), note="eins")
    states.append(library.index_states()[article_id][0])
    update_annotation(library, made.id, note="zwei")
    states.append(library.index_states()[article_id][0])
    delete_annotation(library, made.id)
    states.append(library.index_states()[article_id][0])
    assert len(set(states)) == 4
    assert [library.article(article_id).content_state] == states[-1:]
