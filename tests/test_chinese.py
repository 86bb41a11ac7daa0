from __future__ import annotations

import itertools
import logging
import re

import jieba
import pypinyin
import pytest

from henan_terms import Script, chinese, load_glossary

from .conftest import shared_path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("链长制", "liàn zhǎng zhì"),
        ("专精特新", "zhuān jīng tè xīn"),
        ("电子", "diàn zǐ"),  # careful pinyin: original tone, not neutral
        ("统一", "tǒng yī"),
        ("一个", "yī gè"),  # GB/T 16159 writes 一 in its original tone
        ("管委会+公司", "guǎn wěi huì gōng sī"),  # non-Han parts carry no syllable
    ],
)
def test_generated_pinyin(text: str, expected: str) -> None:
    assert chinese.generate_pinyin(text) == expected


def test_pinyin_styles() -> None:
    assert chinese.to_numbers("liàn zhǎng zhì") == "lian4 zhang3 zhi4"
    assert chinese.to_toneless("liàn zhǎng zhì") == "lian zhang zhi"
    assert chinese.to_marks("lian4 zhang3 zhi4") == "liàn zhǎng zhì"
    assert chinese.to_marks("lu:e4") == "lüè"


@pytest.mark.parametrize(
    "query", ["lianzhangzhi", "liàn zhǎng zhì", "lian4 zhang3 zhi4", "LianZhangZhi", "lian-zhang-zhi"]
)
def test_pinyin_key_ignores_tones_spaces_and_case(query: str) -> None:
    assert chinese.pinyin_key(query) == "lianzhangzhi"


def test_pinyin_key_folds_u_umlaut() -> None:
    assert chinese.pinyin_key("zhàn lüè") == chinese.pinyin_key("zhan4 lve4") == chinese.pinyin_key("zhanlue")


@pytest.mark.parametrize(
    ("text", "pinyin", "written"),
    [
        ("链长制", "liàn zhǎng zhì", "liànzhǎngzhì"),
        ("西安", "xī ān", "xī'ān"),
        ("技术改造", "jì shù gǎi zào", "jìshù gǎizào"),
        ("管委会+公司", "guǎn wěi huì gōng sī", "guǎnwěihuì gōngsī"),
    ],
)
def test_written_pinyin_joins_words(text: str, pinyin: str, written: str) -> None:
    assert chinese.written_pinyin(text, pinyin) == written


def test_traditional_variants_keep_distinct_forms_with_their_tags() -> None:
    variants = chinese.traditional_variants("首台套")
    assert [(v.text, v.tags) for v in variants] == [("首臺套", ("zh-Hant", "zh-TW")), ("首台套", ("zh-HK",))]
    assert [v.text for v in chinese.traditional_variants("链长制")] == ["鏈長制"]


def test_taiwan_phrasing_is_only_a_suggestion() -> None:
    assert chinese.taiwan_phrasing("智能化") == "智慧化"
    assert [v.text for v in chinese.traditional_variants("智能化")] == ["智能化"]
    assert chinese.taiwan_phrasing("链长制") is None


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("链长制", Script.SIMPLIFIED),
        ("鏈長制", Script.TRADITIONAL),
        ("鏈长制", Script.MIXED),
        ("河南", Script.NEUTRAL),
        ("鏈式集群化", Script.TRADITIONAL),  # 群 is written so in both scripts, though s2t gives 羣
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert chinese.detect_script(text) is script


def test_readings_and_syllables() -> None:
    assert {"chang", "zhang"} <= chinese.readings("长")
    assert chinese.is_syllable("zhǎng")
    assert not chinese.is_syllable("lain")


def test_loading_the_glossary_leaves_pypinyin_untouched() -> None:
    from henan_terms import load_glossary

    before = pypinyin.lazy_pinyin("锻长板", style=pypinyin.Style.TONE)
    load_glossary()
    assert pypinyin.lazy_pinyin("锻长板", style=pypinyin.Style.TONE) == before


def test_term_spotting_boundaries_are_jiebas_own() -> None:
    """The compiled segmenter behind term spotting cuts every Han run of the seeds as jieba does,
    with the bundled glossary's terms added to both."""
    forms = {
        form for concept in load_glossary() for term in concept.terms for form in (term.text, *term.traditional_forms)
    }
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    for form in forms:
        reference.add_word(form)
    segmenter = chinese.Segmenter(forms)
    runs = [
        run
        for name in ("henan-advanced-manufacturing", "henan-industry-carriers")
        for run in re.findall(r"[\u3400-\u9fff]+", shared_path(f"corpus/{name}.txt").read_text(encoding="utf-8"))
    ]
    assert len(runs) > 200
    for run in runs:
        boundaries = set(itertools.accumulate(len(word) for word in reference.cut(run, HMM=False)))
        spans = [(start, end) for start in range(len(run)) for end in range(start + 1, len(run) + 1)]
        expected = [(start, end) for start, end in spans if (start == 0 or start in boundaries) and end in boundaries]
        assert [span for span in spans if segmenter.is_word_span(run, *span)] == expected, run
