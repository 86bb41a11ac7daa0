from __future__ import annotations

import pytest

from henan_terms.numbers import (
    Quantity,
    carries,
    chinese_numbers,
    chinese_quantities,
    english_numbers,
    english_quantities,
    list_sizes,
)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("培育引进100个引领型企业", [100]),
        ("重点培育10个千亿级产业集群", [10, 10**11]),
        ("形成60家以上百亿级企业", [60, 10**10]),
        ("3月23日起，十四五期间", [3, 23, 14, 5]),
        ("1.5万亿元", [1.5 * 10**12]),
        ("100亿", [10**10]),
        ("二〇二三年", [2023]),
        ("增长百分之五十", [50]),
        ("增长50%", [50]),
        ("党的二十大", [20]),
        ("一批新一代企业", []),  # a lone 一 is an article
        ("“十四五”期间", [14, 5]),
        ("一百零五,二〇二三年,两区", [105, 2023, 2]),
        ("一批5G基站", []),
    ],
)
def test_chinese_numbers(text: str, values: list[float]) -> None:
    assert [value for value, _, _ in chinese_numbers(text)] == values


def test_chinese_numbers_skip_spans() -> None:
    assert chinese_numbers("实施十四五规划", skip=[(2, 5)]) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the 20th National Congress", {20}),
        ("the 14th Five-Year Plan period (2021-2025)", {14, 5, 2021, 2025}),
        ("10 emerging industry clusters worth 100 billion yuan", {10, 10**11}),
        ("competitive trillion-level industrial clusters", {10**12}),
        ("Starting on March 23, two zones, 3.5 and 1,000", {3, 23, 2, 3.5, 1000}),
        ("5G and R&D", set()),
        ("Henan will march on in May", set()),
    ],
)
def test_english_number_values(text: str, values: set[float]) -> None:
    assert english_numbers(text) == values


def test_english_numbers() -> None:
    text = "10 clusters worth 100 billion yuan since March 23, the 20th, trillion-level, two zones, twenty-five, 1,000"
    assert english_numbers(text) >= {10, 1e11, 3, 23, 20, 1e12, 2, 25, 1000}
    assert 5 not in english_numbers("You may go.")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("四川省的企业", []),  # a numeral inside a word
        ("“三个一批”", []),  # inside a short quoted name
        ("四成以上", [("四成", 40)]),
        ("三分之一", [("三分之一", 1 / 3)]),
        ("前三季度", [("前三季度", 3)]),
        ("近两年", [("两", 2)]),
        ("数十家企业", []),  # a vague amount
        ("（二）加快", [("（二）", 2)]),
        ("1.5万亿元", [("1.5万亿", 1.5e12)]),
        ("增长3个百分点", [("3个百分点", 3)]),
    ],
)
def test_chinese_quantities(text: str, read: list[tuple[str, float]]) -> None:
    assert [(q.text, pytest.approx(q.value)) for q in chinese_quantities(text)] == read


def test_chinese_quantity_flags() -> None:
    [near] = chinese_quantities("近两年")
    [count] = chinese_quantities("两个省")
    [section] = chinese_quantities("三、推进")
    [year] = chinese_quantities("2023年")
    assert near.approximate and count.count and section.section and year.year
    assert not chinese_quantities("五个方面")[0].approximate


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Part II", [2]),
        ("III. Promote", [3]),
        ("I will go", []),
        ("the first three quarters", [1, 3]),
        ("one third and two-thirds", [1 / 3, 2 / 3]),
        ("ten thousand firms, 40 percent", [10_000, 40]),
        ("January to September", [1, 9]),
        ("doubled in Q3", [2, 3]),
    ],
)
def test_english_quantities(text: str, values: list[float]) -> None:
    assert [n.value for n in english_quantities(text)] == [pytest.approx(v) for v in values]


def test_rounding_and_approximation() -> None:
    [quantity] = chinese_quantities("12.46亿")
    assert carries(quantity, english_quantities("1.2 billion"))
    assert not carries(quantity, english_quantities("1.5 billion"))
    [exact] = chinese_quantities("60家")
    assert not carries(exact, english_quantities("62 firms"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred thousand yuan", 100_000.0),
        ("two hundred million people", 200_000_000.0),
        ("ten thousand", 10_000.0),
    ],
)
def test_scale_words_multiply_in_a_row(text: str, value: float) -> None:
    assert [n.value for n in english_quantities(text)] == [value]


def test_a_smaller_scale_after_a_larger_one_starts_a_new_number() -> None:
    assert [n.value for n in english_quantities("one thousand two hundred")] == [1_000.0, 200.0]


def _quantity(text: str) -> Quantity:
    (quantity,) = chinese_quantities(text)
    return quantity


def test_a_month_is_carried_by_its_english_name_and_by_no_other_number() -> None:
    october = _quantity("10月出口增长")
    assert carries(october, english_quantities("Exports grew in October"))
    assert not carries(october, english_quantities("Exports grew in November"))
    assert not carries(_quantity("增长10%"), english_quantities("growth in October"))


def test_may_is_a_month_only_where_a_date_stands() -> None:
    may = _quantity("5月以来")
    assert carries(may, english_quantities("since May"))
    assert not carries(may, english_quantities("May this continue"))


def test_an_approximate_amount_with_its_scale_is_read_whole() -> None:
    rough = _quantity("吸引20多万人")
    assert rough.value == 200_000 and rough.approximate
    assert carries(rough, english_quantities("attracted over 200,000 people"))
    assert not carries(rough, english_quantities("attracted 20 people"))


@pytest.mark.parametrize(
    ("source", "english", "carried"),
    [
        ("粮食产量1.3万亿斤", "grain output of 650 million metric tons", True),
        ("粮食产量1.3万亿斤", "grain output of 1.3 trillion jin", True),
        ("粮食产量1.3万亿斤", "grain output of 600 million metric tons", False),
        ("建成高标准农田15万亩", "10,000 hectares of high-standard farmland", True),
        ("建成高标准农田15万亩", "15,000 hectares of high-standard farmland", False),
    ],
)
def test_traditional_units_are_carried_by_their_metric_values(source: str, english: str, carried: bool) -> None:
    assert bool(carries(_quantity(source), english_quantities(english))) is carried


@pytest.mark.parametrize(
    ("source", "english", "carried"),
    [
        ("1—6月外贸增长", "foreign trade grew in the first half", True),
        ("1—6月外贸增长", "foreign trade grew from January to June", True),
        ("1—6月外贸增长", "foreign trade grew in the first five months", False),
        ("1月至9月产量增长", "output grew in the first three quarters", True),
        ("1月至9月产量增长", "output grew in the first nine months", True),
        ("1月至9月产量增长", "output grew in the first eight months", False),
    ],
)
def test_months_from_january_are_a_span(source: str, english: str, carried: bool) -> None:
    assert bool(carries(_quantity(source), english_quantities(english))) is carried


def test_a_month_range_not_from_january_is_two_months() -> None:
    assert [q.value for q in chinese_quantities("11月至12月")] == [11, 12]


@pytest.mark.parametrize("text", ["五一假期", "“五一”期间", "五一", "十一黄金周"])
def test_may_day_and_national_day_are_not_numbers(text: str) -> None:
    assert chinese_quantities(text) == []


@pytest.mark.parametrize(("text", "value"), [("五十一家", 51), ("十一个项目", 11), ("五百一十二", 512)])
def test_numbers_written_like_holidays_are_numbers(text: str, value: float) -> None:
    assert [q.value for q in chinese_quantities(text)] == [value]


@pytest.mark.parametrize("text", ["二七商圈重奢底蕴深厚", "二七区", "五一二地震"])
def test_numerals_read_digit_by_digit_outside_a_year_are_names(text: str) -> None:
    assert chinese_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"), [("二〇二三年", 2023), ("一九四九年成立", 1949), ("二十七个商圈", 27), ("七八个", 7)]
)
def test_years_written_digit_by_digit_and_counts_are_numbers(text: str, value: float) -> None:
    assert [q.value for q in chinese_quantities(text)] == [value]


@pytest.mark.parametrize(
    ("source", "english", "carried"),
    [
        ("复原20世纪90年代的小卖部", "small shops from 1990s", True),
        ("复原20世纪90年代的小卖部", "small shops of the '90s", True),
        ("复原20世纪80年代的小卖部", "small shops from 1990s", False),
        ("复原20世纪90年代的小卖部", "small shops from 20 years ago", False),
    ],
)
def test_a_decade_is_carried_by_its_english_decade(source: str, english: str, carried: bool) -> None:
    assert bool(carries(_quantity(source), english_quantities(english))) is carried


def test_fold_words_and_abbreviated_months() -> None:
    assert carries(_quantity("增长10倍"), english_quantities("a tenfold increase"))
    assert not carries(_quantity("增长10倍"), english_quantities("a fivefold increase"))
    assert carries(_quantity("1月开行"), english_quantities("trips in Jan soar"))
    assert carries(_quantity("9月开行"), english_quantities("trips in Sept. rose"))
    assert not carries(_quantity("1月开行"), english_quantities("trips in Feb soar"))


@pytest.mark.parametrize(
    ("source", "english", "carried"),
    [
        ("游客人次为去年同期的212.2%", "tourist visits rose by 112.2 percent", True),
        ("游客人次为去年同期的212.2%", "tourist visits reached 212.2 percent of last year's", True),
        ("收入相当于2019年的117.1%", "revenue surpassed 2019 levels by 17.1 percent", True),
        ("游客人次为去年同期的212.2%", "tourist visits rose by 12.2 percent", False),
        ("游客人次增长112.2%", "tourist visits rose by 12.2 percent", False),  # growth, not a ratio
        ("占全省的130%", "30 percent of the province's", False),
    ],
)
def test_a_ratio_to_an_earlier_value_is_carried_by_the_growth(source: str, english: str, carried: bool) -> None:
    [quantity] = [q for q in chinese_quantities(source) if q.percent]
    assert bool(carries(quantity, english_quantities(english))) is carried


def test_list_sizes() -> None:
    assert list_sizes("in Henan and Shandong") == {2}
    assert list_sizes("Zhengzhou, Luoyang, Kaifeng and Xinxiang") == {2, 3, 4}
    assert list_sizes("a single province") == set()
