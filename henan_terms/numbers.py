"""Numbers in Chinese and English text, as values that can be compared across the two."""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万": 10_000, "亿": 100_000_000}
_CHINESE_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"(?<![A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?![A-Za-z0-9])\s*([万亿]*)")
_PERCENT_WORDS = re.compile("百分之([零〇一二两三四五六七八九十百千点]+)")

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_ONES += " seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_ENGLISH_WORDS = {word: value for value, word in enumerate(_ONES.split())}
_ENGLISH_WORDS |= {word: 10 * (index + 2) for index, word in enumerate(_TENS.split())}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {month: index + 1 for index, month in enumerate(_MONTH_NAMES.split())}  # only in dates: "March 23"
_ENGLISH_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
_WORD_VALUES = {
    word: float(value) for table in (_ENGLISH_WORDS, _ORDINALS, _ENGLISH_SCALES) for word, value in table.items()
}
_ENGLISH_DIGITS = re.compile(
    r"(?<![A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?![A-Za-z0-9])"
    r"(?:\s*(?:-\s*)?(hundred|thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_DATE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d")
_WORD = re.compile("[a-z]+")


def chinese_numbers(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[float, int, int]]:
    """Numbers of a Chinese text as (value, start, end), outside the ``skip`` spans.

    Arabic numbers (with 万/亿 scaling; not the 5 of 5G), Chinese numerals (百亿 = 10¹⁰, 一百零五 =
    105, 十四五 = 14 and 5) and 百分之 percentages. A lone 一 is an article (一批, 新一代), not a number.
    """
    skipped = list(skip)
    found: list[tuple[float, int, int]] = []

    def keep(value: float, start: int, end: int) -> None:
        if not any(s < end and start < e for s, e in skipped):
            found.append((value, start, end))

    for match in _ARABIC.finditer(text):
        value = float(match.group(1).replace(",", ""))
        for scale in match.group(2):
            value *= _SCALES[scale]
        keep(value, match.start(), match.end())
    taken = [(start, end) for _, start, end in found]
    for match in _PERCENT_WORDS.finditer(text):
        for value in _parse_chinese(match.group(1)):
            keep(value, match.start(), match.end())
            taken.append((match.start(), match.end()))
    for match in _CHINESE_NUMERAL.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if match.group() in ("一", "万", "亿", "千", "百", "十"):
            continue
        for value in _parse_chinese(match.group()):
            keep(value, start, end)
    return found


def _parse_chinese(numeral: str) -> list[float]:
    """Values of a run of Chinese numerals; a digit after a digit starts a new number (十四五 → 14, 5)."""
    values: list[float] = []
    total = section = 0
    current: int | None = None
    digits_only = all(c in _DIGITS for c in numeral) and len(numeral) > 1
    if digits_only:  # positional, as in years: 二〇二三
        return [float("".join(str(_DIGITS[c]) for c in numeral))]
    for char in numeral.replace("零", "").replace("〇", ""):
        if char in _DIGITS:
            if current is not None:
                values.append(total + section + current)
                total = section = 0
            current = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if current is None else current) * _UNITS[char]
            current = None
        elif char in _SCALES:
            total = (total + section + (current or 0) or 1) * _SCALES[char]
            section, current = 0, None
    values.append(total + section + (current or 0))
    return [float(v) for v in values if v]


def english_numbers(text: str) -> set[float]:
    """Values of the numbers of an English text: digits (1,000 / 3.5 / 20th, not the 5 of 5G), scale
    words (100 billion, trillion-level), number words up to ninety-nine, ordinals, and the month of a
    date (March 23 gives 3)."""
    values: set[float] = set()
    for match in _ENGLISH_DIGITS.finditer(text):
        digits, scale = match.groups()
        value = float(digits.replace(",", ""))
        values.add(value * _ENGLISH_SCALES[scale.lower()] if scale else value)
    lowered = _ENGLISH_DIGITS.sub(" ", text).lower()  # the scale word of "100 billion" is taken
    values.update(_WORD_VALUES[word] for word in _WORD.findall(lowered) if word in _WORD_VALUES)
    values.update(float(_MONTHS[month.lower()]) for month in _DATE.findall(text))
    for tens, ones in re.findall(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(\w+)", lowered):
        if ones in _ENGLISH_WORDS:
            values.add(float(_ENGLISH_WORDS[tens] + _ENGLISH_WORDS[ones]))
    return values
