"""One reader per bilingual format: the linter's drafts and the memory's imports come from the same
readers, so every file gives both the same pairs; the readers' errors name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from henan_terms.errors import FormatError, Problem
from henan_terms.formats.po import read_po_units
from henan_terms.formats.units import read_units
from henan_terms.formats.xliff import read_xliff
from henan_terms.lint import read_draft
from henan_terms.tm.store import open_tm

from .conftest import shared_path

BILINGUAL = [
    *(
        f"realworld/xliff/{name}"
        for name in (
            "heartsome_HSCAT8-83b_zh-CN_xliff12_inline.xlf",
            "heartsome_Test_UTF16LE_zh-HK_nobom.xlf",
            "matecat_madcap-lingo_zh-cn_xliff12.xlf",
            "matecat_memsource_zh-tw_xliff20.xliff",
            "okapi_zh-CN.yml_xliff12_its.xliff",
        )
    ),
    "realworld/tmx/heartsome_ImportTMXTest_en-US_zh-CN_bpt.tmx",
    "realworld/tmx/omegat_project_save_zh-CN_ja-JP_tmx11.tmx",
    "realworld/po/gnu-grep_zh_CN.po",
    "realworld/po/ayatana-datetime_zh_TW.po",
]


@pytest.mark.parametrize("relative", BILINGUAL)
def test_lint_and_memory_read_the_same_pairs(relative: str, tmp_path: Path) -> None:
    path = shared_path(relative)
    draft = read_draft(path)
    with open_tm(tmp_path / "memory.db") as memory:
        memory.import_file(path)
        stored = {(u.source, u.target) for u in memory.units()}
    assert draft.pairs or "madcap" in relative  # the MadCap file holds only untranslated units
    assert {(p.source, p.target) for p in draft.pairs} == stored


def test_xliff_20_is_a_draft_like_any_other() -> None:
    draft = read_draft(shared_path("realworld/xliff/matecat_memsource_zh-tw_xliff20.xliff"))
    assert len(draft.pairs) == 2 and all(p.line > 0 for p in draft.pairs)


def test_a_po_translated_into_chinese_has_its_chinese_in_msgstr() -> None:
    draft = read_draft(shared_path("realworld/po/gnu-grep_zh_CN.po"))
    assert all(not _has_han(p.target) for p in draft.pairs)
    assert sum(_has_han(p.source) for p in draft.pairs) > len(draft.pairs) // 2


def _po(tmp_path: Path, header: str, entries: str) -> Path:
    path = tmp_path / "units.po"
    path.write_text(f'msgid ""\nmsgstr ""\n{header}"Content-Type: text/plain; charset=UTF-8\\n"\n\n{entries}', "utf-8")
    return path


def test_po_without_language_takes_the_side_with_han_as_chinese(tmp_path: Path) -> None:
    path = _po(tmp_path, "", 'msgid "Open file"\nmsgstr "打开文件"\n\nmsgid "链长制"\nmsgstr "chain leader system"\n')
    assert [(u.source, u.target, u.origin) for u in read_po_units(path)] == [
        ("打开文件", "Open file", "units.po:5"),  # where the entry starts, as lint names places
        ("链长制", "chain leader system", "units.po:8"),
    ]


def test_po_with_an_unreadable_comment_skips_that_entry_only(tmp_path: Path) -> None:
    entries = '#. confidence: high\nmsgid "链长制"\nmsgstr "chain leader system"\n\n'
    entries += 'msgid "头雁"\nmsgstr "leading geese"\n'
    path = _po(tmp_path, '"Language: en\\n"\n', entries)
    skipped: list[Problem] = []
    units = read_po_units(path, skipped)
    assert [u.source for u in units] == ["头雁"]
    assert len(skipped) == 1 and skipped[0].line == 6 and "confidence" not in units[0].origin
    assert "bad comment" in skipped[0].message


def test_bad_code_point_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">\n'
        '<file id="f"><unit id="u"><segment>\n<source>链长<cp hex="ZZ"/></source>\n'
        "<target>chain</target></segment></unit></file></xliff>\n",
        "utf-8",
    )
    with pytest.raises(FormatError) as caught:
        list(read_xliff(path))
    assert str(caught.value).startswith(f"{path}:3: bad code point")


def test_a_good_code_point_is_its_character(tmp_path: Path) -> None:
    path = tmp_path / "good.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">\n'
        '<file id="f"><unit id="u"><segment><source>链长<cp hex="5236"/></source>'
        "<target>chain leader system</target></segment></unit></file></xliff>\n",
        "utf-8",
    )
    assert [u.source for u in read_xliff(path)] == ["链长制"]


def test_unknown_suffix_and_missing_file_are_errors_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"notes\.csv: cannot read \.csv"):
        read_units(tmp_path / "notes.csv")
    with pytest.raises(FormatError, match=r"nope\.tmx: no such file"):
        read_units(tmp_path / "nope.tmx")


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
