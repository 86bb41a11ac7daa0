from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import bundled_files
from henan_terms.cli import cli

from .conftest import ROOT

BAD = ROOT / "tests" / "bad_glossaries"


@pytest.fixture
def run() -> CliRunner:
    return CliRunner()


def test_lookup_prints_the_concept(run: CliRunner) -> None:
    result = run.invoke(cli, ["lookup", "lianzhangzhi"])
    assert result.exit_code == 0, result.output
    assert "链长制" in result.output and "鏈長制" in result.output and "industrial chain leader system" in result.output


def test_piped_lookup_keeps_citations_and_notes_whole(run: CliRunner, tmp_path: Path) -> None:
    result = run.invoke(cli, ["lookup", "链长制"])  # the runner's output is not a terminal
    [line] = [line for line in result.output.splitlines() if "huadu.gov.cn/" in line]
    assert "<https://www.huadu.gov.cn/hdqzfywb/news/content/post_7963583.html>" in line
    assert line == line.rstrip()
    glossary = tmp_path / "brackets.csv"
    glossary.write_text(
        "id,zh,en,status,note\nfund,基金,fund [bold],preferred,see [red]note[/red] and [link]\n", encoding="utf-8"
    )
    shown = run.invoke(cli, ["lookup", "基金", "--glossary", str(glossary)]).output
    assert "fund [bold]" in shown and "see [red]note[/red] and [link]" in shown  # text, not markup


def test_lookup_json(run: CliRunner) -> None:
    result = run.invoke(cli, ["lookup", "鏈長制", "--json"])
    assert result.exit_code == 0
    [record] = json.loads(result.output)
    assert record["zh"] == "链长制"
    assert record["matched_by"] == "traditional"
    assert record["pinyin"] == "liàn zhǎng zhì"
    assert record["pinyin_written"] == "liànzhǎngzhì"
    assert {"text": "industrial chain leader system", "status": "preferred"} in [
        {"text": e["text"], "status": e["status"]} for e in record["en"]
    ]


def test_lookup_not_found_exits_1_with_suggestions(run: CliRunner) -> None:
    result = run.invoke(cli, ["lookup", "industrial chain leader sistem"])
    assert result.exit_code == 1
    assert "not found" in result.output and "链长制" in result.output


def test_lookup_in_a_bad_glossary_exits_2_without_traceback(run: CliRunner) -> None:
    result = run.invoke(cli, ["lookup", "x", "--glossary", str(BAD / "many-problems.toml")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.count("error: ") == 5


def test_validate_bundled_and_given_files(run: CliRunner) -> None:
    result = run.invoke(cli, ["validate"])
    assert result.exit_code == 0 and result.output.startswith("ok: ")
    result = run.invoke(cli, ["validate", *map(str, bundled_files())])
    assert result.exit_code == 0


def test_validate_bad_file_lists_each_problem_with_its_line(run: CliRunner) -> None:
    path = BAD / "pinyin-count.toml"
    result = run.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {path}:8: pinyin 'liàn zhǎng' has 2 syllables for the 3 characters of 链长制"
    )


def test_validate_missing_file_exits_2(run: CliRunner, tmp_path: Path) -> None:
    result = run.invoke(cli, ["validate", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "cannot read" in result.output


def test_usage_error_exits_2(run: CliRunner) -> None:
    assert run.invoke(cli, ["export", "--format", "docx"]).exit_code == 2
    assert run.invoke(cli, ["frobnicate"]).exit_code == 2


def test_export_json_lists_every_concept(run: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "glossary.json"
    result = run.invoke(cli, ["export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) >= 120
    for record in records:
        assert {"id", "zh", "traditional", "pinyin", "pinyin_written", "en", "sources"} <= record.keys()
        assert record["en"] and all(e["status"] in ("preferred", "admitted", "deprecated") for e in record["en"])
        assert record["sources"]
    by_zh = {r["zh"]: r for r in records}
    beidou = by_zh["北斗"]
    assert {e["text"]: e["status"] for e in beidou["en"]}["Dipper"] == "deprecated"
    assert by_zh["锻长板"]["pinyin"] == "duàn cháng bǎn"


def test_export_of_a_csv_glossary_to_stdout(run: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("zh,en,status\n首台套,first (set of) major technical equipment,preferred\n", encoding="utf-8")
    result = run.invoke(cli, ["export", "--format", "json", "--glossary", str(path)])
    [record] = json.loads(result.output)
    assert record["traditional"] == ["首臺套", "首台套"]
    assert record["pinyin"] == "shǒu tái tào"


@pytest.mark.parametrize("fmt", ["tbx", "tbx2008", "csv", "tsv-omegat", "csv-memoq", "po", "json", "toml"])
def test_export_every_format_reads_back(run: CliRunner, tmp_path: Path, fmt: str) -> None:
    from henan_terms.exchange import import_glossary

    suffix = {"tbx2008": ".tbx", "tsv-omegat": ".tsv", "csv-memoq": ".csv"}.get(fmt, f".{fmt}")
    out = tmp_path / f"glossary{suffix}"
    result = run.invoke(cli, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    imported = import_glossary(out, "csv-memoq" if fmt == "csv-memoq" else None)
    assert "链长制" in {t.text for c in imported.glossary for t in c.terms}


def test_import_writes_a_valid_toml_glossary_and_never_overwrites(run: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text("zh,en,status\n头雁,lead goose,preferred\n北斗,Dipper,deprecated\n北斗,BeiDou,preferred\n")
    target = tmp_path / "imported.toml"
    result = run.invoke(cli, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "imported 2 concepts, 3 renderings" in result.output
    assert run.invoke(cli, ["validate", str(target)]).exit_code == 0
    before = target.read_text(encoding="utf-8")
    assert run.invoke(cli, ["import", str(source), "-o", str(target)]).exit_code == 2
    assert target.read_text(encoding="utf-8") == before


def test_import_reports_what_was_not_kept(run: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "omegat.tsv"
    source.write_text("链长制\tindustrial chain leader system\tpreferred\nonly one column\n", encoding="utf-8")
    result = run.invoke(cli, ["import", str(source), "-o", str(tmp_path / "out.toml")])
    assert result.exit_code == 0, result.output
    assert "imported 1 concept, 1 rendering from" in result.stdout and "not imported:" in result.stderr


def test_import_of_an_unreadable_file_exits_2(run: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "empty.tbx"
    source.write_bytes(b"")
    result = run.invoke(cli, ["import", str(source), "-o", str(tmp_path / "out.toml")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "out.toml").exists()


def test_export_csv_for_excel_starts_with_a_byte_order_mark(run: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "glossary.csv"
    assert run.invoke(cli, ["export", "--format", "csv", "--bom", "-o", str(out)]).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfzh,en,status")


def test_export_without_deprecated_renderings(run: CliRunner) -> None:
    result = run.invoke(cli, ["export", "--format", "csv", "--no-deprecated"])
    assert "BeiDou" in result.output and "Dipper" not in result.output


@pytest.mark.parametrize("fmt", ["tsv-omegat", "tbx2008"])
def test_exports_for_omegat_leave_deprecated_renderings_out_unless_asked(run: CliRunner, fmt: str) -> None:
    assert "Dipper" not in run.invoke(cli, ["export", "--format", fmt]).output
    assert "Dipper" in run.invoke(cli, ["export", "--format", fmt, "--deprecated"]).output
    assert "Dipper" in run.invoke(cli, ["export", "--format", "tbx"]).output  # other formats keep them


def test_a_project_csv_is_recognised_whatever_its_column_order(tmp_path: Path) -> None:
    from henan_terms.exchange import guess_format

    ours, memoq = tmp_path / "ours.csv", tmp_path / "memoq.csv"
    ours.write_text("id,en,zh,status\nx,BeiDou,北斗,preferred\n", encoding="utf-8")
    memoq.write_text("Chinese (PRC),English\n北斗,BeiDou\n", encoding="utf-8")
    assert (guess_format(ours), guess_format(memoq)) == ("csv", "csv-memoq")


def test_main_returns_the_exit_code_for_scripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from henan_terms.cli import main

    assert main(["lookup", "链长制"]) == 0
    assert main(["lookup", "不存在的术语啊"]) == 1
    assert main(["lookup"]) == 2  # a usage error: no query
    assert main(["lookup", "  "]) == 2 and "give a QUERY" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("zh,en,status\n北斗,BeiDou,prefered\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert f"error: {bad}:2: bad status" in capsys.readouterr().err


def test_python_dash_m_exits_with_the_commands_code() -> None:
    import subprocess
    import sys

    found = subprocess.run([sys.executable, "-m", "henan_terms", "lookup", "链长制"], capture_output=True)
    missing = subprocess.run([sys.executable, "-m", "henan_terms", "lookup", "不存在的术语啊"], capture_output=True)
    assert (found.returncode, missing.returncode) == (0, 1)
