from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from henan_terms.cli import cli
from henan_terms.model import TMUnit
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


@pytest.mark.parametrize("command", [["search", "链长制"], ["history", "链长制"], ["export", "-o", "out.tmx"]])
def test_reading_a_memory_that_does_not_exist_exits_2_and_creates_nothing(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "memroy.db"  # a mistyped name
    result = CliRunner().invoke(cli, ["tm", *command, "--db", str(missing)])
    assert result.exit_code == 2 and "memroy.db: no translation memory here" in result.output
    assert list(tmp_path.iterdir()) == []


def test_history_counts_a_term_only_on_word_boundaries(tmp_path: Path) -> None:
    from henan_terms import TMUnit, load_glossary

    glossary_file = tmp_path / "terms.csv"
    glossary_file.write_text("zh,en,status\n链长,chain leader,preferred\n链长制,chain leader system,preferred\n")
    glossary = load_glossary(glossary_file)
    with open_tm(":memory:") as tm:
        tm.add(
            [
                TMUnit("加强产业链长期规划", "plan industrial chains for the long term"),  # 产业链 | 长期
                TMUnit("以链长制为抓手", "with the chain leader system as the lever"),  # inside 链长制
                TMUnit("链长负责产业链", "the chain leader is in charge of the chain"),
            ]
        )
        [entry] = [h for h in tm.history(glossary, "链长") if h.concept.zh == "链长"]
    assert entry.units == 1
    assert [(r.text, r.count) for r in entry.renderings] == [("chain leader", 1)]


def test_po_round_trip_through_the_memory(memory: str, tmp_path: Path) -> None:
    exported = tmp_path / "seeds.po"
    assert (
        CliRunner().invoke(cli, ["tm", "export", "--db", memory, "--format", "po", "-o", str(exported)]).exit_code == 0
    )
    db = str(tmp_path / "again.db")
    result = CliRunner().invoke(cli, ["tm", "import", str(exported), "--db", db])
    assert result.exit_code == 0, result.output
    with open_tm(memory) as first, open_tm(db) as second:
        assert [(u.source, u.target, u.origin, u.confidence) for u in first.units()] == [
            (u.source, u.target, u.origin, u.confidence) for u in second.units()
        ]


def test_po_written_by_another_tool_is_imported(tmp_path: Path) -> None:
    path = shared_path("realworld/po/gnu-grep_zh_CN.po")
    db = str(tmp_path / "grep.db")
    result = CliRunner().invoke(cli, ["tm", "import", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    with open_tm(db) as tm:
        units = list(tm.units())
    assert len(units) > 50
    assert all(u.source_lang == "zh-CN" and u.target_lang == "en" for u in units)
    assert any(u.target == "Usage: %s [OPTION]... PATTERNS [FILE]...\n" for u in units)


def test_build_from_parallel_files(tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("以链长制为抓手。发展北斗应用。\n\n加快检验检测。\n", encoding="utf-8")
    en.write_text(
        "The chain leader system is the lever. We will develop BeiDou.\n\nSpeed up testing.\n", encoding="utf-8"
    )
    db = str(tmp_path / "parallel.db")
    result = CliRunner().invoke(cli, ["tm", "build", "--parallel", str(zh), str(en), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 document, 2 paragraph pairs" in result.stdout  # a count of one, in the singular
    with open_tm(db) as tm:
        assert {(u.source, u.target) for u in tm.units()} == {
            ("以链长制为抓手。", "The chain leader system is the lever."),
            ("发展北斗应用。", "We will develop BeiDou."),
            ("加快检验检测。", "Speed up testing."),
        }


def test_build_from_parallel_files_of_different_lengths_exits_2(tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("一\n二\n", encoding="utf-8")
    en.write_text("one\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "build", "--parallel", str(zh), str(en), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "1 non-empty lines" in result.output and "has 2" in result.output


def test_search_says_why_nothing_was_found_and_concordance_finds_the_phrase(tmp_path: Path) -> None:
    from henan_terms.tm import open_tm as open_memory

    db = tmp_path / "memory.db"
    with open_memory(db) as memory:
        memory.add(
            [
                TMUnit(
                    "以链长制为抓手，推动产业链现代化，提升供应链韧性和安全水平。", "Using the chain leader system ..."
                )
            ]
        )
    runner = CliRunner()
    fuzzy = runner.invoke(cli, ["tm", "search", "以链长制为抓手", "--db", str(db), "--no-fragments"])
    assert fuzzy.exit_code == 1 and "no match scores 75 or more; the best scores" in fuzzy.output
    fragment = runner.invoke(cli, ["tm", "search", "以链长制为抓手", "--db", str(db)])
    assert fragment.exit_code == 0 and "fragment  {=以链长制为抓手=}，推动" in fragment.output
    found = runner.invoke(cli, ["tm", "search", "以链长制为抓手", "--db", str(db), "--concordance"])
    assert found.exit_code == 0 and "Using the chain leader system" in found.output
    missing = runner.invoke(cli, ["tm", "search", "北斗应用", "--db", str(db), "--concordance"])
    assert missing.exit_code == 1 and "no unit holds it" in missing.output


def test_history_text_shows_an_example_and_says_why_nothing_was_found(memory: str) -> None:
    result = CliRunner().invoke(cli, ["tm", "history", "智能化改造", "--db", memory])
    assert result.exit_code == 0 and "e.g. " in result.output
    unknown = CliRunner().invoke(cli, ["tm", "history", "完全无关", "--db", memory])
    assert unknown.exit_code == 1 and "is not a glossary term" in unknown.output
    absent = CliRunner().invoke(cli, ["tm", "history", "新质生产力", "--db", memory])  # coined after the seeds
    assert absent.exit_code == 1 and "no unit of the memory holds 新质生产力" in absent.output


def test_search_marks_differences_adapts_numbers_and_finds_fragments(tmp_path: Path) -> None:
    db = str(tmp_path / "memory.db")
    with open_tm(db) as memory:
        memory.add(
            [
                TMUnit("全省规上工业增加值增长超过60%，新增8万家企业。", "Grew over 60%, with 80,000 firms."),
                TMUnit(
                    "全面推行链长制，大力发展数字经济。",
                    "We will implement the industrial chain leader system and develop the digital economy.",
                ),
            ]
        )
    runner = CliRunner()
    text = runner.invoke(cli, ["tm", "search", "全省规上工业增加值增长超过80%，新增9万家企业。", "--db", db])
    assert text.exit_code == 0, text.output
    assert "fuzzy     全省规上工业增加值增长超过[-60-]{+80+}%，新增[-8万-]{+9万+}家企业。" in text.output
    assert "adapted (100.0 without the numbers): Grew over 80%, with 90,000 firms." in text.output
    query = "大力發展數字經濟"
    result = runner.invoke(cli, ["tm", "search", query, "--db", db, "--json"])
    [record] = json.loads(result.stdout)
    assert (record["kind"], record["differences"], record["adapted"]) == ("fragment", [], None)
    assert record["fragment"] == {"query": [0, 8], "source": [8, 16], "english": "develop the digital economy"}
    fuzzy = runner.invoke(cli, ["tm", "search", "全面推行链长制，大力发展数字经济", "--db", db, "--json"])
    [record] = json.loads(fuzzy.stdout)
    assert record["kind"] == "fuzzy" and record["differences"] == [{"query": [16, 16], "source": [16, 17]}]
    assert record["fragment"] is None and record["adapted"] is None
    none = runner.invoke(cli, ["tm", "search", query, "--db", db, "--no-fragments", "--json"])
    assert none.exit_code == 1 and json.loads(none.stdout) == []
    unrelated = runner.invoke(cli, ["tm", "search", "完全无关的一句话", "--db", db])
    assert unrelated.exit_code == 1 and "no match scores 75 or more and no unit shares a fragment" in unrelated.output


@pytest.mark.parametrize("terminal", [True, False])
def test_import_and_export_show_progress_only_on_a_terminal(terminal: bool, tmp_path: Path) -> None:
    tmx = shared_path("realworld/tmx/heartsome_ImportTMXTest_en-US_zh-CN_bpt.tmx")
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")}
    if terminal:
        environment["FORCE_COLOR"] = "1"  # standard error taken for a terminal
    for command in (["import", str(tmx)], ["export", "-o", "out.tmx"]):
        done = subprocess.run(
            [sys.executable, "-m", "henan_terms", "tm", *command, "--db", "m.db"],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        word = "importing" if command[0] == "import" else "exporting"
        assert (word in done.stderr) is terminal
        assert terminal or done.stderr == ""
