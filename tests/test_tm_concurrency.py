"""Four ``tm import`` processes writing to one memory at once: every unit stored once, no error."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from henan_terms.tm.store import open_tm

from .test_crashes import HENAN_TERMS, write_tmx
from .test_tm_store import _Postgres

WRITERS = 4
UNITS = 10_000


def import_at_once(tmp_path: Path, db: str) -> list[subprocess.CompletedProcess[str]]:
    """Start the four imports together, each of its own file, and wait for them all."""
    for writer in range(WRITERS):
        write_tmx(tmp_path / f"part{writer}.tmx", writer * UNITS, UNITS)
    processes = [
        subprocess.Popen(
            [*HENAN_TERMS, "tm", "import", f"part{writer}.tmx", "--db", db],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for writer in range(WRITERS)
    ]
    outputs = [process.communicate() for process in processes]
    return [subprocess.CompletedProcess(p.args, p.returncode, *out) for p, out in zip(processes, outputs, strict=True)]


def check(results: list[subprocess.CompletedProcess[str]], db: str) -> None:
    for result in results:
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert f"added {UNITS} units, 0 already there" in result.stdout
    with open_tm(db, create=False) as memory:
        targets = [unit.target for unit in memory.units()]
    assert len(targets) == WRITERS * UNITS
    assert set(targets) == {f"Measure {i} for industry." for i in range(WRITERS * UNITS)}


def test_four_writers_into_one_sqlite_memory(tmp_path: Path) -> None:
    db = str(tmp_path / "memory.db")
    check(import_at_once(tmp_path, db), db)


def test_four_writers_into_one_postgresql_memory(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    server = _Postgres()
    try:
        url = server.url()
        check(import_at_once(tmp_path, url), url)
    finally:
        server.close()
