from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import Glossary, TMUnit, english, load_glossary
from henan_terms.cli import cli
from henan_terms.extract import (
    Candidate,
    SentencePair,
    _link,
    _Seen,
    chinese_candidates,
    english_phrases,
    extract_terms,
    is_formula,
    read_inputs,
    sentence_pairs,
)
from henan_terms.extract_output import write_candidates
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.formats.cedict import word_lexicon
from henan_terms.lint.context import SegmentPair

DOCUMENT = """\
Henan launches the "Three Batches" campaign
河南开展“三个一批”活动
On March 23, 2023, Henan launched the "Three Batches" campaign for key projects.
2023年3月23日,河南启动“三个一批”重点项目活动。
Henan will build a strong province with advanced manufacturing and grow intelligent connected vehicles.
河南将加快建设先进制造业强省,培育智能网联汽车。
Intelligent connected vehicles and the chain leader system support the strong province with advanced manufacturing.
智能网联汽车和链长制支撑先进制造业强省。
The chain leader system covers 28 key industrial chains.
链长制覆盖28个重点产业链。
"""

GLOSSARY = """\
zh,en,status
先进制造业,advanced manufacturing,preferred
链长制,chain leader system,preferred
重点产业链,key industrial chain,preferred
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    document = tmp_path / "henan.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    glossary = tmp_path / "terms.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return document, glossary


@pytest.fixture
def small(files: tuple[Path, Path]) -> Glossary:
    return load_glossary(files[1])


@pytest.fixture
def found(files: tuple[Path, Path]) -> dict[str, Candidate]:
    document, glossary = files
    return {c.zh: c for c in extract_terms([read_bilingual(document)], load_glossary(glossary))}


def test_a_quoted_numbered_formula_is_proposed_with_its_english(found: dict[str, Candidate]) -> None:
    formula = found["三个一批"]
    assert formula.en == "Three Batches"
    assert {"quoted", "formula"} <= set(formula.signals)
    assert formula.frequency == 2 and formula.documents == 1
    assert formula.examples[0].location.endswith("henan.txt:2")


def test_a_glossary_terms_longer_compound_is_proposed(found: dict[str, Candidate]) -> None:
    compound = found["先进制造业强省"]
    assert "compound" in compound.signals and "recurrent" in compound.signals
    assert compound.contains == ("先进制造业",)
    assert compound.en.endswith("province with advanced manufacturing")
    assert compound.association == 1.0


def test_the_best_candidates_come_first(found: dict[str, Candidate]) -> None:
    ranked = list(found)
    assert ranked[:2] == ["三个一批", "先进制造业强省"]
    assert all(a.score >= b.score for a, b in zip(found.values(), list(found.values())[1:], strict=False))


def test_glossary_forms_numbers_dates_and_function_words_are_not_proposed(found: dict[str, Candidate]) -> None:
    assert not {"先进制造业", "链长制", "重点产业链"} & set(found)  # already in the glossary
    for zh in found:
        assert not any(date in zh for date in ("2023年", "3月", "23日")), zh
        assert zh[0] not in "的和与及在将" and zh[-1] not in "的和与及了", zh
        assert not zh.startswith(("加快", "建设", "培育")), zh
    assert "三个" not in found and "28个" not in found


def test_a_clause_joining_two_terms_by_a_verb_is_not_proposed(found: dict[str, Candidate]) -> None:
    assert "链长制支撑先进制造业强省" not in found


def test_an_ngram_seen_only_inside_a_longer_candidate_is_dropped(found: dict[str, Candidate]) -> None:
    assert "制造业强省" not in found


@pytest.mark.parametrize("text", ["四基", "三个一批", "十大战略", "两城一谷"])
def test_numbered_formulas(text: str) -> None:
    assert is_formula(text)


@pytest.mark.parametrize("text", ["三个", "两年", "一批", "百亿级行业领军企业", "十五"])
def test_quantities_and_long_phrases_are_not_formulas(text: str) -> None:
    assert not is_formula(text)


def test_english_phrases_are_lemmatised_and_bounded() -> None:
    phrases = english_phrases("Henan builds the Zhengzhou Airport Economy Zone and leading enterprises.")
    assert phrases.get("zhengzhou airport economy zone")
    assert english.fold("leading enterprises") in phrases  # folded as glossary renderings are
    assert "enterprise" in phrases and "enterprises" not in phrases
    assert not any(p.startswith(("the ", "and ")) or p.endswith((" and", " the")) for p in phrases)
    assert "build" not in phrases  # a verb is not a phrase


def test_english_phrases_never_begin_or_end_with_a_word_folded_to_nothing() -> None:
    phrases = english_phrases("amid China-U.S. trade tensions")
    assert all(p and p == p.strip() for p in phrases)  # the "S" of "U.S." folds to nothing
    assert "trade tension" in phrases  # near miss: the words after it still make phrases
    unit = TMUnit("“中美贸易摩擦”持续。", 'The "China-U.S. trade tensions" persist.', origin="m#1")
    [candidate] = extract_terms([unit], load_glossary())  # no longer fails on an empty phrase
    assert candidate.zh == "中美贸易摩擦" and candidate.en


def test_memory_units_and_segment_pairs_are_read(small: Glossary) -> None:
    unit = TMUnit("实施“三个一批”活动。", 'We run the "Three Batches" campaign.', origin="memo.txt:3")
    segment = SegmentPair("开展“三个一批”活动。", 'We hold the "Three Batches" campaign.', "draft.po", 7)
    pairs = list(sentence_pairs([unit, segment], small))
    assert [(p.document, p.location) for p in pairs] == [("memo.txt", "memo.txt:3"), ("draft.po", "draft.po:7")]
    [candidate] = [c for c in extract_terms([unit, segment], small) if c.zh == "三个一批"]
    assert candidate.en == "Three Batches" and candidate.documents == 2


def test_a_term_seen_once_without_a_signal_is_not_proposed(small: Glossary) -> None:
    unit = TMUnit("郑州市区交通便利。", "Transport in the urban districts of Zhengzhou is convenient.")
    assert extract_terms([unit], small) == []
    quoted = TMUnit("郑州市区“交通便利”。", 'Transport in Zhengzhou is "convenient".')
    assert [c.zh for c in extract_terms([quoted], small)] == ["交通便利"]


def test_read_inputs_takes_po_files(tmp_path: Path) -> None:
    po = tmp_path / "draft.po"
    po.write_text('msgid "实施“三个一批”活动。"\nmsgstr "We run the \\"Three Batches\\" campaign."\n', encoding="utf-8")
    [pair] = read_inputs([po])
    assert isinstance(pair, SentencePair) and pair.en.startswith("We run") and pair.location.startswith(f"{po}:")


# Output --------------------------------------------------------------------------------------------


def test_toml_draft_validates_and_cites_file_and_line(files: tuple[Path, Path], tmp_path: Path) -> None:
    document, glossary = files
    candidates = extract_terms([read_bilingual(document)], load_glossary(glossary))
    draft = tmp_path / "draft.toml"
    with draft.open("w", encoding="utf-8") as stream:
        write_candidates(candidates, "toml", stream)
    loaded = load_glossary(draft)
    assert len(loaded) == len(candidates)
    concept = next(c for c in loaded if c.zh == "三个一批")
    assert concept.renderings[0].status.value == "admitted"
    assert str(concept.head.citations[0]).endswith("henan.txt:2")
    assert "2× in 1 document" in concept.note and "quoted" in concept.note
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["sources"]["extracted"]["title"]


def test_csv_draft_validates_with_evidence_in_the_note(files: tuple[Path, Path], tmp_path: Path) -> None:
    document, glossary = files
    candidates = extract_terms([read_bilingual(document)], load_glossary(glossary))
    draft = tmp_path / "draft.csv"
    with draft.open("w", encoding="utf-8", newline="") as stream:
        write_candidates(candidates, "csv", stream)
    assert len(load_glossary(draft)) == len(candidates)
    rows = list(csv.DictReader(io.StringIO(draft.read_text(encoding="utf-8"))))
    assert rows[0]["zh"] == "三个一批" and rows[0]["source"].startswith("extracted from ")
    assert rows[0]["source"].endswith("henan.txt:2") and "Dice" in rows[0]["note"]


def test_cli_json(files: tuple[Path, Path]) -> None:
    document, glossary = files
    result = CliRunner().invoke(cli, ["extract", str(document), "--glossary", str(glossary), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records[0]["zh"] == "三个一批" and records[0]["en"] == "Three Batches"
    assert records[0]["examples"][0]["location"].endswith("henan.txt:2")


def test_cli_text_with_limit(files: tuple[Path, Path]) -> None:
    document, glossary = files
    result = CliRunner().invoke(cli, ["extract", str(document), "--glossary", str(glossary), "--limit", "1"])
    assert result.exit_code == 0
    assert "三个一批" in result.output and "先进制造业强省" not in result.output


def test_cli_needs_input_and_reports_bad_files(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["extract"]).exit_code == 2
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "cannot read" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["extract", "--tm", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()


def test_cli_reads_a_memory(tmp_path: Path, files: tuple[Path, Path]) -> None:
    from henan_terms.tm.store import open_tm

    db = tmp_path / "memory.db"
    with open_tm(db) as memory:
        memory.add(
            [
                TMUnit("实施“三个一批”活动。", 'We run the "Three Batches" campaign.', origin="memo#p3"),
                TMUnit("郑州市区交通便利。", "Transport in Zhengzhou is convenient.", origin="memo#p4"),
            ]
        )
    result = CliRunner().invoke(cli, ["extract", "--tm", str(db), "--glossary", str(files[1]), "--format", "json"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert (record["zh"], record["en"], record["examples"][0]["location"]) == ("三个一批", "Three Batches", "memo#p3")


# The English counterpart with a dictionary ----------------------------------------------------------

CEDICT = """\
# CC-CEDICT, a few entries
#! version=1
倉庫 仓库 [cang1 ku4] /depot/storehouse/warehouse/CL:個|个[ge4]/
智能 智能 [zhi4 neng2] /intelligent/able/smart (phone, system, bomb etc)/
基地 基地 [ji1 di4] /base (of operations)/industrial or military base/al-Qaeda/
宇 宇 [yu3] /room/universe/surname Yu/
not an entry
"""

WAREHOUSE = """\
Yutong Group opened its {english} on Monday.
宇通集团“智能仓库”周一投用。
"""


def _warehouse(tmp_path: Path, small: Glossary, english: str, dictionary: Path | None) -> Candidate:
    document = tmp_path / "warehouse.txt"
    document.write_text(WAREHOUSE.format(english=english), encoding="utf-8")
    found = {c.zh: c for c in extract_terms([read_bilingual(document)], small, dictionary=dictionary)}
    return found["智能仓库"]


@pytest.fixture
def cedict(tmp_path: Path) -> Path:
    path = tmp_path / "cedict_ts.u8"
    path.write_text(CEDICT, encoding="utf-8")
    return path


def test_the_dictionary_finds_the_english_of_words_the_glossary_lacks(
    tmp_path: Path, small: Glossary, cedict: Path
) -> None:
    # Without the dictionary no word of the Chinese is known: the name in the sentence is taken.
    assert _warehouse(tmp_path, small, "smart warehouse", None).en != "smart warehouse"
    assert _warehouse(tmp_path, small, "smart warehouse", cedict).en == "smart warehouse"


def test_a_longer_span_with_a_word_the_chinese_lacks_is_not_chosen(
    tmp_path: Path, small: Glossary, cedict: Path
) -> None:
    candidate = _warehouse(tmp_path, small, "Luoyang smart warehouse", cedict)
    assert candidate.en == "smart warehouse"
    assert "luoyang smart warehouse" in candidate.alternatives


def test_word_lexicon_reads_senses_without_notes_surnames_or_classifiers(cedict: Path) -> None:
    lexicon = word_lexicon(cedict)
    assert lexicon["仓库"] == "depot/storehouse/warehouse"
    assert lexicon["智能"].split("/") == ["intelligent", "able", "smart"]  # "(phone, system, bomb etc)" left out
    assert lexicon["基地"].split("/")[:2] == ["base", "industrial or military base"]
    assert lexicon["宇"] == "room/universe"
    assert "倉庫" not in lexicon and len(lexicon) == 4
    assert word_lexicon(cedict) == lexicon  # the second read comes from the cache


def test_cli_dictionary_option(tmp_path: Path, files: tuple[Path, Path], cedict: Path) -> None:
    document = tmp_path / "warehouse.txt"
    document.write_text(WAREHOUSE.format(english="Luoyang smart warehouse"), encoding="utf-8")
    command = ["extract", str(document), "--glossary", str(files[1]), "--format", "json"]
    result = CliRunner().invoke(cli, [*command, "--dictionary", str(cedict)])
    assert result.exit_code == 0, result.output
    assert {c["zh"]: c["en"] for c in json.loads(result.output)}["智能仓库"] == "smart warehouse"
    missing = CliRunner().invoke(cli, [*command, "--dictionary", str(tmp_path / "none.u8")])
    assert missing.exit_code == 2 and "none.u8" in missing.output


def test_the_english_is_shown_as_written_in_the_first_sentence_holding_it(
    tmp_path: Path, small: Glossary, cedict: Path
) -> None:
    document = tmp_path / "warehouse.txt"
    document.write_text(
        "Yutong Group opened its new storehouse on Monday.\n宇通集团“智能仓库”周一投用。\n"
        "Smart warehouses cut costs.\n智能仓库降低成本。\n",
        encoding="utf-8",
    )
    found = {c.zh: c for c in extract_terms([read_bilingual(document)], small, dictionary=cedict)}
    assert found["智能仓库"].en == "smart warehouses"  # not the lemmatised key, smart warehouse


def test_a_slogan_beside_a_name_does_not_take_the_names_english() -> None:
    """Competitive linking: the name takes its English first, the slogan of the same sentences its own."""
    pairs = [
        SegmentPair(
            "郑州推出“郑州青年卡”,打造青年“就业创业优选地”。",
            'Zhengzhou launched the "Zhengzhou Youth Card" and aims to be a prime hub for jobs.',
            "a.po",
            1,
        ),
        SegmentPair(
            "“郑州青年卡”助力郑州建设“就业创业优选地”。",
            'The "Zhengzhou Youth Card" helps Zhengzhou become a prime hub for jobs and start-ups.',
            "a.po",
            5,
        ),
    ]
    found = {c.zh: c for c in extract_terms(pairs, load_glossary())}
    assert found["郑州青年卡"].en == "Zhengzhou Youth Card"
    assert found["就业创业优选地"].en == "prime hub for jobs"
    assert "zhengzhou youth card" in found["就业创业优选地"].alternatives  # offered, not taken


def test_a_name_and_a_longer_candidate_holding_it_may_share_its_english() -> None:
    """Linking over scored counterparts: nested candidates are not rivals, neighbours are."""
    name, longer, slogan = "郑州机场海关", "郑州海关所属郑州机场海关", "就业创业优选地"
    options = {
        name: [(2.0, 0.9, "zhengzhou airport customs")],
        longer: [(2.5, 0.9, "zhengzhou airport customs")],
        slogan: [(1.5, 0.9, "zhengzhou airport customs"), (1.0, 0.5, "prime hub")],
    }
    seen = {name: [_Seen(0, 3), _Seen(1, 0)], longer: [_Seen(0, 1)], slogan: [_Seen(1, 9)]}
    assert _link(options, seen) == {name: 0, longer: 0, slogan: 1}


def test_a_name_cut_from_its_number_or_joined_by_ji_is_not_a_candidate() -> None:
    found = chinese_candidates(
        ["外籍游客可享受144小时过境免签政策。", "郑州市委全会暨郑州市委经济工作会议召开。"], load_glossary()
    )
    assert "小时过境免签政策" not in found  # its number, 144, stands before the Han characters
    assert not any("暨" in candidate for candidate in found)  # 暨 joins two names
    assert {"过境免签政策", "郑州市委全会", "郑州市委经济工作会议"} <= set(found)  # the parts are
