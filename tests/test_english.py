from __future__ import annotations

from pathlib import Path

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


def _lemminflect_base(word: str) -> str:
    """base_form's rule, asked of lemminflect directly."""
    from lemminflect import getLemma

    for lemmas in (
        getLemma(word, upos="NOUN", lemmatize_oov=False),
        getLemma(word, upos="VERB", lemmatize_oov=False),
        getLemma(word, upos="NOUN"),
    ):
        if lemmas:
            return str(lemmas[0])
    return word


@pytest.mark.parametrize(
    "word", ["enterprises", "industries", "building", "developed", "smes", "industrial", "henan", "2025", "Chains"]
)
def test_base_form_from_the_table_is_lemminflects(word: str) -> None:
    assert english.base_form(word) == _lemminflect_base(word)


def test_base_forms_table_is_read_from_the_cache_and_a_broken_one_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    monkeypatch.setenv("HENAN_TERMS_CACHE_DIR", str(tmp_path))
    english._dictionary_base_forms.cache_clear()
    assert english._dictionary_base_forms()["enterprises"] == "enterprise"
    (entry,) = tmp_path.glob("base-forms-*.pickle")

    def refuse(*_: object) -> None:
        raise AssertionError("read lemminflect's tables again")

    english._dictionary_base_forms.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(LemmaLUCodec, "load", refuse)
        assert english._dictionary_base_forms()["developed"] == "develop"
        entry.write_bytes(b"not a pickle")
        english._dictionary_base_forms.cache_clear()
        with pytest.raises(AssertionError, match="tables again"):
            english._dictionary_base_forms()
    english._dictionary_base_forms.cache_clear()
    assert english._dictionary_base_forms()["industries"] == "industry"
    assert entry.read_bytes() != b"not a pickle"
    english._dictionary_base_forms.cache_clear()


def test_a_count_agrees_with_its_noun() -> None:
    assert [english.counted(1, "concept"), english.counted(2, "concept"), english.counted(0, "unit")] == [
        "1 concept",
        "2 concepts",
        "0 units",
    ]
    assert [english.counted(1, "clash"), english.counted(3, "clash"), english.counted(2, "box")] == [
        "1 clash",
        "3 clashes",
        "2 boxes",
    ]
