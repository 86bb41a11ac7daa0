"""Hostile inputs for every reader: each file of tests/hostile/ (its expected error in
tests/hostile/expected.toml), plus binary files, folders and huge XML text made here. The library raises
the named HenanTermsError subclass naming the file (and line); the command line prints one line on
stderr, exits 2 and creates no output file or memory; the input is left as it was.

Adding a case: add the file under the folder of its reader and its entry in expected.toml.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from henan_terms import errors
from henan_terms.cli import cli
from henan_terms.errors import HenanTermsError
from henan_terms.exchange import import_glossary
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.formats.units import read_units
from henan_terms.lint import load_config

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((HOSTILE / "expected.toml").read_text(encoding="utf-8"))

READERS: dict[str, Callable[[Path], object]] = {
    "glossary": import_glossary,
    "units": lambda path: list(read_units(path)),
    "documents": read_bilingual,
    "config": load_config,
}


def _commands(kind: str, path: Path, out: Path) -> list[list[str]]:
    """The commands that read a file of a kind, each writing (if it got that far) into ``out``."""
    return {
        "glossary": [["import", str(path), "-o", str(out / "glossary.toml")]],
        "units": [["tm", "import", str(path), "--db", str(out / "memory.db")]],
        "documents": [["tm", "build", str(path), "--db", str(out / "memory.db")], ["lint", str(path)]],
        "config": [["lint", "--config", str(path), "--sample"]],
    }[kind]


def _files() -> list[Any]:
    cases = []
    for path in sorted(p for p in HOSTILE.rglob("*") if p.is_file() and p.name != "expected.toml"):
        name = path.relative_to(HOSTILE).as_posix()
        expected = EXPECTED.get(name, {})
        marks = [pytest.mark.xfail(strict=True, reason=expected["defect"])] if "defect" in expected else []
        cases.append(pytest.param(name, id=name, marks=marks))
    return cases


def test_every_case_has_its_expectation_and_there_are_enough() -> None:
    files = {p.relative_to(HOSTILE).as_posix() for p in HOSTILE.rglob("*") if p.is_file()} - {"expected.toml"}
    assert files == set(EXPECTED)
    assert len(files) + len(_generated()) >= 80
    assert {name.split("/")[0] for name in files} == set(READERS)


def _check_library(kind: str, path: Path) -> HenanTermsError:
    with pytest.raises(HenanTermsError) as caught:
        READERS[kind](path)
    assert str(path) in str(caught.value)
    return caught.value


def _check_cli(kind: str, path: Path, out: Path) -> None:
    before = path.read_bytes() if path.is_file() else None
    for arguments in _commands(kind, path, out):
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code == 2, (arguments, result.output)
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
        assert str(path) in result.stderr
        assert list(out.iterdir()) == [], arguments  # no output file, no memory
    assert (path.read_bytes() if path.is_file() else None) == before


@pytest.mark.parametrize("name", _files())
def test_a_hostile_file_is_refused_naming_file_and_line(name: str, tmp_path: Path) -> None:
    kind, expected, path = name.split("/")[0], EXPECTED[name], HOSTILE / name
    error = _check_library(kind, path)
    assert type(error) is getattr(errors, expected["error"])
    assert expected["message"] in str(error)
    if expected["line"]:
        assert f"{path}:{expected['line']}: " in str(error)
    _check_cli(kind, path, tmp_path)


def _generated() -> dict[str, Callable[[Path], Path]]:
    """Cases too big or too binary to keep as files: made in the test's folder."""

    def binary(suffix: str, seed: int) -> Callable[[Path], Path]:
        def make(folder: Path) -> Path:
            path = folder / f"binary{suffix}"
            path.write_bytes(b"\x89\xfe\x00\xff" + random.Random(seed).randbytes(4096))
            return path

        return make

    def folder(suffix: str) -> Callable[[Path], Path]:
        def make(base: Path) -> Path:
            path = base / f"a-folder{suffix}"
            path.mkdir()
            return path

        return make

    def huge(suffix: str, head: str, tail: str) -> Callable[[Path], Path]:
        def make(base: Path) -> Path:
            path = base / f"huge{suffix}"
            path.write_text(head + "北" * 4_000_000 + tail, encoding="utf-8")  # 12 MB in one text node
            return path

        return make

    tmx = '<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>'
    tbx = '<?xml version="1.0"?><tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
    return {
        **{
            f"glossary/binary{s}": binary(s, n) for n, s in enumerate((".toml", ".csv", ".tbx", ".json", ".po", ".tsv"))
        },
        **{f"units/binary{s}": binary(s, n) for n, s in enumerate((".tmx", ".xlf", ".po"))},
        "documents/binary.txt": binary(".txt", 9),
        "config/binary.toml": binary(".toml", 10),
        **{f"glossary/a-folder{s}": folder(s) for s in (".toml", ".csv", ".tbx")},
        **{f"units/a-folder{s}": folder(s) for s in (".tmx", ".po")},
        "documents/a-folder.txt": folder(".txt"),
        "units/huge.tmx": huge(".tmx", tmx, "</seg></tuv></tu></body></tmx>"),
        "glossary/huge.tbx": huge(".tbx", tbx + '<conceptEntry id="c"><langSec xml:lang="zh"><termSec><term>', ""),
    }


@pytest.mark.parametrize("name", sorted(_generated()))
def test_a_generated_hostile_input_is_refused_naming_the_file(name: str, tmp_path: Path) -> None:
    kind = name.split("/")[0]
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    path = _generated()[name](tmp_path / "in")
    _check_library(kind, path)
    _check_cli(kind, path, tmp_path / "out")


def test_a_good_file_of_each_kind_passes_the_same_checks(tmp_path: Path) -> None:
    # the near miss: each reader and command accepts a well-formed file of its kind
    csv = tmp_path / "g.csv"
    csv.write_text("zh,en,status\n北斗,BeiDou,preferred\n", encoding="utf-8")
    assert len(import_glossary(csv).glossary) == 1
    document = tmp_path / "d.txt"
    document.write_text("We develop the BeiDou system.\n发展北斗系统。\n", encoding="utf-8")
    assert len(read_bilingual(document).pairs) == 1
    config = tmp_path / "henan-terms.toml"
    config.write_text('select = ["deprecated-rendering"]\n', encoding="utf-8")
    assert load_config(config).select == ("deprecated-rendering",)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(cli, ["import", str(csv), "-o", str(out / "g.toml")])
    assert result.exit_code == 0 and (out / "g.toml").exists()
