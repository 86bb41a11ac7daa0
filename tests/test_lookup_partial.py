from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import Glossary, load_glossary
from henan_terms.cli import cli
from henan_terms.lookup import EXACT, NEAR, PARTIAL, TermIndex, find


def kinds(glossary: Glossary, query: str) -> list[tuple[str, str, tuple[int, int] | None]]:
    return [(h.concept.zh, h.kind, h.span) for h in find(glossary, query)]


@pytest.mark.parametrize("suffix", ["企业", "产业", "工程"])
def test_a_term_with_a_word_added_is_a_partial_hit(glossary: Glossary, suffix: str) -> None:
    assert kinds(glossary, "链长制" + suffix)[0] == ("链长制", PARTIAL, (0, 3))


def test_a_traditional_compound_is_found_too(glossary: Glossary) -> None:
    [hit] = find(glossary, "鏈長制企業")
    assert (hit.concept.zh, hit.kind, hit.field, hit.matched) == ("链长制", PARTIAL, "traditional", "鏈長制")


def test_a_sentence_lists_every_term_in_reading_order(glossary: Glossary) -> None:
    sentence = "加快建设先进制造业强省,全面推行链长制,推进技改。"
    found = kinds(glossary, sentence)
    assert found == [
        ("先进制造业强省", PARTIAL, (4, 11)),
        ("链长制", PARTIAL, (16, 19)),
        ("技术改造", PARTIAL, (22, 24)),
    ]
    assert all(sentence[s:e] for _, _, (s, e) in found)  # type: ignore[misc]


def test_a_match_across_a_word_boundary_is_not_a_hit(glossary: Glossary) -> None:
    assert "链长制" not in [zh for zh, *_ in kinds(glossary, "产业链长期发展")]


def test_an_english_rendering_inside_a_query(glossary: Glossary) -> None:
    [hit] = find(glossary, "industrial chain leader system reform")
    assert (hit.concept.zh, hit.kind, hit.span) == ("链长制", PARTIAL, (0, 30))


def test_exact_hits_come_first_and_have_no_span(glossary: Glossary) -> None:
    hits = find(glossary, "链长制")
    assert [(h.kind, h.span, h.score) for h in hits] == [(EXACT, None, 100.0)]


SMALL = """\
zh,en,status,id,type
链长制,chain leader system,preferred,chain-leader-system,
技术改造,technological upgrading,preferred,upgrading,
技改,technical upgrading,admitted,upgrading,abbreviation
先进制造业,advanced manufacturing,preferred,advanced-manufacturing,
先进制造业强省,strong province with advanced manufacturing,preferred,strong-province,
"""


@pytest.fixture
def small(tmp_path: Path) -> Glossary:
    path = tmp_path / "small.csv"
    path.write_text(SMALL, encoding="utf-8")
    return load_glossary(path)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("链长", "链长制"),  # a character dropped
        ("链长制度", "链长制"),  # a character added
        ("技术改", "技术改造"),
        ("先进制造", "先进制造业"),  # short form of a full form
        ("先进制造强省", "先进制造业强省"),
    ],
)
def test_near_variants_are_did_you_mean_hits(small: Glossary, query: str, expected: str) -> None:
    hits = find(small, query)
    assert hits and {h.kind for h in hits} == {NEAR}
    assert hits[0].concept.zh == expected, [(h.concept.zh, h.score) for h in hits]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_an_unrelated_query_has_no_near_hit(glossary: Glossary) -> None:
    assert find(glossary, "天气晴朗") == []


def test_near_hits_need_the_characters_in_order(small: Glossary) -> None:
    assert find(small, "改技") == []
    assert [h.concept.zh for h in find(small, "技术改")] == ["技术改造"]


def test_an_empty_glossary_finds_nothing() -> None:
    assert TermIndex([]).find("技改") == []
    assert TermIndex([]).find("technical upgrading") == []


def test_cli_lists_the_terms_of_a_sentence(glossary: Glossary) -> None:
    result = CliRunner().invoke(cli, ["lookup", "加快建设先进制造业强省,全面推行链长制。"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("先进制造业强省") and "partial 4-11" in lines[0]
    assert lines[1].startswith("链长制") and "liàn zhǎng zhì" in lines[1]
    assert "industrial chain leader system" in lines[1]


def test_cli_gives_the_pinyin_of_the_form_found(glossary: Glossary) -> None:
    result = CliRunner().invoke(cli, ["lookup", "全面推行链长制,推进技改。"])
    assert result.exit_code == 0
    line = result.output.splitlines()[1]
    assert line.startswith("技改 (技术改造)  jì gǎi  ") and "jì shù" not in line


def test_cli_did_you_mean_exits_1(small: Glossary, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["lookup", "链长制度", "--glossary", str(tmp_path / "small.csv")])
    assert result.exit_code == 1
    assert "not found: 链长制度; did you mean: 链长制" in result.output


def test_cli_json_marks_partial_hits(glossary: Glossary) -> None:
    result = CliRunner().invoke(cli, ["lookup", "链长制企业", "--json"])
    assert result.exit_code == 0
    [record] = json.loads(result.output)
    assert (record["zh"], record["match"], record["span"]) == ("链长制", "partial", [0, 3])


def test_a_short_english_query_is_no_partial_hit_for_a_small_part_of_it(glossary: Glossary) -> None:
    hits = find(glossary, "industrial chain leader sistem")
    assert PARTIAL not in [h.kind for h in hits]
    assert hits[0].kind == NEAR and hits[0].concept.zh == "链长制"


def test_an_english_sentence_lists_its_renderings(glossary: Glossary) -> None:
    sentence = "Henan will improve the industrial chain leader system and build more industrial chains."
    found = [(h.concept.zh, h.kind) for h in find(glossary, sentence)]
    assert ("链长制", PARTIAL) in found and ("产业链", PARTIAL) in found
