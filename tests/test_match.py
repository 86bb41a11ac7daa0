from __future__ import annotations

import pytest

from henan_terms import Glossary, load_glossary
from henan_terms.match import SourceSpotter, TargetSpotter

from .conftest import ROOT


@pytest.fixture(scope="module")
def small() -> Glossary:
    return load_glossary(ROOT / "tests" / "data" / "lint-glossary.csv")


@pytest.fixture(scope="module")
def source(small: Glossary) -> SourceSpotter:
    return SourceSpotter(small)


@pytest.fixture(scope="module")
def target(small: Glossary) -> TargetSpotter:
    return TargetSpotter(small)


def spotted(spotter: SourceSpotter, text: str) -> list[str]:
    return [m.form for m in spotter.spot(text)]


def test_a_term_across_a_word_boundary_is_not_a_match(source: SourceSpotter) -> None:
    assert spotted(source, "加强产业链长期规划") == ["产业链", "长期"]  # 产业链 | 长期, not 链长


def test_the_same_characters_on_word_boundaries_match(source: SourceSpotter) -> None:
    assert spotted(source, "推动链长与链主协同") == ["链长"]


def test_longest_term_wins_over_nested_term(source: SourceSpotter) -> None:
    assert spotted(source, "以链长制为抓手") == ["链长制"]
    assert spotted(source, "前瞻布局北斗应用") == ["北斗应用"]


def test_two_character_terms_count(source: SourceSpotter) -> None:
    assert spotted(source, "实施“头雁”企业培育计划和“四基”突破清单") == ["头雁", "四基"]


def test_traditional_script_source(source: SourceSpotter) -> None:
    matches = source.spot("以鏈長制為抓手，發展北斗應用")
    assert [(m.form, m.concept.id) for m in matches] == [
        ("鏈長制", "chain-leader-system"),
        ("北斗應用", "beidou-applications"),
    ]


def test_offsets_point_at_the_term(source: SourceSpotter) -> None:
    [match] = source.spot("加快检验检测")
    assert "加快检验检测"[match.start : match.end] == "检验检测"


def rendered(spotter: TargetSpotter, text: str, **needs: int) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.rendering.status.value) for m in spotter.spot(text, needs)]


def test_renderings_match_across_case_plural_and_hyphens(target: TargetSpotter) -> None:
    assert rendered(target, "Leading Enterprises grow.", **{"leading-enterprise": 1}) == [
        ("Leading Enterprises", "preferred")
    ]
    assert rendered(target, "a High End economy", **{"high-end": 1}) == [("High End", "preferred")]


def test_renderings_match_whole_words_only(target: TargetSpotter) -> None:
    assert rendered(target, "We start now.", art=1) == []
    assert rendered(target, "Modern art.", art=1) == [("art", "preferred")]


def test_overlapping_renderings_count_once_as_the_longest(target: TargetSpotter) -> None:
    text = "BeiDou applications will grow."
    assert rendered(target, text, **{"beidou-applications": 1, "beidou": 1}) == [("BeiDou applications", "preferred")]


def test_a_surplus_long_rendering_leaves_room_for_a_nested_one(target: TargetSpotter) -> None:
    text = "BeiDou applications and BeiDou applications"
    found = rendered(target, text, **{"beidou-applications": 1, "beidou": 1})
    assert found == [("BeiDou applications", "preferred"), ("BeiDou", "preferred")]


def test_only_the_concepts_asked_for_are_spotted(target: TargetSpotter) -> None:
    assert rendered(target, "BeiDou and the Dipper", beidou=2) == [("BeiDou", "preferred"), ("Dipper", "deprecated")]
    assert rendered(target, "BeiDou and the Dipper", **{"lead-goose": 1}) == []


# weaker matches and near misses


@pytest.mark.parametrize(
    ("text", "concept", "kind", "span"),
    [
        ("industrial and supply chains", "industrial-chain", "coordinated", "industrial and supply chains"),
        ("high-end and producer services", "high-end-services", "coordinated", "high-end and producer services"),
        ("all NEVs sold", "new-energy", "acronym", "NEVs"),
        ("the NEV's battery", "new-energy", "acronym", "NEV's"),
        (
            "modernize the industrial system",
            "modern-industrial-system",
            "admitted-variant",
            "modernize the industrial system",
        ),
        ("Henan's firms", "henan", "exact", "Henan's"),
    ],
)
def test_weaker_matches(target: TargetSpotter, text: str, concept: str, kind: str, span: str) -> None:
    [match] = target.spot(text, {concept: 1})
    assert (match.kind, text[match.start : match.end]) == (kind, span)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("industrial development and supply chains", "industrial-chain"),
        ("new EVs", "new-energy"),
        ("the EV's battery", "new-energy"),
        ("Nev's battery", "new-energy"),
        ("strategically modern industrial systems", "henan"),
        ("a modernized economic system", "modern-industrial-system"),
    ],
)
def test_weaker_matches_near_misses(target: TargetSpotter, text: str, concept: str) -> None:
    assert target.spot(text, {concept: 1}) == []


def test_near_misses(small: Glossary, target: TargetSpotter) -> None:
    concepts = {c.id: c for c in small}
    text = "foster strategically emerging industries in the 14thFive-Year Plan"
    found = target.near(text, [concepts["strategic-emerging-industry"], concepts["14th-five-year-plan"]])
    assert [(text[m.start : m.end], m.rendering.text) for m in found] == [
        ("strategically emerging industries", "strategic emerging industry"),
        ("14thFive-Year Plan", "14th Five-Year Plan"),
    ]
    assert target.near("foster emerging sectors", [concepts["strategic-emerging-industry"]]) == []
    # a phrase that is a rendering of its own is no near miss
    assert target.near("the industry chain", [concepts["industrial-chain"]]) == []


def test_derivation_keys_and_possessives() -> None:
    from henan_terms import english

    keys = {english.derivation_key(english.base_form(w)) for w in ("modern", "modernize", "modernization")}
    assert keys == {"modern"}
    assert english.derivation_key("strategically") == english.derivation_key("strategic")
    assert english.derivation_key("industry") == english.derivation_key("industrial")
    assert english.derivation_key("industry") != english.derivation_key("industrious")
    assert english.is_word_class_change("modernize", "modern")
    assert not english.is_word_class_change("strategically", "strategic")
    assert english.is_word_class_change("education", "educational")
    assert english.is_word_class_change("industrial", "industry")
    assert not english.is_word_class_change("industrious", "industry")
    assert not english.is_word_class_change("working", "work")
    assert [stem for *_, stem in english.token_spans("Henan's industries' growth")] == ["henan", "industry", "growth"]
