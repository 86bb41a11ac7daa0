from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from henan_terms import Glossary, GlossaryError, Status, TermType, bundled_files, english, load_glossary
from henan_terms.chinese import detect_script, has_han, to_simplified

from .conftest import ROOT, shared_path

BAD = ROOT / "tests" / "bad_glossaries"
EXPECTED = tomllib.loads((BAD / "expected.toml").read_text(encoding="utf-8"))


def test_bundled_glossary_ships_several_files_and_loads(glossary: Glossary) -> None:
    assert len(bundled_files()) >= 1
    assert glossary.name == "henan"
    assert len(glossary) >= 120
    assert len(glossary.digest) == 64


@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: p.name)
def test_every_bundled_file_validates_alone(path: Path) -> None:
    assert len(load_glossary(path)) > 0


def test_every_concept_is_cited_and_has_at_most_one_preferred_rendering(glossary: Glossary) -> None:
    for concept in glossary:
        assert concept.renderings, concept.id
        assert len(concept.renderings_with(Status.PREFERRED)) <= 1, concept.id
        for part in (*concept.terms, *concept.renderings):
            assert part.citations, (concept.id, part)
            assert all(c.source in glossary.sources for c in part.citations), concept.id


def _paragraphs(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _chinese_occurs(term: str, paragraph: str) -> bool:
    """The term occurs in the paragraph, ignoring the quotation marks that set coined terms off."""
    return term in re.sub("[\u201c\u201d\u2018\u2019]", "", paragraph)


def _english_occurs(rendering: str, paragraph: str) -> bool:
    """The rendering's folded words occur as a run of the paragraph's folded words."""
    return f" {english.fold(rendering)} " in f" {english.fold(paragraph)} "


def test_seed_citations_point_at_paragraphs_that_contain_the_term(glossary: Glossary) -> None:
    """Every seed citation is checked against the corpus: the cited paragraph holds the cited text."""
    wrong = []
    checked = 0
    for concept in glossary:
        parts = [(t.text, t.citations, True, "") for t in concept.terms]
        parts += [(r.text, r.citations, False, r.note) for r in concept.renderings]
        for text, citations, is_chinese, note in parts:
            for citation in citations:
                source = glossary.sources[citation.source]
                if source.kind != "seed":
                    continue
                assert re.fullmatch(r"p\d+", citation.locator), (concept.id, str(citation))
                paragraphs = _paragraphs(shared_path(source.file))
                paragraph = paragraphs[int(citation.locator[1:]) - 1]
                if is_chinese:
                    found = _chinese_occurs(text, paragraph)
                elif has_han(paragraph):  # the editors' own rendering of the term in this paragraph
                    found = bool(note) and any(_chinese_occurs(t.text, paragraph) for t in concept.terms)
                else:
                    found = _english_occurs(text, paragraph)
                checked += 1
                if not found:
                    wrong.append(f"{concept.id}: {text!r} not in {citation}")
    assert not wrong, "\n".join(wrong)
    assert checked >= 200


@pytest.mark.parametrize(
    ("zh", "pinyin"),
    [
        ("链长制", "liàn zhǎng zhì"),
        ("锻长板", "duàn cháng bǎn"),
        ("链主", "liàn zhǔ"),
        ("专精特新", "zhuān jīng tè xīn"),
        ("首台套", "shǒu tái tào"),
        ("头雁", "tóu yàn"),
        ("亩均", "mǔ jūn"),
    ],
)
def test_hand_checked_pinyin_of_seed_terms(glossary: Glossary, zh: str, pinyin: str) -> None:
    [hit] = [h for h in glossary.lookup(zh) if h.field == "zh"]
    term = next(t for t in hit.concept.terms if t.text == zh)
    assert term.pinyin == pinyin


@pytest.mark.parametrize(
    ("zh", "deprecated", "preferred_words"),
    [("北斗", "Dipper", "BeiDou"), ("专精特新", "new and specialized enterprise", "specialized")],
)
def test_wrong_seed_renderings_are_deprecated(
    glossary: Glossary, zh: str, deprecated: str, preferred_words: str
) -> None:
    [hit] = glossary.lookup(zh)
    statuses = {english.fold(r.text): r.status for r in hit.concept.renderings}
    assert statuses[english.fold(deprecated)] is Status.DEPRECATED
    preferred = hit.concept.preferred
    assert preferred is not None and preferred_words.lower() in preferred.text.lower()


def test_abbreviations_are_linked_to_full_forms(glossary: Glossary) -> None:
    for abbreviation, full_form in [("技改", "技术改造"), ("十四五", "第十四个五年规划")]:
        [hit] = glossary.lookup(abbreviation)
        assert full_form in [t.text for t in hit.concept.terms]
        types = {t.text: t.type for t in hit.concept.terms}
        assert types[abbreviation] is TermType.ABBREVIATION
        assert types[full_form] is TermType.FULL_FORM


def test_terms_are_simplified_and_their_traditional_forms_convert_back(glossary: Glossary) -> None:
    for concept in glossary:
        for term in concept.terms:
            assert detect_script(term.text).value in ("simplified", "neutral"), term.text
            for form in term.traditional_forms:
                assert to_simplified(form) == term.text, form


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_bad_glossary_reports_every_problem_with_its_line(name: str) -> None:
    path = BAD / name
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path)
    problems = raised.value.problems
    expected = EXPECTED[name]
    assert len(problems) == len(expected), problems
    for line, message in expected:
        assert any(p.line == line and message in p.message and p.path == str(path) for p in problems), (
            line,
            message,
            problems,
        )


def test_every_bad_file_has_expectations() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "expected.toml"}
    assert files == set(EXPECTED)


def test_problems_of_several_files_are_reported_together() -> None:
    with pytest.raises(GlossaryError) as raised:
        load_glossary(BAD / "bad-status.toml", BAD / "pinyin-count.csv")
    assert {Path(p.path).name for p in raised.value.problems} == {"bad-status.toml", "pinyin-count.csv"}


def test_missing_file_is_a_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read"):
        load_glossary(tmp_path / "absent.toml")


def test_csv_glossary_groups_rows_by_id_else_by_zh(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        "\ufeffzh,en,status,id,pinyin,type,note,source\n"
        "技术改造,technological upgrading,preferred,tech,,,,MIIT 2021\n"
        "技改,technical renovation,admitted,tech,jì gǎi,abbreviation,,MIIT 2021\n"
        "北斗,BeiDou,preferred,,,,,Xinhua\n"
        "北斗,Dipper,deprecated,,,,a star name,seed\n",
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    tech = glossary.get("tech")
    assert [t.text for t in tech.terms] == ["技术改造", "技改"]
    assert tech.terms[1].type is TermType.ABBREVIATION
    assert tech.terms[0].pinyin == "jì shù gǎi zào"
    beidou = glossary.get("北斗")
    assert [(r.text, r.status) for r in beidou.renderings] == [
        ("BeiDou", Status.PREFERRED),
        ("Dipper", Status.DEPRECATED),
    ]
    assert beidou.renderings[1].note == "a star name"


def test_minimal_csv_needs_no_source_column(tmp_path: Path) -> None:
    path = tmp_path / "min.csv"
    path.write_text("zh,en,status\n头雁,lead goose,preferred\n", encoding="utf-8")
    assert [c.zh for c in load_glossary(path)] == ["头雁"]


def test_curated_pinyin_and_traditional_forms_win(tmp_path: Path) -> None:
    path = tmp_path / "curated.toml"
    path.write_text(
        '[sources.s]\ntitle = "s"\n'
        '[[concept]]\nid = "c"\nzh = "锻长板"\npinyin = "duan4 chang2 ban3"\nsource = "s"\n'
        'traditional = { zh-HK = "鍛長闆" }\n'
        '[[concept.en]]\ntext = "strengthen strong points"\nstatus = "preferred"\nsource = "s"\n',
        encoding="utf-8",
    )
    term = load_glossary(path).get("c").head
    assert term.pinyin == "duàn cháng bǎn"
    assert term.pinyin_written == "duànchángbǎn"
    assert [(v.text, v.tags) for v in term.traditional] == [("鍛長板", ("zh-Hant", "zh-TW")), ("鍛長闆", ("zh-HK",))]


@pytest.mark.parametrize(
    ("term", "pinyin", "reported"),
    [
        ("四基", "si4 ji2", "'jí' has the wrong tone for 基"),
        ("头雁", "tou2 yan1", "'yān' has the wrong tone for 雁"),
        ("四基", "si4 ji1", None),
        ("党的二十大", "dang3 de er4 shi2 da4", None),  # a neutral tone is written without a mark
    ],
)
def test_pinyin_with_a_wrong_tone_is_reported(tmp_path: Path, term: str, pinyin: str, reported: str | None) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(f"zh,en,status,pinyin\n{term},x,preferred,{pinyin}\n", encoding="utf-8")
    if reported is None:
        assert len(load_glossary(path)) == 1
    else:
        with pytest.raises(GlossaryError) as caught:
            load_glossary(path)
        assert [p.message.split(" (known")[0] for p in caught.value.problems] == [f"{reported} in {term}"]
