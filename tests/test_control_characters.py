"""One rule for control characters across every reader: tab, line feed and carriage return are text;
any other C0 control character (the ones XML 1.0 forbids) is an error naming the file, line and column,
for ``lint`` and ``tm build`` alike."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms.cli import cli
from henan_terms.errors import FormatError, GlossaryError, HenanTermsError
from henan_terms.exchange import export_glossary, import_glossary
from henan_terms.formats.bilingual import read_bilingual, read_parallel
from henan_terms.formats.cedict import read_cedict
from henan_terms.formats.text import decode
from henan_terms.formats.units import read_units
from henan_terms.lint import load_config, read_draft
from henan_terms.loader import load_glossary
from henan_terms.model import TMUnit
from henan_terms.tm import open_tm

from .conftest import ROOT

GLOSSARY = ROOT / "tests" / "data" / "lint-glossary.csv"
DRAFT = "Cultivating industrial chains\n培育产业链\n\nWe develop the BeiDou system.\n发展北斗系统\n"


def test_a_control_character_is_located_by_line_and_column() -> None:
    with pytest.raises(FormatError) as caught:
        decode("a.txt", b"first line\nsecond\x00 line\n")
    assert str(caught.value) == "a.txt:2: control character U+0000 at column 7; only tab and line breaks are allowed"


def test_tab_carriage_return_and_a_byte_order_mark_are_text() -> None:
    assert decode("a.txt", "\ufeffa\tb\r\nc\n".encode()) == "a\tb\r\nc\n"
    assert decode("a.txt", "北斗\n".encode("utf-16")) == "北斗\n"


def test_utf16_without_a_byte_order_mark_is_named() -> None:
    with pytest.raises(FormatError, match="UTF-16 without a byte-order mark"):
        decode("a.csv", "zh,en,status\n北斗,BeiDou,preferred\n".encode("utf-16-le"))


def test_invalid_utf8_names_its_line() -> None:
    with pytest.raises(FormatError) as caught:
        decode("a.txt", b"ok\nbad \xff here\n")
    assert caught.value.problem.line == 2 and "not UTF-8" in str(caught.value)


def _glossary_file(tmp_path: Path, fmt: str, control: str) -> Path:
    """A glossary file of a format whose one rendering holds ``control`` after "Bei"."""
    stream = io.BytesIO()
    export_glossary(load_glossary(GLOSSARY), fmt, stream)
    text = stream.getvalue().decode("utf-8-sig")
    assert "BeiDou" in text
    path = tmp_path / f"glossary.{'tsv' if fmt == 'tsv-omegat' else fmt.split('-')[0]}"
    path.write_text(text.replace("BeiDou", f"Bei{control}Dou", 1), encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("fmt", ["csv", "toml", "csv-memoq", "tsv-omegat", "po", "json"])
def test_every_glossary_reader_refuses_a_control_character_with_its_line(tmp_path: Path, fmt: str) -> None:
    path = _glossary_file(tmp_path, fmt, "\x01")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Bei\x01" in text)
    with pytest.raises((FormatError, GlossaryError)) as caught:
        import_glossary(path, fmt)
    assert f"{path}:{line}: control character U+0001" in str(caught.value)


@pytest.mark.parametrize("fmt", ["csv", "toml", "csv-memoq", "tsv-omegat", "po", "json"])
def test_every_glossary_reader_takes_crlf_line_ends(tmp_path: Path, fmt: str) -> None:
    path = _glossary_file(tmp_path, fmt, "")
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    imported = import_glossary(path, fmt)
    assert any(r.text == "BeiDou" for c in imported.glossary for r in c.renderings)


def test_a_dictionary_line_with_a_control_character_is_skipped_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "cedict.u8"
    path.write_text(
        "北斗 北斗 [Bei3 dou3] /Big Dipper/\n長江 长江 [Chang2 jiang1] /Yangtze\x07 River/\n", encoding="utf-8"
    )
    imported = read_cedict(path)
    assert [str(p) for p in imported.skipped] == [
        f"{path}:2: control character U+0007 at column 31; only tab and line breaks are allowed"
    ]
    assert [t.text for c in imported.glossary for t in c.terms] == ["北斗"]


@pytest.mark.parametrize("reader", ["bilingual", "draft", "parallel"])
def test_documents_and_drafts_refuse_a_nul_with_its_line(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT.replace("BeiDou", "Bei\x00Dou"), encoding="utf-8")
    chinese = tmp_path / "zh.txt"
    chinese.write_text("培育产业链\n发展北斗系统\n", encoding="utf-8")
    with pytest.raises(FormatError, match=rf"^{path}:4: control character U\+0000 at column 19"):
        if reader == "bilingual":
            read_bilingual(path)
        elif reader == "draft":
            read_draft(path)
        else:
            read_parallel(chinese, path)


def test_documents_take_tabs_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(DRAFT.replace("BeiDou", "Bei\tDou").replace("\n", "\r\n").encode())
    assert len(read_bilingual(path).pairs) == 2 and len(read_draft(path).pairs) == 2


def test_a_po_file_of_units_refuses_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "units.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "北斗"\nmsgstr "Bei\x1bDou"\n', encoding="utf-8")
    with pytest.raises(FormatError, match=rf"^{path}:5: control character U\+001B"):
        read_units(path)
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "北斗"\nmsgstr "Bei\tDou"\n', encoding="utf-8")
    assert [u.target for u in read_units(path)] == ["Bei\tDou"]


@pytest.mark.parametrize("text", ["Bei&#1;Dou", "Bei\x02Dou"])
def test_xml_units_refuse_the_same_characters(tmp_path: Path, text: str) -> None:
    path = tmp_path / "units.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>\n'
        f'<tu><tuv xml:lang="zh-CN"><seg>北斗</seg></tuv><tuv xml:lang="en"><seg>{text}</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=rf"^{path}:3: not well-formed XML"):
        list(read_units(path))


def test_a_configuration_file_refuses_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "henan-terms.toml"
    path.write_text('select = ["deprecated-rendering"]\n# a note\x00\n', encoding="utf-8")
    with pytest.raises(FormatError, match=rf"^{path}:2: control character U\+0000"):
        load_config(path)


def test_lint_and_tm_build_give_the_same_error_and_store_nothing(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT.replace("BeiDou", "Bei\x00Dou"), encoding="utf-8")
    db = tmp_path / "m.db"
    expected = f"error: {path}:4: control character U+0000 at column 19; only tab and line breaks are allowed\n"
    for arguments in (["lint", str(path)], ["tm", "build", str(path), "--db", str(db)]):
        result = CliRunner().invoke(cli, arguments)
        assert (result.exit_code, result.stderr) == (2, expected)
    assert not db.exists()


def test_a_memory_refuses_a_nul_naming_the_unit_and_where_it_came_from() -> None:
    with open_tm(":memory:") as memory, pytest.raises(HenanTermsError, match=r"\(a\.txt#p3\) holds a NUL"):
        memory.add([TMUnit("北斗", "Bei\x00Dou", origin="a.txt#p3")])
