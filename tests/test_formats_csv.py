"""Tabular formats: the project's CSV, OmegaT's glossary and memoQ-style CSV, written and read back.

What each carries (docs/formats.md):
- project CSV: ids, as many terms as the concept has renderings (text, pinyin, type), renderings (text,
  status, note) and the first citation of each rendering, as text; not subject, definition, concept note,
  curated written pinyin or traditional forms, source declarations, term citations of their own.
- OmegaT: per Chinese term, its pinyin and the renderings (text, status, note); concepts are split into
  one per term, so ids, types, citations and concept fields are lost.
- memoQ-style: ids, terms (text, pinyin, type), renderings (text, status, note), subject, definition and
  concept note; not citations, curated written pinyin or traditional forms.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings

from henan_terms import (
    ChineseTerm,
    Citation,
    Concept,
    Glossary,
    GlossaryError,
    Status,
    TermType,
    chinese,
    load_glossary,
)
from henan_terms.errors import FormatError
from henan_terms.exchange import guess_format, import_glossary
from henan_terms.formats.csv import write_csv
from henan_terms.formats.imports import Imported
from henan_terms.formats.memoq import read_memoq, write_memoq
from henan_terms.formats.omegat import read_omegat, write_omegat

from .strategies import glossaries

T = TypeVar("T")
HYPOTHESIS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _written(write: Callable[[io.StringIO], None], name: str, read: Callable[[Path], T]) -> T:
    """Write to a file called ``name`` in a fresh folder and read it back."""
    stream = io.StringIO(newline="")
    write(stream)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(stream.getvalue(), encoding="utf-8", newline="")
        return read(path)


# The project's CSV --------------------------------------------------------------------------------


def _csv_carried(concept: Concept) -> tuple[object, ...]:
    """Written pinyin and traditional forms are not carried: reading derives them again."""
    terms = concept.terms[: len(concept.renderings)]
    return (
        concept.id,
        [(t.text, t.pinyin, _derived_written(t), chinese.traditional_variants(t.text), t.type) for t in terms],
        [(r.text, r.status, r.note, str(r.citations[0])) for r in concept.renderings],
        [str(concept.renderings[i].citations[0]) for i in range(len(terms))],
    )


def _derived_written(term: ChineseTerm) -> str:
    return chinese.written_pinyin(term.text, term.pinyin)


def _csv_read(concept: Concept) -> tuple[object, ...]:
    return (
        concept.id,
        [(t.text, t.pinyin, t.pinyin_written, t.traditional, t.type) for t in concept.terms],
        [(r.text, r.status, r.note, *map(str, r.citations)) for r in concept.renderings],
        [str(c) for t in concept.terms for c in t.citations],
    )


@HYPOTHESIS
@given(glossaries())
def test_project_csv_round_trip(glossary: Glossary) -> None:
    read = _written(lambda s: write_csv(glossary, s), "terms.csv", load_glossary)
    assert [_csv_read(c) for c in read] == [_csv_carried(c) for c in glossary]


def test_project_csv_of_the_bundled_glossary_with_bom(glossary: Glossary) -> None:
    stream = io.StringIO(newline="")
    write_csv(glossary, stream, bom=True)
    text = stream.getvalue()
    assert text.startswith("\ufeffzh,en,status,id,pinyin,type,note,source\r\n")
    assert "\r\n链式集群化,chain-based cluster development,preferred,chain-based-cluster-development," in text
    read = _written(lambda s: write_csv(glossary, s, bom=True), "henan.csv", load_glossary)
    assert [_csv_read(c) for c in read] == [_csv_carried(c) for c in glossary]


def test_project_csv_without_citations_has_no_source_column(glossary: Glossary) -> None:
    uncited = Glossary("uncited", tuple(_uncited(c) for c in glossary.concepts[:5]))
    stream = io.StringIO(newline="")
    write_csv(uncited, stream)
    assert stream.getvalue().startswith("zh,en,status,id,pinyin,type,note\r\n")


def _uncited(concept: Concept) -> Concept:
    return evolve(concept, renderings=tuple(evolve(r, citations=()) for r in concept.renderings))


def test_project_csv_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("zh,en,status,id\n北斗,BeiDou,preferred,b\n北斗,Dipper,prefered,b\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert [(p.path, p.line) for p in caught.value.problems] == [(str(path), 3)]


# OmegaT -------------------------------------------------------------------------------------------


def _omegat_carried(glossary: Glossary, deprecated: bool = True) -> list[tuple[object, ...]]:
    return [
        (
            t.text,
            t.pinyin,
            [(r.text, r.status, r.note) for r in c.renderings if deprecated or r.status is not Status.DEPRECATED],
        )
        for c in glossary
        for t in c.terms
        if deprecated or any(r.status is not Status.DEPRECATED for r in c.renderings)
    ]


def _omegat_read(imported: Imported) -> list[tuple[object, ...]]:
    assert imported.skipped == ()
    return [(c.zh, c.head.pinyin, [(r.text, r.status, r.note) for r in c.renderings]) for c in imported.glossary]


@HYPOTHESIS
@given(glossaries())
def test_omegat_round_trip(glossary: Glossary) -> None:
    read = _written(lambda s: write_omegat(glossary, s), "terms.utf8", read_omegat)
    assert _omegat_read(read) == _omegat_carried(glossary)
    assert all(c.id == c.zh and len(c.terms) == 1 for c in read.glossary)


def test_omegat_of_the_bundled_glossary(glossary: Glossary) -> None:
    stream = io.StringIO()
    write_omegat(glossary, stream)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "# Glossary in tab-separated format -*- coding: utf-8 -*-"
    assert any(line.startswith("北斗\tBeiDou\tpreferred; pinyin: běi dǒu; The official") for line in lines)
    assert all(line.count("\t") == 2 for line in lines[1:])
    read = _written(lambda s: write_omegat(glossary, s), "henan.utf8", read_omegat)
    assert _omegat_read(read) == _omegat_carried(glossary)


def test_omegat_can_leave_deprecated_renderings_out(glossary: Glossary) -> None:
    stream = io.StringIO()
    write_omegat(glossary, stream, deprecated=False)
    assert "\tdeprecated; " not in stream.getvalue()
    assert "北斗\tDipper" not in stream.getvalue() and "北斗\tBeiDou" in stream.getvalue()
    read = _written(lambda s: write_omegat(glossary, s, deprecated=False), "h.utf8", read_omegat)
    assert _omegat_read(read) == _omegat_carried(glossary, deprecated=False)


def test_omegat_glossary_from_another_tool(tmp_path: Path) -> None:
    """English → Chinese columns, traditional script, free comments, comment lines and broken lines."""
    path = tmp_path / "project.txt"
    path.write_text(
        "\ufeff# exported glossary\n"
        "BeiDou\t北斗\tsatellite navigation\n"
        "industrial chain\t產業鏈\n"
        "orphan line\n"
        "\n"
        "chain leader\t链长\tdeprecated; the old name\tmore\n"
        "两个\t两个\n"
        "no Chinese\there\n",
        encoding="utf-8",
    )
    imported = read_omegat(path)
    concepts = {c.zh: c for c in imported.glossary}
    assert list(concepts) == ["北斗", "产业链", "链长"]
    assert concepts["北斗"].renderings[0].note == "satellite navigation"
    assert concepts["北斗"].renderings[0].status is Status.ADMITTED
    assert concepts["产业链"].head.traditional_forms == ("產業鏈",)
    assert (concepts["链长"].renderings[0].status, concepts["链长"].renderings[0].note) == (
        Status.DEPRECATED,
        "the old name",
    )
    assert concepts["北斗"].head.citations == (Citation("project", "L2"),)
    assert imported.glossary.sources["project"].file == "project.txt"
    assert [(p.line, p.message.split(":")[0]) for p in imported.skipped] == [
        (4, "line not imported"),
        (6, "columns after the third (comment) are not imported"),
        (7, "line not imported"),
        (8, "line not imported"),
    ]


def test_omegat_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("北斗\tBeiDou\n".encode() + b"caf\xe9\tx\n")
    with pytest.raises(FormatError) as caught:
        read_omegat(path)
    assert (caught.value.problem.path, caught.value.problem.line) == (str(path), 2)


# memoQ-style CSV ----------------------------------------------------------------------------------


def _memoq_carried(concept: Concept) -> tuple[object, ...]:
    return (
        concept.id,
        [(t.text, t.pinyin, t.type) for t in concept.terms],
        [(r.text, r.status, r.note) for r in concept.renderings],
        concept.subject,
        concept.definition,
        concept.note,
    )


@HYPOTHESIS
@given(glossaries())
def test_memoq_round_trip(glossary: Glossary) -> None:
    read = _written(lambda s: write_memoq(glossary, s), "terms.csv", read_memoq)
    assert read.skipped == ()
    assert [_memoq_carried(c) for c in read.glossary] == [_memoq_carried(c) for c in glossary]


def test_memoq_with_language_codes_and_semicolons(glossary: Glossary) -> None:
    def write(stream: io.StringIO) -> None:
        write_memoq(glossary, stream, chinese_column="zh-CN", english_column="en", delimiter=";", bom=True)

    stream = io.StringIO(newline="")
    write(stream)
    assert stream.getvalue().startswith("\ufeffEntry_ID;Entry_Subject;Entry_Note;zh-CN;Term_Pinyin;Term_Type;zh-CN;")
    read = _written(write, "henan.csv", read_memoq)
    assert read.skipped == ()
    assert [_memoq_carried(c) for c in read.glossary] == [_memoq_carried(c) for c in glossary]


def test_memoq_as_excel_unicode_text(glossary: Glossary, tmp_path: Path) -> None:
    """Excel's "Unicode Text": tab-separated UTF-16 with a byte-order mark."""
    stream = io.StringIO(newline="")
    write_memoq(glossary, stream, delimiter="\t")
    path = tmp_path / "henan.txt"
    path.write_bytes(stream.getvalue().encode("utf-16"))
    read = read_memoq(path)
    assert read.skipped == ()
    assert [_memoq_carried(c) for c in read.glossary] == [_memoq_carried(c) for c in glossary]


def test_memoq_export_with_fields_that_are_not_imported(tmp_path: Path) -> None:
    """A memoQ export: entry fields we do not keep are reported where they hold data."""
    path = tmp_path / "memoq.csv"
    path.write_text(
        "Entry_ID;Entry_Domain;Entry_Created;Chinese (Taiwan);English (United States);Term_Example;German\n"
        "1;;1/2/2024 10:00:00 AM;鏈長制;chain leader system;;Kettenleiter\n"
        "2;industry;;;orphan;;\n"
        "3;;;北斗;;;\n",
        encoding="utf-8",
    )
    imported = read_memoq(path)
    (concept,) = imported.glossary
    assert (concept.id, concept.zh, concept.head.traditional_forms) == ("1", "链长制", ("鏈長制",))
    assert concept.head.type is TermType.FULL_FORM
    messages = [(p.line, p.message) for p in imported.skipped]
    assert (2, "column 3 ('Entry_Created') is not imported") in messages
    assert (2, "column 7 ('German') is not imported") in messages
    assert (3, "column 2 ('Entry_Domain') is not imported") in messages
    assert (3, "row not imported: no Chinese term") in messages
    assert (4, "concept '3' not imported: no English rendering") in messages


def test_memoq_without_language_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-languages.csv"
    path.write_text("Term,Translation\n北斗,BeiDou\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_memoq(path)
    assert caught.value.problem.line == 1 and "Chinese" in caught.value.problem.message


def test_bad_pinyin_is_repaired_alike_by_the_tbx_and_the_memoq_reader(tmp_path: Path) -> None:
    memoq = tmp_path / "terms.csv"
    memoq.write_text("Chinese (PRC),Term_Pinyin,English\n链长制,lian4,chain leader system\n", "utf-8")
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(
        '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>\n"
        '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>链长制</term>'
        '<note>pinyin: lian4</note></termSec></langSec>\n<langSec xml:lang="en"><termSec>'
        "<term>chain leader system</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n",
        "utf-8",
    )
    for path in (memoq, tbx):
        imported = import_glossary(path)
        (concept,) = imported.glossary
        assert concept.head.pinyin == "liàn zhǎng zhì", path
        assert any("generated pinyin is used instead" in p.message for p in imported.skipped), path


def test_a_csv_naming_neither_our_columns_nor_memoq_languages_is_refused_naming_its_header(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("chinese,english\n北斗,BeiDou\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        import_glossary(path)
    assert str(caught.value) == (
        f"{path}:1: the header ['chinese', 'english'] has none of the columns zh,en,status, nor language columns"
        " as memoQ names them (Chinese (PRC), English)"
    )


@pytest.mark.parametrize(
    ("header", "encoding"),
    [
        ("English,Term_Status,Entry_ID,Chinese (PRC),Term_Pinyin", "utf-8"),
        ("en;Term_Status;zh-CN", "utf-8-sig"),
        ("EN-US\tZH-TW", "utf-16"),  # Excel's "Unicode text", saved as .csv
    ],
)
def test_memoq_columns_in_any_order_are_read_as_memoq(header: str, encoding: str, tmp_path: Path) -> None:
    # the near miss: memoQ's columns, in another order, delimited otherwise or in codes, are memoQ's
    delimiter = next(d for d in ";\t," if d in header)
    row = {"English": "BeiDou", "en": "BeiDou", "EN-US": "BeiDou", "Term_Status": "preferred", "Entry_ID": "bds"}
    row |= {"Chinese (PRC)": "北斗", "zh-CN": "北斗", "ZH-TW": "北斗", "Term_Pinyin": "běi dǒu"}
    path = tmp_path / "terms.csv"
    path.write_text(f"{header}\n{delimiter.join(row[name] for name in header.split(delimiter))}\n", encoding=encoding)
    assert guess_format(path) == "csv-memoq"
    [concept] = import_glossary(path).glossary
    assert (concept.zh, [r.text for r in concept.renderings]) == ("北斗", ["BeiDou"])
