"""TMX: DTD-valid streaming export, import of files written by other tools, hostile XML, round trips."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from henan_terms.errors import FormatError, HenanTermsError, Problem
from henan_terms.formats.tmx import read_tmx, write_tmx
from henan_terms.model import TMUnit

from .conftest import shared_path


def realworld(name: str) -> Path:
    return shared_path(f"realworld/tmx/{name}")


def dtd() -> etree.DTD:
    return etree.DTD(str(shared_path("schemas/TMX/tmx14.dtd")))


def written(units: list[TMUnit]) -> bytes:
    stream = io.BytesIO()
    write_tmx(units, stream)
    return stream.getvalue()


# Export ---------------------------------------------------------------------------------------------


def test_export_is_valid_against_the_tmx_14_dtd() -> None:
    units = [
        TMUnit(
            "以链长制为抓手。",
            "Use it.",
            origin="seed#p26",
            confidence=0.5,
            created=datetime(2023, 3, 23, tzinfo=UTC),
            properties=(("aligner", "gale-church"), ("note", "checked"), ("target:note", "reviewed")),
            tuid="26-1",
        ),
        TMUnit("頭雁", "lead geese", source_lang="zh-TW"),
    ]
    document = etree.fromstring(written(units), etree.XMLParser(resolve_entities=False))
    validator = dtd()
    assert validator.validate(document), validator.error_log
    tu = document.find("body/tu")
    assert tu is not None and tu.get("tuid") == "26-1" and tu.get("creationdate") == "20230323T000000Z"
    assert [(p.get("type"), p.text) for p in tu.findall("prop")][:2] == [
        ("x-origin", "seed#p26"),
        ("x-confidence", "0.5"),
    ]
    assert document.findall("body/tu")[1].get("srclang") == "zh-TW"
    assert [tuv.findtext("note") for tuv in tu.findall("tuv")] == [None, "reviewed"]  # a segment's own note


def test_an_empty_export_is_valid() -> None:
    validator = dtd()
    assert validator.validate(etree.fromstring(written([])))


def test_characters_xml_cannot_carry_are_refused() -> None:
    with pytest.raises(HenanTermsError, match="XML cannot carry"):
        written([TMUnit("源\x01", "x")])


# Round trips ----------------------------------------------------------------------------------------

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00") | st.sampled_from("\t\n 𝐀"),
    min_size=1,
).filter(lambda text: text.strip())
names = st.text(alphabet="abcxyz:-_ ", min_size=1, max_size=8).filter(lambda n: n not in ("x-origin", "x-confidence"))
units = st.builds(
    TMUnit,
    source=texts,
    target=texts,
    source_lang=st.sampled_from(["zh-CN", "zh-TW", "zh-Hans", "zh"]),
    target_lang=st.sampled_from(["en", "en-GB"]),
    origin=st.one_of(st.just(""), texts),
    created=st.one_of(st.none(), st.datetimes(timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))),
    confidence=st.floats(0, 1),
    properties=st.tuples(*[st.lists(st.tuples(names | st.just("note"), texts | st.just("")))] * 3).map(
        lambda lists: (
            *lists[0],
            *((f"source:{name}", value) for name, value in lists[1]),
            *((f"target:{name}", value) for name, value in lists[2]),
        )
    ),
    tuid=st.one_of(st.just(""), st.text(alphabet="abc123-/", min_size=1)),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(units, max_size=5))
def test_round_trip_without_loss(generated: list[TMUnit]) -> None:
    """Texts keep every character: white space, astral characters, markup-like text."""
    assert list(read_tmx(io.BytesIO(written(generated)))) == generated


# Import of files written by other tools -------------------------------------------------------------


def read(name: str, **options: str) -> tuple[list[TMUnit], list[Problem]]:
    skipped: list[Problem] = []
    return list(read_tmx(realworld(name), skipped=skipped, **options)), skipped


def test_heartsome_en_zh_is_read_chinese_first_without_rtf_codes() -> None:
    units, skipped = read("heartsome_ImportTMXTest_en-US_zh-CN_bpt.tmx")
    assert len(units) == 314 and skipped == []
    first = units[0]
    assert (first.source, first.target, first.source_lang, first.target_lang) == (
        "测'试'修'改'日'期",
        "test modify date",
        "zh-CN",
        "en-US",
    )
    assert first.tuid == "_1219131555453" and first.created == datetime(2007, 3, 20, 5, 42, 45, tzinfo=UTC)
    assert first.properties == (("Txt::Text Field", "TI-07196  Neroc SPC620NC"),)
    assert not any("{\\" in u.source or "{\\" in u.target for u in units)


def test_lisa_utf16be() -> None:
    units, _ = read("lisa-compkit_ImportTest1G_utf16be.tmx")
    assert [u.source for u in units][1] == "ÿ=U+00FF, ™=U+2122, ’=U+2019"
    assert {(u.source_lang, u.target_lang) for u in units} == {("en-US", "en-GB")}


def test_lisa_whitespace_character_references_are_kept() -> None:
    [unit], _ = read("lisa-compkit_ImportTest1I_ja-jp-charrefs.tmx")
    assert unit.source == "English segment with [    ]" and unit.target == "Japanese segment with [\u3000\u3000]"


def test_lisa_comments_notes_and_props() -> None:
    [unit], _ = read("lisa-compkit_ImportTest1L_comments-ude-props.tmx")
    assert unit.tuid == "tu001" and unit.target_lang == "en-GB"
    tu_level = (("note", "Text of tu note 1"), ("note", "Text of tu note 2"), ("myPropeType", "Data"))
    assert unit.properties[:3] == tu_level
    # the notes and props of the two segments the unit is made of (en-US and en-GB), in order
    assert unit.properties[3:] == (
        ("source:note", "Text of tuv en note 1"),
        ("source:note", "Text of tuv en note 1"),
        ("source:myPropeType", "Data"),
        ("target:myPropeType", "Data"),
        ("target:note", "Text of tuv fr note 1"),
        ("target:myPropeType", "Data"),
        ("target:note", "Text of tuv fr note 1"),
    )


def test_lisa_utf16le_inline_codes_and_inverted_order() -> None:
    units, _ = read("lisa-compkit_ImportTest2A_utf16le_bpt.tmx")
    assert units[0].source == "The big black cat sleeps." and units[0].target == "Le gros chat noir dors."
    assert units[2].source == "Nested formatting = Bold+Italic+Underlined, Bold+Italic, Bold."
    assert units[-1].source == "Some text with a part highlighted." and units[-1].target_lang == "fr-CA"


def test_okapi_paragraphs_with_placeholders_and_tu_props() -> None:
    units, _ = read("okapi_Paragraph_TM_oku-alignment.tmx")
    assert units[1].source == "Touch Retry to resume the procedure."
    assert ("Txt::FileName", "StringInfoForTest3.info") in units[0].properties
    assert ("Txt::GroupName", "ACDetectionCheckFailedAction0") in units[0].properties  # the tu's
    assert ("source:Txt::GroupName", "InletLinePrimeFluidTooSoonAction0") in units[0].properties  # its tuv's
    assert (units[0].source_lang, units[0].target_lang) == ("en-US", "de-DE")


def test_okapi_single_language_tu_is_skipped_and_reported() -> None:
    units, skipped = read("okapi_confusion_sdlxliff2tmx_selfclosing-bpt.tmx")
    assert units == [] and skipped[0].line == 5 and "without a translation" in skipped[0].message


def test_okapi_ph_with_sub_and_hi() -> None:
    [unit], _ = read("okapi_header_prop_note_it-ph-hi-sub.tmx")
    assert (unit.source, unit.target) == ("Click to start.", "Cliquez pour commencer.")


def test_trados_utf16le_with_invalid_header_prop() -> None:
    units, _ = read("okapi_html_test_trados-tw7_utf16le.tmx")
    assert units[0].source == "start &lt; of &lt; body text" and units[0].target_lang == "fr-FR"
    assert units[0].created == datetime(2008, 12, 3, 5, 38, 17, tzinfo=UTC)


def test_lds_workbench_keeps_spaces_and_path_tuids() -> None:
    units, _ = read("okapi_smallParagraph_lds-workbench_bom.tmx")
    assert units[0].tuid == "/OTBible/Genesis/50/17" and units[0].source.startswith(" 17 So shall")


def test_translate_toolkit_tmx_11() -> None:
    units, _ = read("omegat_match-stat_translate-toolkit_tmx11.tmx")
    assert len(units) == 259 and units[0].source == "<b>%{target_username}</b> is now an administrator."
    assert (units[0].source_lang, units[0].target_lang) == ("en", "ca")


def test_omegat_chinese_japanese_tmx_11() -> None:
    [unit], _ = read("omegat_project_save_zh-CN_ja-JP_tmx11.tmx")
    assert (unit.source, unit.target, unit.source_lang, unit.target_lang) == (
        "太平寺中的文笔塔",
        "太平寺の中心的なペン塔",
        "zh-CN",
        "ja-JP",
    )
    assert unit.created == datetime(2024, 11, 7, 12, 26, 21, tzinfo=UTC)


def test_omegat_astral_characters() -> None:
    [unit], _ = read("omegat_test-SMP_astral-chars_tmx11.tmx")
    assert (unit.source, unit.target) == ("𝐀𝐁𝐂", "𝐃𝐄𝐅")


def test_omegat_level2_inline_tags() -> None:
    units, _ = read("omegat_test-level2_inline-tags.tmx")
    assert [u.source for u in units] == ["entuv", "First part end.", "2 zz xx", "3 xx"]


def test_weblate_three_languages_and_minimal_header() -> None:
    [unit], _ = read("weblate_memory_minimal-header.tmx")
    assert (unit.source_lang, unit.target_lang, unit.target) == ("de-DE", "en-US", "If the log function is installed")
    [czech], _ = read("weblate_memory_minimal-header.tmx", source_lang="de", target_lang="cs")
    assert czech.target == "Pokud je nainstalované logování"


# Hostile and broken XML -----------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>&b;</seg></tuv>
<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>&secret;</seg></tuv>
<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>"""


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entities_are_refused(document: bytes) -> None:
    with pytest.raises(FormatError, match="entit"):
        list(read_tmx(io.BytesIO(document)))


def test_references_to_entities_of_an_external_dtd_are_refused_with_their_line() -> None:
    document = b"""<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="zh"/><body>
<tu><tuv xml:lang="zh"><seg>\xe6\xba\x90</seg></tuv><tuv xml:lang="en"><seg>Source</seg></tuv></tu>
<tu><tuv xml:lang="zh"><seg>\xe6\xba\x90</seg></tuv><tuv xml:lang="en"><seg>Source&nbsp;</seg></tuv></tu>
</body></tmx>"""
    with pytest.raises(FormatError, match="undeclared entity") as error:
        list(read_tmx(io.BytesIO(document)))
    assert error.value.problem.line == 5


def test_broken_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tmx"
    path.write_bytes(b'<tmx version="1.4">\n<header srclang="zh"/>\n<body><tu></body></tmx>')
    with pytest.raises(FormatError) as error:
        list(read_tmx(path))
    assert error.value.problem.path == str(path) and error.value.problem.line == 3


# Documents that are not TMX, or break its rules ------------------------------------------------------

UNIT = '<tu><tuv xml:lang="zh-CN"><seg>北斗</seg></tuv><tuv xml:lang="en"><seg>BeiDou</seg></tuv></tu>'


def _tmx(tmp_path: Path, document: str) -> Path:
    path = tmp_path / "memory.tmx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n', encoding="utf-8")
    return path


def test_a_document_whose_root_is_not_tmx_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = _tmx(tmp_path, f'<xliff version="1.2">\n<header srclang="zh-CN"/><body>{UNIT}</body></xliff>')
    with pytest.raises(FormatError) as error:
        list(read_tmx(path))
    assert str(error.value) == f"{path}:2: not TMX: the root element is <xliff>, not <tmx>"


def test_a_tmx_in_a_namespace_with_extra_attributes_is_read_as_any_other(tmp_path: Path) -> None:
    # the near miss: some tools put the TMX elements in a namespace of their own and add attributes
    unit = (
        '<tu tuid="7" x-tool="y"><prop type="x-origin">seed#p3</prop><tuv xml:lang="zh-CN" x-mark="1">'
        '<seg>发展<ph x="1">&lt;b/&gt;</ph>北斗</seg></tuv><tuv xml:lang="en"><note>checked</note>'
        "<seg>develop BeiDou</seg></tuv></tu>"
    )
    root = '<tmx version="1.4" xmlns="http://www.lisa.org/tmx14" x-tool="y">'
    document = f'{root}<header srclang="zh-CN"/><body>\n{unit}</body></tmx>'
    [read] = list(read_tmx(_tmx(tmp_path, document)))
    assert (read.source, read.target, read.tuid, read.origin, read.line) == (
        "发展北斗",
        "develop BeiDou",
        "7",
        "seed#p3",
        3,
    )
    assert read.properties == (("target:note", "checked"),)


def test_a_tmx_without_body_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = _tmx(tmp_path, '<tmx version="1.4">\n<header srclang="zh-CN"/>\n</tmx>')
    with pytest.raises(FormatError) as error:
        list(read_tmx(path))
    assert str(error.value).startswith(f"{path}:2: no <body>")


def test_a_tmx_with_an_empty_body_holds_no_unit() -> None:
    # the near miss: an export of an empty memory is read back as no unit, without an error
    skipped: list[Problem] = []
    assert list(read_tmx(io.BytesIO(written([])), skipped=skipped)) == [] and skipped == []


def test_a_tuv_without_a_language_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    unit = '<tu><tuv xml:lang="zh-CN"><seg>北斗</seg></tuv>\n<tuv><seg>BeiDou</seg></tuv></tu>'
    path = _tmx(tmp_path, f'<tmx version="1.4"><header srclang="zh-CN"/><body>\n{UNIT}\n{unit}</body></tmx>')
    with pytest.raises(FormatError) as error:
        list(read_tmx(path))
    assert str(error.value).startswith(f"{path}:5: tuv without xml:lang")


def test_tmx_11_names_the_language_with_lang(tmp_path: Path) -> None:
    # the near miss: TMX 1.1 writes lang where TMX 1.4 writes xml:lang
    unit = '<tu><tuv lang="ZH-CN"><seg>北斗</seg></tuv><tuv lang="EN-US"><seg>BeiDou</seg></tuv></tu>'
    path = _tmx(tmp_path, f'<tmx version="1.1"><header srclang="ZH-CN"/><body>{unit}</body></tmx>')
    [read] = list(read_tmx(path))
    assert (read.source_lang, read.target_lang, read.target) == ("zh-CN", "en-US", "BeiDou")
