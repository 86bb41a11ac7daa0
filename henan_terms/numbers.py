"""Numbers in Chinese and English text, as values that can be compared across the two."""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "EnglishNumber",
    "Quantity",
    "carries",
    "chinese_numbers",
    "chinese_quantities",
    "english_like",
    "english_numbers",
    "english_quantities",
    "is_cardinal",
    "list_sizes",
    "month_value",
]

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
_MONTHS |= {month[:3]: number for month, number in _MONTHS.items() if len(month) > 4} | {"sept": 9}  # Jan, Sept
_ENGLISH_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
_WORD_VALUES = {
    word: float(value) for table in (_ENGLISH_WORDS, _ORDINALS, _ENGLISH_SCALES) for word, value in table.items()
}
_ENGLISH_DIGITS = re.compile(
    r"(?<![A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?![A-Za-z0-9])"
    r"(?:\s*(?:-\s*)?(hundred|thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_ABBREVIATED = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_DATE = re.compile(
    rf"\b(January|February|March|April|May|June|July|August|September|October|November|December|{_ABBREVIATED})"
    r"\.?\s+\d"
)
_MONTH = re.compile(
    rf"\b(January|February|March|April|June|July|August|September|October|November|December|{_ABBREVIATED})\b"
    r"|\b(?:in|of|since|until|by|from|to|and|through) (May)\b"
)


def month_value(month: int) -> float:
    """The value standing for a month named in English (October): its number negated, so that it
    carries 10月 and no other quantity (Chinese quantities are never negative)."""
    return -float(month)


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


# Quantities: numbers with what they mean, for comparing a source with its translation -------------

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?\s*[万亿]*|[{_CN}]+)"
_MEASURES = "个辆项家大条种类座所批位名支件台套部处场次届期轮年月日天周季度倍成万亿级型人户元"
# characters that may share a word with a numeral without making it a name (三季度, 四成, 二十大, 两个)
_QUANTITY_CHARS = frozenset(_CN + _MEASURES + "第前后上下半多余近约超逾来以内外首每翻番分之点") | frozenset(
    "0123456789.,%％"
)
_PERCENT = re.compile(rf"(\d+(?:\.\d+)?)\s*[%％]|百分之([{_CN}点]+)|({_NUM})\s*个百分点")
_FRACTION = re.compile(rf"({_NUM})分之({_NUM})")
_TENTHS = re.compile(rf"(?<![{_CN}\d])([一二两三四五六七八九十\d])成(?![为立果功本员交型长都绩])")
_TIMES = re.compile(rf"({_NUM})倍|翻(一|两|三)番")
_HALF = re.compile("一半|过半|半数")
_SPAN = re.compile(rf"前({_NUM})(?:个)?(季度|个?月)")
_MONTHS_FROM_JANUARY = re.compile(
    r"(?<![\d一二三四五六七八九十])(?:1|一)月?(?:份)?\s*(?:至|到|—|–|-|~|～)\s*(\d{1,2}|[一二三四五六七八九十]{1,2})月"
)
_HOLIDAY = re.compile(rf"五一(?![\d{_CN}])|十一(?=假期|长假|小长假|黄金周|期间)")
_QUARTER = re.compile(r"(?:第)?([一二三四1-4])季度")
_DECADE = re.compile(r"(?:(\d{2}|[一二]?十[一二]?)世纪)?([1-9]0|[一二三四五六七八九]十)年代")  # 20世纪90年代: the 1990s
_SECTION = re.compile(rf"(?:^|(?<=[\s。；：:]))(?:[（(]([{_CN}\d]+)[）)]|([{_CN}]+)、|([一二三四五六七八九十])是)")
_FEW = re.compile(
    rf"[数几]([十百千万亿]+)|(?<![零〇一二三四五六七八九])([一二两三四五六七八九])([一二两三四五六七八九])(?=[{_MEASURES}十百千万])"
)
_RATIO_BEFORE = re.compile(r"(?:为|是|相当于|达到)[^，。；,;]{0,15}的$")  # 为2019年的127.9%: a ratio
_APPROX_BEFORE = ("近", "约", "超", "逾")
_APPROX_AFTER = ("余", "多", "左右", "上下", "来")
_LISTABLE = tuple("个项家大条种类座所位名支件台套部处")
_COUNTED = "个年家项名位人座所条种次倍元"
_QUOTED = re.compile(r"“[^”]{1,12}”|《[^》]{1,20}》|「[^」]{1,12}」|‘[^’]{1,12}’")
_ANY_QUANTITY = re.compile(r"[\d零〇二两三四五六七八九十百千万亿%％]|一[半季是番、）)]|过半|半数")
_GENERIC = re.compile(
    rf"(?<![A-Za-z0-9.,])\d+(?:,\d{{3}})*(?:\.\d+)?(?![A-Za-z0-9])\s*(?:[多余](?=[万亿]))?[万亿]*|[{_CN}]+"
)
_CONVERSIONS = {"斤": (0.5, 0.0005), "亩": (1 / 15, 0.164737)}
"""Traditional units and the factors to the metric or imperial units an English text gives instead
(斤: kilograms, tonnes; 亩: hectares, acres)."""


@frozen
class Quantity:
    """A quantity of a Chinese text: what is written, where, its value and the values that carry it.

    ``approximate`` (近两年, 300余家, 三五年): a translation may drop it or round it. ``count``: a small
    count (两个省) that the translation may express by listing the things counted. ``section``: a
    section number ((二), 三、, 一是) that a translation may render as a Roman numeral or leave out.
    """

    text: str
    start: int
    end: int
    value: float
    accepts: frozenset[float]
    approximate: bool = False
    count: bool = False
    section: bool = False
    percent: bool = False
    year: bool = False  # a year of the calendar (2025年)
    points: bool = False  # a difference of percentages (3个百分点), not a relative change

    def shown(self) -> str:
        """The value for a message: 700,000, 40%, 0.333."""
        value = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,.4g}"
        return f"{value}%" if self.percent else value


def _is_year(value: float) -> bool:
    return value == int(value) and 1900 <= value <= 2100


def _value(numeral: str) -> float | None:
    """The value of one Arabic (with 万/亿) or Chinese numeral; None when it is not one number."""
    numeral = numeral.strip()
    if numeral and numeral[0].isdigit():
        digits = numeral.rstrip("万亿 ")
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            return None
        for scale in numeral[len(digits) :].strip():
            value *= _SCALES[scale]
        return value
    values = _parse_chinese(numeral)
    return values[0] if len(values) == 1 else None


def _percent_forms(value: float) -> frozenset[float]:
    return frozenset({value, round(value, 1), float(round(value))})


def chinese_quantities(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """The quantities of a Chinese text, outside the ``skip`` spans (glossary terms), in order.

    Not quantities: a numeral inside a longer word (四川, 一带, 四基, by jieba's dictionary), inside a
    short quoted name (“三个一批”), a holiday (五一, 十一假期), a lone 一 (an article), 数十/几百 and
    other vague amounts. Read:
    percentages (50%, 百分之五十, 3个百分点), fractions (三分之一), 成 as tenths (四成 = 40%),
    倍 and 翻番, 一半, time spans (前三季度 = the first nine months; 1—6月 = the first half), ranges
    (3至5年 gives 3 and 5),
    万/亿 scales, and approximate amounts (近两年, 300余家, 两年多, 约5万).
    """
    from .chinese import words

    if not _ANY_QUANTITY.search(text):
        return []
    taken: list[tuple[int, int]] = [tuple(span) for span in skip]  # type: ignore[misc]
    found: list[Quantity] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def add(match: re.Match[str], value: float, accepts: Iterable[float], **flags: bool) -> None:
        start, end = match.span()
        if free(start, end):
            taken.append((start, end))
            approximate = flags.pop("approximate", False) or _approximate(text, start, end)
            year = text[end : end + 1] == "年" and _is_year(value)
            found.append(
                Quantity(match.group(), start, end, value, frozenset(accepts), approximate, year=year, **flags)
            )

    for match in _QUOTED.finditer(text):  # a short quoted name: “三个一批”, 《十四五规划》
        taken.append(match.span())
    for match in _HOLIDAY.finditer(text):  # 五一, 十一假期: May Day and National Day, not 51 or 11
        taken.append(match.span())
    position = 0
    for word in words(text):  # a numeral inside a word: 四川, 四基, 一带
        end = position + len(word)
        if len(word) > 1 and any(c in _CN[:-2] for c in word) and not set(word) <= _QUANTITY_CHARS:
            taken.append((position, end))
        position = end
    for match in _FEW.finditer(text):  # 数十, 几百, 三五年, 七八个: vague amounts
        if free(*match.span()):
            if match.group(1):
                taken.append(match.span())
            else:
                low, high = _DIGITS[match.group(2)], _DIGITS[match.group(3)]
                add(match, float(low), (low, high), approximate=True)
    for match in _SECTION.finditer(text):
        numeral = next(g for g in match.groups() if g)
        if (value := _value(numeral)) is not None:
            add(match, value, {value}, section=True)
    for match in _PERCENT.finditer(text):
        numeral = match.group(1) or match.group(2) or match.group(3)
        value = _value(numeral.replace("点", ".")) if "点" not in numeral else _decimal(numeral)
        if value is not None:
            forms = _percent_forms(value) | {value / 100}
            if value > 100 and _RATIO_BEFORE.search(text, 0, match.start()):
                forms |= _percent_forms(round(value - 100, 10))  # 为去年的212.2%: "up 112.2 percent"
            add(match, value, forms, percent=True, points=bool(match.group(3)))
    for match in _FRACTION.finditer(text):
        whole, part = _value(match.group(1)), _value(match.group(2))
        if whole and part is not None:
            share = part / whole
            add(match, share, {share, round(share, 2), round(share, 3)} | _percent_forms(100 * share))
    for match in _TENTHS.finditer(text):
        tenths = _value(match.group(1))
        if tenths is not None:
            add(match, 10 * tenths, {10 * tenths, tenths / 10}, percent=True)
    for match in _TIMES.finditer(text):
        times = _value(match.group(1)) if match.group(1) else 2.0 ** float(_DIGITS[match.group(2)])
        if times is not None:
            add(match, times, {times, 100 * times, 100 * (times - 1)})
    for match in _HALF.finditer(text):
        add(match, 0.5, {0.5, 50.0})
    for match in _SPAN.finditer(text):
        length = _value(match.group(1))
        if length is not None:
            quarters = match.group(2) == "季度"
            other = 3 * length if quarters else length / 3
            add(match, length, {length, other} if other == int(other) else {length})
    for match in _MONTHS_FROM_JANUARY.finditer(text):  # 1—6月: the first half, January to June
        last = _value(match.group(1))
        if last is not None and 2 <= last <= 12:
            months = {last, month_value(int(last))}
            months |= {last / 3} if last % 3 == 0 else set()
            months |= {0.5} if last == 6 else set()  # "the first half"
            add(match, last, months)
    for match in _DECADE.finditer(text):
        century, decade = (_value(group) if group else None for group in match.groups())
        if decade is not None:
            years = {100 * (century - 1) + decade} if century else {1900 + decade, 2000 + decade}
            add(match, min(years), years | {decade})
    for match in _QUARTER.finditer(text):
        quarter = _value(match.group(1))
        if quarter is not None:
            add(match, quarter, {quarter, 3 * quarter})
    for match in _GENERIC.finditer(text):
        numeral = match.group()
        if numeral in ("一", "万", "亿", "千", "百", "十") or not free(*match.span()):
            continue
        rough = "多" in numeral or "余" in numeral  # 20多万: more than 200,000
        if numeral[0].isdigit():
            values = [v] if (v := _value(numeral.replace("多", "").replace("余", ""))) is not None else []
        else:
            values = _parse_chinese(numeral)
        after = text[match.end() : match.end() + 2]
        if len(values) != 1:  # 十四五: a name of numerals
            continue
        if len(numeral) > 1 and set(numeral) <= _DIGITS.keys() and after[:1] != "年":
            continue  # read digit by digit outside a year (二〇二三年): a name, 二七商圈, 一二·九
        value = values[0]
        count = 2 <= value <= 10 and after[:1] in _LISTABLE
        accepts = {value} | {value * factor for factor in _CONVERSIONS.get(after[:1], ())}
        if after[:1] == "月" and value == int(value) and 1 <= value <= 12:
            accepts.add(month_value(int(value)))  # 10月: October
        add(match, value, accepts, count=count, **({"approximate": True} if rough else {}))
    return sorted(found, key=lambda q: q.start)


def _decimal(numeral: str) -> float | None:
    whole, _, fraction = numeral.partition("点")
    head = _value(whole) if whole else 0.0
    if head is None or not all(c in _DIGITS for c in fraction):
        return None
    return float(f"{head:.0f}.{''.join(str(_DIGITS[c]) for c in fraction)}")


def _approximate(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 2) : start], text[end : end + 3]
    if any(before.endswith(marker) for marker in _APPROX_BEFORE):
        return True
    after = after[1:] if after[:1] in _COUNTED else after
    return any(after.startswith(marker) for marker in _APPROX_AFTER)


@frozen
class EnglishNumber:
    """A number of an English text: its value, where it stands, whether written in digits (or as a
    Roman numeral) and whether the text marks it as approximate ("about 300", "more than 60")."""

    text: str
    start: int
    end: int
    value: float
    digits: bool
    approximate: bool = False
    percent: bool = False
    points: bool = False  # "percentage points", "points"

    @property
    def significant(self) -> int:
        """Significant digits of a number written in digits (700,000 has 1; 1.25 billion has 3)."""
        return _significant(self.text.split()[0]) if self.digits else 9


def _significant(written: str) -> int:
    digits = "".join(c for c in written if c.isdigit())
    digits = digits.lstrip("0")
    return len(digits if "." in written else digits.rstrip("0")) or 1


_ROMAN = {"I": 1, "V": 5, "X": 10}
_EN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?![A-Za-z0-9])"
    r"(?:\s*(?:-\s*)?(hundred|thousand|million|billion|trillion))?(\s*(?:%|(?:percentage\s+)?points?\b|per\s?cent\b))?"
    r"|\b(?:Q([1-4])|H([12]))\b|(?<![A-Za-z0-9.,])'?(\d{1,3}0)s\b"
    r"|\b([IVX]{1,6})\b(?=[.)]|\s*$)|(?<=Part |Item )([IVX]{1,6})\b|\b([IVX]{2,6})\b",
    re.IGNORECASE,
)
_EN_WORDS = {
    **{word: float(value) for word, value in _ENGLISH_WORDS.items()},
    **{word: float(value) for word, value in _ORDINALS.items()},
    "fourth": 4.0,
    "sixth": 6.0,
    "seventh": 7.0,
    "tenth": 10.0,
    "firstly": 1.0,
    "secondly": 2.0,
    "thirdly": 3.0,
    "both": 2.0,
    "twice": 2.0,
    "double": 2.0,
    "doubled": 2.0,
    "dual": 2.0,
    "twofold": 2.0,
    "triple": 3.0,
    "tripled": 3.0,
    "threefold": 3.0,
    **{f"{word}fold": float(value) for word, value in _ENGLISH_WORDS.items() if value >= 4},  # tenfold
    "quadrupled": 4.0,
    "half": 0.5,
    "halved": 0.5,
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1000.0,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_APPROX_WORDS = re.compile(
    r"(?:about|around|approximately|nearly|almost|some|over|more than|roughly|close to|up to|less than|"
    r"at least|upwards of|in excess of|above|below|under|exceeding|exceeded|nearly|over)\s+$",
    re.IGNORECASE,
)
_MONTH_RANGE = re.compile(
    rf"\b({'|'.join(m.capitalize() for m in _MONTH_NAMES.split())})\s*(?:-|–|to|through|and)\s*"
    rf"({'|'.join(m.capitalize() for m in _MONTH_NAMES.split())})\b"
)


def english_quantities(text: str) -> list[EnglishNumber]:
    """The numbers of an English text, in order: digits with scale words and percent ("1.5 billion",
    "40 percent"), number words ("three", "twenty-five", "ten thousand"), ordinals, fractions ("one
    third", "two-thirds", "half"), multiples ("twice", "threefold"), Q1–Q4 and H1/H2, Roman section
    numbers ("Part II", "III."), months of dates and month ranges ("January to September")."""
    found: list[EnglishNumber] = []
    spans: list[tuple[int, int]] = []
    for match in _EN_NUMBER.finditer(text):
        digits, scale, percent, quarter, half, decade, roman_end, roman_part, roman = match.groups()
        if digits:
            value = float(digits.replace(",", "")) * (_ENGLISH_SCALES[scale.lower()] if scale else 1)
        elif quarter or half or decade:
            value = float(quarter or half or decade)
        else:
            numeral = roman_end or roman_part or roman
            if numeral != numeral.upper() or (numeral == "I" and not roman_part and match.start() > 0):
                continue
            value = float(_roman(numeral))
            if not value:
                continue
        found.append(
            EnglishNumber(
                match.group().strip(),
                match.start(),
                match.end(),
                value,
                True,
                _APPROX_WORDS.search(text[max(0, match.start() - 24) : match.start()]) is not None,
                bool(percent),
                bool(percent) and "point" in percent.lower(),
            )
        )
        spans.append(match.span())
    words = [
        m
        for m in _EN_WORD.finditer(text)
        if _NUMBER_WORDS.intersection(m.group().lower().split("-")) or m.group().lower() in ("a", "one")  # "a third"
    ]
    words = [m for m in words if not any(s < m.end() and m.start() < e for s, e in spans)]
    # number words only, with their neighbours (one third, ten thousand)
    index = 0
    while index < len(words):
        match = words[index]
        parts = match.group().lower().split("-")
        if not _NUMBER_WORDS.intersection(parts):
            index += 1
            continue
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        previous = words[index - 1].group().lower() if index else ""
        if following and text[match.end() : words[index + 1].start()].strip(" -"):
            following = ""  # not the next word of the text
        if previous and text[words[index - 1].end() : match.start()].strip(" -"):
            previous = ""
        amount = _word_value(parts, previous, following)
        end = match.end()
        scale = _ENGLISH_SCALES.get(parts[-1], 1)
        # scale words multiply while each is larger than the one before: one hundred thousand, two hundred million
        while amount is not None and following in _ENGLISH_SCALES and _ENGLISH_SCALES[following] > scale:
            scale = _ENGLISH_SCALES[following]
            amount *= scale
            end = words[index + 1].end()
            index += 1
            following = words[index + 1].group().lower() if index + 1 < len(words) else ""
            if following and text[end : words[index + 1].start()].strip(" -"):
                following = ""
        index += 1
        if amount is None:
            continue
        approximate = _APPROX_WORDS.search(text[max(0, match.start() - 24) : match.start()]) is not None
        unit = re.match(r"\s*(?:(percent|per cent)\b|percentage\s+points?\b)", text[end:])
        found.append(
            EnglishNumber(
                text[match.start() : end],
                match.start(),
                end,
                amount,
                False,
                approximate,
                unit is not None,
                unit is not None and not unit.group(1),
            )
        )
    for match in _DATE.finditer(text):
        found.append(
            EnglishNumber(match.group(1), match.start(), match.end(1), float(_MONTHS[match.group(1).lower()]), False)
        )
    for match in _MONTH_RANGE.finditer(text):
        for group in (1, 2):
            month = float(_MONTHS[match.group(group).lower()])
            found.append(EnglishNumber(match.group(group), match.start(group), match.end(group), month, False))
    dated = [(n.start, n.end) for n in found]
    for match in _MONTH.finditer(text):
        group = 1 if match.group(1) else 2
        if any(s <= match.start(group) < e for s, e in dated):
            continue  # a date or a range of months, read above
        month = month_value(_MONTHS[match.group(group).lower()])
        found.append(EnglishNumber(match.group(group), match.start(group), match.end(group), month, False))
    return sorted(found, key=lambda n: n.start)


_NUMBER_WORDS = frozenset(_EN_WORDS) | frozenset(_FRACTIONS) | frozenset(_ENGLISH_WORDS)


def _word_value(parts: list[str], previous: str, following: str) -> float | None:
    """The value of a hyphenated run of words: twenty-five, two-thirds, one-third, three-year; a
    fraction word after a number word is the fraction (one third, a quarter)."""
    if len(parts) >= 2 and parts[-1] in _FRACTIONS and parts[-2] in _ENGLISH_WORDS:
        return _ENGLISH_WORDS[parts[-2]] / _FRACTIONS[parts[-1]]
    if len(parts) >= 2 and parts[0] in _ENGLISH_WORDS and parts[1] in _ENGLISH_WORDS and parts[0] in _TENS.split():
        return float(_ENGLISH_WORDS[parts[0]] + _ENGLISH_WORDS[parts[1]])
    word = parts[0]
    if word.startswith("quarter") and following != "of":
        return None  # the first three quarters: a time span, not three fourths
    if len(parts) == 1 and word in _FRACTIONS and word not in ("half", "halves"):
        if previous in ("a", "one", *_ENGLISH_WORDS):
            return _ENGLISH_WORDS.get(previous, 1) / _FRACTIONS[word]
        return _EN_WORDS.get(word) if word in ("third", "fifth") else None
    fraction = following in _FRACTIONS and following != "half" and not following.startswith("quarter")
    if len(parts) == 1 and word in ("one", "two", "three", "four") and fraction:
        return None  # "one third": the fraction word carries it
    return _EN_WORDS.get(word)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of I, V and X; 0 when it is not a well-formed one."""
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN[char]
        following = _ROMAN.get(numeral[index + 1], 0) if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if total > 0 and _to_roman(total) == numeral else 0


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


_WRITTEN_DIGITS = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d,.])(?!st|nd|rd|th)(\s*(?:-\s*)?(hundred|thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_WORDS_OF = {value: word for word, value in _ENGLISH_WORDS.items()}


def english_like(value: float, like: EnglishNumber, year: bool = False) -> str | None:
    """``value`` written the way ``like`` writes its number, to put in its place: in digits with its
    scale word (1.5 billion), its percent sign or word as written (80%, 80 percent), and thousands
    commas when ``like`` has them or is too small to show (80,000; never in a ``year``); a number
    word (sixty) stays a word when the value has one of its own. None for what has no such form here
    (an ordinal, a month, a Roman numeral, a fraction word)."""
    if not like.digits:
        words = like.text.lower().split("-")
        if value != int(value) or like.value < 0 or not all(word in _ENGLISH_WORDS for word in words):
            return None
        whole = int(value)
        word = _WORDS_OF.get(whole) or (
            f"{_WORDS_OF[whole - whole % 10]}-{_WORDS_OF[whole % 10]}" if 20 < whole < 100 else f"{whole:,}"
        )
        return word.capitalize() if like.text[:1].isupper() else word
    written = _WRITTEN_DIGITS.match(like.text)
    if written is None:
        return None
    digits, scaled, scale = written.groups()
    amount = value / _ENGLISH_SCALES[scale.lower()] if scale else value
    commas = "," in digits or (float(digits) < 1000 and not year)
    shown = f"{amount:{',' if commas else ''}.6f}".rstrip("0").rstrip(".")
    return shown + (scaled or "") + like.text[written.end() :]


def is_cardinal(number: EnglishNumber) -> bool:
    """A number written in digits or as a cardinal word of two or more ("five", "twenty-five",
    "ten thousand"); not "first", "half", "both" or "twice"."""
    first = number.text.lower().split()[0].split("-")[0]
    return number.digits or (first in _ENGLISH_WORDS and number.value >= 2)


def carries(quantity: Quantity, numbers: Iterable[EnglishNumber]) -> EnglishNumber | None:
    """The English number that carries a quantity: an accepted value, or one within rounding (6%
    when the English is marked approximate or has fewer significant digits than the source, 25%
    for an approximate source); None when none does."""
    precision = _significant(f"{quantity.value:.10g}")
    for number in numbers:
        for accepted in quantity.accepts:
            if _close(accepted, number, quantity.approximate, number.significant < precision):
                return number
    return None


def _close(accepted: float, number: EnglishNumber, approximate: bool, rounded: bool) -> bool:
    value = number.value
    if abs(accepted - value) <= 1e-9 * max(abs(accepted), abs(value), 1):
        return True
    if not accepted or not value:
        return False
    difference = abs(accepted - value) / max(abs(accepted), abs(value))
    if approximate:
        return difference <= 0.25
    return difference <= (0.06 if number.approximate or rounded else 0.001)


def list_sizes(text: str) -> set[int]:
    """How many things the lists of an English text name: "Henan and Shandong" 2, "A, B and C" 3
    (and 2, its last two). Items before the "and" are short (four words at most); lists end at a
    clause boundary."""
    sizes: set[int] = set()
    for clause in re.split(r"[;:.()\[\]]", text):
        for match in re.finditer(r"\s(?:and|or|as well as)\s+\S", clause):
            count = 1
            for item in reversed(clause[: match.start()].split(",")):
                words = item.split()
                if not words or len(words) > 4:
                    break
                count += 1
                sizes.add(count)
    return sizes
