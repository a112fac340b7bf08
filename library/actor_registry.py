"""The library-wide actors: every article's people, organisations and places filed under one actor each.

An article's actor joins the library actor that already carries its name or one of its spellings under
:func:`articles.actors.actor_key` (so ``Selenskij``, ``Selenskyj`` and ``Zelensky`` meet). A person named
by surname alone joins the one person of the library with a full name ending in that surname; a full
name takes over an actor known so far only by its surname (``Starmer`` becomes ``Keir Starmer``, keeping
its id). Where two full names share the surname, a bare surname stays an actor of its own rather than
being guessed. Every spelling is kept as an alias. Ids never change once given, so an index that holds
them stays right; an actor no article mentions any more is deleted.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence

from articles.actors import actor_key
from articles.findings import ActorKind
from library.actor_memory import ActorMemory
from library.analysing import ActorEntry
from library.pending_writes import PendingWrites
from library.records import ActorSummary, LibraryActor

#: The filing's writes, held in ``PendingWrites`` until the transaction commits (``Library`` orders them).
INSERT_ACTOR = "INSERT INTO actors (id, kind, name, key, surname_key) VALUES (?, ?, ?, ?, ?)"
RENAME_ACTOR = "UPDATE actors SET name = ?, key = ? WHERE id = ?"
INSERT_NAME = "INSERT OR IGNORE INTO actor_names (actor_id, name, key) VALUES (?, ?, ?)"
INSERT_LINK = "INSERT OR REPLACE INTO article_actors (article_id, local_id, actor_id, role) VALUES (?, ?, ?, ?)"


def file_actors(read: Callable[[], sqlite3.Connection], pending: PendingWrites, article_id: int,
                entries: Sequence[ActorEntry], memory: ActorMemory | None = None,
                keys: Sequence[Sequence[str]] = ()) -> tuple[int, ...]:
    """File an article's actors under library actors (call after ``unfile_actors``, in a transaction);
    returns the library actors' ids, each once, in order. ``keys``: each entry's ``entry_keys``, when
    worked out already (in a reader process). ``read()``: the connection with ``pending``'s rows written,
    for look-ups; the writes go to ``pending``. With ``memory`` (equal to the tables and ``pending``)
    nothing is looked up in the database, and the memory is kept equal to them."""
    if len(keys) != len(entries):
        keys = [entry_keys(entry) for entry in entries]
    keyed = list(zip(entries, keys))
    every_key = [key for _, keys in keyed for key in keys]
    known, spelled = _known_keys(read(), every_key) if memory is None else (memory.known(every_key), memory.spelled)
    rows, names = [], []
    for entry, keys in keyed:
        found = known.get(keys[0]) if entry.kind in _KINDS else None  # most actors of an import are known
        actor_id = found if found is not None else _resolve(read, pending, entry, keys, known, memory)
        for name, key in zip((entry.name, *entry.aliases), keys):
            if (actor_id, name) not in spelled:  # most spellings are known already: no write
                spelled.add((actor_id, name))
                names.append((actor_id, name, key))
            known.setdefault(key, actor_id)
        rows.append((article_id, entry.local_id, actor_id, entry.role))
    if names:
        pending.extend(INSERT_NAME, names)
        if memory is not None:
            memory.add_names(names)
    pending.extend(INSERT_LINK, rows)
    return tuple(sorted({row[2] for row in rows}))


#: An import meets the same names over and over: each spelling's key is worked out once.
_cached_key = functools.lru_cache(maxsize=1 << 16)(actor_key)


def entry_keys(entry: ActorEntry) -> tuple[str, ...]:
    """The keys of an actor's name and aliases (``articles.actors.actor_key``), in that order."""
    kind = _kind(entry.kind)
    return tuple(_cached_key(name, kind) for name in (entry.name, *entry.aliases))


_KINDS = {kind.value: kind for kind in ActorKind}


def _kind(value: str) -> ActorKind:
    """``ActorKind(value)`` (a ValueError for an unknown kind) for the price of a dict look-up."""
    kind = _KINDS.get(value)
    if kind is None:
        raise ValueError(f"{value!r} is not a valid ActorKind")
    return kind


def _known_keys(db: sqlite3.Connection, keys: Sequence[str]) -> tuple[dict[str, int], set[tuple[int, str]]]:
    """The actor each of these keys names already (the oldest, should two share one), and the spellings stored."""
    known: dict[str, int] = {}
    spelled: set[tuple[int, str]] = set()
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for key, actor_id, name in db.execute(
                f"SELECT key, actor_id, name FROM actor_names WHERE key IN ({marks}) ORDER BY actor_id", chunk):
            known.setdefault(key, actor_id)
            spelled.add((actor_id, name))
    return known, spelled


def unfile_actors(db: sqlite3.Connection, article_id: int, memory: ActorMemory | None = None) -> None:
    """Forget which actors an article mentions; actors left without any article go."""
    held = [row[0] for row in db.execute("SELECT DISTINCT actor_id FROM article_actors WHERE article_id = ?",
                                         (article_id,))]
    db.execute("DELETE FROM article_actors WHERE article_id = ?", (article_id,))
    if held:
        marks = ",".join("?" * len(held))
        gone = db.execute(f"""DELETE FROM actors WHERE id IN ({marks})
                              AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = actors.id)
                              RETURNING id""", held).fetchall()
        if memory is not None:
            memory.forget([row[0] for row in gone])


def _resolve(read: Callable[[], sqlite3.Connection], pending: PendingWrites, entry: ActorEntry,
             keys: Sequence[str], known: dict[str, int], memory: ActorMemory | None) -> int:
    """The library actor an entry whose first key names none yet joins, or a new one."""
    kind = _kind(entry.kind)
    words = entry.name.split()
    found = None
    if kind is not ActorKind.PERSON or len(words) == 1:
        # A full name is never filed under a bare-surname alias: that alias may belong to a namesake.
        found = min((known[key] for key in keys[1:] if key in known), default=None)
    surname = _cached_key(words[-1], kind) if kind is ActorKind.PERSON and words else ""
    if found is None and surname:
        found = _by_surname(read, pending, entry.name, keys[0], surname, memory)
    if found is not None:
        return found
    actor_id = pending.new_id("actors")
    pending.add(INSERT_ACTOR, (actor_id, kind.value, entry.name, keys[0], surname))
    if memory is not None:
        memory.add_actor(actor_id, kind.value, entry.name, surname)
    return actor_id


def _by_surname(read: Callable[[], sqlite3.Connection], pending: PendingWrites, name: str, key: str, surname: str,
                memory: ActorMemory | None) -> int | None:
    """A bare surname joins the one full-named person with it; a full name takes over a bare-surname actor."""
    rows = read().execute("SELECT id, name FROM actors WHERE kind = 'person' AND surname_key = ?",
                          (surname,)).fetchall() if memory is None else memory.people_with_surname(surname)
    full = [row[0] for row in rows if " " in row[1]]
    bare = [row[0] for row in rows if " " not in row[1]]
    if " " not in name:
        return full[0] if len(full) == 1 else None
    if full or len(bare) != 1:
        return None
    pending.add(RENAME_ACTOR, (name, key, bare[0]))
    if memory is not None:
        memory.renamed(int(bare[0]), name)
    return int(bare[0])


def actor_summaries(db: sqlite3.Connection) -> list[ActorSummary]:
    """Every actor some article mentions, the most mentioned first, with its article and story counts."""
    rows = db.execute(
        """SELECT actors.id, actors.name, actors.kind, COUNT(DISTINCT m.article_id),
                  COUNT(DISTINCT COALESCE(articles.duplicate_of, articles.id))
           FROM actors JOIN article_actors m ON m.actor_id = actors.id JOIN articles ON articles.id = m.article_id
           GROUP BY actors.id ORDER BY 4 DESC, actors.name, actors.id""").fetchall()
    aliases: dict[int, list[str]] = {}
    for actor_id, name in db.execute("SELECT actor_id, name FROM actor_names ORDER BY actor_id, name"):
        aliases.setdefault(actor_id, []).append(name)
    return [ActorSummary(row[0], row[1], row[2], tuple(n for n in aliases.get(row[0], []) if n != row[1]),
                         row[3], row[4]) for row in rows]


def actors_named(db: sqlite3.Connection, text: str) -> set[int]:
    """Ids of the actors a user means by ``text``: an id (``12``, ``#12``), a name or spelling, or a surname."""
    wanted = text.strip().lstrip("#")
    if wanted.isdigit():
        return {int(wanted)}
    keys = [actor_key(wanted, kind) for kind in ActorKind]
    marks = ",".join("?" * len(keys))
    found = {row[0] for row in db.execute(f"SELECT actor_id FROM actor_names WHERE key IN ({marks})", keys)}
    if " " not in wanted:
        surname = actor_key(wanted, ActorKind.PERSON)
        found |= {row[0] for row in db.execute("SELECT id FROM actors WHERE surname_key = ?", (surname,))}
    return found


def actor_names(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        names.update(db.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk).fetchall())
    return names


def article_actors(db: sqlite3.Connection, article_id: int) -> dict[str, LibraryActor]:
    """An article's actors by their id in the article's findings."""
    rows = db.execute(
        """SELECT m.local_id, actors.id, actors.name, m.role FROM article_actors m
           JOIN actors ON actors.id = m.actor_id WHERE m.article_id = ?""", (article_id,))
    return {row[0]: LibraryActor(row[1], row[2], row[3]) for row in rows}
