from __future__ import annotations

import attrs
import pytest

from henan_terms import ChineseTerm, Citation, Concept, Rendering, Status, TermType, TMUnit


def term(text: str, term_type: TermType = TermType.FULL_FORM, source: str = "a#p1") -> ChineseTerm:
    return ChineseTerm(text, "x", "x", type=term_type, citations=(Citation.parse(source),))


def test_citation_parses_source_and_locator() -> None:
    assert Citation.parse("advanced-manufacturing#p26") == Citation("advanced-manufacturing", "p26")
    assert Citation.parse("xinhua-2021") == Citation("xinhua-2021", "")
    assert str(Citation("a", "p3")) == "a#p3"


def test_citations_name_places_as_findings_and_memory_origins_do() -> None:
    assert Citation("seed", "p26").place("corpus/seed.txt") == "paragraph 26"
    assert Citation("imported", "L12").place("terms.csv") == "terms.csv:12"
    assert Citation("imported", "L12").place() == "line 12"
    assert Citation("report", "section 3").place("report.pdf") == "section 3"  # not a line or a paragraph
    assert Citation("report", "p.5").place() == "p.5"


def test_a_memory_origin_names_its_document() -> None:
    assert TMUnit("北斗", "BeiDou", origin="docs/a.txt:12").document == "docs/a.txt"
    assert TMUnit("北斗", "BeiDou", origin="doc.htm#u1").document == "doc.htm"  # XLIFF's original and unit id
    assert TMUnit("北斗", "BeiDou", origin="notes: draft").document == "notes: draft"  # no line after the colon


def test_records_are_frozen() -> None:
    concept = Concept("c", (term("技术改造"),), (Rendering("technological upgrading", Status.PREFERRED),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        concept.id = "other"  # type: ignore[misc]
    changed = attrs.evolve(concept, id="other")
    assert (changed.id, concept.id) == ("other", "c")


def test_concept_needs_a_chinese_term() -> None:
    with pytest.raises(ValueError, match="no Chinese term"):
        Concept("c", (), ())


def test_abbreviation_and_full_form_are_linked_through_the_concept() -> None:
    concept = Concept(
        "technological-transformation",
        (term("技术改造"), term("技改", TermType.ABBREVIATION, "a#p31")),
        (
            Rendering("technology transformation", Status.ADMITTED),
            Rendering("technological upgrading", Status.PREFERRED),
        ),
    )
    assert [t.text for t in concept.terms_of(TermType.ABBREVIATION)] == ["技改"]
    assert [t.text for t in concept.terms_of(TermType.FULL_FORM)] == ["技术改造"]
    assert concept.zh == "技术改造"
    assert concept.preferred is not None and concept.preferred.text == "technological upgrading"
    assert [str(c) for c in concept.citations] == ["a#p1", "a#p31"]
