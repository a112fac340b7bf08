"""The library's actor spellings and people by surname, held in memory through one large import.

Filing an article's actors asks which actors its spellings' keys name already and which person carries
a surname; a large import asks that thousands of times about a few thousand actors. The memory is loaded
once (two queries) and then mirrors every change ``library.actor_registry`` makes to ``actors`` and
``actor_names`` — new actors, new spellings, a surname taken over, actors deleted — so that the filing
gives exactly what the per-article queries would. Whoever rolls writes back drops the memory (it is
loaded again when next needed); see ``Library.hold_import_memory``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence


class ActorMemory:
    """What ``actors`` and ``actor_names`` hold that filing needs, kept equal to the tables."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._ids_by_key: dict[str, set[int]] = {}
        self._names_of: dict[int, list[tuple[str, str]]] = {}  # actor id: its (name, key) rows
        self.spelled: set[tuple[int, str]] = set()  # (actor id, name): the rows of actor_names
        self._people: dict[str, dict[int, str]] = {}  # surname key: {person id: name}
        self._surname_of: dict[int, str] = {}
        self.add_names(db.execute("SELECT actor_id, name, key FROM actor_names"))
        for actor_id, name, surname in db.execute(
                "SELECT id, name, surname_key FROM actors WHERE kind = 'person' AND surname_key != ''"):
            self._add_person(actor_id, name, surname)

    def known(self, keys: Iterable[str]) -> dict[str, int]:
        """The actor each of these keys names already (the oldest, should two share one)."""
        found: dict[str, int] = {}
        for key in keys:
            ids = self._ids_by_key.get(key)
            if ids:
                found[key] = min(ids)
        return found

    def people_with_surname(self, surname: str) -> list[tuple[int, str]]:
        """The persons (id, name) whose surname has this key."""
        return list(self._people.get(surname, {}).items())

    def add_names(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Rows just written to ``actor_names`` (actor id, name, key), each new."""
        for actor_id, name, key in rows:
            self._ids_by_key.setdefault(key, set()).add(actor_id)
            self._names_of.setdefault(actor_id, []).append((name, key))
            self.spelled.add((actor_id, name))

    def add_actor(self, actor_id: int, kind: str, name: str, surname: str) -> None:
        if kind == "person" and surname:
            self._add_person(actor_id, name, surname)

    def renamed(self, actor_id: int, name: str) -> None:
        """A bare-surname person took over a full name."""
        surname = self._surname_of.get(actor_id)
        if surname is not None:
            self._people[surname][actor_id] = name

    def forget(self, actor_ids: Sequence[int]) -> None:
        """Actors just deleted (their spellings went with them)."""
        for actor_id in actor_ids:
            for name, key in self._names_of.pop(actor_id, ()):
                self._ids_by_key[key].discard(actor_id)
                self.spelled.discard((actor_id, name))
            surname = self._surname_of.pop(actor_id, None)
            if surname is not None:
                self._people[surname].pop(actor_id, None)

    def _add_person(self, actor_id: int, name: str, surname: str) -> None:
        self._people.setdefault(surname, {})[actor_id] = name
        self._surname_of[actor_id] = surname
