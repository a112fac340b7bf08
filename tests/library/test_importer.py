"""Importing: no-op re-imports, updates, per-file outcomes for bad files, cancel and atomic commits."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from library import importer
from library.importer import FAILED, IMPORTED, UNCHANGED, UPDATED, CancelToken, ImportOptions, import_paths
from library.paths import database_path
from library.records import StoredContent
from library.store import Library
from tests.conftest import FIXTURES

ARTICLE = "Neue Brücke über die Elbe\n\n{lead}\n\nDie Bauarbeiten dauerten drei Jahre und kosteten 48 Millionen Euro."
LEAD = "In Dresden ist am Samstag eine neue Brücke für Radfahrer und Fußgänger eröffnet worden, teilte die Stadt mit."


def write_article(folder: Path, name: str, lead: str = LEAD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE.format(lead=lead), encoding="utf-8")
    return path


def run(library: Library, *paths: Path, **kwargs: object) -> list:  # type: ignore[type-arg]
    return [step.outcome for step in import_paths(library, list(paths), **kwargs)]  # type: ignore[arg-type]


def test_reimporting_the_same_file_changes_nothing(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "bruecke.txt")
    with Library.open(tmp_path / "lib") as library:
        [first] = run(library, path)
        stored = library.article(first.article_id)
        [again] = run(library, path)
        assert (first.status, again.status) == (IMPORTED, UNCHANGED)
        assert again.article_id == first.article_id and "already in the library" in again.message
        assert library.count() == 1 and library.article(first.article_id) == stored


def test_same_content_under_another_name_is_recognised(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "bruecke.txt")
    copy = tmp_path / "in" / "kopie.txt"
    copy.write_bytes(path.read_bytes())
    with Library.open(tmp_path / "lib") as library:
        first, second = run(library, path, copy)
        assert second.status == UNCHANGED and second.article_id == first.article_id
        assert str(path) in second.message and library.count() == 1


def test_a_file_given_twice_is_imported_once_and_then_unchanged(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "bruecke.txt")
    with Library.open(tmp_path / "lib") as library:
        first, second = run(library, path, path)
        assert (first.status, second.status) == (IMPORTED, UNCHANGED)
        assert second.article_id == first.article_id and library.count() == 1


def test_a_changed_file_updates_its_article_and_says_so(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "bruecke.txt")
    with Library.open(tmp_path / "lib") as library:
        [first] = run(library, path)
        write_article(tmp_path / "in", "bruecke.txt", lead="Die neue Elbbrücke in Dresden ist eröffnet, sagte der Bürgermeister.")
        [second] = run(library, path)
        assert second.status == UPDATED and "updated" in second.message
        assert second.article_id == first.article_id and library.count() == 1
        assert "sagte der Bürgermeister" in library.article_text(first.article_id)


def test_bad_files_get_their_own_reason_and_good_ones_are_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_article(folder, "gut.txt")
    (folder / "leer.txt").write_bytes(b"")
    (folder / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "gross.txt").write_text("Wort " * 300_000, encoding="utf-8")
    (folder / "kaputt.txt").write_bytes(bytes(range(128, 256)) * 30)
    (folder / "schleife").symlink_to(folder)
    with Library.open(tmp_path / "lib") as library:
        outcomes = {o.path.name: o for o in run(library, folder, options=ImportOptions(max_bytes=1024 * 1024))}
        assert outcomes["gut.txt"].status == IMPORTED
        reasons = {name: o.message for name, o in outcomes.items() if o.status == FAILED}
        assert "empty file" in reasons["leer.txt"]
        assert "PNG image" in reasons["bild.txt"]
        assert "over the limit of 1.0 MB" in reasons["gross.txt"]
        assert "cannot decode" in reasons["kaputt.txt"]
        assert "link loop" in reasons["schleife"]
        assert library.count() == 1


def test_a_failing_import_leaves_existing_articles_untouched(tmp_path: Path) -> None:
    good = write_article(tmp_path / "in", "gut.txt")
    bad = tmp_path / "in" / "leer.txt"
    bad.write_bytes(b"")
    with Library.open(tmp_path / "lib") as library:
        [first] = run(library, good)
        before = library.article(first.article_id)
        run(library, bad)
        assert library.article(first.article_id) == before


def test_progress_counts_every_file(tmp_path: Path) -> None:
    for n in range(5):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"{LEAD} Meldung Nummer {n} mit eigenem Inhalt.")
    with Library.open(tmp_path / "lib") as library:
        steps = list(import_paths(library, [tmp_path / "in"]))
    assert [(s.done, s.total) for s in steps] == [(n, 5) for n in range(1, 6)]


def test_cancel_stops_after_the_current_file_and_keeps_what_is_done(tmp_path: Path) -> None:
    for n in range(5):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"Meldung {n}: {LEAD}")
    cancel = CancelToken()
    with Library.open(tmp_path / "lib") as library:
        for step in import_paths(library, [tmp_path / "in"], cancel=cancel):
            if step.done == 2:
                cancel.cancel()
        assert library.count() == 2


def test_stored_articles_are_announced_to_an_observer(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "a.txt")
    seen: list[StoredContent] = []
    with Library.open(tmp_path / "lib") as library:
        [outcome] = run(library, path, on_stored=seen.append)
    assert [content.id for content in seen] == [outcome.article_id]


def _as_stored(library: Library, article_id: int) -> StoredContent:
    """What the library holds of an article, in the shape the import hands its observer."""
    stored = library.article(article_id)
    return StoredContent(stored.id, stored.metadata, stored.paragraphs, stored.duplicate_of, stored.content_hash,
                         stored.analysis_version, stored.actor_ids)


def test_the_observer_is_handed_exactly_what_the_library_then_holds(tmp_path: Path) -> None:
    """New, copied, analysed and updated articles: the observer (the search index) never needs to read them back."""
    shutil.copytree(FIXTURES / "analysis", tmp_path / "in")
    shutil.copy(FIXTURES / "articles" / "de_rt_style.txt", tmp_path / "in" / "story.txt")
    shutil.copy(FIXTURES / "articles" / "de_same_story_copy2.md", tmp_path / "in" / "story-copy.md")
    seen: list[StoredContent] = []
    held: list[StoredContent] = []
    with Library.open(tmp_path / "lib") as library:
        def observe(content: StoredContent) -> None:
            seen.append(content)
            held.append(_as_stored(library, content.id))
        run(library, tmp_path / "in", on_stored=observe)
        (tmp_path / "in" / "story.txt").write_text("Neue Fassung\n\nDer Text wurde am Abend ergänzt.", encoding="utf-8")
        run(library, tmp_path / "in", on_stored=observe)
    assert seen and seen == held
    assert any(content.duplicate_of for content in seen) and any(content.actor_ids for content in seen)
    assert len({content.id for content in seen}) == len(seen) - 1  # the changed file is handed over again


def test_a_crash_while_storing_leaves_no_half_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_article(tmp_path / "in", "a.txt")
    with Library.open(tmp_path / "lib") as library:
        def crash(*args: object) -> None:
            raise RuntimeError("power cut")
        monkeypatch.setattr(library, "_write_parts", crash)  # after the article row
        with pytest.raises(RuntimeError):
            run(library, path)
    connection = sqlite3.connect(database_path(tmp_path / "lib"))
    counts = [connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("articles", "files", "paragraphs", "sketches")]
    assert counts == [0, 0, 0, 0]


def test_a_failure_while_storing_keeps_the_files_finished_before_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(5):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"Meldung {n}: {LEAD}")
    with Library.open(tmp_path / "lib") as library:
        write = library._write_parts
        calls = []

        def crash_on_third(*args: object) -> None:
            calls.append(args)
            if len(calls) == 3:
                raise RuntimeError("power cut")
            write(*args)  # type: ignore[arg-type]
        monkeypatch.setattr(library, "_write_parts", crash_on_third)
        with pytest.raises(RuntimeError):
            run(library, tmp_path / "in")
    assert _stored_counts(tmp_path / "lib") == {"articles": 2, "files": 2, "paragraphs": 2 * 3, "sketches": 2 * 16}


def test_a_ctrl_c_while_a_changed_file_is_stored_keeps_the_new_files_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The new files' rows are still held when the changed file's rows are replaced (which writes them first)."""
    monkeypatch.setattr(importer, "MEMORY_FILES", 1)  # as in a large import: look-ups in memory, rows held
    changed = write_article(tmp_path / "in", "c.txt")
    with Library.open(tmp_path / "lib") as library:
        [old] = run(library, changed)
        before = library.article(old.article_id)
    for n in range(2):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"Meldung {n}: Der Stadtrat tagte bis in die Nacht.")
    write_article(tmp_path / "in", "c.txt", lead="Die Brücke wird erst im Frühjahr eröffnet, teilte die Stadt mit.")
    seen: list[StoredContent] = []
    with Library.open(tmp_path / "lib") as library:
        def interrupted(article_id: int) -> bool:
            raise KeyboardInterrupt  # Ctrl+C while the changed file is stored
        monkeypatch.setattr(library, "has_copies", interrupted)
        with pytest.raises(KeyboardInterrupt):
            run(library, tmp_path / "in", on_stored=seen.append)
    assert len(seen) == 2  # the two new files: committed, the search index is told
    with Library.open(tmp_path / "lib") as library:
        for content in seen:
            assert _as_stored(library, content.id) == content, (_as_stored(library, content.id), content)
        assert library.article(old.article_id) == before
    assert _stored_counts(tmp_path / "lib") == {"articles": 3, "files": 3, "paragraphs": 3 * 3, "sketches": 3 * 16}


def test_an_import_closed_early_commits_every_file_finished(tmp_path: Path) -> None:
    for n in range(5):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"Meldung {n}: {LEAD}")
    with Library.open(tmp_path / "lib") as library:
        steps = import_paths(library, [tmp_path / "in"])
        finished = [next(steps).outcome for _ in range(3)]
        steps.close()  # what the command line does on Ctrl+C
        assert _stored_counts(tmp_path / "lib")["articles"] == 3  # seen from another connection: committed
        assert [o.status for o in finished] == [IMPORTED] * 3


def test_the_observer_hears_of_an_article_once_it_is_committed(tmp_path: Path) -> None:
    for n in range(3):
        write_article(tmp_path / "in", f"a{n}.txt", lead=f"Meldung {n}: {LEAD}")
    visible: list[bool] = []

    def observe(content: StoredContent) -> None:
        connection = sqlite3.connect(database_path(tmp_path / "lib"))
        visible.append(connection.execute("SELECT 1 FROM articles WHERE id = ?", (content.id,)).fetchone() is not None)
        connection.close()
    with Library.open(tmp_path / "lib") as library:
        run(library, tmp_path / "in", on_stored=observe)
    assert visible == [True, True, True]


def _stored_counts(folder: Path) -> dict[str, int]:
    connection = sqlite3.connect(database_path(folder))
    counts = {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("articles", "files", "paragraphs", "sketches")}
    connection.close()
    return counts


@pytest.mark.slow
def test_a_folder_of_ten_thousand_files_gives_every_file_an_outcome(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n in range(10_000):
        sub = folder / f"{n // 500:02}"
        sub.mkdir(parents=True, exist_ok=True)
        if n % 1000 == 7:
            (sub / f"{n}.txt").write_bytes(b"")
        else:
            (sub / f"{n}.txt").write_text(f"Meldung {n}\n\nDer Kreistag hat Beschluss {n} gefasst, teilte das "
                                          f"Landratsamt mit. Es geht um Vorlage {n * 7}.", encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        outcomes = run(library, folder)
        assert len(outcomes) == 10_000
        failed = [o for o in outcomes if o.status == FAILED]
        assert len(failed) == 10 and all("empty file" in o.message for o in failed)
        assert library.count() == 9_990
