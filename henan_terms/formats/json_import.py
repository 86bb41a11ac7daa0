"""Read the JSON export (docs/json-export.md) back into a glossary.

The head term's citations are read from ``zh_sources``, each form's and rendering's from their own
``sources``; the concept-level ``sources`` (all of them) is not needed. Sources are rebuilt from the
citation records that carry a title.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import FormatError, GlossaryError
from ..glossary import Glossary
from ..model import Citation, Rendering, Source, Status, TermType
from .imports import ConceptDraft, TermDraft, assemble, read_text

__all__ = [
    "read_json",
]

_SOURCE_FIELDS = ("kind", "title", "publisher", "date", "url", "file")
_ID_KEY = re.compile(r'"id"\s*:')


def read_json(path: str | Path) -> Glossary:
    """Read a glossary written by ``write_json``.

    Raises FormatError (file and line) for text that is not the export's JSON, and GlossaryError listing
    every invalid term, rendering or duplicate.
    """
    name = str(path)
    text, digest = read_text(path)
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(name, error.lineno, f"invalid JSON: {error.msg}") from None
    if not isinstance(records, list):
        raise FormatError(name, 1, "expected a list of concepts, as the JSON export writes")
    reader = _Reader(name, _concept_lines(text, len(records)))
    drafts = [reader.concept(index, record) for index, record in enumerate(records)]
    imported = assemble(name, drafts, name=Path(path).stem, sources=reader.sources, digest=digest)
    if imported.skipped:
        raise GlossaryError(imported.skipped)
    return imported.glossary


def _concept_lines(text: str, count: int) -> list[int]:
    """The line of each concept's ``"id"`` key (line 1 for each when the JSON is not one key a line)."""
    lines = [text.count("\n", 0, match.start()) + 1 for match in _ID_KEY.finditer(text)]
    return lines if len(lines) == count else [1] * count


class _Reader:
    """Turns concept records into drafts and collects the sources their citations declare."""

    def __init__(self, path: str, lines: Sequence[int]) -> None:
        self.path = path
        self.lines = lines
        self.sources: dict[str, Source] = {}
        self.ids: set[str] = set()

    def fail(self, index: int, message: str) -> FormatError:
        return FormatError(self.path, self.lines[index], f"concept {index + 1}: {message}")

    def concept(self, index: int, record: Any) -> ConceptDraft:
        concept_id = _text(self._object(index, record, "concept"), "id")
        if not concept_id or concept_id in self.ids:
            raise self.fail(index, f"missing or repeated id {concept_id!r}")
        self.ids.add(concept_id)
        forms = [self._object(index, form, "form") for form in self._list(index, record, "forms")]
        renderings = [self.rendering(index, r) for r in self._list(index, record, "en")]
        head = self.term(index, record, self.citations(index, record, "zh_sources"))
        return ConceptDraft(
            concept_id,
            self.lines[index],
            (head, *(self.term(index, form, self.citations(index, form)) for form in forms)),
            tuple(renderings),
            subject=_text(record, "subject"),
            definition=_text(record, "definition"),
            note=_text(record, "note"),
        )

    def term(self, index: int, record: Mapping[str, Any], citations: tuple[Citation, ...]) -> TermDraft:
        type_name = _text(record, "type") or TermType.FULL_FORM.value
        by_tag = record.get("traditional_by_tag", {})
        if type_name not in TermType._value2member_map_:
            raise self.fail(index, f"bad term type {type_name!r}")
        if not isinstance(by_tag, dict) or not all(isinstance(v, str) for v in by_tag.values()):
            raise self.fail(index, "'traditional_by_tag' must map language tags to forms")
        return TermDraft(
            _text(record, "zh"),
            _text(record, "pinyin"),
            _text(record, "pinyin_written"),
            by_tag,
            TermType(type_name),
            citations,
        )

    def rendering(self, index: int, record: Any) -> Rendering:
        fields = self._object(index, record, "rendering")
        status = _text(fields, "status")
        if status not in Status._value2member_map_:
            raise self.fail(index, f"bad status {status!r}; use preferred, admitted or deprecated")
        return Rendering(_text(fields, "text"), Status(status), self.citations(index, fields), _text(fields, "note"))

    def citations(self, index: int, record: Mapping[str, Any], key: str = "sources") -> tuple[Citation, ...]:
        citations = []
        for item in self._list(index, record, key):
            fields = self._object(index, item, "citation")
            citation = Citation(_text(fields, "source"), _text(fields, "locator"))
            if fields.get("title"):
                declared = {key: _text(fields, key) for key in _SOURCE_FIELDS if key in fields}
                self.declare(index, Source(citation.source, **declared))
            citations.append(citation)
        return tuple(citations)

    def declare(self, index: int, source: Source) -> None:
        known = self.sources.setdefault(source.id, source)
        if known != source:
            raise self.fail(index, f"source {source.id!r} is described in two different ways")

    def _object(self, index: int, value: Any, what: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(index, f"a {what} must be a JSON object")
        return value

    def _list(self, index: int, record: Mapping[str, Any], key: str) -> list[Any]:
        value = record.get(key, [])
        if not isinstance(value, list):
            raise self.fail(index, f"{key!r} must be a list")
        return value


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""
