"""TBX v3 (TBX-Basic, DCA) and TBX 2008: validity by the official schemas, lossless round trips,
imports of files written by other tools, and hostile files."""

from __future__ import annotations

import io
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, isoschematron

from henan_terms import Glossary, Status, TermType, chinese
from henan_terms.errors import FormatError
from henan_terms.formats.tbx import (
    PINYIN_NOTE,
    WRITTEN_NOTE,
    TbxEntry,
    TbxImport,
    TbxTerm,
    iter_tbx,
    original_id,
    read_tbx,
    write_tbx,
    write_tbx2008,
    xml_id,
)

from .conftest import shared_path
from .strategies import glossaries

NS = {"t": "urn:iso:std:iso:30042:ed-2", "xml": "http://www.w3.org/XML/1998/namespace"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
Writer = Callable[..., None]
HEADER = '<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>'
BODY = '<text><body><termEntry id="c1"><langSet xml:lang="zh"><tig><term>{}</term></tig></langSet></termEntry>'
HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Validators -------------------------------------------------------------------------------------


@cache
def core_rng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(shared_path("schemas/TBX_Core_RNG/TBXcoreStructV03.rng"))))


@cache
def basic_schematron() -> isoschematron.Schematron:
    schema = etree.parse(str(shared_path("schemas/derived/TBX-Basic_DCA.xslt1.sch")))
    return isoschematron.Schematron(schema, store_report=True)


@cache
def tbx2008_xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_path("schemas/OmegaT-tbx2008/tbx.xsd"))))


def unique_ids(document: etree._ElementTree) -> None:
    ids = [element.get("id") for element in document.iter() if element.get("id") is not None]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def assert_valid_tbx(data: bytes) -> etree._ElementTree:
    """Valid by the TBX v3 core RNG and the TBX-Basic DCA Schematron."""
    document = etree.ElementTree(etree.fromstring(data))
    assert core_rng().validate(document), core_rng().error_log
    schematron = basic_schematron()
    assert schematron.validate(document), etree.tostring(schematron.validation_report, encoding="unicode")
    unique_ids(document)
    return document


def assert_valid_tbx2008(data: bytes) -> etree._ElementTree:
    """Valid by the TBX 2008 core-structure XSD."""
    document = etree.ElementTree(etree.fromstring(data))
    assert tbx2008_xsd().validate(document), tbx2008_xsd().error_log
    unique_ids(document)
    return document


def export(glossary: Glossary, writer: Writer = write_tbx, **options: object) -> bytes:
    stream = io.BytesIO()
    writer(glossary, stream, **options)
    return stream.getvalue()


def reread(data: bytes, **options: str) -> TbxImport:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.tbx"
        path.write_bytes(data)
        return read_tbx(path, **options)


def write_file(folder: Path, text: str, name: str = "test.tbx") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# Export: validity ---------------------------------------------------------------------------------


def test_bundled_glossary_is_valid_tbx_basic(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    root = document.getroot()
    assert (root.tag, root.get("type"), root.get("style")) == ("{urn:iso:std:iso:30042:ed-2}tbx", "TBX-Basic", "dca")
    assert len(root.findall(".//t:conceptEntry", NS)) == len(glossary)
    models = [pi.text for pi in root.itersiblings(preceding=True) if isinstance(pi, etree._ProcessingInstruction)]
    assert any("TBXcoreStructV03.rng" in text for text in models)
    assert any("TBX-Basic_DCA.sch" in text for text in models)


def test_bundled_glossary_is_valid_tbx2008(glossary: Glossary) -> None:
    document = assert_valid_tbx2008(export(glossary, write_tbx2008))
    root = document.getroot()
    assert (root.tag, root.get("type")) == ("martif", "TBX")
    assert len(root.findall(".//termEntry")) == len(glossary)
    assert root.find(".//tig") is not None


def test_validators_reject_what_tbx_basic_forbids(glossary: Glossary) -> None:
    """The schemas used above do catch errors: pinyin as a termNote, and a missing entry id."""
    data = export(glossary)
    bad_category = data.replace(b'<termNote type="termType">', b'<termNote type="pinyin">', 1)
    assert not basic_schematron().validate(etree.ElementTree(etree.fromstring(bad_category)))
    no_id = re.sub(rb'<conceptEntry ([^>]*)id="[^"]*"', rb"<conceptEntry \1", data, count=1)
    assert not core_rng().validate(etree.ElementTree(etree.fromstring(no_id)))


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_are_valid(generated: Glossary) -> None:
    assert_valid_tbx(export(generated))
    assert_valid_tbx2008(export(generated, write_tbx2008))


def test_leaving_deprecated_renderings_out(glossary: Glossary) -> None:
    for writer, check in ((write_tbx, assert_valid_tbx), (write_tbx2008, assert_valid_tbx2008)):
        data = export(glossary, writer, include_deprecated=False)
        check(data)
        assert b"deprecatedTerm-admn-sts" not in data
        assert b"<term>Dipper</term>" not in data
        assert b"<term>BeiDou</term>" in data


# Export: the mapping -------------------------------------------------------------------------------


def entry_of(document: etree._ElementTree, concept_id: str) -> etree._Element:
    return document.getroot().find(f".//t:conceptEntry[@id='{concept_id}']", NS)


def sections(entry: etree._Element) -> dict[str, list[str]]:
    return {s.get(LANG): [t.text for t in s.findall("t:termSec/t:term", NS)] for s in entry.findall("t:langSec", NS)}


def test_chinese_term_carries_pinyin_type_and_citation_in_its_term_section(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    concept = glossary.lookup("链长制")[0].concept
    term_section = entry_of(document, concept.id).find("t:langSec[@xml:lang='zh']/t:termSec", NS)
    assert term_section.findtext("t:term", namespaces=NS) == "链长制"
    notes = [note.text for note in term_section.findall("t:note", NS)]
    assert notes == [PINYIN_NOTE + "liàn zhǎng zhì", WRITTEN_NOTE + "liànzhǎngzhì"]
    assert term_section.findtext("t:termNote[@type='termType']", namespaces=NS) == "fullForm"
    sources = [admin.text for admin in term_section.findall("t:admin[@type='source']", NS)]
    assert sources == [str(c) for c in concept.head.citations]


def test_statuses_are_administrative_statuses(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    beidou = glossary.lookup("北斗")[0].concept
    english = entry_of(document, beidou.id).find("t:langSec[@xml:lang='en']", NS)
    statuses = {
        s.findtext("t:term", namespaces=NS): s.findtext("t:termNote[@type='administrativeStatus']", namespaces=NS)
        for s in english.findall("t:termSec", NS)
    }
    assert statuses["BeiDou"] == "preferredTerm-admn-sts"
    assert statuses["Dipper"] == "deprecatedTerm-admn-sts"


def test_abbreviation_is_a_term_type(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    concept = glossary.lookup("技改")[0].concept
    types = [
        (s.findtext("t:term", namespaces=NS), s.findtext("t:termNote[@type='termType']", namespaces=NS))
        for s in entry_of(document, concept.id).findall("t:langSec[@xml:lang='zh']/t:termSec", NS)
    ]
    assert ("技改", "abbreviation") in types


def test_traditional_forms_get_sections_where_they_differ(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    first_set = sections(entry_of(document, glossary.lookup("首台套")[0].concept.id))
    assert "首臺套" in first_set["zh-Hant"]
    assert "首台套" in first_set["zh-HK"]  # Hong Kong keeps 台
    assert "首臺套" not in first_set.get("zh-TW", [])  # same as zh-Hant: not repeated
    cluster = sections(entry_of(document, glossary.lookup("产业集群")[0].concept.id))
    assert (cluster["zh-Hant"][0], cluster["zh-TW"][0]) == ("產業集羣", "產業集群")
    assert "zh-HK" not in cluster


def test_traditional_tags_and_languages_are_options(glossary: Glossary) -> None:
    data = export(glossary, source_lang="zh-Hans", target_lang="en-GB", traditional_tags=("zh-TW",))
    languages = {s.get(LANG) for s in assert_valid_tbx(data).getroot().iter("{*}langSec")}
    assert languages == {"zh-Hans", "zh-TW", "en-GB"}
    with pytest.raises(ValueError, match="zh-SG"):
        export(glossary, traditional_tags=("zh-SG",))


def test_sources_are_described_in_back_matter(glossary: Glossary) -> None:
    document = assert_valid_tbx(export(glossary))
    objects = document.getroot().findall(".//t:back/t:refObjectSec[@type='source']/t:refObject", NS)
    assert len(objects) == len(glossary.sources)
    targets = {admin.get("target") for admin in document.getroot().iter("{*}admin")}
    assert targets <= {o.get("id") for o in objects}


@given(st.text(min_size=1, max_size=20))
def test_any_text_makes_a_reversible_xml_id(text: str) -> None:
    identifier = xml_id(text)
    assert re.fullmatch(r"[A-Za-z_\u4e00-\u9fa5][A-Za-z0-9_\-\u4e00-\u9fa5]*", identifier)
    assert original_id(identifier) == text


@HYPOTHESIS
@given(glossaries(max_concepts=3), st.lists(st.text(min_size=1, max_size=8), min_size=3, max_size=3, unique=True))
def test_odd_concept_ids_stay_valid_and_come_back(generated: Glossary, ids: list[str]) -> None:
    concepts = tuple(attrs.evolve(c, id=i) for c, i in zip(generated.concepts, ids, strict=False))
    data = export(attrs.evolve(generated, concepts=concepts))
    assert_valid_tbx(data)
    assert [c.id for c in reread(data).glossary] == [c.id for c in concepts]


# Round trips -------------------------------------------------------------------------------------


def assert_same_glossary(result: TbxImport, glossary: Glossary) -> None:
    assert result.problems == ()
    assert result.glossary.name == glossary.name
    assert dict(result.glossary.sources) == dict(glossary.sources)
    assert result.glossary.concepts == glossary.concepts


@pytest.mark.parametrize("writer", [write_tbx, write_tbx2008])
def test_bundled_glossary_round_trips(glossary: Glossary, writer: Writer) -> None:
    """Curated pinyin (锻长板 duàn cháng bǎn), curated traditional forms, statuses and citations survive."""
    assert_same_glossary(reread(export(glossary, writer)), glossary)


@pytest.mark.parametrize("writer", [write_tbx, write_tbx2008])
def test_notes_keep_their_line_breaks(glossary: Glossary, writer: Writer) -> None:
    first = glossary.concepts[0]
    rendering = attrs.evolve(first.renderings[0], note="seed: 'chained' & <clusters>\nMIIT: chain-based")
    concept = attrs.evolve(first, note="line one\nline two", renderings=(rendering, *first.renderings[1:]))
    edited = attrs.evolve(glossary, concepts=(concept,))
    data = export(edited, writer)
    assert data.count(b"<note>line one</note>") == 1
    assert reread(data).glossary.concepts == (concept,)


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_round_trip_through_tbx(generated: Glossary) -> None:
    assert_same_glossary(reread(export(generated)), generated)


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_round_trip_through_tbx2008(generated: Glossary) -> None:
    assert_same_glossary(reread(export(generated, write_tbx2008)), generated)


def test_without_deprecated_renderings_the_rest_round_trips(glossary: Glossary) -> None:
    result = reread(export(glossary, write_tbx2008, include_deprecated=False))
    expected = [
        attrs.evolve(c, renderings=kept)
        for c in glossary
        if (kept := tuple(r for r in c.renderings if r.status is not Status.DEPRECATED))
    ]
    assert list(result.glossary.concepts) == expected
    assert len(result.problems) == len(glossary) - len(expected)  # each concept left without English


# Import: files written by other tools -------------------------------------------------------------


def test_empty_file_gives_a_clear_error() -> None:
    path = shared_path("realworld/tbx/heartsome_ImportTBXTest0_empty.tbx")
    with pytest.raises(FormatError, match="empty file") as caught:
        read_tbx(path)
    assert caught.value.problem.path == str(path)
    assert caught.value.problem.line == 1


def test_heartsome_en_us_zh_cn_imports_with_its_mojibake_reported() -> None:
    result = read_tbx(shared_path("realworld/tbx/heartsome_ImportTBXTest_en-US_zh-CN.tbx"))
    assert (result.entries, dict(result.languages)) == (314, {"en-US": 314, "zh-CN": 314})
    assert len(result.glossary) == 284
    audio = result.glossary.lookup("音频设置")[0].concept
    assert [r.text for r in audio.renderings] == ["Audio settings"]
    assert audio.head.pinyin == "yīn pín shè zhì"
    assert audio.note == "Txt::Text Field: TI_07083 Neroc SPC220 + 225"  # an unknown descrip kept as a note
    mojibake = [p for p in result.problems if "µÄ¶ú»ú" in p.message]
    assert mojibake and mojibake[0].line == 24
    skipped = [p for p in result.problems if p.message.endswith("it is not imported")]
    assert len(skipped) == 314 - 284


def known_term(entries: list[TbxEntry], text: str) -> TbxTerm:
    return next(term for entry in entries for term in entry.terms if term.text == text)


ASTRONOMY = {"en": 55, "es": 52, "zu": 6}
MARYLAND = {"fr": 3, "it": 4, "es": 4, "en": 2}
# (file, entries, terms per language, a term, a category that term carries)
FOREIGN = [
    ("realworld/tbx/ltac_tbx3-basic_dca_astronomy.tbx", 45, ASTRONOMY, "open cluster", "administrativeStatus"),
    ("realworld/tbx/ltac_tbx3-min_dct_astronomy.tbx", 45, ASTRONOMY, "galactic cluster", "administrativeStatus"),
    ("realworld/tbx/okapi_ibm-sample_tbx2008.tbx", 5, {"en": 6, "fr": 5}, "navigation trail", "context"),
    ("realworld/tbx/okapi_oracle-sample_tbx2008.tbx", 2, {"en": 3, "pt": 3}, "PRE", "abbreviatedFormFor"),
    ("realworld/tbx/okapi_medtronic-sample_transacGrp.tbx", 3, None, "patient identifier", "transacGrp"),
    ("realworld/tbx/okapi_sdlx-adobe-sample_ntig.tbx", 223, {"de": 277, "en": 239}, "Harmonikafalz", "termType"),
    ("realworld/tbx/okapi_maryland-codicology_EN-uppercase.tbx", 1, MARYLAND, "écrivain", "termType"),
    ("realworld/tbx/okapi_test02_windows-1254.tbx", 1, {"en": 1, "tr": 1}, "tr term with: éá and İı", None),
    ("realworld/tbx/omegat_sampleTBXfile_bom-doctype.tbx", 1, {"en": 1, "hu": 1}, "alpha smoothing factor", "termType"),
    ("realworld/tbx/weblate_cs_translate-toolkit-doctype.tbx", 4, {"en": 4, "cs": 4}, "adresní řádek", None),
    (
        "realworld/tbx/weblate_fr-extended-metadata_ns-martif.tbx",
        2,
        {"en": 2, "fr": 2},
        "data bus",
        "administrativeStatus",
    ),
    ("schemas/TBX-Basic_dialect/DCA/Example_Astronomy_DCA_VALID.tbx", 45, ASTRONOMY, "black hole", "context"),
    ("schemas/TBX-Basic_dialect/DCT/Example_Astronomy_DCT_VALID.tbx", 45, ASTRONOMY, "open cluster", "context"),
    ("schemas/TBX-Core_dialect/Schemas/Example_Astronomy_DCA_VALID.tbx", 45, ASTRONOMY, "black hole", None),
    ("schemas/TBX-Linguist_dialect/DCA/Example_Astronomy_DCA_VALID.tbx", 45, ASTRONOMY, "black dwarf", "partOfSpeech"),
    (
        "schemas/TBX-Min_dialect/DCA/Example_Astronomy_DCA_VALID.tbx",
        45,
        ASTRONOMY,
        "open cluster",
        "administrativeStatus",
    ),
    ("schemas/TBX-Min_dialect/DCT/Example_Astronomy_DCT_VALID.tbx", 45, ASTRONOMY, "solar mass", "partOfSpeech"),
]


@pytest.mark.parametrize(("relative", "count", "languages", "text", "category"), FOREIGN)
def test_files_of_other_tools_are_read_entry_by_entry(
    relative: str, count: int, languages: dict[str, int] | None, text: str, category: str | None
) -> None:
    path = shared_path(relative)
    entries = list(iter_tbx(path))
    assert len(entries) == count
    term = known_term(entries, text)
    assert (category is None) == (not term.data)
    if category:
        assert category in {d.category for d in term.data}
    result = read_tbx(path)
    assert result.entries == count
    if languages:
        assert dict(result.languages) == languages


@pytest.mark.parametrize(("relative", "count"), [(f[0], f[1]) for f in FOREIGN])
def test_entries_without_chinese_are_each_reported_not_imported(relative: str, count: int) -> None:
    result = read_tbx(shared_path(relative))
    assert len(result.glossary) == 0
    missing = [p for p in result.problems if p.message.endswith("has no zh term; it is not imported")]
    assert len(missing) == count
    assert all(p.line > 0 for p in missing)
    assert any(p.message.startswith("not kept:") for p in result.problems)  # other languages are counted


def test_tbx3_dca_and_dct_give_the_same_data() -> None:
    dca = list(iter_tbx(shared_path("schemas/TBX-Basic_dialect/DCA/Example_Astronomy_DCA_VALID.tbx")))
    dct = list(iter_tbx(shared_path("schemas/TBX-Basic_dialect/DCT/Example_Astronomy_DCT_VALID.tbx")))

    def summary(entries: list[TbxEntry]) -> list[tuple[str, str, list[tuple[str, str]]]]:
        return [(t.text, t.language, sorted((d.category, d.text) for d in t.data)) for e in entries for t in e.terms]

    assert summary(dca) == summary(dct)


def test_transactions_and_other_languages_are_counted_as_not_kept() -> None:
    result = read_tbx(shared_path("realworld/tbx/okapi_medtronic-sample_transacGrp.tbx"))
    messages = [p.message for p in result.problems]
    assert any(re.fullmatch(r"not kept: \d+ × transaction records \(transacGrp\)", m) for m in messages)
    assert "not kept: 8 × terms in da" in messages


def test_entries_without_ids_are_named_by_position() -> None:
    path = shared_path("realworld/tbx/weblate_cs_translate-toolkit-doctype.tbx")
    assert [entry.id for entry in iter_tbx(path)] == ["", "", "", ""]
    result = read_tbx(path)
    assert result.problems[0].message == "entry #1 has no zh term; it is not imported"


# Import: the mapping of foreign data ---------------------------------------------------------------

FOREIGN_CHINESE = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<martifHeader><fileDesc><titleStmt><title>Policy terms</title></titleStmt>
<sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="chain">
  <descrip type="subjectField">industrial policy</descrip>
  <descrip type="Usage note">Henan practice.</descrip>
  <transacGrp><transac type="transactionType">origination</transac><date>2020-01-01</date></transacGrp>
  <langSet xml:lang="ZH-cn"><tig><term>锻长板</term><note>pinyin: duàn cháng bǎn</note></tig>
    <tig><term>长板</term></tig></langSet>
  <langSet xml:lang="zh-TW"><tig><term>鍛長板</term></tig></langSet>
  <langSet xml:lang="EN-us">
    <descripGrp><descrip type="definition">Building on strengths.</descrip>
      <admin type="source">MIIT</admin></descripGrp>
    <tig><term>leveraging advantages</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      <termNote type="partOfSpeech">noun</termNote>
      <admin type="source">miit-2021#p3</admin></tig>
    <tig><term>forging long boards</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>valoriser les atouts</term></tig></langSet>
</termEntry>
<termEntry id="cluster">
  <langSet xml:lang="zh-Hant-TW"><ntig><termGrp><term>產業集群</term>
    <termNote type="termType">fullForm</termNote></termGrp></ntig></langSet>
  <langSet xml:lang="en"><tig><term>industrial cluster</term></tig></langSet>
</termEntry>
<termEntry id="first-set">
  <langSet xml:lang="zh-Hans"><ntig><termGrp><term>首台套</term><termNote type="termType">acronym</termNote></termGrp>
    </ntig></langSet>
  <langSet xml:lang="zh-HK"><tig><term>首台套</term></tig></langSet>
  <langSet xml:lang="en">
    <tig><term>first unit</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>first set</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="chain"><langSet xml:lang="zh"><tig><term>產業鏈</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>industrial chain</term></tig></langSet></termEntry>
<termEntry id="only-chinese"><langSet xml:lang="zh"><tig><term>头雁</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="zh"><tig><term>亩均</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>per-mu</term></tig></langSet></termEntry>
</body></text></martif>
"""


@pytest.fixture
def foreign(tmp_path: Path) -> TbxImport:
    return read_tbx(write_file(tmp_path, FOREIGN_CHINESE))


def test_foreign_chinese_terms_and_renderings(foreign: TbxImport) -> None:
    assert foreign.glossary.name == "Policy terms"
    assert [c.id for c in foreign.glossary] == ["chain", "cluster", "first-set", "chain-2", "entry-6"]
    chain = foreign.glossary.get("chain")
    assert chain.head.pinyin == "duàn cháng bǎn"  # the file's pinyin wins over pypinyin
    assert [(t.text, t.type) for t in chain.terms] == [("锻长板", TermType.FULL_FORM), ("长板", TermType.VARIANT)]
    assert [(r.text, r.status) for r in chain.renderings] == [
        ("leveraging advantages", Status.PREFERRED),
        ("forging long boards", Status.DEPRECATED),
    ]
    assert chain.renderings[0].citations[0].source == "miit-2021"
    assert chain.renderings[0].note == "partOfSpeech: noun"
    assert chain.renderings[1].note == "administrativeStatus: supersededTerm-admn-sts"
    assert (chain.subject, chain.definition) == ("industrial policy", "Building on strengths.")
    assert chain.note == "Usage note: Henan practice.\nsource of definition (EN-us): MIIT"


def test_foreign_traditional_forms_become_curated_forms(foreign: TbxImport) -> None:
    chain = foreign.glossary.get("chain").head
    assert {tag: v.text for v in chain.traditional for tag in v.tags}["zh-TW"] == "鍛長板"
    cluster = foreign.glossary.get("cluster").head
    assert (cluster.text, cluster.type) == ("产业集群", TermType.FULL_FORM)  # made from the zh-Hant-TW term
    assert {tag: v.text for v in cluster.traditional for tag in v.tags}["zh-TW"] == "產業集群"
    first_set = foreign.glossary.get("first-set").head
    assert {tag: v.text for v in first_set.traditional for tag in v.tags}["zh-HK"] == "首台套"
    assert first_set.type is TermType.ABBREVIATION
    assert "首台套: termType: acronym" in foreign.glossary.get("first-set").note


def test_foreign_problems_are_reported(foreign: TbxImport) -> None:
    messages = [p.message for p in foreign.problems]
    assert "entry first-set: 'first set' is a second preferred rendering; imported as admitted" in messages
    assert [r.status for r in foreign.glossary.get("first-set").renderings] == [Status.PREFERRED, Status.ADMITTED]
    assert "entry id 'chain' is used twice; imported as 'chain-2'" in messages
    assert any("產業鏈" in m and "imported as its simplified form 产业链" in m for m in messages)
    assert foreign.glossary.get("chain-2").head.text == "产业链"
    assert "entry only-chinese has no en term; it is not imported" in messages
    assert "not kept: 1 × terms in fr" in messages
    assert "not kept: 1 × transaction records (transacGrp)" in messages


def test_target_language_is_a_parameter(tmp_path: Path) -> None:
    result = read_tbx(write_file(tmp_path, FOREIGN_CHINESE), target_lang="fr")
    assert [r.text for r in result.glossary.get("chain").renderings] == ["valoriser les atouts"]
    assert "not kept: 2 × terms in EN-us" in [p.message for p in result.problems]


def entry_file(folder: Path, chinese: str, english: str = "term") -> Path:
    """A TBX 2008 file of one entry: the Chinese term section's content, and an English term."""
    zh = f'<langSet xml:lang="zh"><tig>{chinese}</tig></langSet>'
    en = f'<langSet xml:lang="en"><tig><term>{english}</term></tig></langSet>'
    return write_file(
        folder, f"{HEADER}</martifHeader><text><body><termEntry id='e'>{zh}{en}</termEntry></body></text></martif>"
    )


def test_pinyin_that_does_not_fit_is_replaced_and_reported(tmp_path: Path) -> None:
    result = read_tbx(entry_file(tmp_path, "<term>锻长板</term><note>pinyin: duàn cháng</note>"))
    assert result.glossary.get("e").head.pinyin == chinese.generate_pinyin("锻长板")
    (problem,) = result.problems
    assert "2 syllables for the 3 characters" in problem.message
    assert problem.message.endswith("generated pinyin is used instead")


def test_a_term_make_term_refuses_is_reported_with_its_reason(tmp_path: Path) -> None:
    result = read_tbx(entry_file(tmp_path, "<term>㗎</term>"))  # a character pypinyin has no reading for
    assert len(result.glossary) == 0
    refused, skipped = result.problems
    assert "㗎" in refused.message and refused.message.endswith("the term is left out")
    assert skipped.message == "entry e has no valid Chinese term; it is not imported"


# Bad and hostile files ---------------------------------------------------------------------------

HOSTILE = {
    "entity expansion": (
        '<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY a "链链链链链链链链">\n'
        + '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
        + HEADER
        + "</martifHeader>"
        + BODY.format("&b;")
        + "</body></text></martif>",
        1,
        "declares XML entities",
    ),
    "external entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        + HEADER
        + "</martifHeader>"
        + BODY.format("&secret;")
        + "</body></text></martif>",
        1,
        "declares XML entities",
    ),
    "parameter entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY % dtd SYSTEM "evil.dtd"> %dtd;]>\n'
        + HEADER
        + "</martifHeader>"
        + BODY.format("x")
        + "</body></text></martif>",
        1,
        "declares XML entities",
    ),
    "external DTD supplying an entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "evil.dtd">\n'
        + HEADER
        + "</martifHeader>\n"
        + BODY.format("&term;")
        + "</body></text></martif>",
        4,
        "undeclared entity",
    ),
    "not well-formed": ('<?xml version="1.0"?>\n' + HEADER + "\n</martif>", 3, "not well-formed"),
    "not TBX": ('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body/></tmx>', 2, "not TBX"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_bad_and_hostile_files_are_refused_with_file_and_line(tmp_path: Path, kind: str) -> None:
    (tmp_path / "evil.dtd").write_text('<!ENTITY term "链长制">', encoding="utf-8")
    text, line, message = HOSTILE[kind]
    path = write_file(tmp_path, text)
    with pytest.raises(FormatError, match=message) as caught:
        read_tbx(path)
    assert (caught.value.problem.path, caught.value.problem.line) == (str(path), line)


def test_an_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://127.0.0.1:9/tbx.dtd">\n'
        + HEADER
        + "</martifHeader>"
        + BODY.format("链长制").replace(
            "</langSet>", '</langSet><langSet xml:lang="en"><tig><term>x</term></tig></langSet>'
        )
        + "</body></text></martif>"
    )
    result = read_tbx(write_file(tmp_path, text))
    assert [c.zh for c in result.glossary] == ["链长制"]


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read"):
        read_tbx(tmp_path / "absent.tbx")
