"""Annotations survive a kill: a process saving many annotations is killed with SIGKILL midway; the database is
intact and every annotation whose save had returned is there, whole."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from library.importer import import_paths
from library.paths import database_path
from library.store import Library

ROOT = Path(__file__).resolve().parents[2]
#: The child saves annotations one after another and prints each one's id once its save has returned.
_SAVER = """
import sys
from pathlib import Path
from library.annotations import Anchor, add_annotation
from library.store import Library

library = Library.open(Path(sys.argv[1]))
article_id = int(sys.argv[2])
text = library.paragraphs(article_id)[1].text
for number in range(100_000):
    start = number % (len(text) - 12)
    made = add_annotation(library, article_id, Anchor(1, start, start + 10), note=f"Notiz {number}",
                          tags=[f"t{number % 7}"])
    print(made.id, number, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_while_saving_annotations_loses_none_that_were_saved(tmp_path: Path) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text("Ein langer Bericht\n\n" + " ".join(f"Satz {n} über die Sitzung des Kreistags." for n in range(40)),
                      encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        [step] = list(import_paths(library, [source]))
        article_id = step.outcome.article_id
    child = subprocess.Popen([sys.executable, "-c", _SAVER, str(tmp_path / "lib"), str(article_id)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    returned: dict[int, int] = {}
    deadline = time.monotonic() + 60
    while len(returned) < 150 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        annotation_id, number = map(int, line.split())
        returned[annotation_id] = number
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(returned) >= 150, "the saving process did not get far enough"
    connection = sqlite3.connect(database_path(tmp_path / "lib"))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0]: row[1:] for row in connection.execute("SELECT id, note, tags, quote FROM annotations")}
    for annotation_id, number in returned.items():
        note, tags, quote = stored[annotation_id]
        assert note == f"Notiz {number}" and json.loads(tags) == [f"t{number % 7}"] and len(quote) == 10
    for note, tags, quote in stored.values():  # those saved after the last line read are whole too
        number = int(note.removeprefix("Notiz "))
        assert json.loads(tags) == [f"t{number % 7}"] and len(quote) == 10
    revision = connection.execute("SELECT revision FROM annotation_revisions WHERE article_id = ?",
                                  (article_id,)).fetchone()[0]
    assert revision == len(stored)  # each save landed whole: its annotation and its index revision together
