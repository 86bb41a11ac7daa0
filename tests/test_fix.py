"""``lint --fix``: the whole matched phrase is replaced (no doubled word), number, case and article are
kept, and so are the file's line endings, encoding and mode; PO targets are fixed, other unit formats
and read-only files refused before any work."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from henan_terms.cli import cli
from henan_terms.errors import UsageError
from henan_terms.lint import check_fixable, fix_file, lint_files


def _fixed(tmp_path: Path, english: str, chinese: str, *, name: str = "draft.txt") -> str:
    path = tmp_path / name
    path.write_text(f"{chinese}\n{english}\n", encoding="utf-8")
    fix_file(path, lint_files([path]).report.findings)
    return path.read_text(encoding="utf-8").splitlines()[1]


@pytest.mark.parametrize(
    ("english", "fixed"),
    [
        # the rendering's last word already follows the matched span: taken in, not doubled
        ("We develop the modern light textile industry.", "We develop the modern light and textile industry."),
        ("We develop the modern light textile industries.", "We develop the modern light and textile industries."),
        # near miss: the next word is not the rendering's, so it stays
        ("We develop the modern light textile sector.", "We develop the modern light and textile industry sector."),
    ],
)
def test_the_whole_phrase_is_replaced_and_no_word_doubled(tmp_path: Path, english: str, fixed: str) -> None:
    assert _fixed(tmp_path, english, "发展现代轻纺产业。") == fixed


@pytest.mark.parametrize(
    ("english", "fixed"),
    [
        ("We develop photoelectron chips.", "We develop optoelectronic chips."),
        ("We develop a photoelectron chip.", "We develop an optoelectronic chip."),
        ("Photoelectron chip makers grow.", "Optoelectronic chip makers grow."),
        ("WE DEVELOP PHOTOELECTRON CHIPS.", "WE DEVELOP OPTOELECTRONIC CHIPS."),
    ],
)
def test_number_case_and_article_are_kept(tmp_path: Path, english: str, fixed: str) -> None:
    assert _fixed(tmp_path, english, "发展光电子芯片。") == fixed


def test_an_article_that_did_not_agree_before_is_left_alone(tmp_path: Path) -> None:
    # "an" before "photoelectron" was not the writer's rule for that word: it is not ours to change
    assert _fixed(tmp_path, "We develop an photoelectron chip.", "发展光电子芯片。") == (
        "We develop an optoelectronic chip."
    )
    assert _fixed(tmp_path, "We plan a Dipper network.", "布局北斗网络。") == "We plan a BeiDou network."


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_line_endings_encoding_and_mode_are_kept(tmp_path: Path, bom: bytes, encoding: str) -> None:
    path = tmp_path / "draft.txt"
    text = "标题\r\nA title\r\n\r\n发展北斗系统。\r\nWe develop the Dipper system.\r\nlast line without break"
    path.write_bytes(bom + text.encode(encoding))
    path.chmod(0o640)
    diff = fix_file(path, lint_files([path]).report.findings)
    assert path.read_bytes() == bom + text.replace("Dipper", "BeiDou").encode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "-We develop the Dipper system.\r\n" in diff and "+We develop the BeiDou system.\r\n" in diff


def test_a_draft_without_fixable_findings_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xe5\x8f\x91\xe5\xb1\x95\xe5\x8c\x97\xe6\x96\x97\r\nWe develop the BeiDou.\r\n")
    before = path.stat().st_mtime_ns, path.stat().st_ino
    assert fix_file(path, lint_files([path]).report.findings) == ""
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_po_targets_are_fixed(tmp_path: Path) -> None:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="发展北斗系统", msgstr="We develop the Dipper system."))
    catalogue.append(polib.POEntry(msgid="发展现代轻纺产业", msgstr="the modern light textile industry"))
    catalogue.append(polib.POEntry(msgid="完善检验检测", msgstr="inspection and testing"))
    path = tmp_path / "draft.po"
    catalogue.save(str(path))
    diff = fix_file(path, lint_files([path]).report.findings)
    assert [e.msgstr for e in polib.pofile(str(path))] == [
        "We develop the BeiDou system.",
        "the modern light and textile industry",
        "inspection and testing",
    ]
    assert '+msgstr "We develop the BeiDou system."' in diff


@pytest.mark.parametrize("name", ["draft.xlf", "draft.xliff", "draft.tmx", "draft.ts"])
def test_other_unit_formats_are_refused_before_any_work(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("not even read", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(path), "--fix"])
    assert result.exit_code == 2
    kind = "XLIFF" if name.startswith("draft.x") else name.rsplit(".", 1)[1].upper()
    assert result.stderr == (
        f"error: {path}: cannot fix {kind} files; fix the targets in a translation tool, or omit --fix\n"
    )
    assert path.read_text(encoding="utf-8") == "not even read"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_draft_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("发展北斗\nWe develop the Dipper.\n", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(UsageError, match="read-only"):
        check_fixable(path)


def test_a_read_only_draft_is_refused_by_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("发展北斗\nWe develop the Dipper.\n", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda p, mode: not (Path(p) == path and mode == os.W_OK))
    result = CliRunner().invoke(cli, ["lint", str(path), "--fix"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}: cannot be written (read-only); nothing was fixed\n",
    )
    assert "Dipper" in path.read_text(encoding="utf-8")
    check_fixable(tmp_path / "other.txt")  # the near miss: a writable place is accepted
