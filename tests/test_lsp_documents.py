"""What the language server builds on, in process: drafts read from an editor's text, findings placed on
the text they name, and the naming rule that pairs a draft with its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from henan_terms.errors import ConfigError, FormatError
from henan_terms.formats.units import read_units
from henan_terms.lint import LintConfig, load_config, read_draft
from henan_terms.lsp.documents import Projects, Span, place
from henan_terms.model import Finding, Severity


def _finding(line: int, column: int, found: str, check: str = "deprecated-rendering") -> Finding:
    return Finding(check, Severity.ERROR, "m", "a.po", line, column, found=found, expected="BeiDou")


def test_the_editor_text_is_read_instead_of_the_file(tmp_path: Path) -> None:
    draft = tmp_path / "a.po"
    draft.write_text('msgid "北斗应用"\nmsgstr "BeiDou applications"\n', encoding="utf-8")
    held = 'msgid "北斗应用"\nmsgstr "Dipper applications"\n'
    assert [p.target for p in read_draft(draft, text=held).pairs] == ["Dipper applications"]
    assert [p.target for p in read_draft(draft).pairs] == ["BeiDou applications"]


def test_a_paired_draft_reads_the_source_the_editor_holds(tmp_path: Path) -> None:
    source, draft = tmp_path / "a.zh.md", tmp_path / "a.en.md"
    source.write_text("前瞻布局北斗应用。\n", encoding="utf-8")
    draft.write_text("We plan it.\n", encoding="utf-8")
    assert [p.source for p in read_draft(draft, source, source_text="发展量子信息。\n").pairs] == ["发展量子信息。"]
    assert [p.source for p in read_draft(draft, source).pairs] == ["前瞻布局北斗应用。"]


def test_a_finding_is_placed_on_its_column_or_on_the_nth_occurrence_after_its_line() -> None:
    text = 'msgid "北斗和北斗"\nmsgstr "Dipper and Dipper"\n\nmsgid "x"\nmsgstr "Dipper"\n'
    marks = place(text, [_finding(1, 13, "Dipper"), _finding(1, 1, "Dipper")], [1, 4])
    assert [(m.span, m.fix) for m in marks] == [(Span(1, 8, 14), "BeiDou"), (Span(1, 19, 25), "BeiDou")]


def test_a_text_not_found_before_the_next_segment_marks_the_line_without_a_fix() -> None:
    text = 'msgid "北斗"\nmsgstr "Big Dipper"\n\nmsgid "x"\nmsgstr "Dippers"\n'
    [mark] = place(text, [_finding(1, 1, "Dipperz")], [1, 4])
    assert (mark.span, mark.fix) == (Span(0, 0, 10), None)


def test_only_fixable_findings_carry_a_fix() -> None:
    text = "We plan Dipper applications.\n"
    [mark] = place(text, [_finding(1, 9, "Dipper", "inconsistent-rendering")], [1])
    assert (mark.span, mark.fix) == (Span(0, 8, 14), None)


def test_the_naming_rule_pairs_a_draft_with_its_source(tmp_path: Path) -> None:
    config = LintConfig()
    assert config.source_of(tmp_path / "notes.en.md") == tmp_path / "notes.zh.md"
    assert config.source_of(tmp_path / "notes.md") is None
    assert config.source_of(tmp_path / ".en.md") is None
    (tmp_path / "henan-terms.toml").write_text('[pair]\n"_EN.txt" = "_ZH.txt"\n', encoding="utf-8")
    configured = load_config(tmp_path / "henan-terms.toml")
    assert configured.source_of(tmp_path / "a_EN.txt") == tmp_path / "a_ZH.txt"
    assert configured.source_of(tmp_path / "a.en.md") is None


def test_a_pairing_rule_that_is_not_a_table_of_endings_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "henan-terms.toml"
    path.write_text('ignore = []\npair = [".en.md"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert [(p.line, p.message.split(":")[0]) for p in error.value.problems] == [(2, "pair")]


def test_a_glossary_is_loaded_once_per_run_and_again_when_its_file_changes(tmp_path: Path) -> None:
    terms = tmp_path / "terms.csv"
    terms.write_text("zh,en,status\n北斗,BeiDou,preferred\n", encoding="utf-8")
    (tmp_path / "henan-terms.toml").write_text('glossaries = ["terms.csv"]\n', encoding="utf-8")
    projects = Projects()
    first = projects.project(projects.config(tmp_path / "a.txt"))
    assert projects.project(projects.config(tmp_path / "b.po")) is first
    assert [c.zh for c in first.glossary] == ["北斗"]
    terms.write_text("zh,en,status\n北斗,BeiDou,preferred\n量子信息,quantum information,preferred\n", encoding="utf-8")
    changed = projects.project(projects.config(tmp_path / "a.txt"))
    assert changed is not first and [c.zh for c in changed.glossary] == ["北斗", "量子信息"]


def test_a_pairing_rule_whose_source_is_also_a_draft_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "henan-terms.toml"
    path.write_text('[pair]\n".en.md" = ".zh.md"\n".zh.md" = ".en.md"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot name both drafts and sources"):
        load_config(path)


TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" '
    'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
    '<tu><tuv xml:lang="zh-CN"><seg>北斗应用</seg></tuv><tuv xml:lang="en"><seg>{}</seg></tuv></tu></body></tmx>\n'
)
TS = (
    '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="en" sourcelanguage="zh_CN">\n'
    "<context><name>A</name>\n<message><source>北斗应用</source><translation>{}</translation></message>\n"
    "</context></TS>\n"
)


@pytest.mark.parametrize(("name", "template"), [("a.tmx", TMX), ("a.ts", TS)])
def test_xml_unit_files_are_read_from_the_editor_text_with_no_file_on_disk(
    tmp_path: Path, name: str, template: str
) -> None:
    units = list(read_units(tmp_path / name, text=template.format("Dipper applications")))
    assert [(u.source, u.target) for u in units] == [("北斗应用", "Dipper applications")]
    with pytest.raises(FormatError, match="no such file"):
        list(read_units(tmp_path / name))


def test_an_editor_text_that_declares_entities_is_refused_naming_the_file(tmp_path: Path) -> None:
    declared = TMX.format("&e;").replace("<tmx ", '<!DOCTYPE tmx [<!ENTITY e "Dipper">]>\n<tmx ', 1)
    with pytest.raises(FormatError, match="declares XML entities") as error:
        list(read_units(tmp_path / "a.tmx", text=declared))
    assert error.value.problem.path == str(tmp_path / "a.tmx")
