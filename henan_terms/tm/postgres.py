"""The PostgreSQL translation memory, for a team sharing one memory (psycopg 3, the ``postgres`` extra).

The same tables, index and contract as the SQLite memory (``sqlite.py``), prefixed ``tm_`` so that
they can live beside other tables in the schema the connection's ``search_path`` names. Several
writers may add at the same time: an add is one transaction that holds the postings rows it
appends to until it commits, so two adds of several chunks could each wait for rows the other
holds; each add therefore first locks the postings table in SHARE ROW EXCLUSIVE mode, which other
adds wait for and readers do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..errors import TranslationMemoryError
from ..model import TMUnit
from .index import bigrams, counted, length_class, postings
from .normalize import normalize
from .protocol import DEFAULT_WAIT, TranslationMemory, no_memory, wait_ran_out
from .results import AddCounts
from .rows import Prepared, add_in_chunks, stored_fields, unit_from_row

__all__ = [
    "SCHEMA_VERSION",
    "PostgresTM",
]

if TYPE_CHECKING:
    import psycopg

SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tm_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS tm_units (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key bytea NOT NULL UNIQUE,
    source text NOT NULL,
    target text NOT NULL,
    source_lang text NOT NULL,
    target_lang text NOT NULL,
    origin text NOT NULL,
    created text,
    confidence double precision NOT NULL,
    properties jsonb NOT NULL,
    tuid text NOT NULL
);
CREATE TABLE IF NOT EXISTS tm_sources (id bigint PRIMARY KEY, length integer NOT NULL, norm text NOT NULL);
CREATE INDEX IF NOT EXISTS tm_sources_length ON tm_sources (length);
CREATE TABLE IF NOT EXISTS tm_postings (
    gram bigint NOT NULL,
    class integer NOT NULL,
    block bigint NOT NULL,
    offsets bytea NOT NULL,
    PRIMARY KEY (gram, class, block)
);
"""
_UNIT_COLUMNS = (
    "u.id, u.source, u.target, u.source_lang, u.target_lang, u.origin, u.created, u.confidence,"
    " u.properties::text, u.tuid"
)
_INCOMING = """
CREATE TEMPORARY TABLE IF NOT EXISTS tm_incoming (
    position integer, key bytea, source text, target text, source_lang text, target_lang text,
    origin text, created text, confidence double precision, properties jsonb, tuid text
) ON COMMIT DELETE ROWS;
CREATE TEMPORARY TABLE IF NOT EXISTS tm_incoming_postings (
    gram bigint, class integer, block bigint, offsets bytea
) ON COMMIT DELETE ROWS;
"""
_INCOMING_COLUMNS = "key, source, target, source_lang, target_lang, origin, created, confidence, properties, tuid"
_HOLDS = "strpos(s.norm, %s) > 0 ORDER BY u.id LIMIT %s"


def _redacted(url: str) -> str:
    """The URL without its password."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresTM(TranslationMemory):
    """A translation memory in a PostgreSQL database."""

    def __init__(self, url: str, create: bool = True, wait: float = DEFAULT_WAIT) -> None:
        try:
            import psycopg
        except ImportError:
            raise TranslationMemoryError("PostgreSQL needs psycopg 3: pip install 'henan-terms[postgres]'") from None
        self.url = _redacted(url)
        self.wait = wait
        try:
            self._db: psycopg.Connection[tuple[Any, ...]] = psycopg.connect(url, autocommit=True)
            self._db.execute(f"SET lock_timeout = {max(1, round(wait * 1000))}")  # an add waits this long for another
            found = self._db.execute("SELECT to_regclass('tm_meta')").fetchone()
            if not create and (found is None or found[0] is None):
                raise no_memory(self.url)
            if create:
                with self._db.transaction():  # memories made at once: one creates the tables, the others wait
                    self._db.execute("SELECT pg_advisory_xact_lock(hashtext('henan_terms translation memory'))")
                    self._db.execute(_SCHEMA)
                    self._db.execute(
                        "INSERT INTO tm_meta VALUES ('schema', %s) ON CONFLICT DO NOTHING", (SCHEMA_VERSION,)
                    )
                self._db.execute(_INCOMING)
            else:  # reading only: a role that may only read, or a standby server, can search and export
                self._db.execute("SET default_transaction_read_only = on")
            row = self._db.execute("SELECT value FROM tm_meta WHERE key = 'schema'").fetchone()
        except psycopg.Error as error:
            raise TranslationMemoryError(f"{self.url}: cannot open as a translation memory: {error}") from None
        if row is None or row[0] != SCHEMA_VERSION:
            version = row[0] if row else "unknown"
            raise TranslationMemoryError(f"{self.url}: translation memory schema {version}, expected {SCHEMA_VERSION}")

    def __len__(self) -> int:
        row = self._db.execute("SELECT count(*) FROM tm_units").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    # Adding -------------------------------------------------------------------------------------

    def add(self, units: Iterable[TMUnit]) -> AddCounts:
        """Store units in one transaction: all of them or, on an error, none; pairs already stored
        are counted, not stored."""
        import psycopg

        try:
            with self._db.transaction():
                self._db.execute("LOCK TABLE tm_postings IN SHARE ROW EXCLUSIVE MODE")  # one add at a time
                return add_in_chunks(units, self._store_new)
        except (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction) as error:  # connection lost, …
            reason = str(error).strip()
            if isinstance(error, psycopg.errors.LockNotAvailable):
                reason = wait_ran_out(self.wait)
            raise TranslationMemoryError(f"{self.url}: nothing added to the translation memory: {reason}") from None

    def _store_new(self, distinct: dict[bytes, Prepared]) -> int:
        self._db.execute("TRUNCATE tm_incoming, tm_incoming_postings")  # rows of the transaction's last chunk
        ids = self._insert_units(list(distinct.values()))
        new = sorted((unit_id, distinct[key]) for key, unit_id in ids.items())
        self._insert_index([unit_id for unit_id, _ in new], [item for _, item in new])
        return len(new)

    def _insert_units(self, items: Sequence[Prepared]) -> dict[bytes, int]:
        """Insert the units not stored yet, in order; the ids of those inserted, by key."""
        with self._db.cursor() as cursor:
            with cursor.copy(f"COPY tm_incoming (position, {_INCOMING_COLUMNS}) FROM STDIN") as copy:
                for position, item in enumerate(items):
                    copy.write_row((position, *stored_fields(item)))
            cursor.execute(
                f"INSERT INTO tm_units ({_INCOMING_COLUMNS}) SELECT {_INCOMING_COLUMNS} FROM tm_incoming"
                " ORDER BY position ON CONFLICT (key) DO NOTHING RETURNING key, id"
            )
            return {bytes(key): int(unit_id) for key, unit_id in cursor.fetchall()}

    def _insert_index(self, ids: Sequence[int], items: Sequence[Prepared]) -> None:
        with self._db.cursor() as cursor:
            with cursor.copy("COPY tm_sources (id, length, norm) FROM STDIN") as copy:
                for unit_id, item in zip(ids, items, strict=True):
                    copy.write_row((unit_id, len(item.norm), item.norm))
            with cursor.copy("COPY tm_incoming_postings FROM STDIN") as copy:
                flat = iter(postings(ids, [item.norm for item in items]))
                for row in zip(flat, flat, flat, flat, strict=True):
                    copy.write_row(row)
            cursor.execute(
                "INSERT INTO tm_postings SELECT * FROM tm_incoming_postings ORDER BY gram, class, block"
                " ON CONFLICT (gram, class, block) DO UPDATE SET offsets = tm_postings.offsets || excluded.offsets"
            )

    # Finding ------------------------------------------------------------------------------------

    def read_sources(self, ids: Sequence[int] | None, window: tuple[int, int]) -> list[tuple[int, str]]:
        """(id, normalised source) of the units of these ids (all units when None) whose source length
        is in the window."""
        if ids is None:
            sql = "SELECT id, norm FROM tm_sources WHERE length BETWEEN %s AND %s"
            return self._db.execute(sql, window).fetchall()
        # The length is checked here: in SQL, the planner would also scan the length index's window.
        shortest, longest = window
        rows = self._db.execute("SELECT id, norm FROM tm_sources WHERE id = ANY(%s)", (list(ids),))
        return [(unit_id, norm) for unit_id, norm in rows if shortest <= len(norm) <= longest]

    def count_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, int]:
        """How many units of some length classes hold each bigram (bigrams none holds are left out)."""
        sql = (
            "SELECT gram, sum(octet_length(offsets)) / 2 FROM tm_postings"
            " WHERE gram = ANY(%s) AND class BETWEEN %s AND %s GROUP BY gram"
        )
        return {gram: int(count) for gram, count in self._db.execute(sql, (list(grams), *classes))}

    def read_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, list[tuple[int, bytes]]]:
        """The (block, offsets) postings rows of each bigram, for sources of some length classes."""
        rows: dict[int, list[tuple[int, bytes]]] = {gram: [] for gram in grams}
        sql = "SELECT gram, block, offsets FROM tm_postings WHERE gram = ANY(%s) AND class BETWEEN %s AND %s"
        for gram, block, offsets in self._db.execute(sql, (list(rows), *classes)):
            rows[gram].append((block, bytes(offsets)))
        return rows

    def concordance(self, term: str, limit: int | None = None) -> list[TMUnit]:
        """Units whose normalised source contains the normalised term, in the order stored."""
        needle = normalize(term)
        if not needle:
            return []
        grams = bigrams(needle)
        if not grams:  # one character: no bigram to look up
            sql = f"SELECT {_UNIT_COLUMNS} FROM tm_sources AS s JOIN tm_units AS u ON u.id = s.id WHERE {_HOLDS}"
            return [unit_from_row(row) for row in self._db.execute(sql, (needle, limit))]
        rows = self.read_postings(grams, (0, length_class(2**62)))
        ids = counted(chain.from_iterable(rows.values()), len(grams))
        sql = (
            f"SELECT {_UNIT_COLUMNS} FROM tm_sources AS s JOIN tm_units AS u ON u.id = s.id"
            f" WHERE s.id = ANY(%s) AND {_HOLDS}"
        )
        return [unit_from_row(row) for row in self._db.execute(sql, (ids, needle, limit))]

    def units(self) -> Iterator[TMUnit]:
        """Every unit, in the order stored (read in batches through a server-side cursor)."""
        with self._db.transaction(), self._db.cursor(name="tm_units_all") as cursor:
            cursor.execute(f"SELECT {_UNIT_COLUMNS} FROM tm_units AS u ORDER BY u.id")
            for row in cursor:
                yield unit_from_row(row)

    def read_units(self, ids: Sequence[int]) -> dict[int, TMUnit]:
        sql = f"SELECT {_UNIT_COLUMNS} FROM tm_units AS u WHERE u.id = ANY(%s)"
        return {row[0]: unit_from_row(row) for row in self._db.execute(sql, (list(ids),))}
