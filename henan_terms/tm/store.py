"""Opening a translation memory by URL: an SQLite file or in-memory database, or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from ..errors import TranslationMemoryError
from .protocol import TranslationMemory

__all__ = [
    "open_tm",
    "sqlite_file",
]


def open_tm(url: str | Path, create: bool = True) -> TranslationMemory:
    """Open a translation memory, creating it if needed (or, with ``create=False``, refusing a
    file or database that holds none, so that a mistyped name is an error, not a new memory).

    ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or a plain path: an SQLite
    file; ``:memory:`` or ``sqlite://``: SQLite in memory; ``postgresql://…``: PostgreSQL
    (needs the ``postgres`` extra, psycopg 3).
    """
    text = str(url)
    scheme, separator, rest = text.partition("://")
    if not separator:
        from .sqlite import SQLiteTM

        return SQLiteTM(text, create)
    if scheme == "sqlite":
        from .sqlite import SQLiteTM

        return SQLiteTM(rest[1:] if rest.startswith("/") else ":memory:", create)
    if scheme in ("postgresql", "postgres"):
        from .postgres import PostgresTM

        return PostgresTM(text, create)
    raise TranslationMemoryError(
        f"unsupported translation memory URL {text!r}: use a path, sqlite:/// or postgresql://"
    )


def sqlite_file(url: str | Path) -> Path | None:
    """The file of an SQLite memory URL as ``open_tm`` reads it; None for memory or PostgreSQL URLs."""
    text = str(url)
    scheme, separator, rest = text.partition("://")
    if not separator:
        return None if text == ":memory:" else Path(text)
    if scheme == "sqlite" and rest.startswith("/") and rest[1:]:
        return Path(rest[1:])
    return None
