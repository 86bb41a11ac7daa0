"""The contract every exchange format keeps: one suite that each format of the dispatch tables runs.

- Glossary formats written and read (``EXPORT_FORMATS``): a round trip gives back exactly what
  docs/formats.md and docs/tbx.md say the format carries, and what they say is lost is derived again.
- Glossary import formats (``IMPORT_FORMATS``): an empty file gives an empty glossary or an error naming
  the file; a malformed file a HenanTermsError naming the file and line; a term in traditional script is
  imported as its simplified form (the formats read strictly refuse it, naming file and line);
  ``load_glossary`` gives the concepts ``import_glossary`` gives.
- Translation unit files (``read_units``): round trip, empty file, malformed file.

Non-BMP characters are in terms (𬭊, U+2CB4A, whose traditional form 𨧀 is non-BMP too) and notes (𠮷).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

from henan_terms import chinese
from henan_terms.assembly import make_term
from henan_terms.errors import FormatError, GlossaryError, HenanTermsError, Problem
from henan_terms.exchange import EXPORT_FORMATS, IMPORT_FORMATS, export_glossary, import_glossary
from henan_terms.formats.imports import Imported, file_source, line_citation
from henan_terms.formats.po import write_po_units
from henan_terms.formats.tmx import write_tmx
from henan_terms.formats.units import UNIT_SUFFIXES, read_units
from henan_terms.glossary import Glossary
from henan_terms.loader import load_glossary
from henan_terms.model import ChineseTerm, Citation, Concept, Rendering, Source, Status, TermType, TMUnit

SOURCES = {
    "seed": Source("seed", "A seed article", kind="seed", publisher="dahe.cn", date="2023-03-23", file="corpus/a.txt"),
    "gov": Source("gov", "A publication", publisher="State Council", date="2021-01-01", url="https://example.org/a"),
    "unused": Source("unused", "A source no citation names", publisher="Xinhua", date="2022-02-02"),
}


def _cite(text: str) -> tuple[Citation, ...]:
    return (Citation.parse(text),)


def _term(zh: str, pinyin: str, cite: str, **options: object) -> ChineseTerm:
    return make_term(zh, pinyin=pinyin, citations=_cite(cite), **options)  # type: ignore[arg-type]


def _en(text: str, status: Status, cite: str, note: str = "") -> Rendering:
    return Rendering(text, status, _cite(cite), note)


PREFERRED, ADMITTED, DEPRECATED, ABBREVIATION = (
    Status.PREFERRED,
    Status.ADMITTED,
    Status.DEPRECATED,
    TermType.ABBREVIATION,
)
XUN_FORMS = {"zh-Hant": "浚縣", "zh-TW": "浚縣", "zh-HK": "浚縣"}  # curated: OpenCC writes 濬縣
CONCEPTS = (
    Concept(
        "technological-transformation",
        (_term("技术改造", "jì shù gǎi zào", "seed#p1"), _term("技改", "jì gǎi", "seed#p2", term_type=ABBREVIATION)),
        (
            _en("technological transformation", PREFERRED, "gov", "Official; 𠮷 is U+20BB7."),
            _en("technical reform", DEPRECATED, "seed#p2", "Seed wording."),
        ),
        subject="industry",
        definition="Upgrading plant and processes (𠮷).",
        note="A concept note with 𠮷.",
    ),
    Concept(
        "beidou-navigation-satellite-system",
        (
            _term("北斗卫星导航系统", "běi dǒu wèi xīng dǎo háng xì tǒng", "gov"),
            _term("北斗", "běi dǒu", "gov", pinyin_written="Běidǒu", term_type=ABBREVIATION),
        ),
        (_en("BeiDou Navigation Satellite System", PREFERRED, "gov"),),
    ),
    Concept(
        "xun-county",
        (_term("浚县", "xùn xiàn", "gov", pinyin_written="Xùnxiàn", traditional=XUN_FORMS),),
        (_en("Xun County", PREFERRED, "gov"), _en("Junxian", ADMITTED, "seed#p3")),
    ),
    Concept(
        "industrial-chain-leader-system",
        (_term("链长制", "liàn zhǎng zhì", "seed#p4"),),
        (_en("industrial chain leader system", PREFERRED, "seed#p4"),),
    ),
    Concept("dubnium", (_term("𬭊", "dù", "gov"),), (_en("dubnium", PREFERRED, "gov", "𨧀 in traditional script."),)),
)
GLOSSARY = Glossary("contract", CONCEPTS, SOURCES)
SUFFIX = {"tbx": ".tbx", "tbx2008": ".tbx", "csv": ".csv", "tsv-omegat": ".txt", "csv-memoq": ".csv"}
SUFFIX |= {"po": ".po", "json": ".json", "toml": ".toml", "cedict": ".u8"}
CEDICT = (
    "# CC-CEDICT\n#! date=2020-12-21T10:42:05Z\n#! publisher=MDBG\n"
    "鏈長制 链长制 [lian4 zhang3 zhi4] /industrial chain leader system/\n𨧀 𬭊 [du4] /dubnium (chemistry)/\n"
)


def _file(fmt: str, folder: Path) -> Path:
    """The test glossary in a format (CC-CEDICT, which has no writer: a sample of its lines)."""
    path = folder / f"glossary{SUFFIX[fmt]}"
    if fmt == "cedict":
        path.write_text(CEDICT, encoding="utf-8")
    else:
        with path.open("wb") as stream:
            export_glossary(GLOSSARY, fmt, stream)
    return path


def _import(path: Path, fmt: str) -> Imported:
    return import_glossary(path, fmt)  # tbx2008 too: the import takes each export format's name


# What each format carries --------------------------------------------------------------------------

Carried = tuple[tuple[Concept, ...], dict[str, Source]]


def _derived(term: ChineseTerm, **changes: Any) -> ChineseTerm:
    """A term whose written pinyin and traditional forms were not carried, so are derived again."""
    written = chinese.written_pinyin(term.text, term.pinyin)
    return evolve(term, pinyin_written=written, traditional=chinese.traditional_variants(term.text), **changes)


def _csv(path: Path) -> Carried:
    """A term per rendering (the rest lost), each citing its row's rendering; a rendering's first
    citation only, read back as free text; no concept fields, no source declarations."""

    def free(rendering: Rendering) -> tuple[Citation, ...]:
        return (Citation(str(rendering.citations[0])),)

    terms = [
        tuple(_derived(t, citations=free(r)) for t, r in zip(c.terms, c.renderings, strict=False)) for c in GLOSSARY
    ]
    return tuple(
        Concept(c.id, t, tuple(evolve(r, citations=free(r)) for r in c.renderings))
        for c, t in zip(GLOSSARY, terms, strict=True)
    ), {}


def _omegat(path: Path) -> Carried:
    """A concept per Chinese term, whose id is the term, full form; renderings with status and note;
    everything cites its line of the file (line 1 is the header comment)."""
    source, line, concepts = file_source(path), 1, []
    for concept in GLOSSARY:
        for term in concept.terms:
            renderings = []
            for rendering in concept.renderings:
                line += 1
                renderings.append(evolve(rendering, citations=(line_citation(source, line),)))
            head = _derived(term, type=TermType.FULL_FORM, citations=renderings[0].citations)
            concepts.append(Concept(term.text, (head,), tuple(renderings)))
    return tuple(concepts), {source.id: source}


def _memoq(path: Path) -> Carried:
    """Everything but citations (each part cites its row), written pinyin, traditional forms, sources."""
    source, concepts = file_source(path), []
    for row, concept in enumerate(GLOSSARY, start=2):
        cited = (line_citation(source, row),)
        renderings = tuple(evolve(r, citations=cited) for r in concept.renderings)
        concepts.append(
            evolve(concept, terms=tuple(_derived(t, citations=cited) for t in concept.terms), renderings=renderings)
        )
    return tuple(concepts), {source.id: source}


def _everything(sources: dict[str, Source]) -> Callable[[Path], Carried]:
    return lambda path: (GLOSSARY.concepts, sources)


CITED = {key: SOURCES[key] for key in ("seed", "gov")}
CARRIED: dict[str, Callable[[Path], Carried]] = {
    "tbx": _everything(SOURCES),
    "tbx2008": _everything(SOURCES),
    "toml": _everything(SOURCES),
    "json": _everything(CITED),  # sources no citation names are not in the export
    "po": _everything({}),  # the declarations of sources are lost
    "csv": _csv,
    "tsv-omegat": _omegat,
    "csv-memoq": _memoq,
}


def test_the_contract_covers_every_format_of_the_tables() -> None:
    assert set(CARRIED) == set(EXPORT_FORMATS)
    assert set(EMPTY) == set(IMPORT_FORMATS)
    cases = {f"{test}-{fmt}" for test in ("utf8", "traditional") for fmt in IMPORT_FORMATS}
    cases |= {f"malformed-{case[0]}" for case in MALFORMED} | {f"units-{case[0]}" for case in UNIT_MALFORMED}
    assert set(DEFECTS) <= cases  # every known defect marks a case
    assert {".tmx", ".xlf", ".po"} <= set(UNIT_SUFFIXES)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_round_trip_gives_back_what_the_format_carries(fmt: str, tmp_path: Path) -> None:
    path = _file(fmt, tmp_path)
    imported = _import(path, fmt)
    concepts, sources = CARRIED[fmt](path)
    assert imported.skipped == ()
    assert imported.glossary.concepts == concepts
    assert dict(imported.glossary.sources) == sources
    if fmt.startswith("tbx"):
        assert imported.glossary.name == "contract"


def test_derived_parts_really_differ_from_the_curated_ones() -> None:
    """The near miss of the lossy formats: had they carried everything, their expectations would fail."""
    xun, beidou = GLOSSARY.get("xun-county").head, GLOSSARY.get("beidou-navigation-satellite-system").terms[1]
    assert _derived(xun).traditional_forms == ("濬縣",) and xun.traditional_forms == ("浚縣",)
    assert (_derived(beidou).pinyin_written, beidou.pinyin_written) == ("běidǒu", "Běidǒu")


# Import formats: empty, malformed, traditional script ---------------------------------------------

# Known defects: each case fails the contract in the way named (the exception it raises instead: for
# an error not raised, pytest.fail.Exception), until the library is fixed. None is known.
DEFECTS: dict[str, tuple[str, type[BaseException]]] = {}


def _case(test: str, case_id: str, *values: object) -> object:
    """A parameter of a test, marked as an expected failure where DEFECTS names it."""
    defect = DEFECTS.get(f"{test}-{case_id}")
    marks = [pytest.mark.xfail(strict=True, reason=defect[0], raises=defect[1])] if defect else []
    return pytest.param(*values, id=case_id, marks=marks)


EMPTY: dict[str, type[HenanTermsError] | None] = {
    "tbx": FormatError,
    "tbx2008": FormatError,
    "csv": GlossaryError,
    "csv-memoq": FormatError,
    "json": FormatError,
}
EMPTY |= {"tsv-omegat": None, "po": None, "cedict": None, "toml": None}  # None: an empty glossary


@pytest.mark.parametrize("fmt", IMPORT_FORMATS)
def test_empty_file(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{SUFFIX[fmt]}"
    path.write_bytes(b"")
    expected = EMPTY[fmt]
    if expected is None:
        imported = import_glossary(path, fmt)
        assert (len(imported.glossary), imported.skipped) == (0, ())
    else:
        with pytest.raises(expected) as error:
            import_glossary(path, fmt)
        assert str(path) in str(error.value)


def _error_line(message: str, path: Path) -> int:
    found = re.search(rf"{re.escape(str(path))}:(\d+): ", message)
    assert found, f"no {path}:LINE in {message!r}"
    return int(found.group(1))


@pytest.mark.parametrize("fmt", [_case("utf8", fmt, fmt) for fmt in IMPORT_FORMATS])
def test_file_not_in_utf8_names_file_and_line(fmt: str, tmp_path: Path) -> None:
    """GB 18030, the Chinese national encoding, where UTF-8 is expected."""
    path = _file(fmt, tmp_path)
    data = path.read_text(encoding="utf-8").encode("gb18030")
    path.write_bytes(data)
    with pytest.raises(UnicodeDecodeError) as bad:
        data.decode("utf-8")
    with pytest.raises(HenanTermsError) as error:
        import_glossary(path, fmt)
    assert _error_line(str(error.value), path) == data[: bad.value.start].count(b"\n") + 1


PO_SYNTAX = 'msgid "链长制"\nmsgstr "industrial chain leader system"\nmsgctxt\n'
MALFORMED = [
    ("tbx-tags", "tbx", '<?xml version="1.0"?>\n<tbx>\n<text><body>\n</tbx>\n', 4),
    ("csv-fields", "csv", "zh,en,status\n技改,technology upgrading,preferred,extra\n", 2),
    ("memoq-header", "csv-memoq", "Entry_ID,Entry_Note,English\nchain,,industrial chain\n", 1),
    ("po-syntax", "po", PO_SYNTAX, 3),
    (
        "po-unterminated",
        "po",
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "链长制"\nmsgstr "industrial chain\n',
        6,
    ),
    ("json-syntax", "json", '[\n  {"id": "chain",\n  }\n]\n', 3),
    ("toml-syntax", "toml", '[glossary]\ntitle = "t"\n[[concept]\nid = "chain"\n', 3),
]


@pytest.mark.parametrize(("fmt", "text", "line"), [_case("malformed", *case) for case in MALFORMED])
def test_malformed_file_names_file_and_line(fmt: str, text: str, line: int, tmp_path: Path) -> None:
    path = tmp_path / f"malformed{SUFFIX[fmt]}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HenanTermsError) as error:
        import_glossary(path, fmt)
    assert _error_line(str(error.value), path) == line


@pytest.mark.parametrize("fmt", [_case("traditional", fmt, fmt) for fmt in IMPORT_FORMATS])
def test_term_in_traditional_script(fmt: str, tmp_path: Path) -> None:
    """链长制 written 鏈長制 in the Chinese term's place: imported as 链长制 keeping 鏈長制; the formats
    read strictly refuse it, naming the line and the simplified form."""
    path = _file(fmt, tmp_path)
    if fmt != "cedict":  # a CEDICT line always has the traditional form beside the simplified one
        path.write_text(path.read_text(encoding="utf-8").replace("链长制", "鏈長制"), encoding="utf-8")
    assert "鏈長制" in path.read_text(encoding="utf-8")
    if fmt in ("csv", "toml", "json"):
        with pytest.raises(GlossaryError) as error:
            import_glossary(path, fmt)
        line = _error_line(str(error.value), path)
        named = path.read_text(encoding="utf-8").splitlines()[line - 1]  # JSON: the concept's "id" line
        assert "鏈長制" in named or '"industrial-chain-leader-system"' in named
        assert "链长制" in str(error.value)
        return
    imported = import_glossary(path, fmt)
    found = [c for c in imported.glossary if "industrial chain leader system" in (r.text for r in c.renderings)]
    assert len(found) == 1, imported.skipped
    concept = found[0]
    assert concept.zh == "链长制"
    assert ("鏈長制", ("zh-Hant", "zh-TW", "zh-HK")) in ((v.text, v.tags) for v in concept.head.traditional)


# load_glossary reads every format as import does ------------------------------------------------------


@pytest.mark.parametrize("fmt", [*IMPORT_FORMATS, "tbx2008"])
def test_load_glossary_gives_the_concepts_import_gives(fmt: str, tmp_path: Path) -> None:
    path = _file(fmt, tmp_path)
    loaded, imported = load_glossary(path), _import(path, fmt).glossary
    assert len(loaded) == (2 if fmt == "cedict" else len(CARRIED[fmt](path)[0]))
    assert loaded.concepts == imported.concepts
    assert dict(loaded.sources) == dict(imported.sources)


# Translation units --------------------------------------------------------------------------------

UNITS = [
    TMUnit("𬭊是人工合成元素。", "Dubnium (𬭊) is a synthetic element.", origin="seed#p1"),
    TMUnit("以链长制为抓手。", "Use the industrial chain leader system as the lever (𠮷).", origin="seed#p2", tuid="2"),
]
XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="doc.htm" source-language="zh-CN" target-language="en" datatype="html"><body>
{}
</body></file></xliff>
"""
XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
<file id="f1" original="doc.htm">
{}
</file></xliff>
"""

XLIFF_UNIT = {
    "xliff-1.2": (XLIFF_12, '<trans-unit id="{}"><source>{}</source><target>{}</target></trans-unit>'),
    "xliff-2.0": (XLIFF_20, '<unit id="{}"><segment><source>{}</source><target>{}</target></segment></unit>'),
}


def _write_units(kind: str, path: Path) -> list[TMUnit]:
    """The units in a file of that kind, and the units it must give back."""
    if kind == "tmx":
        write_tmx(UNITS, path)
        return UNITS
    if kind == "po":
        write_po_units(UNITS, path)
        return UNITS
    document, unit = XLIFF_UNIT[kind]
    parts = (unit.format(n, u.source, u.target) for n, u in enumerate(UNITS, 1))
    path.write_text(document.format("\n".join(parts)), encoding="utf-8")
    return [TMUnit(u.source, u.target, origin=f"doc.htm#{n}") for n, u in enumerate(UNITS, 1)]


UNIT_KINDS = {"tmx": ".tmx", "po": ".po", "xliff-1.2": ".xlf", "xliff-2.0": ".xliff"}


@pytest.mark.parametrize("kind", UNIT_KINDS)
def test_units_round_trip(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"units{UNIT_KINDS[kind]}"
    expected = _write_units(kind, path)
    skipped: list[Problem] = []
    units = list(read_units(path, skipped=skipped))
    assert (units, skipped) == (expected, [])
    assert [u.line > 0 for u in units] == [True, True]


@pytest.mark.parametrize(
    ("kind", "error"), [("tmx", FormatError), ("po", None), ("xliff-1.2", FormatError), ("xliff-2.0", FormatError)]
)
def test_units_empty_file(kind: str, error: type[Exception] | None, tmp_path: Path) -> None:
    path = tmp_path / f"empty{UNIT_KINDS[kind]}"
    path.write_bytes(b"")
    if error is None:
        assert list(read_units(path)) == []
        return
    with pytest.raises(error) as raised:
        list(read_units(path))
    assert str(path) in str(raised.value)


TMX_TAGS = '<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu></tuv>\n</body></tmx>\n'
UNIT_MALFORMED = [
    ("tmx", ".tmx", TMX_TAGS, 4),
    ("xliff-1.2", ".xlf", XLIFF_12.format("<trans-unit id='1'><source>链长制</source></trans>"), 4),
    ("xliff-2.0", ".xliff", XLIFF_20.format("<unit id='1'><segment>\n<source>链长制</source></unit>"), 5),
    ("po-syntax", ".po", PO_SYNTAX, 3),
    ("po-unterminated", ".po", 'msgid "链长制"\nmsgstr "industrial chain\n', 2),
]


@pytest.mark.parametrize(("suffix", "text", "line"), [_case("units", *case) for case in UNIT_MALFORMED])
def test_units_malformed_file_names_file_and_line(suffix: str, text: str, line: int, tmp_path: Path) -> None:
    path = tmp_path / f"malformed{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HenanTermsError) as error:
        list(read_units(path))
    assert _error_line(str(error.value), path) == line
