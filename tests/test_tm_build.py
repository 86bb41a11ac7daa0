"""Building a memory from Python does what ``tm build`` does, and reports what it left for review."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from henan_terms import Glossary
from henan_terms.cli import cli
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.tm import Aligner, build_memory, open_tm

from .conftest import shared_path


def test_build_memory_stores_the_accepted_pairs_and_reports_each_document(glossary: Glossary) -> None:
    documents = [
        read_bilingual(shared_path(f"corpus/henan-{name}.txt"))
        for name in ("advanced-manufacturing", "industry-carriers")
    ]
    seen: list[str] = []
    paragraphs: list[int] = []  # how many documents were done at each paragraph: progress within them
    with open_tm(":memory:") as memory:
        report = build_memory(
            documents, memory, Aligner(glossary), lambda d, _: seen.append(d.path), lambda: paragraphs.append(len(seen))
        )
        stored = len(memory)
    assert seen == [d.path for d in documents]
    assert len(paragraphs) == report.paragraphs and paragraphs[0] == 0 and paragraphs[-1] == 1
    assert report.counts.added == stored > 20
    assert report.paragraphs == sum(len(d.pairs) for d in documents)
    accepted = sum(len(a.accepted) for a in report.alignments)
    assert report.beads == accepted + report.rejected and accepted >= stored


def test_building_twice_stores_nothing_new(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-industry-carriers.txt"))
    with open_tm(":memory:") as memory:
        first = build_memory([document], memory, Aligner(glossary))
        second = build_memory([document], memory, Aligner(glossary))
    assert first.counts.added > 0 and second.counts.added == 0
    assert second.counts.duplicates == first.counts.added + first.counts.duplicates


def test_sentences_left_without_a_counterpart_are_counted_and_listed(glossary: Glossary, tmp_path: Path) -> None:
    path = tmp_path / "caption.txt"
    path.write_text(
        "Luoyang's GDP reached 280 billion yuan in the first half of the year, up 5.5 percent year on year. "
        "In the second half of the year, the city will continue to expand effective investment.\n\n"
        "洛阳市上半年地区生产总值达到2800亿元,同比增长5.5%。图为洛阳市一家机器人生产基地。"
        "下半年,全市将继续扩大有效投资。\n",
        encoding="utf-8",
    )
    with open_tm(":memory:") as memory:
        report = build_memory([read_bilingual(path)], memory, Aligner(glossary))
        stored = len(memory)
    [alignment] = report.alignments
    [(bead, reason)] = alignment.unstored
    assert (bead.zh, bead.en, reason) == (("图为洛阳市一家机器人生产基地。",), (), "no counterpart")
    assert (report.unpaired, report.rejected, report.unstored_sentences, stored) == (1, 0, (1, 0), 2)


def test_a_build_that_stores_every_sentence_reports_none_left_out(glossary: Glossary) -> None:
    document = read_bilingual(shared_path("corpus/henan-industry-carriers.txt"))
    with open_tm(":memory:") as memory:
        report = build_memory([document], memory, Aligner(glossary))
    assert (report.unpaired, report.unstored_sentences) == (0, (0, 0))
    assert report.alignments[0].unstored == ()


def test_build_summary_counts_the_sentences_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "caption.txt"
    path.write_text(
        "In the second half of the year, the city will continue to expand effective investment.\n\n"
        "图为洛阳市一家机器人生产基地。下半年,全市将继续扩大有效投资。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["tm", "build", str(path), "--db", str(tmp_path / "tm.db")])
    assert result.exit_code == 0, result.output
    assert "1 without a counterpart; 1 Chinese and 0 English sentences not stored" in result.stdout
    assert f"{path}:3: not stored (no counterpart): Chinese 1: 图为洛阳市一家机器人生产基地。" in result.stderr
