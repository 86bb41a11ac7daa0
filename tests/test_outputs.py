"""Output files: checked before any work, never overwritten unasked, never left partial; a refused
memory import leaves no memory behind; --no-deprecated holds in every export format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms.cli import cli
from henan_terms.exchange import EXPORT_FORMATS
from henan_terms.output import replacing, replacing_folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_export_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "henan.csv"
    target.write_text("mine\n", encoding="utf-8")
    code, output = run("export", "--format", "csv", "-o", str(target))
    assert code == 2 and "exists; give --force" in output and target.read_text(encoding="utf-8") == "mine\n"
    code, _ = run("export", "--format", "csv", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("zh,en,status")
    assert [p.name for p in tmp_path.iterdir()] == ["henan.csv"]  # no temporary file left


@pytest.mark.parametrize(
    "command",
    [
        ("export", "--format", "tbx", "-o", "{missing}/x.tbx"),
        ("lint", "--sample", "-o", "{missing}/report.json"),
        ("import", "{glossary}", "-o", "{missing}/x.toml"),
    ],
)
def test_an_output_in_a_missing_folder_is_refused_before_any_work(command: tuple[str, ...], tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh,en,status\n北斗,BeiDou,preferred\n", encoding="utf-8")
    args = [a.format(missing=tmp_path / "nodir", glossary=glossary) for a in command]
    code, output = run(*args)
    assert code == 2 and "no folder" in output  # 2, not lint's 1 for findings
    assert not (tmp_path / "nodir").exists()


def test_lint_report_goes_to_a_new_file_or_replaces_one_when_forced(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, _ = run("lint", "--sample", "--format", "json", "-o", str(report))
    assert code == 1 and json.loads(report.read_text(encoding="utf-8"))
    code, output = run("lint", "--sample", "--format", "json", "-o", str(report))
    assert code == 2 and "exists" in output
    code, _ = run("lint", "--sample", "--format", "json", "-o", str(report), "--force")
    assert code == 1


def test_a_refused_memory_import_creates_no_memory(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    code, output = run("tm", "import", str(tmp_path / "nope.tmx"), "--db", str(db))
    assert code == 2 and "nope.tmx: no such file" in output and not db.exists()
    broken = tmp_path / "broken.tmx"
    broken.write_text('<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>链长制', encoding="utf-8")
    code, output = run("tm", "import", str(broken), "--db", str(db))
    assert code == 2 and "broken.tmx" in output and list(tmp_path.iterdir()) == [broken]


def test_tm_export_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    good = tmp_path / "good.tmx"
    good.write_text(
        '<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>链长制</seg></tuv>'
        '<tuv xml:lang="en"><seg>chain leader system</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    db = tmp_path / "memory.db"
    assert run("tm", "import", str(good), "--db", str(db))[0] == 0
    target = tmp_path / "out.tmx"
    target.write_text("mine", encoding="utf-8")
    code, output = run("tm", "export", "--db", str(db), "-o", str(target))
    assert code == 2 and "exists" in output and target.read_text(encoding="utf-8") == "mine"
    assert run("tm", "export", "--db", str(db), "-o", str(target), "--force")[0] == 0
    assert "chain leader system" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_no_deprecated_leaves_deprecated_renderings_out_of_every_format(fmt: str) -> None:
    code, with_all = run("export", "--format", fmt, "--deprecated")
    assert code == 0 and "Dipper" in with_all
    code, without = run("export", "--format", fmt, "--no-deprecated")
    assert code == 0 and "Dipper" not in without and "BeiDou" in without


def test_import_refuses_a_project_csv_without_status_as_validate_does(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text("zh,en\n北斗,BeiDou\n", encoding="utf-8")
    for command in (["import", str(source), "-o", str(tmp_path / "terms.toml")], ["validate", str(source)]):
        code, output = run(*command)
        assert code == 2 and "missing columns ['status']" in output
    assert not (tmp_path / "terms.toml").exists()


def test_a_write_removes_the_temporaries_of_killed_writers_and_no_others(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(finished.stdout)
    out = tmp_path / "out.tbx"
    (tmp_path / f".out.tbx.{dead}.abc.tmp").write_text("partial")
    (tmp_path / f".out.tbx.{os.getpid()}.def.tmp").write_text("another writer at work")  # still running
    (tmp_path / ".other.tbx.1.x.tmp").write_text("another output's")
    (tmp_path / f".site.{dead}.ghi.tmp").mkdir()
    (tmp_path / f".site.{dead}.ghi.tmp" / "index.html").write_text("partial")
    with replacing(out) as temporary:
        temporary.write_text("new")
    with replacing_folder(tmp_path / "site") as folder:
        (folder / "index.html").write_text("new")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [
        ".other.tbx.1.x.tmp",
        f".out.tbx.{os.getpid()}.def.tmp",
    ]
    assert out.read_text() == "new" and (tmp_path / "site" / "index.html").read_text() == "new"
