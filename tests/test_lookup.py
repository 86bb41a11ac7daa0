from __future__ import annotations

import pytest

from henan_terms import Glossary


@pytest.mark.parametrize(
    "query",
    [
        "链长制",
        "鏈長制",  # traditional
        "lianzhangzhi",
        "liàn zhǎng zhì",
        "lian4 zhang3 zhi4",
        "Lian Zhang Zhi",
        "industrial chain leader system",
        "Industrial Chain Leader Systems",  # any case, plural
    ],
)
def test_lianzhangzhi_is_found_by_every_key(glossary: Glossary, query: str) -> None:
    assert [hit.concept.zh for hit in glossary.lookup(query)] == ["链长制"]


def test_every_form_of_every_concept_finds_its_concept(glossary: Glossary) -> None:
    for concept in glossary:
        queries = [t.text for t in concept.terms] + [t.pinyin for t in concept.terms]
        queries += [f for t in concept.terms for f in t.traditional_forms]
        queries += [r.text for r in concept.renderings] + [r.text.upper() for r in concept.renderings]
        for query in queries:
            assert concept.id in [h.concept.id for h in glossary.lookup(query)], (concept.id, query)


def test_hit_says_which_key_matched(glossary: Glossary) -> None:
    fields = {
        q: glossary.lookup(q)[0].field for q in ["链长制", "鏈長制", "lianzhangzhi", "Industrial Chain Leader Systems"]
    }
    assert fields == {
        "链长制": "zh",
        "鏈長制": "traditional",
        "lianzhangzhi": "pinyin",
        "Industrial Chain Leader Systems": "en",
    }


def test_a_substring_is_not_a_hit(glossary: Glossary) -> None:
    assert glossary.lookup("链长制度改革") == []
    assert glossary.lookup("industrial chain leader system reform") == []


def test_suggestions_for_near_misses(glossary: Glossary) -> None:
    assert "链长制" in [h.concept.zh for h in glossary.suggest("industrial chain leader sistem")]
