"""The glossary as JSON: a list with one object per concept."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from .. import chinese
from ..model import ChineseTerm, Citation, Concept, Source

__all__ = [
    "citation_record",
    "concept_record",
    "term_record",
    "write_json",
]


def citation_record(citation: Citation, sources: Mapping[str, Source]) -> dict[str, str]:
    """A citation with what its source declares (title, publisher, url …)."""
    record = {"source": citation.source, "locator": citation.locator}
    source = sources.get(citation.source)
    if source is not None:
        fields = ("kind", "title", "publisher", "date", "url", "file")
        record |= {name: getattr(source, name) for name in fields if getattr(source, name)}
    return record


def term_record(term: ChineseTerm, sources: Mapping[str, Source]) -> dict[str, Any]:
    """A Chinese term with its pinyin styles and traditional forms."""
    return {
        "zh": term.text,
        "type": term.type.value,
        "traditional": list(term.traditional_forms),
        "traditional_by_tag": {tag: v.text for v in term.traditional for tag in v.tags},
        "taiwan_phrasing": chinese.taiwan_phrasing(term.text),
        "pinyin": term.pinyin,
        "pinyin_numbered": chinese.to_numbers(term.pinyin),
        "pinyin_written": term.pinyin_written,
        "sources": [citation_record(c, sources) for c in term.citations],
    }


def concept_record(concept: Concept, sources: Mapping[str, Source]) -> dict[str, Any]:
    """One concept as a JSON-ready dict: the head term's fields at top level, other terms in ``forms``."""
    head = term_record(concept.head, sources)
    return {
        "id": concept.id,
        **{key: value for key, value in head.items() if key != "sources"},
        "zh_sources": head["sources"],
        "forms": [term_record(term, sources) for term in concept.terms[1:]],
        "en": [
            {
                "text": r.text,
                "status": r.status.value,
                "note": r.note,
                "sources": [citation_record(c, sources) for c in r.citations],
            }
            for r in concept.renderings
        ],
        "subject": concept.subject,
        "definition": concept.definition,
        "note": concept.note,
        "sources": [citation_record(c, sources) for c in concept.citations],
    }


def write_json(concepts: Iterable[Concept], sources: Mapping[str, Source], stream: TextIO) -> None:
    """Write concepts as a JSON list, one object per concept."""
    records = [concept_record(concept, sources) for concept in concepts]
    json.dump(records, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
