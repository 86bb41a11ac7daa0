"""Building a memory from Python does what ``tm build`` does, and reports what it left for review."""

from __future__ import annotations

from henan_terms import Glossary
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.tm import Aligner, build_memory, open_tm

from .conftest import shared_path


def test_build_memory_stores_the_accepted_pairs_and_reports_each_document(glossary: Glossary) -> None:
    documents = [
        read_bilingual(shared_path(f"corpus/henan-{name}.txt"))
        for name in ("advanced-manufacturing", "industry-carriers")
    ]
    seen: list[str] = []
    with open_tm(":memory:") as memory:
        report = build_memory(documents, memory, Aligner(glossary), lambda d, _: seen.append(d.path))
        stored = len(memory)
    assert seen == [d.path for d in documents]
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
