from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from henan_terms.cli import cli

from .conftest import ROOT, shared_path

GLOSSARY = str(ROOT / "tests" / "data" / "lint-glossary.csv")


def run(*args: str) -> tuple[int, str]:
    """Exit code and standard output; standard error is appended after the output when there is any."""
    result = CliRunner().invoke(cli, ["lint", "--glossary", GLOSSARY, *args])
    return result.exit_code, result.stdout + (f"\n{result.stderr}" if result.stderr and result.exit_code == 2 else "")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    source, draft = tmp_path / "source.zh.txt", tmp_path / "draft.en.txt"
    source.write_text("前瞻布局北斗应用\n\n发展北斗\n", encoding="utf-8")
    draft.write_text("Plan satellite applications.\n\nDevelop the Dipper.\n", encoding="utf-8")
    return source, draft


def test_text_output_is_path_line_column_check_message(pair: tuple[Path, Path]) -> None:
    source, draft = pair
    code, output = run("--source", str(source), str(draft))
    assert code == 1
    lines = output.splitlines()
    assert lines[0] == (
        f"{draft}:1:1: missing-rendering 北斗应用 (běi dǒu yìng yòng) has no rendering in the translation; "
        "expected 'BeiDou applications'"
    )
    assert lines[1] == f"{draft}:3:13: deprecated-rendering 'Dipper' is a deprecated rendering of 北斗; use 'BeiDou'"
    assert lines[-1].startswith("Found 2 problems (1 error, 1 info) in 2 segments; glossary lint-glossary")


def test_clean_draft_exits_0(tmp_path: Path) -> None:
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("发展北斗应用\n", encoding="utf-8")
    draft.write_text("Develop BeiDou applications.\n", encoding="utf-8")
    assert run("--source", str(source), str(draft))[0] == 0


def test_fail_on_sets_the_threshold(pair: tuple[Path, Path]) -> None:
    source, draft = pair
    args = ("--source", str(source), str(draft), "--select", "missing-rendering")
    assert run(*args)[0] == 0  # missing-rendering is an info: below the default threshold
    assert run(*args, "--fail-on", "warning")[0] == 0
    assert run(*args, "--fail-on", "info")[0] == 1


def test_line_counts_that_differ_exit_2_naming_both(tmp_path: Path) -> None:
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("一\n二\n三\n", encoding="utf-8")
    draft.write_text("one\ntwo\n", encoding="utf-8")
    code, output = run("--source", str(source), str(draft))
    assert code == 2
    assert "2 non-empty lines" in output and "has 3" in output and "Traceback" not in output


def test_bad_input_exits_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.txt"))[0] == 2
    assert run()[0] == 2
    assert run("--select", "no-such-check", "--sample")[0] == 2
    hostile = tmp_path / "hostile.xlf"
    hostile.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><xliff>&e;</xliff>', encoding="utf-8")
    code, output = run(str(hostile))
    assert code == 2 and "entities" in output


def test_json_output(pair: tuple[Path, Path]) -> None:
    source, draft = pair
    code, output = run("--source", str(source), str(draft), "--format", "json", "--select", "missing-rendering")
    [finding] = json.loads(output)
    assert code == 0 and finding["severity"] == "info"
    assert finding["check"] == "missing-rendering" and finding["line"] == 1 and finding["term"] == "北斗应用"
    assert finding["expected"] == "BeiDou applications" and finding["found"] == ""


def test_sarif_output_validates_against_the_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("发展北斗\n检验检测\n检验检测\n", encoding="utf-8")
    draft.write_text("develop Dipper\ninspection and testing\ninspection and detection 了\n", encoding="utf-8")
    code, output = run("--source", str(source), str(draft), "--format", "sarif")
    log = json.loads(output)
    schema = json.loads(shared_path("schemas/SARIF/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert code == 1
    assert {r["ruleId"] for r in results} == {"deprecated-rendering", "inconsistent-rendering", "untranslated-cjk"}
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)


def test_fix_rewrites_the_draft_and_shows_the_diff(pair: tuple[Path, Path]) -> None:
    source, draft = pair
    code, output = run("--source", str(source), str(draft), "--fix")
    assert draft.read_text(encoding="utf-8") == "Plan satellite applications.\n\nDevelop the BeiDou.\n"
    assert "-Develop the Dipper." in output and "+Develop the BeiDou." in output
    assert code == 1  # the report is of the draft as it was


def test_bilingual_document_and_unpaired_lines(tmp_path: Path) -> None:
    document = tmp_path / "article.txt"
    document.write_text("Photo: a robot\n\nWe develop the Dipper system.\n发展北斗系统\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--glossary", GLOSSARY, str(document), "--format", "json"])
    [finding] = json.loads(result.stdout)
    assert (finding["check"], finding["line"], finding["column"]) == ("deprecated-rendering", 3, 16)
    assert f"note: {document}: 1 line without a counterpart, not checked: 1" in result.stderr


def test_po_draft(tmp_path: Path) -> None:
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="发展北斗", msgstr="Develop the Dipper."))
    catalogue.append(polib.POEntry(msgid="完善检验检测", msgstr=""))
    path = tmp_path / "draft.po"
    catalogue.save(str(path))
    code, output = run(str(path), "--format", "json")
    assert code == 1
    assert [f["check"] for f in json.loads(output)] == ["deprecated-rendering"]


def test_xliff_written_by_another_tool_is_read(tmp_path: Path) -> None:
    path = shared_path("realworld/xliff/matecat_madcap-lingo_zh-cn_xliff12.xlf")
    code, output = run(str(path), "--format", "json")
    assert code in (0, 1)
    assert isinstance(json.loads(output), list)


def test_config_in_pyproject(pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, draft = pair
    (tmp_path / "pyproject.toml").write_text(
        '[tool.henan-terms]\nglossaries = ["terms.csv"]\nignore = ["missing-rendering"]\n'
        'fail-on = "error"\n[tool.henan-terms.severity]\nnumber-mismatch = "info"\n',
        encoding="utf-8",
    )
    (tmp_path / "terms.csv").write_text("zh,en,status\n北斗应用,BeiDou applications,preferred\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--source", str(source), str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output  # the config's glossary has no 北斗; the missing 北斗应用 is ignored
    assert json.loads(result.stdout) == []


def test_bad_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "henan-terms.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--sample"])
    assert result.exit_code == 2 and "henan-terms.toml" in result.output


@pytest.mark.parametrize(
    ("setting", "reported"),
    [
        ('severity = "error"', ":2: severity: must be a table"),
        ('select = "missing-rendering"', ":2: select: must be a list of strings"),
        ('glossaries = "g.toml"', ":2: glossaries: must be a list of strings"),
        ('ignore = ["x", 3]', ":2: ignore: must be a list of strings"),
        ("colour = 1", ":2: colour: unknown key"),
        ('[tool.henan-terms.severity]\nmissing-rendering = "fatal"', ":3: missing-rendering: severity 'fatal'"),
    ],
)
def test_every_bad_configuration_value_is_one_line_naming_file_and_key(
    setting: str, reported: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.henan-terms]\n{setting}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--sample"])
    assert result.exit_code == 2
    assert f"pyproject.toml{reported}" in result.output, result.output
    assert "Traceback" not in result.output


def test_all_bad_configuration_values_are_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "henan-terms.toml").write_text('select = "a"\nfail-on = "never"\nsevrity = {}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--sample"])
    assert result.exit_code == 2
    assert [line.split(": ")[2] for line in result.output.splitlines()] == ["sevrity", "select", "fail-on"]


def test_a_good_configuration_with_lists_and_a_severity_table_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "henan-terms.toml").write_text(
        'select = ["untranslated-cjk"]\n[severity]\nuntranslated-cjk = "info"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--sample", "--format", "json"])
    assert result.exit_code == 0, result.output  # one info finding, below the default fail-on level
    assert {(f["check"], f["severity"]) for f in json.loads(result.stdout)} == {("untranslated-cjk", "info")}


def test_sample_draft_shows_each_kind_of_problem() -> None:
    result = CliRunner().invoke(cli, ["lint", "--sample", "--format", "json"])
    assert result.exit_code == 1
    checks = {f["check"] for f in json.loads(result.stdout)}
    assert checks == {"deprecated-rendering", "inconsistent-rendering", "untranslated-cjk", "number-mismatch"}


def test_a_tbx_glossary_lints_like_the_glossary_it_was_exported_from(tmp_path: Path) -> None:
    tbx = tmp_path / "henan.tbx"
    assert CliRunner().invoke(cli, ["export", "--format", "tbx", "-o", str(tbx)]).exit_code == 0
    bundled = CliRunner().invoke(cli, ["lint", "--sample", "--format", "json"])
    exported = CliRunner().invoke(cli, ["lint", "--sample", "--format", "json", "--glossary", str(tbx)])
    assert exported.exit_code == bundled.exit_code == 1
    assert json.loads(exported.stdout) == json.loads(bundled.stdout)


def test_glossaries_of_two_formats_are_merged_and_a_clash_is_an_error(tmp_path: Path) -> None:
    tbx = tmp_path / "henan.tbx"
    assert CliRunner().invoke(cli, ["export", "--format", "tbx", "-o", str(tbx)]).exit_code == 0
    extra = tmp_path / "extra.csv"
    extra.write_text("zh,en,status\n中原,Central Plains,preferred\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--sample", "--glossary", str(tbx), "--glossary", str(extra)])
    assert result.exit_code == 2
    assert f"{extra}:2: duplicate concept: 中原 is already in concept 'central-plains' at {tbx}\n" in result.output
    extra.write_text("zh,en,status\n出彩,wonderful,preferred\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--sample", "--glossary", str(tbx), "--glossary", str(extra)])
    assert result.exit_code == 1, result.output


def test_every_clash_between_glossary_files_is_reported_at_once_naming_both_files(tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.toml"
    first.write_text("zh,en,status,id\n北斗,BeiDou,preferred,beidou\n头雁,lead goose,preferred,lead\n", "utf-8")
    second.write_text(
        '[sources.s]\ntitle = "S"\n\n'
        '[[concept]]\nid = "beidou"\nzh = "北斗卫星"\nsource = "s"\n'
        '[[concept.en]]\ntext = "BDS"\nstatus = "preferred"\nsource = "s"\n\n'
        '[[concept]]\nid = "geese"\nzh = "头雁"\nsource = "s"\n[[concept.en]]\ntext = "lead geese"\n'
        'status = "preferred"\nsource = "s"\n',
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(first), str(second)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {second}:4: duplicate concept id 'beidou', first at {first}:2",
        f"error: {second}:15: duplicate concept: 头雁 is already in concept 'lead' at {first}:3",
    ]


def test_validate_reads_a_tbx_glossary_like_lookup_does(tmp_path: Path) -> None:
    tbx = tmp_path / "henan.tbx"
    assert CliRunner().invoke(cli, ["export", "--format", "tbx", "-o", str(tbx)]).exit_code == 0
    result = CliRunner().invoke(cli, ["validate", str(tbx)])
    assert result.exit_code == 0 and result.output.startswith("ok: "), result.output
    broken = tmp_path / "broken.tbx"
    broken.write_text(tbx.read_text("utf-8")[:2000], "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 2 and result.output.startswith(f"error: {broken}:") and "TOML" not in result.output


# explanations and suppression


def test_explain_prints_the_checks_documentation() -> None:
    result = CliRunner().invoke(cli, ["lint", "--explain", "variant-rendering"])
    assert result.exit_code == 0
    assert result.stdout.startswith("variant-rendering (default severity: warning)")
    assert "14thFive-Year" in result.stdout
    unknown = CliRunner().invoke(cli, ["lint", "--explain", "no-such-check"])
    assert unknown.exit_code == 2 and "unknown check" in unknown.output


def test_json_and_sarif_findings_say_why_they_fired(pair: tuple[Path, Path]) -> None:
    source, draft = pair
    _, output = run("--source", str(source), str(draft), "--format", "json")
    missing, deprecated = json.loads(output)
    assert missing["why"] == {
        "source": "北斗应用",
        "source_offset": 4,
        "looked_for": ["BeiDou applications"],
        "note": "no rendering found",
    }
    assert deprecated["why"]["found"] == "Dipper" and deprecated["why"]["looked_for"] == ["BeiDou"]
    _, output = run("--source", str(source), str(draft), "--format", "sarif")
    results = json.loads(output)["runs"][0]["results"]
    assert [r["properties"]["why"]["source"] for r in results] == ["北斗应用", "北斗"]


def test_inline_comment_ignores_a_check_for_its_segment(tmp_path: Path) -> None:
    document = tmp_path / "article.md"
    document.write_text(
        "We develop the Dipper system. <!-- henan-terms: ignore deprecated-rendering -->\n发展北斗系统\n\n"
        "<!-- henan-terms: ignore -->\nThe Dipper again.\n发展北斗\n\n"
        "The Dipper, once more.\n发展北斗\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["lint", "--glossary", GLOSSARY, str(document), "--format", "json"])
    assert [(f["check"], f["line"]) for f in json.loads(result.stdout)] == [("deprecated-rendering", 8)]
    assert "not checked" not in result.stderr  # the comment line is not an unpaired paragraph


def test_po_translator_comment_ignores_a_check(tmp_path: Path) -> None:
    catalogue = polib.POFile()
    catalogue.append(
        polib.POEntry(
            msgid="发展北斗", msgstr="Develop the Dipper.", tcomment="henan-terms: ignore deprecated-rendering"
        )
    )
    catalogue.append(
        polib.POEntry(msgid="发展北斗", msgstr="Use the Dipper.", tcomment="henan-terms: ignore missing-rendering")
    )
    path = tmp_path / "draft.po"
    catalogue.save(str(path))
    _, output = run(str(path), "--format", "json")
    assert [f["found"] for f in json.loads(output)] == ["Dipper"]
    assert len(json.loads(output)) == 1
