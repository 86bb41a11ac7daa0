"""Sentence alignment measured against hand alignments of the seed paragraphs (tests/aligned/*.toml).

Strict F1 counts a bead as right only when the same sentences on both sides form a bead in the hand
alignment. Lax F1 counts a predicted bead as right when it shares a link with a hand bead, and a hand
bead as found when a predicted bead shares a link with it; the links of a bead are its sentence pairs
(every Chinese sentence with every English sentence), or its one sentence and "nothing" for 1-0 and 0-1.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from attrs import evolve, frozen

from henan_terms import Glossary
from henan_terms.formats.bilingual import BilingualDocument, Paragraph, ParagraphPair, read_bilingual
from henan_terms.tm import align
from henan_terms.tm.align import (
    Aligner,
    LengthModel,
    Span,
    align_document,
    units,
)
from henan_terms.tm.sentences import split_chinese, split_english

from .conftest import shared_path

GOLD = Path(__file__).parent / "aligned"
DOCUMENTS = ["henan-advanced-manufacturing", "henan-industry-carriers"]


@frozen
class GoldParagraph:
    """A paragraph pair of the seed, its sentences and its hand alignment."""

    document: str
    zh: list[str]
    en: list[str]
    beads: frozenset[Span]


@frozen
class Scores:
    """Bead counts for strict and lax precision and recall."""

    predicted: int
    gold: int
    strict: int
    lax_predicted: int
    lax_gold: int

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @property
    def counts(self) -> tuple[int, int, int, int, int]:
        return self.predicted, self.gold, self.strict, self.lax_predicted, self.lax_gold

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict / self.predicted, self.strict / self.gold)

    @property
    def lax_f1(self) -> float:
        return _f1(self.lax_predicted / self.predicted, self.lax_gold / self.gold)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@cache
def gold_paragraphs(name: str) -> list[GoldParagraph]:
    """The hand-aligned paragraph pairs of a seed document, checked against the sentence splitter."""
    document = read_bilingual(shared_path(f"corpus/{name}.txt"))
    gold = tomllib.loads((GOLD / f"{name}.toml").read_text(encoding="utf-8"))
    assert gold["document"] == name
    pairs = {(f"p{p.zh.number}", f"p{p.en.number}"): p for p in document.pairs}
    paragraphs = []
    for entry in gold["paragraph"]:
        pair = pairs[entry["zh"], entry["en"]]
        zh, en = split_chinese(pair.zh.text), split_english(pair.en.text)
        paragraphs.append(GoldParagraph(name, zh, en, _gold_beads(entry["beads"], zh, en)))
    return paragraphs


def _gold_beads(beads: list[dict[str, list[str]]], zh: list[str], en: list[str]) -> frozenset[Span]:
    """Spans of the hand beads, each sentence named by its opening words; every sentence once, in order."""
    spans, i, j = [], 0, 0
    for bead in beads:
        di, dj = len(bead["zh"]), len(bead["en"])
        assert [_find(p, zh) for p in bead["zh"]] == list(range(i, i + di)), bead
        assert [_find(p, en) for p in bead["en"]] == list(range(j, j + dj)), bead
        spans.append((i, di, j, dj))
        i, j = i + di, j + dj
    assert (i, j) == (len(zh), len(en)), "the hand alignment leaves sentences out"
    return frozenset(spans)


def _find(prefix: str, sentences: list[str]) -> int:
    found = [index for index, sentence in enumerate(sentences) if sentence.startswith(prefix)]
    assert len(found) == 1, f"{prefix!r} names {len(found)} sentences"
    return found[0]


def _links(span: Span) -> set[tuple[int, int]]:
    i, di, j, dj = span
    zh, en = range(i, i + di) or [-1], range(j, j + dj) or [-1]
    return {(z, e) for z in zh for e in en}


def score(predicted: Iterable[Span], gold: Iterable[Span]) -> Scores:
    """Strict and lax counts of one paragraph's predicted beads against its hand beads."""
    predicted, gold = set(predicted), set(gold)
    gold_links = set().union(*map(_links, gold))
    predicted_links = set().union(*map(_links, predicted))
    return Scores(
        len(predicted),
        len(gold),
        len(predicted & gold),
        sum(bool(_links(s) & gold_links) for s in predicted),
        sum(bool(_links(s) & predicted_links) for s in gold),
    )


def measure(aligner: Aligner, cases: Iterable[tuple[GoldParagraph, LengthModel]]) -> Scores:
    """Align every case's sentences and score the path (accepted and rejected beads alike)."""
    total = Scores(0, 0, 0, 0, 0)
    for case, model in cases:
        total += score((span for span, _ in aligner.align(case.zh, case.en, model)), case.beads)
    return total


@cache
def models() -> dict[str, LengthModel]:
    """The length model estimated from each seed document, as align_document estimates it."""
    return {name: LengthModel.from_documents([read_bilingual(shared_path(f"corpus/{name}.txt"))]) for name in DOCUMENTS}


# Against the hand alignment ------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_alignment_of_the_seed_reaches_the_targets(glossary: Glossary, name: str) -> None:
    document = read_bilingual(shared_path(f"corpus/{name}.txt"))
    alignment = Aligner(glossary).align_document(document)
    assert alignment.problems == ()
    total = Scores(0, 0, 0, 0, 0)
    lines = {f"p{pair.zh.number}": pair.zh.line for pair in document.pairs}
    for paragraph, number in zip(gold_paragraphs(name), _gold_numbers(name), strict=True):
        beads = [b for b in alignment.accepted + alignment.rejected if b.line == lines[number]]
        total += score(((b.zh_start, len(b.zh), b.en_start, len(b.en)) for b in beads), paragraph.beads)
    message = f"{name}: strict F1 {total.strict_f1:.3f}, lax F1 {total.lax_f1:.3f} over {total.gold} hand beads"
    assert total.strict_f1 >= 0.90, message
    assert total.lax_f1 >= 0.98, message


def _gold_numbers(name: str) -> list[str]:
    gold = tomllib.loads((GOLD / f"{name}.toml").read_text(encoding="utf-8"))
    return [entry["zh"] for entry in gold["paragraph"]]


def test_hand_alignment_covers_the_long_paragraphs() -> None:
    covered = {(name, number) for name in DOCUMENTS for number in _gold_numbers(name)}
    long_ones = {("henan-advanced-manufacturing", f"p{n}") for n in (16, 21, 26, 31)}
    assert long_ones | {("henan-industry-carriers", "p13"), ("henan-industry-carriers", "p18")} <= covered
    kinds = {(di, dj) for name in DOCUMENTS for p in gold_paragraphs(name) for _, di, _, dj in p.beads}
    assert {(1, 1), (1, 2), (1, 3), (2, 1)} <= kinds


def test_the_seed_aligns_by_length_alone(glossary: Glossary) -> None:
    cases = [(p, models()[p.document]) for name in DOCUMENTS for p in gold_paragraphs(name)]
    length_only = measure(Aligner(glossary, weights={}), cases)
    without_glossary = measure(Aligner(Glossary("empty", ())), cases)
    assert (length_only.strict_f1, without_glossary.strict_f1) == (1.0, 1.0)


# Omitted and added sentences ------------------------------------------------------------------------


def _deleted(paragraph: GoldParagraph, span: Span, side: str) -> GoldParagraph:
    """The paragraph without one side of a 1-1 bead, which becomes a 1-0 or 0-1 bead."""
    i, _, j, _ = span
    if side == "en":
        shifted = {(a, da, b - (b > j), db) for a, da, b, db in paragraph.beads - {span}}
        en = [*paragraph.en[:j], *paragraph.en[j + 1 :]]
        return GoldParagraph(paragraph.document, paragraph.zh, en, frozenset(shifted | {(i, 1, j, 0)}))
    shifted = {(a - (a > i), da, b, db) for a, da, b, db in paragraph.beads - {span}}
    zh = [*paragraph.zh[:i], *paragraph.zh[i + 1 :]]
    return GoldParagraph(paragraph.document, zh, paragraph.en, frozenset(shifted | {(i, 0, j, 1)}))


def deletion_cases() -> list[GoldParagraph]:
    """Every seed paragraph of two beads or more, less one side of one of its 1-1 beads."""
    return [
        _deleted(paragraph, span, side)
        for name in DOCUMENTS
        for paragraph in gold_paragraphs(name)
        if len(paragraph.beads) > 1
        for span in sorted(paragraph.beads)
        if span[1] == span[3] == 1
        for side in ("zh", "en")
    ]


def test_omitted_sentences_become_one_sided_beads(glossary: Glossary) -> None:
    cases = deletion_cases()
    scores = measure(Aligner(glossary), ((case, models()[case.document]) for case in cases))
    assert len(cases) == 56
    message = f"strict F1 {scores.strict_f1:.3f}, lax F1 {scores.lax_f1:.3f}"
    assert scores.strict_f1 >= 0.98, message
    assert scores.lax_f1 >= 0.99, message


def test_a_paragraph_missing_one_translation(glossary: Glossary) -> None:
    paragraph = next(p for p in gold_paragraphs("henan-advanced-manufacturing") if p.zh[0].startswith("实施战略性"))
    case = _deleted(paragraph, (3, 1, 4, 1), "en")  # without "With a focus on key links …"
    path = Aligner(glossary).align(case.zh, case.en, models()["henan-advanced-manufacturing"])
    assert {span for span, _ in path} == case.beads
    assert (3, 1, 4, 0) in case.beads


def _inserted(paragraph: GoldParagraph, boundary: int, side: str) -> GoldParagraph:
    """The paragraph with an untranslated sentence added between two beads (or at either end)."""
    before = sorted(paragraph.beads)[:boundary]
    i, j = sum(di for _, di, _, _ in before), sum(dj for _, _, _, dj in before)
    if side == "en":
        shifted = {(a, da, b + (b >= j), db) for a, da, b, db in paragraph.beads}
        en = [*paragraph.en[:j], "Click on the video above to watch the report.", *paragraph.en[j:]]
        return GoldParagraph(paragraph.document, paragraph.zh, en, frozenset(shifted | {(i, 0, j, 1)}))
    shifted = {(a + (a >= i), da, b, db) for a, da, b, db in paragraph.beads}
    zh = [*paragraph.zh[:i], "图为商丘市一家机器人生产基地。", *paragraph.zh[i:]]
    return GoldParagraph(paragraph.document, zh, paragraph.en, frozenset(shifted | {(i, 1, j, 0)}))


def insertion_cases() -> list[GoldParagraph]:
    """Every seed paragraph with a caption-like sentence added at each bead boundary, on either side."""
    return [
        _inserted(paragraph, boundary, side)
        for name in DOCUMENTS
        for paragraph in gold_paragraphs(name)
        for boundary in range(len(paragraph.beads) + 1)
        for side in ("zh", "en")
    ]


def test_added_sentences_measured(glossary: Glossary) -> None:
    cases = insertion_cases()
    scores = measure(Aligner(glossary), ((case, models()[case.document]) for case in cases))
    assert len(cases) == 102
    message = f"strict F1 {scores.strict_f1:.3f}, lax F1 {scores.lax_f1:.3f}"
    assert scores.strict_f1 >= 0.75, message  # an added short sentence is often merged into its neighbour's bead
    assert scores.lax_f1 >= 0.91, message


# Beads of several sentences ----------------------------------------------------------------------------

_GDP = "洛阳市上半年地区生产总值达到2800亿元,同比增长5.5%。"
_RANK = "增速居全省第3位,比一季度提高0.4个百分点。"
_PLAN = "下半年,全市将继续扩大有效投资,稳住经济大盘。"
_PLAN_EN = (
    "In the second half of the year, the city will continue to expand effective investment and keep the economy stable."
)
_GDP_EN = "Luoyang's GDP reached 280 billion yuan in the first half of the year, up 5.5 percent year on year."


def test_two_chinese_sentences_rendered_as_one_form_a_2_1_bead(glossary: Glossary) -> None:
    en = [
        "Luoyang's GDP reached 280 billion yuan in the first half of the year, up 5.5 percent year on year, the third "
        "fastest growth in the province and 0.4 percentage points higher than in the first quarter.",
        _PLAN_EN,
    ]
    for aligner in (Aligner(glossary), Aligner(glossary, weights={})):  # anchors help; length alone finds it too
        path = aligner.align([_GDP, _RANK, _PLAN], en)
        assert [span for span, _ in path] == [(0, 2, 0, 1), (2, 1, 1, 1)]
        assert min(confidence for _, confidence in path) >= 0.5


def test_sentences_translated_one_for_one_are_not_merged(glossary: Glossary) -> None:
    en = [
        _GDP_EN,
        "Its growth was the third fastest in the province, 0.4 percentage points higher than in the first quarter.",
        _PLAN_EN,
    ]
    for aligner in (Aligner(glossary), Aligner(glossary, weights={})):
        path = aligner.align([_GDP, _RANK, _PLAN], en)
        assert [span for span, _ in path] == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1)]


_GROWTH = (
    "今年以来,洛阳市工业投资增长12.5%,新开工项目320个,其中超亿元项目156个,"
    "高新技术产业增加值占规上工业的比重达到35%,全市规上工业企业达到2850家。"
)
_GROWTH_ZH = [
    "今年以来,洛阳市工业投资增长12.5%。",
    "新开工项目320个,其中超亿元项目156个。",
    "高新技术产业增加值占规上工业的比重达到35%。",
    "全市规上工业企业达到2850家。",
]
_GROWTH_EN = [
    "Since the beginning of the year, Luoyang's industrial investment has grown by 12.5 percent.",
    "Construction started on 320 new projects, 156 of them worth more than 100 million yuan each.",
    "High-tech industries now account for 35 percent of the added value of industry above designated size.",
    "The city has 2,850 industrial enterprises above designated size.",
]


def test_a_chinese_sentence_rendered_as_four_forms_a_1_4_bead(glossary: Glossary) -> None:
    three_a_side = {kind: p for kind, p in align.BEAD_PRIORS.items() if max(kind) <= 3}
    for aligner in (Aligner(glossary), Aligner(glossary, weights={})):
        path = aligner.align([_GROWTH, _PLAN], [*_GROWTH_EN, _PLAN_EN])
        assert [span for span, _ in path] == [(0, 1, 0, 4), (1, 1, 4, 1)]
        assert min(confidence for _, confidence in path) >= 0.5
    # a lattice of three sentences a side cannot hold it
    assert (0, 1, 0, 4) not in [span for span, _ in Aligner(glossary, priors=three_a_side).align([_GROWTH], _GROWTH_EN)]
    # four sentences translated one for one stay four beads
    path = Aligner(glossary).align([*_GROWTH_ZH, _PLAN], [*_GROWTH_EN, _PLAN_EN])
    assert [span for span, _ in path] == [(k, 1, k, 1) for k in range(5)]


_RANK_SHORT = "增速居全省第3位,经济运行稳中向好,发展质量稳步提升。"


def test_a_condensed_sentence_sharing_a_number_is_not_left_out(glossary: Glossary) -> None:
    """The English keeps only the rank of a Chinese sentence: its number pairs them, where the length
    alone would leave the sentence out; without the number in the English it is left out."""
    condensed = [_GDP_EN, "Its growth was the 3rd fastest in the province.", _PLAN_EN]
    path = Aligner(glossary).align([_GDP, _RANK_SHORT, _PLAN], condensed)
    assert [span for span, _ in path] == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1)]
    path = Aligner(glossary, unpaired_anchor_weight=0.0).align([_GDP, _RANK_SHORT, _PLAN], condensed)
    assert (1, 1, 2, 0) in [span for span, _ in path]
    without_number = [_GDP_EN, "Its growth was the fastest but two in the province.", _PLAN_EN]
    path = Aligner(glossary).align([_GDP, _RANK_SHORT, _PLAN], without_number)
    assert (1, 1, 2, 0) in [span for span, _ in path]


def test_a_paragraph_aligns_alike_alone_and_within_its_document(glossary: Glossary) -> None:
    """A short document barely moves the bundled length model: each seed paragraph pair aligned as a
    document of its own gets the beads it gets within its article."""
    aligner = Aligner(glossary)
    for name in DOCUMENTS:
        document = read_bilingual(shared_path(f"corpus/{name}.txt"))
        within = aligner.align_document(document)
        for pair in document.pairs:
            alone = aligner.align_document(evolve(document, pairs=(pair,)))
            expected = [b for b in within.accepted + within.rejected if b.line == pair.zh.line]
            assert [_span(b) for b in alone.accepted + alone.rejected] == [_span(b) for b in expected], pair.zh.line


def _span(bead: align.Bead) -> Span:
    return bead.zh_start, len(bead.zh), bead.en_start, len(bead.en)


def test_a_condensed_rendering_costs_less_than_a_wrong_length() -> None:
    """Free renderings: an English half as long as the prior predicts stays possible, one a tenth as long
    does not."""
    model = LengthModel()
    gaussian = evolve(model, free=0.0)
    assert model.cost(100, 250) < 8 < gaussian.cost(100, 250)
    assert model.cost(100, 50) > 8
    assert model.cost(100, 500) == pytest.approx(gaussian.cost(100, 500), abs=0.05)


def test_the_paragraph_ratio_corrects_the_model_within_a_pair() -> None:
    model = LengthModel()
    assert model.within(100, 300, 200).ratio == pytest.approx((300 + 200 * model.ratio) / 300)
    assert model.within(100, 300, math.inf) == model


# Confidence, rejection and problems -------------------------------------------------------------------


def _document(*pairs: tuple[str, str]) -> BilingualDocument:
    return BilingualDocument(
        "draft.txt",
        tuple(
            ParagraphPair(Paragraph(zh, 2 * n + 2, 2 * n + 2), Paragraph(en, 2 * n + 1, 2 * n + 1))
            for n, (zh, en) in enumerate(pairs)
        ),
        (),
    )


def test_every_bead_has_a_confidence_between_zero_and_one(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    alignment = Aligner(glossary).align_document(document)
    assert all(0.0 <= bead.confidence <= 1.0 for bead in alignment.accepted + alignment.rejected)
    assert alignment.rejected == ()


def test_beads_below_the_threshold_are_rejected_not_dropped(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    everything = Aligner(glossary, threshold=0.0).align_document(document)
    strict = Aligner(glossary, threshold=0.95).align_document(document)
    assert strict.rejected and strict.accepted
    assert all(b.confidence < 0.95 for b in strict.rejected)
    assert all(b.confidence >= 0.95 for b in strict.accepted)
    assert _sorted(strict.accepted + strict.rejected) == _sorted(everything.accepted)
    assert len(units(strict)) == len(strict.accepted) < len(units(everything))
    without_pair = {b.line for b in strict.rejected} - {b.line for b in strict.accepted}
    assert next(p.zh.line for p in document.pairs if p.zh.number == 5) in without_pair
    assert sorted(p.line for p in strict.problems) == sorted(without_pair)
    assert all(p.message.endswith("no sentence pair aligned with confidence 0.95 or more") for p in strict.problems)


def _sorted(beads: Iterable[object]) -> list[str]:
    return sorted(map(repr, beads))


def test_a_paragraph_with_nothing_to_align_is_reported(glossary: Glossary) -> None:
    document = _document(
        ("……", "To be continued."),
        (
            "现代化产业体系是中国式现代化的重要组成部分。",
            "The modern industrial system is a key part of Chinese modernization.",
        ),
        ("现代化产业体系是中国式现代化的重要组成部分。", "—"),
    )
    alignment = Aligner(glossary).align_document(document)
    assert [(p.line, p.message) for p in alignment.problems] == [
        (2, "paragraph 2: no Chinese sentence to align"),
        (6, "paragraph 6: no English sentence to align"),
    ]
    assert [u.source for u in units(alignment)] == ["现代化产业体系是中国式现代化的重要组成部分。"]


def test_a_paragraph_without_an_aligned_pair_is_reported(glossary: Glossary) -> None:
    document = _document(
        (
            "现代化产业体系是中国式现代化的重要组成部分。党的二十大报告提出,要加快建设现代化产业体系。",
            "Click on the video above.",
        )
    )
    aligner = Aligner(glossary, max_paragraph_z=math.inf)
    alignment = aligner.align_document(document, LengthModel())  # too little text to estimate from
    assert sorted(b.kind for b in alignment.accepted + alignment.rejected) == ["0-1", "1-0", "1-0"]
    assert [p.message for p in alignment.problems] == [
        "paragraph 2: no sentence pair aligned with confidence 0.5 or more"
    ]
    assert units(alignment) == []


def test_a_paragraph_pair_of_mismatched_length_is_rejected_and_reported(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    english = {p.zh.number: p.en for p in document.pairs}
    swapped = [evolve(p, en=english[16]) if p.zh.number == 21 else p for p in document.pairs]
    alignment = Aligner(glossary).align_document(evolve(document, pairs=tuple(swapped)))
    [problem] = alignment.problems
    assert problem.line == 51 and problem.message.startswith("paragraph 21: paragraph lengths do not match")
    assert {b.origin for b in alignment.rejected} == {f"{document.path}:51"}
    assert all(b.line != 51 for b in alignment.accepted)


_SUMMARY_ZH = (
    "2024年,洛阳市地区生产总值达到5800亿元,同比增长5.5%,规模以上工业增加值增长8.1%,社会消费品零售总额增长6.2%,"
    "固定资产投资增长7.4%,进出口总额增长12.3%,各项主要经济指标增速均高于全省平均水平,经济运行呈现稳中有进、"
    "持续向好的良好态势。"
)


def test_a_free_translation_sharing_its_numbers_is_not_taken_for_a_mispaired_paragraph(glossary: Glossary) -> None:
    english = (
        "In 2024, Luoyang's GDP reached 580 billion yuan, up 5.5%; industry grew 8.1%, retail 6.2%, investment 7.4%."
    )
    alignment = Aligner(glossary).align_document(_document((_SUMMARY_ZH, english)), LengthModel())
    assert LengthModel().z(len(_SUMMARY_ZH), len(english)) > 4
    assert alignment.problems == () and [b.kind for b in alignment.accepted] == ["1-1"]


def test_a_short_english_sharing_few_numbers_is_still_reported(glossary: Glossary) -> None:
    english = "In 2024, the city of Luoyang grew by 5.5% and kept its economy stable throughout the year."
    alignment = Aligner(glossary).align_document(_document((_SUMMARY_ZH, english)), LengthModel())
    [problem] = alignment.problems
    assert problem.message.startswith("paragraph 2: paragraph lengths do not match (z =")
    assert alignment.accepted == ()


def test_units_join_the_sentences_of_a_bead(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    pair = next(p for p in document.pairs if p.zh.number == 11)
    origin = f"{document.path}:{pair.zh.line}"  # where lint would point: the Chinese paragraph's line
    found = [u for u in units(Aligner(glossary).align_document(document)) if u.origin == origin]
    assert len(found) == 1
    assert (found[0].source, found[0].target, found[0].document) == (pair.zh.text, pair.en.text, document.path)
    assert 0.5 <= found[0].confidence <= 1.0


def test_align_document_uses_the_bundled_glossary_by_default(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-industry-carriers.txt"))
    assert align_document(document) == Aligner(glossary).align_document(document)


# Parts of the model ---------------------------------------------------------------------------------


def test_only_the_known_bead_types_take_priors(glossary: Glossary) -> None:
    with pytest.raises(ValueError, match="cannot use"):
        Aligner(glossary, priors={(1, 1): 0.9, (5, 1): 0.1})
    Aligner(glossary, priors={(1, 1): 0.9, (4, 1): 0.1})  # four sentences a side fit the lattice


def test_length_model_is_estimated_from_the_corpus() -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    model = LengthModel.from_documents([document])
    assert 4.5 < model.ratio < 5.5
    assert LengthModel.estimate([]) == LengthModel()
    assert model.cost(100, round(100 * model.ratio)) < 0.01 < model.cost(100, 300) < model.cost(100, 200)


def test_anchors_found_on_both_sides(glossary: Glossary) -> None:
    anchors = Aligner(glossary).anchors
    zh = anchors.chinese("以链长制为抓手,构建智能传感器、5G等产业链,《河南如何换道领跑?》")
    en = anchors.english('With the industrial chain leader system, smart sensors and 5G; "Henan changes lanes".')
    shared = zh & en
    assert {"term:industrial-chain-leader-system", "term:smart-sensor", "latin:5G", "quote"} <= shared.keys()
    assert "number:5" not in en


def test_a_long_paragraph_aligns_inside_the_band_as_on_the_whole_lattice(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed's paragraphs joined twice into one long paragraph: the band changes nothing on a
    translation that follows the diagonal."""
    paragraphs = [p for name in DOCUMENTS for p in gold_paragraphs(name)] * 2
    zh = [s for p in paragraphs for s in p.zh]
    en = [s for p in paragraphs for s in p.en]
    assert len(zh) * len(en) > (2 * align.BAND) ** 2  # long enough to be banded
    banded = [span for span, _ in Aligner(glossary).align(zh, en)]
    monkeypatch.setattr(align, "BAND", 10**6)
    assert banded == [span for span, _ in Aligner(glossary).align(zh, en)]


def test_a_paragraph_too_long_to_align_is_reported_not_aligned(glossary: Glossary, tmp_path: Path) -> None:
    count = align.MAX_SENTENCES + 1
    path = tmp_path / "book.txt"
    path.write_text(f"{'This is one sentence. ' * count}\n\n{'这是一句话。' * count}\n", encoding="utf-8")
    alignment = Aligner(glossary).align_document(read_bilingual(path))
    [problem] = alignment.problems
    assert alignment.accepted == () and "too long to align" in problem.message and problem.line == 3
    path.write_text(f"{'This is one sentence. ' * 3}\n\n{'这是一句话。' * 3}\n", encoding="utf-8")
    assert len(Aligner(glossary).align_document(read_bilingual(path)).accepted) == 3
