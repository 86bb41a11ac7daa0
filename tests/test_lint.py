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
    ]
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
