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


def test_token_spans_split_on_hyphens_and_punctuation_and_point_into_the_text() -> None:
    text = "High-end, intelligent/green 链长制 Enterprises"
    spans = english.token_spans(text)
    assert [base for *_, base in spans] == ["high", "end", "intelligent", "green", "enterprise"]
    assert [text[start:end] for start, end, _ in spans] == ["High", "end", "intelligent", "green", "Enterprises"]
