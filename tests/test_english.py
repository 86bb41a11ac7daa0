from __future__ import annotations

import pytest

from henan_terms import english


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("leading enterprise", "Leading Enterprises"),
        ("high-end", "high end"),
        ("industrial chain leader system", "industrial chain leader systems"),
        ("R&D design", "r&d designs"),
        ("the first edition of the software", "first edition of software"),
        ("prefabricated building", "prefabricated buildings"),
    ],
)
def test_fold_equates_variants(a: str, b: str) -> None:
    assert english.fold(a) == english.fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("BeiDou", "Dipper"), ("start", "art"), ("chain leader", "chain"), ("industrial chain", "industry chain")],
)
def test_fold_keeps_different_words_apart(a: str, b: str) -> None:
    assert english.fold(a) != english.fold(b)


def test_tokens_split_on_hyphens_and_punctuation() -> None:
    assert english.tokens("high-end, intelligent/green") == ["high", "end", "intelligent", "green"]
