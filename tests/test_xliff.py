"""XLIFF 1.2 and 2.0 import: files written by other tools, inline markup, hostile XML."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from henan_terms.errors import FormatError, Problem
from henan_terms.formats.xliff import read_xliff
from henan_terms.model import TMUnit

from .conftest import shared_path


def read(name: str, **options: str) -> tuple[list[TMUnit], list[Problem]]:
    skipped: list[Problem] = []
    units = list(read_xliff(shared_path(f"realworld/xliff/{name}"), skipped=skipped, **options))
    return units, skipped


def test_heartsome_xliff_12_inline_markup_and_direction() -> None:
    units, skipped = read("heartsome_HSCAT8-83b_zh-CN_xliff12_inline.xlf")
    assert len(units) == 5 and len(skipped) == 1
    first = units[0]
    assert (first.source, first.target, first.source_lang, first.target_lang) == (
        "Translation of test segment 1.",
        "Test segment 1.",
        "zh-CN",
        "en-US",
    )
    assert units[1].target.startswith("Test segment 2. Text textTEXTTEXTTEXTTEXTTEXTtextTEXT")
    assert "code" not in units[1].target and "文本段" not in units[0].source  # alt-trans is left out


def test_heartsome_utf16le_without_bom() -> None:
    units, skipped = read("heartsome_Test_UTF16LE_zh-HK_nobom.xlf")
    assert skipped == [] and len(units) == 4
    assert (units[0].source, units[0].target, units[0].source_lang) == (
        "这是第一个测试。",
        "This is the first test.",
        "zh-HK",
    )
    assert units[1].target == "This is the second test."  # no doubled space where a code was
    assert units[0].properties == (("note", "The note 1."), ("note", "The note 2."))
    assert units[0].origin == "/data/john/Desktop/Test1.txt#0"


def test_madcap_untranslated_unit_is_skipped() -> None:
    units, skipped = read("matecat_madcap-lingo_zh-cn_xliff12.xlf")
    assert units == [] and "not translated" in skipped[0].message


def test_memsource_xliff_20_traditional_chinese() -> None:
    units, _ = read("matecat_memsource_zh-tw_xliff20.xliff")
    assert [(u.source_lang, u.target_lang) for u in units] == [("zh-TW", "en-US")] * 2
    assert units[0].source == "[原件] CommOps -Bliss個案管理|緊急事件處理團隊"
    assert units[1].target.startswith("By the end of this eLearning, you should be able to: Define Bliss")


def test_okapi_mislabelled_chinese_keeps_the_declared_languages() -> None:
    units, _ = read("okapi_zh-CN.yml_xliff12_its.xliff")
    assert len(units) == 68 and units[0].source == units[0].target == "任何"
    assert (units[0].source_lang, units[0].target_lang) == ("en", "fr")
    assert units[0].properties == (("resname", "zh-CN/active_admin/any"),)


def test_xliff_20_code_points_and_codes() -> None:
    document = b"""<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
    <file id="f" original="doc"><unit id="u1"><segment>
    <source>\xe9\x93\xbe<ph id="1"/>\xe9\x95\xbf<cp hex="1F600"/></source>
    <target><pc id="2">chain</pc> <sc id="3"/>leader<ec startRef="3"/></target></segment></unit></file></xliff>"""
    [unit] = list(read_xliff(io.BytesIO(document)))
    assert (unit.source, unit.target, unit.origin) == ("链长\U0001f600", "chain leader", "doc#u1")


def test_not_xliff_and_entities_are_refused() -> None:
    with pytest.raises(FormatError, match="not XLIFF"):
        list(read_xliff(io.BytesIO(b'<xliff xmlns="urn:example" version="3"/>')))
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff version="1.2"/>'
    with pytest.raises(FormatError, match="entit"):
        list(read_xliff(io.BytesIO(hostile)))


@pytest.mark.parametrize("suffix", [".xlf", ".xliff"])
def test_a_document_whose_root_is_not_xliff_is_refused_naming_file_and_line(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"units{suffix}"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body/></tmx>\n', encoding="utf-8")
    with pytest.raises(FormatError) as error:
        list(read_xliff(path))
    assert str(error.value) == f"{path}:2: not XLIFF: the root element is <tmx>, not <xliff>"


def test_an_xliff_root_with_attributes_of_other_tools_is_read(tmp_path: Path) -> None:
    # the near miss: SDL and others add namespaces and attributes of their own to the root
    path = tmp_path / "units.sdlxliff"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'
        ' version="1.2" sdl:version="1.0">\n<file source-language="zh-CN" target-language="en-US" original="a">'
        '<body><trans-unit id="1"><source>北斗</source><target>BeiDou</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8",
    )
    [unit] = list(read_xliff(path))
    assert (unit.source, unit.target, unit.source_lang, unit.target_lang) == ("北斗", "BeiDou", "zh-CN", "en-US")


XLIFF_12_UNIT = '<trans-unit id="7">\n<source>北斗</source><target{lang}>BeiDou</target></trans-unit>'


def _xliff_12(tmp_path: Path, file_attributes: str, target_lang: str = "") -> Path:
    path = tmp_path / "units.xlf"
    unit = XLIFF_12_UNIT.format(lang=f' xml:lang="{target_lang}"' if target_lang else "")
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="a" datatype="plaintext"{file_attributes}><body>\n{unit}\n</body></file></xliff>\n',
        encoding="utf-8",
    )
    return path


def test_a_translated_unit_without_a_language_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = _xliff_12(tmp_path, ' source-language="zh-CN"')
    with pytest.raises(FormatError) as error:
        list(read_xliff(path))
    assert str(error.value) == (
        f"{path}:4: trans-unit 7 has no target language: give target-language on the <file> at line 3"
        " or xml:lang on <target>"
    )
    xliff_20 = tmp_path / "units.xliff"
    xliff_20.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN">\n<file id="f">'
        '<unit id="u1">\n<segment><source>北斗</source><target>BeiDou</target></segment></unit></file></xliff>\n',
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match="unit u1 has no target language: give trgLang on the <xliff> at line 1"):
        list(read_xliff(xliff_20))


def test_a_target_naming_its_own_language_needs_none_from_the_file(tmp_path: Path) -> None:
    # the near miss: XLIFF 1.2 makes target-language optional; xml:lang on the target gives it
    [unit] = list(read_xliff(_xliff_12(tmp_path, ' source-language="zh-CN"', target_lang="en-GB")))
    assert (unit.source_lang, unit.target_lang) == ("zh-CN", "en-GB")
    skipped: list[Problem] = []  # and an untranslated file needs no target language at all
    path = _xliff_12(tmp_path, "")
    path.write_text(path.read_text(encoding="utf-8").replace("<target>BeiDou</target>", ""), encoding="utf-8")
    assert list(read_xliff(path, skipped=skipped)) == [] and "without a target" in skipped[0].message
