"""Sentence splitting of Chinese and English paragraphs."""

from __future__ import annotations

import pytest

from henan_terms.formats.bilingual import read_bilingual
from henan_terms.tm.sentences import split_chinese, split_english

from .conftest import shared_path

CHINESE = [
    (
        "现代化产业体系是重要组成部分。要加快建设！是否可行？",
        ["现代化产业体系是重要组成部分。", "要加快建设！", "是否可行？"],
    ),
    ("第一句!第二句?第三句", ["第一句!", "第二句?", "第三句"]),
    # A ？ or ！ inside a book title or quotes does not end the sentence.
    ("今日推出第1期:《看河南如何换道领跑?》。明天继续。", ["今日推出第1期:《看河南如何换道领跑?》。", "明天继续。"]),
    ("推出《河南如何换道领跑？》系列报道，敬请关注。", None),
    ("他们喊出“换道领跑！”的口号，随后出发。", None),
    ("他问“真的吗？！”然后笑了。好。", ["他问“真的吗？！”然后笑了。", "好。"]),
    ("「真的嗎？」他問。", None),
    # 。 inside quotes ends a sentence; closing quotes and brackets stay with it.
    ("他说：“我们来了。明天走。”他笑了。", ["他说：“我们来了。", "明天走。”", "他笑了。"]),
    ("（这是注释。）正文继续。", ["（这是注释。）", "正文继续。"]),
    ("真的吗？！”", None),
    # Only marks closed within the paragraph protect what they enclose.
    ("他说“快跑！然后走。", ["他说“快跑！", "然后走。"]),
    # Ellipses, decimals and Latin full stops do not end a Chinese sentence; a full stop after Han does.
    ("等等……然后继续。", None),
    ("增长3.5倍,见U.S.标准。", None),
    ("第一句.第二句.", ["第一句.", "第二句."]),
    # Semicolons stay inside the sentence by default.
    ("做强优势产业；做大新兴产业。", None),
    ("建设先进制造业强省", None),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_split_chinese(text: str, expected: list[str] | None) -> None:
    assert split_chinese(text) == (expected if expected is not None else [text])


def test_split_chinese_at_semicolons_on_request() -> None:
    assert split_chinese("做强优势产业；做大新兴产业;做优传统产业。", semicolons=True) == [
        "做强优势产业；",
        "做大新兴产业;",
        "做优传统产业。",
    ]


@pytest.mark.parametrize("text", ["", "   ", "……", "——。"])
def test_no_sentence_without_words(text: str) -> None:
    assert split_chinese(text) == []
    assert split_english(text) == []


ENGLISH = [
    ("The system is key. Both reports stress it! Is it new? Yes.", 4),
    # Abbreviations, initials, acronyms, numbered items, decimals and ellipses do not end a sentence.
    ("Dr. Smith arrived at noon. He left.", 2),
    ("Some provinces, e.g. Henan and Hubei, grew. Others did not.", 2),
    ("Mr. Li and Prof. Wang agreed, i.e. The Plan stands. Talks ended.", 2),
    ("The U.S. Government agreed. Talks ended.", 2),
    ("See No. 5 in the list. It works.", 2),
    ("Output rose 3.5 percent. Prices fell.", 2),
    ("J. R. R. Tolkien wrote it. Many read it.", 2),
    ("He paused... Then he spoke. Done.", 2),
    ("He paused… Then he spoke.", 1),
    ("Costs fell in Jan. 2023 and rose after.", 1),
    # A sentence ends before a capital or a digit, not before a lower-case word.
    ("It costs 5 yuan. and more", 1),
    ("Output rose in 2022. 2023 was better.", 2),
    ("Steel, aluminium, etc. These lead.", 2),
    ("No. The answer stands.", 2),
]


@pytest.mark.parametrize(("text", "count"), ENGLISH)
def test_split_english(text: str, count: int) -> None:
    sentences = split_english(text)
    assert len(sentences) == count
    assert " ".join(sentences) == " ".join(text.split())


def test_english_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    assert split_english('He said "Go." Then he left. (It rained.) We stayed.') == [
        'He said "Go."',
        "Then he left.",
        "(It rained.)",
        "We stayed.",
    ]
    assert split_english("Is it right?” she asked. “Yes!” He nodded.") == [
        "Is it right?” she asked.",
        "“Yes!”",
        "He nodded.",
    ]


def test_seed_paragraphs_split_as_read() -> None:
    document = read_bilingual(shared_path("corpus/henan-advanced-manufacturing.txt"))
    pair = next(p for p in document.pairs if p.zh.number == 21)
    assert [len(split_chinese(pair.zh.text)), len(split_english(pair.en.text))] == [7, 7]
    introduction = document.pairs[0]
    assert split_chinese(introduction.zh.text)[-1].endswith("换道领跑?》。")
    assert split_english(introduction.en.text)[-1].startswith("The following is the 1st story")
