"""What a lookup gives besides the score, on every backend: kinds, marked differences, adapted
numbers and fragment matches with the English of their stretch."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest
from hypothesis import given
from hypothesis import strategies as st

from henan_terms import Glossary
from henan_terms.numbers import english_like, english_quantities
from henan_terms.tm.adapt import adapt
from henan_terms.tm.differences import Written, differences
from henan_terms.tm.fragments import shared_stretch
from henan_terms.tm.normalize import normalize
from henan_terms.tm.protocol import TranslationMemory
from henan_terms.tm.results import Difference

from .test_tm_store import HAN, Factory, make_tm, unit  # noqa: F401  (make_tm: memories of every backend)

LONG = "全面推行链长制，大力发展数字经济，加快建设先进制造业强省。"
LONG_EN = (
    "We will fully implement the industrial chain leader system, vigorously develop the digital economy, "
    "and accelerate building a strong province with advanced manufacturing."
)
GROWTH = "全省规上工业增加值增长超过60%，新增8万家企业。"
GROWTH_EN = "Industrial value added grew by over 60 percent, with 80,000 new enterprises."


def _marked(query: str, source: str, found: tuple[Difference, ...]) -> list[tuple[str, str]]:
    return [(query[slice(*d.query)], source[slice(*d.source)]) for d in found]


@pytest.fixture
def memory(make_tm: Factory) -> TranslationMemory:  # noqa: F811
    return make_tm()


# Kinds and differences -----------------------------------------------------------------------------


def test_an_exact_match_has_kind_exact_and_no_differences(memory: TranslationMemory) -> None:
    memory.add([unit(LONG, LONG_EN), unit(GROWTH, GROWTH_EN)])
    [match] = memory.search("全面推行鏈長制，大力發展數字經濟，加快建設先進製造業強省。")  # traditional: still exact
    assert (match.kind, match.score, match.differences, match.adapted) == ("exact", 100.0, (), None)


def test_a_fuzzy_match_marks_what_differs_on_the_texts_as_written(memory: TranslationMemory) -> None:
    memory.add([unit(LONG, LONG_EN)])
    query = "全面推行鏈長制，大力發展數字經濟，加快建設先進製造業大省"  # 强 → 大, no 。
    [match] = memory.search(query)
    assert match.kind == "fuzzy" and match.score < 100
    assert _marked(query, LONG, match.differences) == [("大", "强"), ("", "。")]
    assert match.adapted is None  # the difference is not a number


def test_differences_map_back_over_spaces_and_full_width_forms() -> None:
    query, source = "  推动產業鏈（现代化） ", "推动产业集群(现代化)"
    found = differences(Written(query, normalize(query)), normalize(query), Written(source, normalize(source)), source)
    assert _marked(query, source, found) == [("鏈", "集群")]  # spaces at the ends, script and width are not


@given(st.text(alphabet="链长制产业 　，,（）鏈長製数字0123456789", max_size=30))
def test_written_spans_stay_inside_the_text(text: str) -> None:
    norm = normalize(text)
    written = Written(text, norm)
    for start in range(len(norm) + 1):
        for end in range(start, len(norm) + 1):
            first, last = written.span(start, end)
            assert 0 <= first <= last <= len(text)


def test_a_number_difference_covers_the_whole_number(memory: TranslationMemory) -> None:
    memory.add([unit(GROWTH, GROWTH_EN)])
    query = "全省规上工业增加值增长超过80%，新增9万家企业。"
    [match] = memory.search(query)
    assert _marked(query, GROWTH, match.differences) == [("80", "60"), ("9万", "8万")]


# Adapted numbers -----------------------------------------------------------------------------------


def test_numbers_alone_differing_give_the_adapted_translation(memory: TranslationMemory) -> None:
    memory.add([unit(GROWTH, GROWTH_EN)])
    [match] = memory.search("全省规上工业增加值增长超过80%，新增9万家企业。")
    assert match.kind == "fuzzy" and match.score < 100
    assert match.adapted is not None and match.adapted.score == 100.0
    assert match.adapted.target == "Industrial value added grew by over 80 percent, with 90,000 new enterprises."


def test_a_word_changed_beside_a_number_is_not_adapted(memory: TranslationMemory) -> None:
    memory.add([unit(GROWTH, GROWTH_EN)])
    [match] = memory.search("全省规上工业增加值下降超过80%，新增9万家企业。")  # 增长 → 下降 as well
    assert match.kind == "fuzzy" and match.adapted is None


@pytest.mark.parametrize(
    ("source", "query", "target", "adapted"),
    [
        ("增长80%。", "增长85.5%。", "Up 80%.", "Up 85.5%."),
        ("增长80%。", "增长90%。", "Up 80 per cent.", "Up 90 per cent."),
        ("投资8万元。", "投资12万元。", "An investment of 80000 yuan.", "An investment of 120000 yuan."),
        ("投资15亿元。", "投资20亿元。", "An investment of 1.5 billion yuan.", "An investment of 2 billion yuan."),
        ("新增六十家企业。", "新增八十五家企业。", "Sixty new enterprises.", "Eighty-five new enterprises."),
        ("到2025年建成。", "到2027年建成。", "Completed by 2025.", "Completed by 2027."),
    ],
)
def test_adapted_numbers_follow_the_stored_style(source: str, query: str, target: str, adapted: str) -> None:
    found = adapt(normalize(query), normalize(source), target)
    assert found is not None and found.target == adapted


@pytest.mark.parametrize(
    ("source", "query", "target"),
    [
        ("增长80%。", "增长80%。", "Up 80%."),  # nothing changed
        ("增长80%。", "增长80个。", "Up 80%."),  # a percentage against a count
        ("增长80%。", "增长90%。", "Up considerably."),  # the English does not carry the number
        ("第二十届。", "第二十一届。", "The 20th session."),  # an ordinal: no style to follow here
        ("两个省。", "两个省和三个市。", "Two provinces."),  # more than numbers differ
    ],
)
def test_no_adaptation_where_the_numbers_cannot_be_placed(source: str, query: str, target: str) -> None:
    assert adapt(normalize(query), normalize(source), target) is None


# Adapted glossary terms ----------------------------------------------------------------------------

NEV = "大力发展新能源汽车产业，产量增长30%。"
NEV_EN = "We will vigorously develop the new energy vehicle industry; output grew by 30 percent."


def test_a_glossary_term_alone_differing_gives_the_adapted_translation(memory: TranslationMemory) -> None:
    memory.add([unit(NEV, NEV_EN)])
    [match] = memory.search("大力发展智能网联汽车产业，产量增长45%。")  # a term and a number differ
    assert match.kind == "fuzzy" and match.adapted is not None
    assert match.adapted.target == (
        "We will vigorously develop the intelligent connected vehicle industry; output grew by 45 percent."
    )


@pytest.mark.parametrize(
    ("source", "query", "target", "adapted"),
    [
        ("发展新能源汽车。", "发展智能网联汽车。", "New energy vehicles grew.", "Intelligent connected vehicles grew."),
        ("发展新能源汽车。", "发展智能网联汽车。", "NEV output grew.", "ICV output grew."),  # a short form
    ],
)
def test_an_adapted_term_keeps_the_case_and_number_of_the_stored_rendering(
    glossary: Glossary, source: str, query: str, target: str, adapted: str
) -> None:
    found = adapt(normalize(query), normalize(source), target, glossary)
    assert found is not None and found.target == adapted


@pytest.mark.parametrize(
    ("source", "query", "target"),
    [
        ("发展新能源汽车。", "发展智能网联汽车。", "Electric cars grew."),  # the English does not render the term
        ("发展新能源汽车。", "发展新能源汽车产业链。", "New energy vehicles grew."),  # more than a term differs
        ("发展新能源汽车和新能源汽车。", "发展智能网联汽车和新能源汽车。", "New energy vehicles grew."),  # 2 needed
        ("发展新能源汽车。", "发展80%。", "New energy vehicles grew."),  # a number where a term stood
    ],
)
def test_no_adaptation_where_the_terms_cannot_be_placed(
    glossary: Glossary, source: str, query: str, target: str
) -> None:
    assert adapt(normalize(query), normalize(source), target, glossary) is None


def test_english_like_keeps_commas_only_where_the_style_has_them() -> None:
    [plain] = english_quantities("80000 yuan")
    [small] = english_quantities("80 firms")
    [year] = english_quantities("in 2025")
    assert english_like(90_000, plain) == "90000" and english_like(90_000, small) == "90,000"
    assert english_like(2027, year, year=True) == "2027"


# Fragment matches ----------------------------------------------------------------------------------


def test_a_clause_of_a_long_sentence_is_a_fragment_with_its_english(
    memory: TranslationMemory, glossary: Glossary
) -> None:
    memory.add([unit(LONG, LONG_EN, origin="a#p1"), unit("推动产业链现代化。", "Modernise the industrial chain.")])
    query = "大力發展數字經濟"  # traditional script
    assert memory.search(query, min_score=75) == []  # no fuzzy match
    [match] = memory.search(query, fragments=True, glossary=glossary)
    assert (match.kind, match.unit.origin, match.score) == ("fragment", "a#p1", 100.0)
    assert match.fragment is not None
    assert LONG[slice(*match.fragment.source)] == "大力发展数字经济" and match.fragment.query == (0, 8)
    assert match.fragment.english == "vigorously develop the digital economy"


def test_a_fragment_at_the_start_takes_its_clause_and_stops_at_other_anchors(
    memory: TranslationMemory, glossary: Glossary
) -> None:
    memory.add([unit(LONG, LONG_EN)])
    [match] = memory.search("全面推行链长制", fragments=True, glossary=glossary)
    assert match.fragment is not None
    assert match.fragment.english == "We will fully implement the industrial chain leader system"


def test_no_english_is_proposed_without_an_anchor_in_the_stretch(memory: TranslationMemory, glossary: Glossary) -> None:
    memory.add([unit("今年以来各地持续优化营商环境，全面推行链长制。", "Since the start of the year, it spread.")])
    [match] = memory.search("今年以来各地持续优化营商环境", fragments=True, glossary=glossary)
    assert match.kind == "fragment" and match.fragment is not None and match.fragment.english is None


def test_fragments_rank_after_fuzzy_matches_and_the_limit_counts_both(
    memory: TranslationMemory, glossary: Glossary
) -> None:
    memory.add([unit(LONG, LONG_EN), unit("大力发展数字经济。", "Develop the digital economy.")])
    found = memory.search("大力发展数字经济。", fragments=True, glossary=glossary)
    assert [m.kind for m in found] == ["exact", "fragment"]
    first = memory.search("大力发展数字经济。", limit=1, fragments=True, glossary=glossary)
    assert [m.kind for m in first] == ["exact"]


@pytest.mark.parametrize(
    "query",
    [
        "在的和是与对于",  # function words only
        "2025年80%",  # numbers only
        "推行链长",  # shorter than the minimum
        "，大力发",  # too short once the comma is trimmed
    ],
)
def test_no_fragment_of_function_words_numbers_or_a_short_stretch(
    memory: TranslationMemory, glossary: Glossary, query: str
) -> None:
    memory.add([unit("在的和是与对于2025年80%的企业中，全面推行链长制，大力发展数字经济。", "x")])
    assert memory.search(query, fragments=True, glossary=glossary) == []


def test_the_longest_shared_stretch_ranks_first(memory: TranslationMemory, glossary: Glossary) -> None:
    memory.add(
        [
            unit("各地要大力发展数字经济和实体经济。", "a"),
            unit("全面推行链长制，大力发展数字经济。", "b"),
        ]
    )
    query = "全面推行链长制，大力发展数字经济和海洋经济"
    found = memory.search(query, min_score=90, fragments=True, glossary=glossary)
    assert [(m.kind, m.unit.target) for m in found] == [("fragment", "b"), ("fragment", "a")]
    assert [m.kind for m in memory.search(query, fragments=True, glossary=glossary)] == ["fuzzy", "fragment"]  # b: 76
    assert [m.fragment.query for m in found if m.fragment] == [(0, 16), (8, 17)]


def test_fragment_lookup_finds_the_longest_stretch_a_scan_of_every_source_finds(
    memory: TranslationMemory, glossary: Glossary
) -> None:
    rng = random.Random(14)
    texts = ["".join(rng.choices(HAN, k=rng.randint(8, 40))) for _ in range(150)]
    units = [unit(text, f"t{number}") for number, text in enumerate(texts)]
    memory.add(units)

    def sentence() -> str:  # a piece of a stored source (6 to 9 characters) amid other characters
        text = rng.choice(texts)
        start = rng.randrange(len(text) - 6)
        piece = text[start : start + rng.randint(6, 9)]
        return "".join(rng.choices(HAN, k=rng.randint(0, 8))) + piece + "".join(rng.choices(HAN, k=rng.randint(0, 8)))

    sources = [normalize(u.source) for u in units]
    matcher = SequenceMatcher(None, autojunk=False)
    for _ in range(30):
        query = sentence()
        hits = memory.search(query, min_score=90, limit=None, fragments=True, glossary=glossary)
        matched = {normalize(h.unit.source) for h in hits if h.kind != "fragment"}
        matcher.set_seq2(query)
        longest = 0
        for source in sources:
            matcher.set_seq1(source)
            if source not in matched and (stretch := shared_stretch(matcher, query, source)):
                longest = max(longest, stretch[0][1] - stretch[0][0])
        found = [h.fragment.query for h in hits if h.fragment]
        assert (found[0][1] - found[0][0] if found else 0) == longest, query
