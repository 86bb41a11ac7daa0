"""Opening a translation memory by URL: an SQLite file or in-memory database, or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from ..errors import TranslationMemoryError
from .protocol import DEFAULT_WAIT, TranslationMemory

__all__ = [
    "DEFAULT_WAIT",
    "open_tm",
    "sqlite_file",
]


def open_tm(url: str | Path, create: bool = True, wait: float = DEFAULT_WAIT) -> TranslationMemory:
    """Open a translation memory, creating it if needed (or, with ``create=False``, for reading only,
    refusing a file or database that holds none, so that a mistyped name is an error, not a new
    memory). An add waits up to ``wait`` seconds for another process writing to the memory.

    ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or a plain path: an SQLite
    file; ``:memory:`` or ``sqlite://``: SQLite in memory; ``postgresql://…``: PostgreSQL
    (needs the ``postgres`` extra, psycopg 3).
    """
    target = _sqlite_target(url)
    if target is not None:
        from .sqlite import SQLiteTM

        return SQLiteTM(target, create, wait)
    from .postgres import PostgresTM

    return PostgresTM(str(url), create, wait)


def sqlite_file(url: str | Path) -> Path | None:
    """The file of an SQLite memory URL as ``open_tm`` reads it; None for memory or PostgreSQL URLs."""
    target = _sqlite_target(url)
    return Path(target) if target and target != ":memory:" else None


def _sqlite_target(url: str | Path) -> str | None:
    """What SQLite opens for a memory URL (a path or ``:memory:``); None for PostgreSQL."""
    text = str(url)
    scheme, separator, rest = text.partition("://")
    if not separator:
        return text
    if scheme == "sqlite":
        return rest[1:] if rest.startswith("/") else ":memory:"
    if scheme in ("postgresql", "postgres"):
        return None
    raise TranslationMemoryError(
        f"unsupported translation memory URL {text!r}: use a path, sqlite:/// or postgresql://"
    )
