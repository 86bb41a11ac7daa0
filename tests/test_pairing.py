"""Bilingual documents pair neighbouring paragraphs only when their content may translate each other,
for ``lint`` and ``tm build`` alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import Glossary
from henan_terms.cli import cli
from henan_terms.formats.bilingual import Paragraph, pair_paragraphs, paragraphs, read_bilingual
from henan_terms.tm import Aligner, open_tm

from .conftest import shared_path

ORPHAN = (
    "We will plan Dipper applications.\n\n"
    "加快中小企业智能化改造。\n\n"
    "We will accelerate the smart transformation of small and medium-sized enterprises.\n"
)
"""An English paragraph whose Chinese is missing, then a Chinese paragraph and its English."""


@pytest.fixture(scope="module")
def aligner(glossary: Glossary) -> Aligner:
    return Aligner(glossary)


def _lines(text: str, aligner: Aligner | None) -> tuple[list[tuple[int, int]], list[int]]:
    document = pair_paragraphs(paragraphs(text), "doc.txt", aligner.plausible if aligner else None)
    return [(p.zh.line, p.en.line) for p in document.pairs], [p.line for p in document.unpaired]


def test_an_english_paragraph_without_its_chinese_is_unpaired(aligner: Aligner) -> None:
    assert _lines(ORPHAN, aligner) == ([(3, 5)], [1])


def test_without_a_content_check_neighbours_are_paired_as_before() -> None:
    assert _lines(ORPHAN, None) == ([(3, 1)], [5])


def test_a_rendering_outside_the_glossary_stays_paired(aligner: Aligner) -> None:
    # the English has no anchor at all: the linter must still see the pair to report the rendering
    text = "加快中小企业智能化改造。\nWe will make smaller firms cleverer.\n"
    assert _lines(text, aligner) == ([(1, 2)], [])


def test_a_wrong_number_stays_paired_when_a_term_is_shared(aligner: Aligner) -> None:
    text = "2024年加快中小企业智能化改造。\nIn 2023 we will upgrade small and medium-sized enterprises.\n"
    assert _lines(text, aligner) == ([(1, 2)], [])


def test_different_numbers_and_nothing_shared_are_unpaired(aligner: Aligner) -> None:
    zh, en = Paragraph("新增3个。", 1, 1), Paragraph("Output rose 17 percent.", 2, 2)
    assert not aligner.plausible(zh, en)
    assert aligner.plausible(zh, Paragraph("Three were added.", 2, 2))


def test_lengths_far_apart_without_a_shared_anchor_are_unpaired(aligner: Aligner) -> None:
    long_chinese = Paragraph("推动制造业高质量发展" * 20, 1, 1)
    assert not aligner.plausible(long_chinese, Paragraph("Photo by Xinhua.", 2, 2))
    assert aligner.plausible(Paragraph("推动制造业高质量发展", 1, 1), Paragraph("Photo by Xinhua.", 2, 2))


@pytest.mark.parametrize("name", ["advanced-manufacturing", "industry-carriers"])
def test_the_content_check_refuses_no_pair_of_the_seed_articles(aligner: Aligner, name: str) -> None:
    path = shared_path(f"corpus/henan-{name}.txt")
    plain, checked = read_bilingual(path), read_bilingual(path, aligner.plausible)
    assert checked.pairs == plain.pairs and len(checked.pairs) >= 8


def test_tm_build_reports_the_orphan_and_stores_only_the_true_pair(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(ORPHAN, encoding="utf-8")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["tm", "build", str(document), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{document}:1: unpaired: We will plan Dipper applications." in result.stderr
    with open_tm(str(db)) as memory:
        assert [u.target for u in memory.units()] == [
            "We will accelerate the smart transformation of small and medium-sized enterprises."
        ]


def test_lint_reports_the_orphan_as_unpaired_and_checks_the_true_pair(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(ORPHAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(document), "--format", "json"])
    assert f"note: {document}: 1 line without a counterpart, not checked: 1" in result.stderr
    assert all(f["line"] == 5 for f in json.loads(result.stdout))
