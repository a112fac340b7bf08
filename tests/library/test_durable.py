"""Durable units: synced commits on their own, all-or-nothing savepoints inside an open transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import reading_lists as rl
from library.durable import durable
from library.store import Library


def test_a_unit_on_its_own_commits_with_full_sync_and_the_library_returns_to_normal(tmp_path: Path) -> None:
    with Library.open(tmp_path / "bib") as library:
        with durable(library) as db:
            assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            rl.create_list(library, "Seminar")
        assert library.connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert not library.connection.in_transaction
    with Library.open(tmp_path / "bib") as library:
        assert [x.name for x in rl.reading_lists(library)] == ["Seminar"]


def test_changes_in_one_unit_land_together_or_not_at_all(tmp_path: Path) -> None:
    with Library.open(tmp_path / "bib") as library:
        rl.create_list(library, "Seminar")
        with pytest.raises(rl.ListExists), durable(library):
            rl.create_list(library, "Lektüre")
            rl.rename_list(library, "Lektüre", "seminar")
        assert [x.name for x in rl.reading_lists(library)] == ["Seminar"]
