"""Opening an SQLite memory: waiting for another writer, reading from read-only media, a missing folder."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import HenanTermsError
from henan_terms.cli import cli
from henan_terms.model import TMUnit
from henan_terms.tm.store import open_tm

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="zh-CN"><seg>新的句子</seg></tuv><tuv xml:lang="en"><seg>A new sentence.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A memory holding one unit."""
    path = tmp_path / "memory.sqlite"
    with open_tm(path) as memory:
        memory.add([TMUnit("已有的句子", "Kept.")])
    return path


@pytest.fixture
def held(stored: Path) -> Iterator[sqlite3.Connection]:
    """Another process's connection in the middle of writing to the memory."""
    other = sqlite3.connect(stored, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.close()


# Waiting for another writer ------------------------------------------------------------------------


def test_an_add_waits_for_the_writer_that_holds_the_memory(stored: Path, held: sqlite3.Connection) -> None:
    threading.Timer(0.5, held.execute, ["COMMIT"]).start()  # the other writer finishes in half a second
    with open_tm(stored, wait=60) as memory:
        assert memory.add([TMUnit("新的句子", "New.")]).added == 1
        assert [unit.target for unit in memory.units()] == ["Kept.", "New."]


def test_when_the_wait_runs_out_the_error_says_so_and_nothing_is_added(stored: Path, held: sqlite3.Connection) -> None:
    with open_tm(stored, wait=0.2) as memory:
        with pytest.raises(
            HenanTermsError, match=r"memory\.sqlite: nothing added .*writing to it for more than 0\.2 s"
        ):
            memory.add([TMUnit("新的句子", "New.")])
        held.execute("ROLLBACK")
        assert [unit.target for unit in memory.units()] == ["Kept."]


def test_tm_import_waits_as_long_as_told(stored: Path, held: sqlite3.Connection, tmp_path: Path) -> None:
    tmx = tmp_path / "new.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    refused = CliRunner().invoke(cli, ["tm", "import", str(tmx), "--db", str(stored), "--wait", "0.2"])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert "more than 0.2 s (--wait SECONDS waits longer)" in refused.stderr
    assert "database is locked" not in refused.stderr
    threading.Timer(0.5, held.execute, ["COMMIT"]).start()
    waited = CliRunner().invoke(cli, ["tm", "import", str(tmx), "--db", str(stored)])  # the default wait
    assert waited.exit_code == 0 and "added 1 unit," in waited.stdout, waited.output


def test_the_wait_is_documented_with_its_default() -> None:
    for command in ("import", "build"):
        result = CliRunner().invoke(cli, ["tm", command, "--help"])
        assert "--wait SECONDS" in result.stdout and "default: 300" in result.stdout


# Read-only media -------------------------------------------------------------------------------------


@pytest.fixture
def read_only(stored: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The memory as on read-only media: the file and its folder without write permission (the
    superuser, whom modes do not stop, is told what another user would be)."""
    folder = stored.parent
    stored.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(
            os, "access", lambda path, mode: real(path, mode) and not (mode & os.W_OK and Path(path) == folder)
        )
    yield stored
    folder.chmod(0o755)


def test_a_memory_on_read_only_media_is_searched_and_exported(
    read_only: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    before = sorted(read_only.parent.iterdir()), read_only.read_bytes()
    found = CliRunner().invoke(cli, ["tm", "search", "已有的句子", "--db", str(read_only), "--no-fragments"])
    assert found.exit_code == 0 and "Kept." in found.stdout, found.output
    out = tmp_path_factory.mktemp("out") / "memory.tmx"
    exported = CliRunner().invoke(cli, ["tm", "export", "--db", str(read_only), "-o", str(out)])
    assert exported.exit_code == 0 and "wrote 1 unit to" in exported.stdout, exported.output
    assert (sorted(read_only.parent.iterdir()), read_only.read_bytes()) == before  # no log or lock file made


def test_a_reading_command_never_writes_to_the_memory(stored: Path) -> None:
    with open_tm(stored, create=False) as memory:
        assert len(memory) == 1
        with pytest.raises(HenanTermsError, match=r"nothing added .*readonly"):
            memory.add([TMUnit("新的句子", "New.")])
    with open_tm(stored) as memory:  # opened for writing, the same memory takes the unit
        assert memory.add([TMUnit("新的句子", "New.")]).added == 1


@pytest.mark.parametrize("command", [["import", "units.tmx"], ["search", "链长制"], ["export", "-o", "out.tmx"]])
def test_a_missing_folder_is_named(command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("units.tmx").write_text(TMX, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", *command, "--db", "nodir/memory.db"])
    assert result.exit_code == 2 and result.stderr.strip().count("\n") == 0
    assert "nodir/memory.db: no folder nodir for the translation memory" in result.stderr
    assert "unable to open" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["units.tmx"]


def test_a_memory_in_an_existing_folder_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("units.tmx").write_text(TMX, encoding="utf-8")
    Path("dir").mkdir()
    result = CliRunner().invoke(cli, ["tm", "import", "units.tmx", "--db", "dir/memory.db"])
    assert result.exit_code == 0 and Path("dir/memory.db").is_file(), result.output
