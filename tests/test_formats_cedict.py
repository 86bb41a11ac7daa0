"""CC-CEDICT import: the peculiarities of its lines, a round trip of what it carries, and the whole file.

A CEDICT line carries a simplified and a traditional headword, numbered pinyin and English senses. It
does not carry statuses (every sense is admitted), notes, types, citations other than the line, written
pinyin (derived, or capitalised for names) or more than one traditional form.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from henan_terms import Citation, Glossary, Status, chinese
from henan_terms.errors import FormatError
from henan_terms.formats.cedict import cedict_glossary, read_cedict
from henan_terms.formats.imports import Imported

from .conftest import shared_path
from .strategies import glossaries

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SAMPLE = """\
# CC-CEDICT
#! date=2020-12-21T10:42:05Z
#! publisher=MDBG
中國 中国 [Zhong1 guo2] /China/
北京大學 北京大学 [Bei3 jing1 Da4 xue2] /Peking University/
呂 吕 [Lu:3] /surname Lü/
呂 吕 [lu:3] /pitchpipe/
哪兒 哪儿 [na3 r5] /where?/
一點兒 一点儿 [yi1 dian3 r5] /erhua variant of 一點|一点[yi1 dian3]/
卡拉OK 卡拉OK [ka3 la1 O K] /karaoke/
2019冠狀病毒病 2019冠状病毒病 [er4 ling2 yi1 jiu3 guan1 zhuang4 bing4 du2 bing4] /COVID-19/
3C 3C [san1 C] /computers, communications, and consumer electronics/
發 发 [fa1] /to send out/to issue/CL:個|个[ge4]/
髮 发 [fa4] /hair/Taiwan pr. [fa3]/
〻 〻 [xx5] /iteration mark/
this line is broken
西安 西安 [Xi1 an1] /Xi'an/see 西安區|西安区[Xi1 an1 qu1]/
"""


@pytest.fixture(scope="module")
def sample() -> Imported:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cedict_sample.u8"
        path.write_text(SAMPLE, encoding="utf-8", newline="\r\n")
        return read_cedict(path)


def test_pinyin_of_names_umlauts_erhua_and_latin_letters(sample: Imported) -> None:
    concepts = {c.zh: c for c in sample.glossary}
    heads = {zh: (c.head.pinyin, c.head.pinyin_written) for zh, c in concepts.items()}
    assert heads["中国"] == ("zhōng guó", "Zhōngguó")
    assert heads["北京大学"] == ("běi jīng dà xué", "Běijīng Dàxué")
    assert heads["西安"] == ("xī ān", "Xī'ān")
    assert heads["吕"] == ("lǚ", "lǚ")  # the common word is the head, not the surname
    assert heads["哪儿"][0] == "nǎ er"
    assert heads["卡拉OK"] == ("kǎ lā", "kǎlā")
    assert heads["2019冠状病毒病"][0] == "guān zhuàng bìng dú bìng"


def test_senses_references_and_merged_entries(sample: Imported) -> None:
    concepts = {c.zh: c for c in sample.glossary}
    fa = concepts["发"]
    assert [(r.text, r.note) for r in fa.renderings] == [
        ("to send out", ""),
        ("to issue", ""),
        ("hair", "read fà, traditional 髮"),
    ]
    assert fa.note == "CL:個|个[ge4]\nTaiwan pr. [fa3]"
    assert fa.head.traditional_forms == ("發",) and fa.id == "cedict-13"
    assert all(r.status is Status.ADMITTED for c in sample.glossary for r in c.renderings)
    assert fa.renderings[2].citations == (Citation("cc-cedict", "L14"),)
    assert concepts["吕"].renderings[1].note == ""  # Lu:3 and lu:3 read alike
    assert concepts["西安"].note == "see 西安區|西安区[Xi1 an1 qu1]"


def test_unkept_entries_are_reported_with_their_lines(sample: Imported) -> None:
    reported = [(p.line, p.message) for p in sample.skipped]
    assert sorted({line for line, _ in reported}) == [9, 12, 15, 16]
    assert (9, "concept 'cedict-9' not imported: no English rendering") in reported  # a cross-reference only
    assert (12, "term '3C': '3C' has no Chinese characters; the term is left out") in reported
    assert (15, "concept 'cedict-15' not imported: no valid Chinese term") in reported  # 〻 [xx5]: no reading
    assert (16, "not a CC-CEDICT entry: TRADITIONAL SIMPLIFIED [pinyin] /sense/") in reported
    source = sample.glossary.sources["cc-cedict"]
    assert (source.title, source.publisher, source.date, source.file) == (
        "CC-CEDICT",
        "MDBG",
        "2020-12-21",
        "cedict_sample.u8",
    )


def _sense(text: str) -> str:
    return " ".join(text.replace("/", " ").split())


@HYPOTHESIS
@given(glossaries())
def test_cedict_lines_of_generated_glossaries(glossary: Glossary) -> None:
    """Headwords, traditional forms, pinyin and senses survive; every sense becomes an admitted rendering."""
    lines = []
    expected = []
    for concept in glossary:
        senses = [_sense(r.text) for r in concept.renderings]
        assume(all(s and not s.lower().startswith(("see ", "cl:", "same as", "used in")) for s in senses))
        for term in concept.terms:
            traditional = term.traditional[0].text
            lines.append(f"{traditional} {term.text} [{chinese.to_numbers(term.pinyin)}] /{'/'.join(senses)}/")
            expected.append((term.text, term.pinyin, term.pinyin_written, term.traditional, senses))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.u8"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        imported = read_cedict(path)
    assert imported.skipped == ()
    assert [
        (c.zh, c.head.pinyin, c.head.pinyin_written, c.head.traditional, [r.text for r in c.renderings])
        for c in imported.glossary
    ] == expected
    assert [c.id for c in imported.glossary] == [f"cedict-{n}" for n in range(1, len(lines) + 1)]


def test_a_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        read_cedict(tmp_path / "absent.u8")
    assert caught.value.problem.path == str(tmp_path / "absent.u8")


TWO_ENTRIES = "北斗 北斗 [Bei3 dou3] /Big Dipper/\n長江 长江 [Chang2 jiang1] /Yangtze River/\n"


def test_a_file_not_in_utf8_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cedict.u8"
    path.write_bytes(TWO_ENTRIES.encode("utf-8")[:40] + TWO_ENTRIES.encode("gb18030")[40:])
    with pytest.raises(FormatError) as caught:
        read_cedict(path)
    assert str(caught.value).startswith(f"{path}:2: not UTF-8: ")
    path.write_bytes(TWO_ENTRIES.encode("utf-16-le"))
    with pytest.raises(FormatError) as caught:
        read_cedict(path)
    assert str(caught.value).startswith(f"{path}: UTF-16 without a byte-order mark")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_file_with_a_byte_order_mark_reads_as_without(encoding: str, tmp_path: Path) -> None:
    # the near miss: UTF-8 with a byte-order mark, and UTF-16 with one, read as plain UTF-8 does
    plain, marked = tmp_path / "plain.u8", tmp_path / "marked.u8"
    plain.write_text(TWO_ENTRIES, encoding="utf-8")
    marked.write_text(TWO_ENTRIES, encoding=encoding)
    imported = read_cedict(marked)
    assert imported.glossary.concepts == read_cedict(plain).glossary.concepts and imported.skipped == ()
    assert [v.text for c in imported.glossary for v in c.head.traditional] == ["北斗", "長江"]


def test_first_entries_for_benchmarks() -> None:
    glossary = cedict_glossary(shared_path("data/cedict_ts.u8"), 1000)
    assert 700 < len(glossary) <= 1000  # the first entries are digits, Latin letters and rare characters
    assert all(int(c.id.removeprefix("cedict-")) <= 1000 + 30 for c in glossary)  # 30 header lines


# The whole dictionary -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cedict() -> tuple[Imported, float]:
    path = shared_path("data/cedict_ts.u8")
    start = time.perf_counter()
    imported = read_cedict(path)
    return imported, time.perf_counter() - start


def test_the_whole_dictionary_imports(cedict: tuple[Imported, float]) -> None:
    imported, seconds = cedict
    print(f"\nCC-CEDICT: {len(imported.glossary)} concepts, {len(imported.skipped)} problems, {seconds:.1f} s")
    headwords = {line.split(" ")[1] for line in _entry_lines()}
    not_kept = [p for p in imported.skipped if p.message.startswith("concept ")]
    assert len(imported.glossary) + len(not_kept) == len(headwords)  # every headword is kept or reported
    assert 110_000 < len(imported.glossary) < len(headwords)
    ids = [c.id for c in imported.glossary]
    assert len(set(ids)) == len(ids)
    terms = [t.text for c in imported.glossary for t in c.terms]
    assert len(set(terms)) == len(terms)


def _entry_lines() -> list[str]:
    text = shared_path("data/cedict_ts.u8").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_known_entries_of_the_whole_dictionary(cedict: tuple[Imported, float]) -> None:
    concepts = {c.zh: c for c in cedict[0].glossary}
    beidou = concepts["北斗"]
    assert (beidou.head.pinyin, beidou.head.pinyin_written) == ("běi dǒu", "Běidǒu")
    assert [r.text for r in beidou.renderings][:2] == ["Great Bear", "Big Dipper"]
    china = concepts["中国"]
    assert (china.id, china.head.pinyin_written, china.head.traditional_forms) == ("cedict-3161", "Zhōngguó", ("中國",))
    assert [r.text for r in china.renderings] == ["China"]
    assert concepts["干"].head.pinyin == "gàn" and concepts["干"].head.traditional_forms == ("幹",)
    assert ("dry", "read gān, traditional 乾") in [(r.text, r.note) for r in concepts["干"].renderings]
    assert concepts["绿"].head.pinyin == "lǜ"
    assert concepts["长"].head.pinyin == "cháng"
