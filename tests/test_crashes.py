"""Killed at a random moment (SIGKILL: no handler runs), a command leaves a memory whole and an output
file old or complete; run again, it finishes the work once.

Each test runs the command once to the end to learn how long it takes, then kills further runs at
moments drawn across that span (a fixed seed, so a failure can be replayed)."""

from __future__ import annotations

import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from henan_terms.errors import TranslationMemoryError
from henan_terms.tm.store import open_tm

HENAN_TERMS = [sys.executable, "-m", "henan_terms"]


def write_tmx(path: Path, first: int, count: int) -> None:
    """A TMX file of ``count`` distinct units numbered from ``first``."""
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>推进产业发展第{i}条措施</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Measure {i} for industry.</seg></tuv></tu>\n'
        for i in range(first, first + count)
    )
    header = '<header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"'
    header += ' creationtool="test" creationtoolversion="1" o-tmf="test"/>'
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">{header}<body>\n{units}</body></tmx>\n'
    path.write_text(text, encoding="utf-8")


def run(arguments: list[str | Path], cwd: Path) -> tuple[float, str]:
    """Run the command to its end: how long it took and what it printed."""
    start = time.monotonic()
    done = subprocess.run([*HENAN_TERMS, *map(str, arguments)], cwd=cwd, capture_output=True, text=True, check=True)
    return time.monotonic() - start, done.stdout


def killed(arguments: list[str | Path], cwd: Path, after: float) -> str:
    """Start the command and kill it after some seconds (or let it end first); what it had printed."""
    process = subprocess.Popen([*HENAN_TERMS, *map(str, arguments)], cwd=cwd, stdout=subprocess.PIPE, text=True)
    try:
        process.wait(after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    stdout, _ = process.communicate()
    return stdout


def stored(path: Path) -> list[str]:
    """The targets of the memory, read after SQLite's integrity check passed."""
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with open_tm(path, create=False) as memory:
        return [unit.target for unit in memory.units()]


def test_a_killed_tm_import_keeps_all_or_nothing_and_a_rerun_completes_it_once(tmp_path: Path) -> None:
    write_tmx(tmp_path / "old.tmx", 0, 500)
    write_tmx(tmp_path / "new.tmx", 500, 3000)
    base = tmp_path / "base.db"
    run(["tm", "import", "old.tmx", "--db", base], tmp_path)
    old = stored(base)
    shutil.copy(base, tmp_path / "whole.db")
    duration, _ = run(["tm", "import", "new.tmx", "--db", "whole.db"], tmp_path)
    whole = stored(tmp_path / "whole.db")
    assert len(whole) == 3500 and len(set(whole)) == 3500
    moments = random.Random(15).sample(range(1000), 8)
    outcomes = set()
    for number, moment in enumerate(moments):
        memory = tmp_path / f"memory{number}.db"
        shutil.copy(base, memory)
        printed = killed(["tm", "import", "new.tmx", "--db", memory], tmp_path, duration * moment / 1000)
        after = stored(memory)
        assert after in (old, whole), f"killed after {moment / 10:.1f}% of the run: {len(after)} units"
        if "added 3000 units" in printed:  # reported committed: every unit is there
            assert after == whole
        outcomes.add(len(after))
        run(["tm", "import", "new.tmx", "--db", memory], tmp_path)
        assert stored(memory) == whole  # the rerun adds what is missing, nothing twice
    assert 500 in outcomes  # at least one kill came before the commit


def test_a_killed_import_into_a_new_memory_leaves_one_a_rerun_can_use(tmp_path: Path) -> None:
    write_tmx(tmp_path / "new.tmx", 0, 3000)
    duration, _ = run(["tm", "import", "new.tmx", "--db", "whole.db"], tmp_path)
    for number, moment in enumerate(random.Random(16).sample(range(1000), 3)):
        memory = tmp_path / f"memory{number}.db"
        killed(["tm", "import", "new.tmx", "--db", memory], tmp_path, duration * moment / 1000)
        if memory.exists():
            try:
                count = len(stored(memory))
            except TranslationMemoryError:  # killed before the new memory's tables were written: an empty file
                count = 0
            assert count in (0, 3000)
        run(["tm", "import", "new.tmx", "--db", memory], tmp_path)
        assert stored(memory) == stored(tmp_path / "whole.db")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export", "--format", "tbx", "-o", "out.tbx", "--force"], "out.tbx"),
        (["import", "glossary.csv", "-o", "out.toml", "--force"], "out.toml"),
        (["tm", "export", "--db", "memory.db", "-o", "out.tmx", "--force"], "out.tmx"),
    ],
)
def test_a_killed_writer_leaves_the_old_file_or_the_complete_new_one(
    command: list[str | Path], name: str, tmp_path: Path
) -> None:
    if "glossary.csv" in command:
        run(["export", "--format", "csv", "-o", "glossary.csv"], tmp_path)
    if "memory.db" in command:
        write_tmx(tmp_path / "units.tmx", 0, 4000)
        run(["tm", "import", "units.tmx", "--db", "memory.db"], tmp_path)
    output = tmp_path / name
    duration, _ = run(command, tmp_path)
    complete = undated(output.read_bytes())
    old = b"the file as it was before\n"
    for moment in random.Random(name).sample(range(1000), 4):
        output.write_bytes(old)
        killed(command, tmp_path, duration * moment / 1000)
        after = output.read_bytes()
        assert after == old or undated(after) == complete, f"killed after {moment / 10:.1f}% of the run"
    run(command, tmp_path)  # the next write removes what the killed ones left
    assert sorted(p.name for p in tmp_path.glob(f".{name}.*")) == []


def undated(content: bytes) -> bytes:
    """A file's content without the moment it was written (a TMX header's creationdate)."""
    return re.sub(rb'creationdate="[^"]*"', b"", content)
