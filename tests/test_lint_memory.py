"""memory-inconsistency: a translation memory speaks for terms the glossary lacks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import Glossary, TMUnit
from henan_terms.cli import cli
from henan_terms.lint import Linter, SegmentPair
from henan_terms.tm import TranslationMemory, open_tm

HUB = "international comprehensive hub"
UNITS = [
    TMUnit("郑州加快建设国际综合枢纽。", f"Zhengzhou speeds up building the {HUB}.", origin="a#p1"),
    TMUnit("国际综合枢纽功能持续提升。", f"The functions of the {HUB} keep improving.", origin="a#p2"),
    TMUnit("河南推进国际综合枢纽建设。", f"Henan advances the {HUB}.", origin="b#p1"),
]


@pytest.fixture
def memory() -> Iterator[TranslationMemory]:
    with open_tm(":memory:") as tm:
        tm.add(UNITS)
        yield tm


def _findings(
    glossary: Glossary, memory: TranslationMemory, target: str, source: str = "打造国际综合枢纽"
) -> list[str]:
    report = Linter(glossary, memory=memory).lint([SegmentPair(source, target)], select=["memory-inconsistency"])
    return [f"{f.term} → {f.expected}" for f in report.findings]


def test_a_term_the_memory_renders_one_way_fires_when_the_draft_renders_it_otherwise(
    glossary: Glossary, memory: TranslationMemory
) -> None:
    assert _findings(glossary, memory, "build a global transport hub") == [f"国际综合枢纽 → {HUB}"]


def test_the_memorys_rendering_in_any_inflection_is_quiet(glossary: Glossary, memory: TranslationMemory) -> None:
    assert _findings(glossary, memory, "build International Comprehensive Hubs") == []


def test_a_term_in_one_unit_only_is_no_evidence(glossary: Glossary) -> None:
    with open_tm(":memory:") as tm:
        tm.add(UNITS[:1])
        assert _findings(glossary, tm, "build a global transport hub") == []


def test_a_term_the_memory_renders_two_ways_is_left_alone(glossary: Glossary) -> None:
    other = [TMUnit(u.source, u.target.replace(HUB, "global gateway"), origin=f"c{i}") for i, u in enumerate(UNITS)]
    with open_tm(":memory:") as tm:
        tm.add([*UNITS[:2], *other[:2]])
        assert _findings(glossary, tm, "build a global transport hub") == []


def test_glossary_terms_are_the_glossarys_business(glossary: Glossary) -> None:
    units = [
        TMUnit("推行链长制。", "We apply the chain chief system."),
        TMUnit("链长制见效。", "The chain chief system works."),
    ]
    with open_tm(":memory:") as tm:
        tm.add(units)
        assert _findings(glossary, tm, "the leader system", source="推行链长制") == []


def test_without_a_memory_one_segment_is_no_evidence(glossary: Glossary) -> None:
    report = Linter(glossary).lint([SegmentPair("打造国际综合枢纽", "a hub")], select=["memory-inconsistency"])
    assert report.findings == ()


def _run(glossary: Glossary, last: str, files: tuple[str, str] = ("a.txt", "b.txt")) -> list[tuple[int, str]]:
    """The units as drafts of one run, without a memory, the last one (in the second file) translated
    as given."""
    pairs = [SegmentPair(u.source, u.target, files[0], i + 1) for i, u in enumerate(UNITS)]
    pairs.append(SegmentPair("打造国际综合枢纽", last, files[1], 9))
    report = Linter(glossary).lint(pairs, select=["memory-inconsistency"])
    return [(f.line, f.message.split(" that hold it")[0]) for f in report.findings]


def test_without_a_memory_the_drafts_of_the_run_are_the_evidence(glossary: Glossary) -> None:
    assert _run(glossary, "build a global transport hub") == [
        (9, f"国际综合枢纽 is rendered '{HUB}' in 3 of the 4 segments of this run")
    ]
    assert _run(glossary, f"build an {HUB}") == []
    assert _run(glossary, "build a global transport hub", files=("a.txt", "a.txt")) == []  # one draft: no check


def test_lint_takes_the_memory_from_the_command_line_or_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_tm(tmp_path / "memory.db") as tm:
        tm.add(UNITS)
    (tmp_path / "zh.txt").write_text("打造国际综合枢纽。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("We build a global transport hub.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    base = ["lint", "--source", "zh.txt", "en.txt", "--format", "json", "--select", "memory-inconsistency"]
    given = CliRunner().invoke(cli, [*base, "--tm", "memory.db"])
    assert given.exit_code == 0, given.output  # info findings do not fail
    assert [f["expected"] for f in json.loads(given.stdout)] == [HUB]
    (tmp_path / "henan-terms.toml").write_text('tm = "memory.db"\n', encoding="utf-8")
    configured = CliRunner().invoke(cli, base)
    assert json.loads(configured.stdout) == json.loads(given.stdout)


def test_a_memory_that_does_not_exist_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", "--sample", "--tm", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no translation memory" in result.output
    assert not (tmp_path / "typo.db").exists()
