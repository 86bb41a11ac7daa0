"""The SQLite translation memory: the embedded default, a file or in memory.

Tables: ``units`` (the units, their duplicate keys, and their normalised sources with their
lengths) and ``postings`` (for each character bigram, length class and block of unit ids, the
units whose normalised source holds it; see ``store.postings``). The candidate filter and its
recall proof are in ``store.py``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any
from urllib.parse import quote

from ..errors import TranslationMemoryError
from ..model import TMUnit
from .index import bigrams, counted, length_class, postings
from .normalize import normalize
from .protocol import DEFAULT_WAIT, TranslationMemory, no_memory, wait_ran_out
from .results import AddCounts
from .rows import Prepared, add_in_chunks, stored_fields, unit_from_row

__all__ = [
    "SCHEMA_VERSION",
    "SQLiteTM",
]

SCHEMA_VERSION = "3"
_PARAMETERS = 500  # values per IN (…) list
_PAGE_SIZE = 32768  # bulk adds rewrite fewer pages than with the default 4096 (benchmarks/bench_tm.py)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    key BLOB NOT NULL UNIQUE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    origin TEXT NOT NULL,
    created TEXT,
    confidence REAL NOT NULL,
    properties TEXT NOT NULL,
    tuid TEXT NOT NULL,
    length INTEGER NOT NULL,
    norm TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS units_length ON units (length);
CREATE TABLE IF NOT EXISTS postings (
    gram INTEGER NOT NULL,
    class INTEGER NOT NULL,
    block INTEGER NOT NULL,
    offsets BLOB NOT NULL,
    PRIMARY KEY (gram, class, block)
) WITHOUT ROWID;
"""
_UNIT_COLUMNS = (
    "u.id, u.source, u.target, u.source_lang, u.target_lang, u.origin, u.created, u.confidence, u.properties, u.tuid"
)
_HOLDS = "instr(u.norm, ?) > 0 ORDER BY u.id LIMIT ?"
_ROWS_PER_INSERT = 50  # one statement of many rows binds and runs far quicker than as many of one
# Blob concatenation goes through text in SQLite; in a UTF-8 database the bytes pass unchanged.
_APPEND_POSTINGS = "ON CONFLICT (gram, class, block) DO UPDATE SET offsets = CAST(offsets || excluded.offsets AS BLOB)"


class SQLiteTM(TranslationMemory):
    """A translation memory in an SQLite database (``:memory:`` for one in memory).

    One process writes at a time: another waits up to ``wait`` seconds for it. Opened without
    ``create``, the memory is read-only, so that it can be searched and exported from read-only media.
    """

    def __init__(self, path: str, create: bool = True, wait: float = DEFAULT_WAIT) -> None:
        self.path = path
        self.wait = wait
        folder = os.path.dirname(path) or "."
        if path != ":memory:" and not os.path.isdir(folder):
            raise TranslationMemoryError(f"{path}: no folder {folder} for the translation memory")
        if not create and not os.path.exists(path):  # checked first: connecting would create the file
            raise no_memory(path)
        try:
            if create or path == ":memory:":
                self._db = sqlite3.connect(path, timeout=wait, isolation_level=None)
            else:
                self._db = sqlite3.connect(_read_only_uri(path), timeout=wait, isolation_level=None, uri=True)
            self._prepare_database(create)
        except sqlite3.Error as error:
            raise self._failed("cannot open as a translation memory", error) from None

    def _failed(self, what: str, error: sqlite3.Error) -> TranslationMemoryError:
        """The error of an operation that failed, saying so plainly when another writer held the memory."""
        if getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY:
            return TranslationMemoryError(f"{self.path}: {what}: {wait_ran_out(self.wait)}")
        return TranslationMemoryError(f"{self.path}: {what}: {error}")

    def _prepare_database(self, create: bool) -> None:
        """Check what the file holds before writing anything to it, then (unless read-only) create
        what is missing."""
        tables = {name for (name,) in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and not create:
            raise no_memory(self.path)
        if tables and "meta" not in tables:
            raise TranslationMemoryError(f"{self.path}: an SQLite database, but not a translation memory")
        if tables:
            found = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = found[0] if found else "unknown"
            if version != SCHEMA_VERSION:
                raise TranslationMemoryError(
                    f"{self.path}: translation memory schema {version}, expected {SCHEMA_VERSION}"
                )
        self._db.execute("PRAGMA cache_size = -262144")
        if not create:
            return
        self._db.execute("PRAGMA synchronous = NORMAL")
        if tables:  # a memory already: opening it takes no lock another writer holds
            return
        self._db.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
        self._db.execute("PRAGMA encoding = 'UTF-8'")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM units").fetchone()
        return int(count)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # Adding -------------------------------------------------------------------------------------

    def add(self, units: Iterable[TMUnit]) -> AddCounts:
        """Store units in one transaction: all of them or, on an error, none; pairs already stored
        are counted, not stored."""
        try:
            with self._transaction():
                return add_in_chunks(units, self._store_new)
        except sqlite3.OperationalError as error:  # held by another writer past the wait, disk full, …
            raise self._failed("nothing added to the translation memory", error) from None

    def _store_new(self, distinct: dict[bytes, Prepared]) -> int:
        """Insert the units whose key is not stored yet (the key's unique index skips the others),
        then index those that were inserted."""
        items = list(distinct.values())
        (first,) = self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM units").fetchone()
        rows = [(unit_id, *stored_fields(item), len(item.norm), item.norm) for unit_id, item in enumerate(items, first)]
        self._db.executemany(f"INSERT INTO units VALUES ({','.join('?' * 13)}) ON CONFLICT DO NOTHING", rows)
        inserted = self._db.execute("SELECT id FROM units WHERE id >= ? ORDER BY id", (first,))
        ids = [unit_id for (unit_id,) in inserted]
        norms = [items[unit_id - first].norm for unit_id in ids]
        self._append_postings(postings(ids, norms))
        return len(ids)

    def _append_postings(self, flat: list[Any]) -> None:
        """Insert postings rows (``store.postings``' flat list), or append their offsets to the rows
        already there."""
        whole = len(flat) - len(flat) % (4 * _ROWS_PER_INSERT)
        batched = "INSERT INTO postings VALUES " + ",".join(["(?, ?, ?, ?)"] * _ROWS_PER_INSERT) + _APPEND_POSTINGS
        step = 4 * _ROWS_PER_INSERT
        self._db.executemany(batched, [flat[i : i + step] for i in range(0, whole, step)])
        single = "INSERT INTO postings VALUES (?, ?, ?, ?)" + _APPEND_POSTINGS
        self._db.executemany(single, [flat[i : i + 4] for i in range(whole, len(flat), 4)])

    # Finding ------------------------------------------------------------------------------------

    def count_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, int]:
        """How many units of some length classes hold each bigram (bigrams none holds are left out)."""
        return dict(self._select_postings("gram, sum(length(offsets)) / 2", grams, classes, "GROUP BY gram"))

    def read_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, list[tuple[int, bytes]]]:
        """The (block, offsets) postings rows of each bigram, for sources of some length classes."""
        rows: dict[int, list[tuple[int, bytes]]] = {gram: [] for gram in grams}
        for gram, block, offsets in self._select_postings("gram, block, offsets", rows, classes):
            rows[gram].append((block, offsets))
        return rows

    def _select_postings(
        self, columns: str, grams: Iterable[int], classes: tuple[int, int], grouping: str = ""
    ) -> Iterator[Any]:
        """Rows of ``columns`` from the postings of these bigrams and length classes, a bounded IN list at a time."""
        ordered = list(grams)
        for start in range(0, len(ordered), _PARAMETERS):
            part = ordered[start : start + _PARAMETERS]
            marks = ",".join("?" * len(part))
            sql = f"SELECT {columns} FROM postings WHERE gram IN ({marks}) AND class BETWEEN ? AND ? {grouping}"
            yield from self._db.execute(sql, (*part, *classes))

    def read_sources(self, ids: Sequence[int] | None, window: tuple[int, int]) -> list[tuple[int, str]]:
        """(id, normalised source) of the units of these ids (all units when None) whose source length
        is in the window."""
        if ids is None:
            return list(self._db.execute("SELECT id, norm FROM units WHERE length BETWEEN ? AND ?", window))
        sql = (
            "SELECT u.id, u.norm FROM json_each(?) AS j CROSS JOIN units AS u ON u.id = j.value"
            " WHERE u.length BETWEEN ? AND ?"
        )
        return list(self._db.execute(sql, (json.dumps(ids), *window)))

    def concordance(self, term: str, limit: int | None = None) -> list[TMUnit]:
        """Units whose normalised source contains the normalised term, in the order stored."""
        needle = normalize(term)
        if not needle:
            return []
        bound = -1 if limit is None else limit
        grams = bigrams(needle)
        if not grams:  # one character: no bigram to look up
            sql = f"SELECT {_UNIT_COLUMNS} FROM units AS u WHERE {_HOLDS}"
            return [unit_from_row(row) for row in self._db.execute(sql, (needle, bound))]
        rows = self.read_postings(grams, (0, length_class(2**62)))
        ids = json.dumps(counted(chain.from_iterable(rows.values()), len(grams)))
        sql = f"SELECT {_UNIT_COLUMNS} FROM json_each(?) AS j CROSS JOIN units AS u ON u.id = j.value WHERE {_HOLDS}"
        return [unit_from_row(row) for row in self._db.execute(sql, (ids, needle, bound))]

    def units(self) -> Iterator[TMUnit]:
        """Every unit, in the order stored."""
        for row in self._db.execute(f"SELECT {_UNIT_COLUMNS} FROM units AS u ORDER BY u.id"):
            yield unit_from_row(row)

    def read_units(self, ids: Sequence[int]) -> dict[int, TMUnit]:
        sql = f"SELECT {_UNIT_COLUMNS} FROM json_each(?) AS j CROSS JOIN units AS u ON u.id = j.value"
        return {row[0]: unit_from_row(row) for row in self._db.execute(sql, (json.dumps(list(ids)),))}


def _read_only_uri(path: str) -> str:
    """The URI opening an SQLite file read-only. A memory in a folder this process cannot write, with
    no write-ahead log beside it, is opened as immutable: SQLite could not make the files it reads a
    write-ahead-log database with, and no other process can be changing it."""
    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(folder, os.W_OK) and not os.path.exists(path + "-wal"):
        uri += "&immutable=1"
    return uri
