from __future__ import annotations

import pytest

from henan_terms import Glossary, Severity, load_glossary
from henan_terms.lint import Linter, SegmentPair, apply_fixes, default_registry

from .conftest import ROOT


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_glossary(ROOT / "tests" / "data" / "lint-glossary.csv"))


def findings(linter: Linter, *pairs: tuple[str, str], **options: object) -> list[tuple[str, str]]:
    report = linter.lint([SegmentPair(s, t, "draft.txt", i + 1) for i, (s, t) in enumerate(pairs)], **options)  # type: ignore[arg-type]
    return [(f.check, f.term or f.found) for f in report.findings]


# missing-rendering


def test_missing_rendering_fires(linter: Linter) -> None:
    assert findings(linter, ("发展北斗应用", "We will develop satellite navigation.")) == [
        ("missing-rendering", "北斗应用")
    ]


def test_missing_rendering_accepts_an_inflected_rendering(linter: Linter) -> None:
    assert findings(linter, ("培育引领型企业", "We will foster Leading Enterprises.")) == []


def test_missing_rendering_ignores_a_term_nested_in_a_longer_one(linter: Linter) -> None:
    assert findings(linter, ("以链长制为抓手", "With the industrial chain leader system as the lever")) == []


def test_missing_rendering_ignores_characters_across_a_word_boundary(linter: Linter) -> None:
    assert findings(linter, ("加强产业链长期规划", "strengthen long-term planning of industrial chains")) == []


def test_missing_rendering_fires_for_a_two_character_term(linter: Linter) -> None:
    assert findings(linter, ("培育头雁企业", "We will foster top firms.")) == [("missing-rendering", "头雁")]


def test_missing_rendering_in_a_traditional_source(linter: Linter) -> None:
    assert findings(linter, ("以鏈長制為抓手", "With the chain system as the lever")) == [
        ("missing-rendering", "鏈長制")
    ]
    assert findings(linter, ("以鏈長制為抓手", "With the industrial chain leader system as the lever")) == []


# deprecated-rendering


def test_deprecated_rendering_fires_alone(linter: Linter) -> None:
    report = linter.lint([SegmentPair("前瞻布局北斗应用和北斗", "plan Dipper apps and Dipper", "d", 1)])
    assert [(f.check, f.found, f.expected, f.column) for f in report.findings] == [
        ("missing-rendering", "", "BeiDou applications", 1),
        ("deprecated-rendering", "Dipper", "BeiDou", 6),
    ]


def test_deprecated_rendering_near_miss(linter: Linter) -> None:
    assert findings(linter, ("发展北斗", "We will develop BeiDou.")) == []
    assert findings(linter, ("发展北斗", "We will develop BeiDou; the Big Dipper is a star.")) == []


# untranslated-cjk


def test_untranslated_cjk_fires_alone_for_a_term_left_in_chinese(linter: Linter) -> None:
    assert findings(linter, ("以链长制为抓手", "With the 链长制 as the lever，we act.")) == [
        ("untranslated-cjk", "链长制"),
        ("untranslated-cjk", "，"),
    ]


def test_english_curly_quotes_are_not_chinese(linter: Linter) -> None:
    assert findings(linter, ("服务业两区", "the “two zones” of services")) == []


# inconsistent-rendering


def test_inconsistent_rendering_across_segments(linter: Linter) -> None:
    report = linter.lint(
        [
            SegmentPair("完善检验检测", "improve inspection and testing", "a.txt", 3),
            SegmentPair("吸引检验检测服务", "attract inspection and detection services", "b.txt", 7),
            SegmentPair("加强检验检测", "strengthen inspection and testing", "b.txt", 9),
        ]
    )
    [finding] = report.findings
    assert (finding.check, finding.path, finding.line, finding.column) == ("inconsistent-rendering", "b.txt", 7, 9)
    assert finding.expected == "inspection and testing"
    assert "'inspection and testing' ×2" in finding.message and "'inspection and detection' ×1" in finding.message
    assert [(o.text, o.path, o.line) for o in finding.related] == [
        ("inspection and testing", "a.txt", 3),
        ("inspection and detection", "b.txt", 7),
        ("inspection and testing", "b.txt", 9),
    ]


def test_inconsistent_rendering_inside_one_segment(linter: Linter) -> None:
    pair = ("检验检测和检验检测", "inspection and testing, then inspection and detection")
    assert findings(linter, pair) == [("inconsistent-rendering", "检验检测")]


def test_inflected_forms_of_one_rendering_are_consistent(linter: Linter) -> None:
    assert findings(linter, ("引领型企业", "a leading enterprise"), ("引领型企业", "leading enterprises")) == []


def test_an_unrelated_word_is_not_a_second_rendering(linter: Linter) -> None:
    # 北斗 occurs once: BeiDou renders it; the Dipper in the same sentence is not counted.
    assert findings(linter, ("发展北斗", "BeiDou, named after the Dipper")) == []


# number-mismatch


def test_number_mismatch_fires(linter: Linter) -> None:
    assert findings(linter, ("形成60家以上领军企业", "form over 50 leaders")) == [("number-mismatch", "60")]
    assert findings(linter, ("培育10个千亿级产业集群", "foster 10 clusters worth 10 billion yuan")) == [
        ("number-mismatch", "千亿")
    ]


def test_number_mismatch_near_misses(linter: Linter) -> None:
    assert findings(linter, ("培育10个千亿级产业集群", "foster ten clusters worth 100 billion yuan")) == []
    assert findings(linter, ("增长百分之五十", "grow by 50%")) == []
    assert findings(linter, ("打造一批新一代企业", "create a batch of new-generation firms")) == []
    assert findings(linter, ("实施四基工程", "carry out the four bases project")) == []  # a numeral inside a term


# runner options


def test_select_ignore_and_severity(linter: Linter) -> None:
    pair = SegmentPair("发展北斗", "develop Dipper 北斗", "d", 1)
    assert [f.check for f in linter.lint([pair]).findings] == ["deprecated-rendering", "untranslated-cjk"]
    assert [f.check for f in linter.lint([pair], select=["untranslated-cjk"]).findings] == ["untranslated-cjk"]
    assert [f.check for f in linter.lint([pair], ignore=["untranslated-cjk"]).findings] == ["deprecated-rendering"]
    as_info = {"deprecated-rendering": Severity.INFO}
    report = linter.lint([pair], severities=as_info)
    assert [f.severity for f in report.findings] == [Severity.INFO, Severity.ERROR]
    assert report.fails(Severity.ERROR)
    assert not linter.lint([pair], select=["deprecated-rendering"], severities=as_info).fails(Severity.WARNING)


def test_unknown_check_is_an_error(linter: Linter) -> None:
    from henan_terms import HenanTermsError

    with pytest.raises(HenanTermsError, match="unknown checks"):
        linter.lint([], select=["no-such-check"])


def test_every_check_has_a_stable_id_severity_and_title() -> None:
    checks = {c.id: c for c in default_registry()}
    assert list(checks) == [
        "missing-rendering",
        "deprecated-rendering",
        "inconsistent-rendering",
        "untranslated-cjk",
        "number-mismatch",
        "variant-rendering",
        "memory-inconsistency",
        "percentage-point",
    ]
    assert checks["missing-rendering"].severity is Severity.INFO  # a place to look: most are paraphrases
    assert all(c.title and isinstance(c.severity, Severity) for c in checks.values())


def test_report_signature(linter: Linter) -> None:
    report = linter.lint([SegmentPair("发展北斗", "develop BeiDou")])
    assert report.glossary == "lint-glossary" and len(report.glossary_digest) == 64
    assert report.checks[0] == "missing-rendering" and report.segments == 1


# fix


def test_fix_rewrites_deprecated_renderings_keeping_capitals(linter: Linter) -> None:
    text = "Dipper applications first.\nWe use the Dipper.\n"
    pairs = [
        SegmentPair("北斗", "Dipper applications first.", "d", 1),
        SegmentPair("北斗", "We use the Dipper.", "d", 2),
    ]
    fixed = apply_fixes(text, linter.lint(pairs).findings)
    assert fixed == "BeiDou applications first.\nWe use the BeiDou.\n"


# the seed articles


def test_seed_articles_report_their_real_problems(glossary: Glossary) -> None:
    from henan_terms.lint import read_draft

    from .conftest import shared_path

    drafts = [
        read_draft(shared_path(f"corpus/henan-{name}.txt")) for name in ("advanced-manufacturing", "industry-carriers")
    ]
    report = Linter(glossary).lint([pair for draft in drafts for pair in draft.pairs])
    found = {(f.check, f.concept) for f in report.findings}
    assert ("deprecated-rendering", "beidou") in found
    assert ("inconsistent-rendering", "inspection-and-testing") in found
    assert ("inconsistent-rendering", "intelligent-transformation") in found
    assert not [f for f in report.findings if f.check in ("untranslated-cjk", "number-mismatch")]
    lines = (ROOT / "tests" / "data" / "seed-findings.txt").read_text(encoding="utf-8").splitlines()
    reviewed = {line.partition("#")[0].strip() for line in lines} - {""}
    assert {f"{check}:{concept}" for check, concept in found} == reviewed


def test_checks_doc_lists_exactly_the_registered_checks() -> None:
    import re

    table = re.findall(
        r"^\| \[`([a-z-]+)`\]\(#[a-z-]+\) \| (\w+) \| (.+?) \|$",
        (ROOT / "docs" / "checks.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert table == [(c.id, c.severity.value, c.title) for c in default_registry()]


def test_a_check_without_a_docstring_cannot_be_registered() -> None:
    from henan_terms.lint import CheckRegistry

    def undocumented(context: object) -> list[object]:
        return []

    with pytest.raises(ValueError, match="docstring"):
        CheckRegistry().register("x", Severity.INFO)(undocumented)  # type: ignore[arg-type]


# number-mismatch: each pattern quiet when carried, firing when different or dropped

NUMBER_QUIET = [
    ("四川的企业", "firms in Sichuan"),  # a numeral inside a word
    ("推进“三个一批”活动", "advance the Three Batches campaign"),  # inside a quoted name
    ("共建一带一路", "jointly build the Belt and Road"),
    ("十四五期间", "during the 14th Five-Year Plan period"),
    ("实施四基工程", "carry out the four bases project"),
    ("占比达到四成以上", "accounting for over 40 percent"),  # 成 as tenths
    ("产量增长2倍", "output doubled"),  # 倍
    ("产量增长2倍", "output grew by 100%"),
    ("成本减少一半", "costs were cut by half"),  # 半
    ("占三分之一", "accounts for one third"),  # fractions
    ("占三分之一", "accounts for 33%"),
    ("增长5.2%", "grew by 5.2 percent"),  # percentages
    ("用3至5年时间", "within three to five years"),  # ranges
    ("完成70万辆", "made 700,000 units"),  # 万/亿 scales
    ("营收12.46亿元", "revenue of about 1.2 billion yuan"),
    ("近两年来", "in recent years"),  # approximate numbers
    ("新增300余家企业", "more than 300 new firms"),
    ("约300家企业", "nearly 310 firms"),
    ("（二）加快发展", "Part II Accelerating development"),  # section numbers
    ("三、推进改革", "III. Advancing reform"),
    ("三、推进改革", "Advancing reform"),
    ("前三季度增长", "grew in the first nine months"),  # time spans
    ("前9个月增长", "grew in the first three quarters"),
    ("两个省合作", "Henan and Shandong cooperate"),  # a count satisfied by listed items
    ("形成60家以上领军企业", "form over 60 leaders"),
]

NUMBER_FIRES = [
    ("四个企业", "firms", ("info", "四")),
    ("推进三个项目", "advance 5 projects", ("warning", "三")),
    ("十四个项目", "40 projects", ("warning", "十四")),
    ("占比达到四成以上", "accounting for over 30 percent", ("warning", "四成")),
    ("产量增长2倍", "output grew 5 times", ("warning", "2倍")),
    ("成本减少一半", "costs were cut", ("info", "一半")),
    ("占三分之一", "accounts for 25%", ("info", "三分之一")),
    ("增长5.2%", "grew by 6.2%", ("warning", "5.2%")),
    ("用3至5年时间", "within 3 to 6 years", ("warning", "5")),
    ("完成70万辆", "made 7 million units", ("warning", "70万")),
    ("约300家企业", "about 500 firms", ("warning", "300")),
    ("（二）加快发展", "Part III Accelerating development", ("warning", "（二）")),
    ("三、推进改革", "IV. Advancing reform", ("warning", "三、")),
    ("前三季度增长", "grew in the first 6 months", ("warning", "前三季度")),
    ("两个省合作", "three provinces cooperate", ("warning", "两")),
    ("两个省合作", "the provinces cooperate", ("info", "两")),
    ("形成60家以上领军企业", "form over 50 leaders", ("warning", "60")),
]


@pytest.mark.parametrize(("source", "target"), NUMBER_QUIET)
def test_number_mismatch_quiet(linter: Linter, source: str, target: str) -> None:
    assert findings(linter, (source, target), select=["number-mismatch"]) == []


@pytest.mark.parametrize(("source", "target", "expected"), NUMBER_FIRES)
def test_number_mismatch_fires_per_pattern(linter: Linter, source: str, target: str, expected: tuple[str, str]) -> None:
    report = linter.lint([SegmentPair(source, target, "d", 1)], select=["number-mismatch"])
    assert [(f.severity.value, f.term) for f in report.findings] == [expected]


def test_number_mismatch_shows_both_sides_per_aligned_sentence(linter: Linter) -> None:
    source = "全年预计完成70万辆。前三季度已完成50万辆。"
    target = "Full-year output is expected to reach 500,000 units. In the first three quarters, 500,000 were made."
    [finding] = linter.lint([SegmentPair(source, target, "d", 1)], select=["number-mismatch"]).findings
    assert (finding.severity, finding.term, finding.found, finding.expected) == (
        Severity.WARNING,
        "70万",
        "500,000",
        "700,000",
    )
    assert "70万 (700,000)" in finding.message and "500,000" in finding.message
    assert finding.column == 1 + target.index("500,000")


# renderings: coordinations, acronyms, derivations, possessives, the publisher, near misses


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("稳定产业链供应链", "stabilize industrial and supply chains"),  # a shared head
        ("发展高端服务业和生产性服务业", "develop high-end and producer services"),
        ("发展新能源汽车", "make NEVs"),  # an acronym of the compound
        ("建设现代化产业体系", "modernize the industrial system"),  # an admitted variant
        ("建设现代化产业体系", "the modernization of the industrial system"),
        ("河南产业", "Henan's industries"),  # a possessive
        ("大河网推出系列报道", "we are launching a series"),  # the publisher speaking of itself
    ],
)
def test_missing_rendering_quiet(linter: Linter, source: str, target: str) -> None:
    assert findings(linter, (source, target)) == []


@pytest.mark.parametrize(
    ("source", "target", "term"),
    [
        ("稳定产业链供应链", "stabilize industrial development and supply chains", "产业链"),
        ("发展新能源汽车", "make EVs", "新能源"),
        ("建设现代化产业体系", "build the industry", "现代化产业体系"),
        ("河南产业", "the province's industries", "河南"),
        ("大河网推出系列报道", "a series is launched", "大河网"),
    ],
)
def test_missing_rendering_near_misses_fire(linter: Linter, source: str, target: str, term: str) -> None:
    assert findings(linter, (source, target)) == [("missing-rendering", term)]


def test_an_admitted_variant_is_not_an_inconsistency(linter: Linter) -> None:
    pairs = [
        ("建设现代化产业体系", "build a modern industrial system"),
        ("建设现代化产业体系", "modernize the industrial system"),
    ]
    assert findings(linter, *pairs) == []


def test_a_term_inside_a_longer_word_is_a_compound() -> None:
    from henan_terms.match import SourceMatch, SourceSpotter

    glossary = load_glossary(ROOT / "tests" / "data" / "lint-glossary.csv")
    [art] = [c for c in glossary if c.id == "art"]
    spotter = SourceSpotter(glossary)
    assert spotter.compounds("发展艺术品市场", [SourceMatch(art, "艺术", 2, 4)]) == [
        (SourceMatch(art, "艺术", 2, 4), "艺术品")
    ]
    assert spotter.compounds("发展艺术和市场", [SourceMatch(art, "艺术", 2, 4)]) == []


# variant-rendering


@pytest.mark.parametrize(
    ("source", "target", "found", "expected"),
    [
        (
            "培育战略性新兴产业",
            "foster strategically emerging industries",
            "strategically emerging industries",
            "strategic emerging industry",
        ),
        ("十四五期间", "during the 14thFive-Year Plan period", "14thFive-Year Plan", "14th Five-Year Plan"),
        (
            "培育战略性新兴产业",
            "foster strategic emerging industires",
            "strategic emerging industires",
            "strategic emerging industry",
        ),
    ],
)
def test_variant_rendering_fires(linter: Linter, source: str, target: str, found: str, expected: str) -> None:
    report = linter.lint([SegmentPair(source, target, "d", 1)])
    [finding] = report.findings
    assert (finding.check, finding.found, finding.expected) == ("variant-rendering", found, expected)
    assert finding.column == 1 + target.index(found)


def test_variant_rendering_near_misses(linter: Linter) -> None:
    assert findings(linter, ("培育战略性新兴产业", "foster strategic emerging industries")) == []
    assert findings(linter, ("培育战略性新兴产业", "foster emerging sectors")) == [
        ("missing-rendering", "战略性新兴产业")
    ]
    # a phrase that is itself a rendering in the glossary is not a variant of another one
    assert findings(linter, ("加强产业链", "strengthen the industry chain")) == []


def test_fix_applies_variant_renderings(linter: Linter) -> None:
    text = "foster strategically emerging industries\nthe 14thFive-Year Plan\n"
    pairs = [
        SegmentPair("培育战略性新兴产业", "foster strategically emerging industries", "d", 1),
        SegmentPair("十四五", "the 14thFive-Year Plan", "d", 2),
    ]
    fixed = apply_fixes(text, linter.lint(pairs).findings)
    assert fixed == "foster strategic emerging industries\nthe 14th Five-Year Plan\n"


def test_a_place_name_left_to_a_shortened_reference_is_not_reported_missing(glossary: Glossary) -> None:
    checks = ["missing-rendering"]
    place = Linter(glossary).lint([SegmentPair("郑州加快建设", "The city speeds up construction.")], select=checks)
    assert place.findings == ()
    other = Linter(glossary).lint([SegmentPair("推行链长制", "The city applies a new system.")], select=checks)
    assert [f.term for f in other.findings] == ["链长制"]


def test_a_term_a_headline_leaves_out_is_checked_in_the_body(glossary: Glossary) -> None:
    def missing(body_zh: str, body_en: str) -> list[tuple[str, int]]:
        pairs = [SegmentPair("推进链长制", "Henan speeds up", "d", 1), SegmentPair(body_zh, body_en, "d", 3)]
        report = Linter(glossary).lint(pairs, select=["missing-rendering"])
        return [(f.term or "", f.line) for f in report.findings]

    assert missing("全面推行链长制。", "It applies the industrial chain leader system.") == []
    assert missing("全面推行链长制。", "It applies a new system.") == [("链长制", 3)]  # the body is checked
    assert missing("全面推进工作。", "It advances the work.") == [("链长制", 1)]  # only the headline holds it


def test_a_headline_figure_given_in_the_body_is_not_reported(glossary: Glossary) -> None:
    def missing(headline_en: str, body_en: str, headline_zh: str = "春节假期全省接待游客5117.4万人次") -> list[str]:
        pairs = [
            SegmentPair(headline_zh, headline_en, "d", 1),
            SegmentPair("全省共接待游客5117.4万人次。", body_en, "d", 3),
        ]
        report = Linter(glossary).lint(pairs, select=["number-mismatch"])
        return [f.term for f in report.findings]

    body = "The province received 51.174 million tourists."
    assert missing("Henan sees a tourism boom", body) == []  # the figure is in the body
    assert missing("Henan sees a tourism boom", "The province received many tourists.") == ["5117.4万", "5117.4万"]
    # a sentence, not a headline: each says its own numbers
    assert missing("Henan received many tourists.", body, "全省接待游客5117.4万人次。") == ["5117.4万"]


def test_a_count_named_with_da_is_a_label_reported_only_against_another_number(glossary: Glossary) -> None:
    checks = ["number-mismatch"]
    dropped = Linter(glossary).lint(
        [SegmentPair("形成三大整车生产格局", "forming a vehicle production pattern")], select=checks
    )
    assert dropped.findings == ()
    other = Linter(glossary).lint([SegmentPair("形成三大整车生产格局", "forming five vehicle bases")], select=checks)
    assert [(f.severity.value, f.found) for f in other.findings] == [("warning", "five")]


@pytest.mark.parametrize(
    ("source", "target", "found", "how"),
    [
        ("大力发展新质生产力", "develop new productive forces", "new productive forces", "'quality' left out"),
        ("参观太昊伏羲陵", "visit the Taihao Mausoleum", "Taihao Mausoleum", "'fuxi' left out"),  # as written
        (
            "召开中央经济工作会议",
            "the Central Economic Working Conference",
            "Central Economic Working Conference",
            "affix",
        ),
    ],
)
def test_variant_rendering_reads_a_word_left_out_and_an_inflected_word(
    glossary: Glossary, source: str, target: str, found: str, how: str
) -> None:
    [finding] = Linter(glossary).lint([SegmentPair(source, target)], select=["variant-rendering"]).findings
    assert finding.found == found and how in finding.message


@pytest.mark.parametrize(
    "target",
    [
        "develop new quality productive forces",  # the rendering itself
        "the Economic Work Conference",  # the first word left out: a shortened reference
        "the Central Economic Work Conference",
    ],
)
def test_variant_rendering_leaves_renderings_and_shortened_references_alone(glossary: Glossary, target: str) -> None:
    source = "大力发展新质生产力" if "productive" in target else "召开中央经济工作会议"
    assert Linter(glossary).lint([SegmentPair(source, target)], select=["variant-rendering"]).findings == ()


def test_a_comparative_of_a_rendering_word_is_not_a_variant(glossary: Glossary) -> None:
    def found(target: str) -> list[str | None]:
        report = Linter(glossary).lint([SegmentPair("推进高水平对外开放", target)], select=["variant-rendering"])
        return [f.found for f in report.findings]

    assert found("promote higher-standard opening up") == []  # a degree of the same adjective
    assert found("promote highest-standard opening up") == []
    assert found("promote highly-standard opening up") == ["highly-standard opening up"]  # another word


def test_a_rendering_that_begins_with_a_verb_takes_the_verb_inflected(glossary: Glossary) -> None:
    def found(target: str) -> list[tuple[str, str | None]]:
        report = Linter(glossary).lint([SegmentPair("全面建设社会主义现代化国家", target)])
        return [(f.check, f.found) for f in report.findings]

    assert found("advances in building a modern socialist country in all respects") == []
    assert found("it built a modern socialist country in all respects") == []
    assert found("Building a modern socialist country in all respects: advances") == []  # a sentence begins
    assert found("advances in builder a modern socialist country in all respects") == [
        ("variant-rendering", "builder a modern socialist country in all respects")
    ]


def test_a_noun_for_its_adjective_is_an_admitted_variant_not_a_near_miss(glossary: Glossary) -> None:
    def found(target: str) -> list[tuple[str, str | None]]:
        report = Linter(glossary).lint([SegmentPair("建设高质量教育体系", target)])
        return [(f.check, f.found) for f in report.findings]

    assert found("build a high-quality education system") == []
    assert found("build a high-quality educationl system") == [("variant-rendering", "high-quality educationl system")]
    assert found("build a high-quality educationally system") == [
        ("variant-rendering", "high-quality educationally system")
    ]


def test_a_word_left_out_inside_a_rendering_is_a_variant(linter: Linter) -> None:
    near = linter.lint([SegmentPair("培育战略性新兴产业", "foster strategic industries")], select=["variant-rendering"])
    assert [f.found for f in near.findings] == ["strategic industries"]
    shortened = linter.lint(
        [SegmentPair("培育战略性新兴产业", "foster emerging industries")], select=["variant-rendering"]
    )
    assert shortened.findings == ()  # the first word left out: a shortened reference


def test_a_superseded_literal_rendering_is_deprecated(glossary: Glossary) -> None:
    report = Linter(glossary).lint([SegmentPair("推进中国式现代化", "advance Chinese-style modernization")])
    assert [(f.check, f.expected) for f in report.findings] == [("deprecated-rendering", "Chinese modernization")]
    assert Linter(glossary).lint([SegmentPair("推进中国式现代化", "advance Chinese modernization")]).findings == ()


@pytest.mark.parametrize(
    ("source", "target", "found"),
    [
        ("增速比上半年加快0.1个百分点", "growth was a 0.1% acceleration over the first half", "0.1%"),
        ("比重提高一个百分点", "its share rose by 1 percent", "1 percent"),
    ],
)
def test_percentage_points_translated_as_a_percentage(glossary: Glossary, source: str, target: str, found: str) -> None:
    [finding] = Linter(glossary).lint([SegmentPair(source, target)], select=["percentage-point"]).findings
    assert finding.found == found and finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("增速比上半年加快0.1个百分点", "growth was 0.1 percentage points faster than in the first half"),
        ("比重提高1.2个百分点", "its share rose 1.2 points"),
        ("工业增加值增长5%", "industrial value added grew 5%"),  # a percentage, not points
        ("增速加快0.1个百分点，增长5%", "growth of 5%, 0.1 percentage points faster"),
    ],
)
def test_percentage_points_near_misses(glossary: Glossary, source: str, target: str) -> None:
    assert Linter(glossary).lint([SegmentPair(source, target)], select=["percentage-point"]).findings == ()


def test_a_rendering_inside_a_proper_name_is_not_a_way_of_rendering(glossary: Glossary) -> None:
    def ways(second: str) -> list[str]:
        pairs = [
            SegmentPair("前五位的景区", "the top five tourist attractions", "d", 1),
            SegmentPair("开封万岁山景区", second, "d", 2),
        ]
        return [f.term for f in Linter(glossary).lint(pairs, select=["inconsistent-rendering"]).findings]

    assert ways("Wansui Mountain Scenic Area in Kaifeng") == []
    assert ways("the scenic area of Wansui Mountain in Kaifeng") == ["旅游景区"]
    assert ways("Scenic areas of Kaifeng") == ["旅游景区"]  # capitalised only to begin the sentence


def test_a_short_form_beside_a_longer_rendering_is_not_a_second_way(glossary: Glossary) -> None:
    def ways(*targets: tuple[str, str]) -> list[str]:
        pairs = [SegmentPair(zh, en, "d", line) for line, (zh, en) in enumerate(targets, start=1)]
        return [f.term for f in Linter(glossary).lint(pairs, select=["inconsistent-rendering"]).findings]

    nev = ("新能源汽车销量增长", "NEV sales grew.")
    assert ways(("新能源汽车产量增长", "New energy vehicle (NEV) output grew."), nev) == []
    assert ways(("新能源汽车产量增长", "New energy vehicle output grew."), nev) == []
    assert ways(("一季度外资增长", "Foreign investment up in Q1"), ("一季度实际使用外资", "in the first quarter")) == []
    # two long renderings are two ways, whatever short form stands beside them
    assert ways(
        ("上半年增长", "It grew in the first half."),
        ("上半年利润", "Profit in H1"),
        ("上半年出口", "Exports in the January-June period"),
    ) == ["上半年"]
