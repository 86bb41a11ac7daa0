from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from henan_terms.cli import cli
from henan_terms.tm.store import open_tm

from .conftest import shared_path


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = [shared_path(f"corpus/henan-{name}.txt") for name in ("advanced-manufacturing", "industry-carriers")]
    db = str(tmp_path_factory.mktemp("tm") / "seeds.db")
    result = CliRunner().invoke(cli, ["tm", "build", *map(str, seeds), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 documents, 20 paragraph pairs" in result.stdout and "rejected for review" in result.stdout
    assert "unpaired:" in result.stderr  # captions and credits are reported
    return db


def test_every_seed_sentence_is_found_with_score_100_and_its_translation(memory: str) -> None:
    with open_tm(memory) as tm:
        stored = list(tm.units())
        assert len(stored) >= 40
        for unit in stored:
            assert any(m.score == 100 and m.unit.target == unit.target for m in tm.search(unit.source)), unit.source


def test_search_json_and_exit_codes(memory: str) -> None:
    with open_tm(memory) as tm:
        sentence = next(u for u in tm.units() if "链长制" in u.source)
    result = CliRunner().invoke(cli, ["tm", "search", sentence.source, "--db", memory, "--json"])
    assert result.exit_code == 0
    best = json.loads(result.stdout)[0]
    assert best["score"] == 100 and "industrial chain leader system" in best["target"]
    assert CliRunner().invoke(cli, ["tm", "search", "完全无关的句子", "--db", memory]).exit_code == 1


def test_history_shows_both_seed_renderings(memory: str) -> None:
    result = CliRunner().invoke(cli, ["tm", "history", "智能化改造", "--db", memory, "--json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    used = {r["text"]: r["count"] for r in entry["renderings"] if r["count"]}
    assert used == {"intelligent transformation": 1, "smart transformation": 1}


def test_export_tmx_validates_against_the_dtd(memory: str, tmp_path: Path) -> None:
    out = tmp_path / "seeds.tmx"
    result = CliRunner().invoke(cli, ["tm", "export", "--db", memory, "--format", "tmx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    dtd = etree.DTD(str(shared_path("schemas/TMX/tmx14.dtd")))
    assert dtd.validate(etree.parse(str(out))), dtd.error_log


def test_import_a_tmx_written_by_another_tool(tmp_path: Path) -> None:
    db = str(tmp_path / "imported.db")
    path = shared_path("realworld/tmx/heartsome_ImportTMXTest_en-US_zh-CN_bpt.tmx")
    result = CliRunner().invoke(cli, ["tm", "import", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("added ")
    with open_tm(db) as tm:
        assert len(tm) > 0


def test_bad_memory_url_exits_2() -> None:
    result = CliRunner().invoke(cli, ["tm", "search", "链长制", "--db", "mysql://nowhere"])
    assert result.exit_code == 2 and "Traceback" not in result.output
