"""The project's CSV glossary (docs/glossary-format.md): read strictly, written for spreadsheets."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from ..assembly import ConceptPlaces, check_concept, status_of, term_from
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Source, TermType
from .text import decode

__all__ = [
    "CSV_COLUMNS",
    "CSV_OPTIONAL",
    "CSV_REQUIRED",
    "csv_rows",
    "read_csv_glossary",
    "write_csv",
]

CSV_REQUIRED = ("zh", "en", "status")
CSV_OPTIONAL = ("id", "note", "pinyin", "source", "type")
CSV_COLUMNS = ("zh", "en", "status", "id", "pinyin", "type", "note", "source")
"""The project's CSV columns, in the order they are written (docs/glossary-format.md)."""


def read_csv_glossary(
    path: str, data: bytes, problems: list[Problem]
) -> tuple[list[ConceptPlaces], dict[str, tuple[Source, str]]]:
    """Rows ``zh,en,status[,id,note,pinyin,source,type]``, grouped into concepts by id, else by zh."""
    try:
        text = decode(path, data)
    except FormatError as error:
        problems.append(error.problem)
        return [], {}
    reader = csv.DictReader(text.splitlines(keepends=True))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in CSV_REQUIRED + CSV_OPTIONAL]
    if len(missing) == len(CSV_REQUIRED):  # not this CSV, and not memoQ's either (exchange.guess_format)
        message = f"the header {columns} has none of the columns zh,en,status"
        problems.append(
            Problem(path, 1, f"{message}, nor language columns as memoQ names them (Chinese (PRC), English)")
        )
        return [], {}
    if missing or unknown:
        if missing:
            problems.append(Problem(path, 1, f"missing columns {missing}; the header needs zh,en,status"))
        if unknown:
            problems.append(Problem(path, 1, f"unknown columns {unknown}; optional ones are {list(CSV_OPTIONAL)}"))
        return [], {}
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row in reader:
        fields = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(fields.values()):
            continue
        if None in row:
            problems.append(Problem(path, reader.line_num, "more fields than columns"))
        groups.setdefault(fields.get("id") or fields["zh"], []).append((reader.line_num, fields))
    drafts = []
    for concept_id, rows in groups.items():
        draft = _csv_concept(path, concept_id, rows, "source" in columns, problems)
        if draft is not None:
            problems.extend(check_concept(draft))
            drafts.append(draft)
    return drafts, {}


def _csv_concept(
    path: str,
    concept_id: str,
    rows: list[tuple[int, dict[str, str]]],
    cites: bool,
    problems: list[Problem],
) -> ConceptPlaces | None:
    terms: list[tuple[ChineseTerm | None, str]] = []
    renderings: list[tuple[Rendering | None, str]] = []
    seen_zh: set[str] = set()
    for line, row in rows:

        def report(message: str, line: int = line) -> None:
            problems.append(Problem(path, line, message))

        for column in CSV_REQUIRED:
            if not row[column]:
                report(f"empty {column!r}")
        if not row["zh"] or not row["en"]:
            continue
        if cites and not row.get("source"):
            report(f"missing citation: {row['zh']} = {row['en']!r} has no source")
        citations = (Citation(row["source"]),) if row.get("source") else ()
        if row["zh"] not in seen_zh:
            seen_zh.add(row["zh"])
            type_name = row.get("type") or (TermType.FULL_FORM.value if not terms else TermType.VARIANT.value)
            if type_name not in TermType._value2member_map_:
                report(f"bad type {type_name!r}; use one of {[t.value for t in TermType]}")
                continue
            term = term_from(
                row["zh"],
                row.get("pinyin", ""),
                "",
                {},
                TermType(type_name),
                citations,
                lambda _key, message: report(message),
            )
            terms.append((term, f"{path}:{line}"))
        status = status_of(row["status"], report)
        rendering = Rendering(row["en"], status, citations, row.get("note", "")) if status else None
        renderings.append((rendering, f"{path}:{line}"))
    if not terms or any(t is None for t, _ in terms) or any(r is None for r, _ in renderings):
        return None
    concept = Concept(
        id=concept_id,
        terms=tuple(t for t, _ in terms if t is not None),
        renderings=tuple(r for r, _ in renderings if r is not None),
    )
    return ConceptPlaces(concept, f"{path}:{rows[0][0]}", tuple(w for _, w in terms), tuple(w for _, w in renderings))


def write_csv(glossary: Glossary, stream: TextIO, *, bom: bool = False) -> None:
    """Write the project's CSV (read by ``load_glossary``): one row per rendering.

    A concept's terms go on its first rows, one each (with their pinyin and type); rows after the last
    term repeat the head term. ``bom`` starts the file with a byte-order mark, so that Excel reads it as
    UTF-8. The ``source`` column (one citation per row) is written when every rendering has a citation.
    Open the stream with ``newline=""``.
    """
    cited = all(r.citations for concept in glossary for r in concept.renderings)
    columns = CSV_COLUMNS if cited else CSV_COLUMNS[:-1]
    if bom:
        stream.write("\ufeff")
    writer = csv.DictWriter(stream, columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(csv_rows(glossary))


def csv_rows(glossary: Glossary) -> Iterator[dict[str, str]]:
    """The rows of the project's CSV, as column → value."""
    for concept in glossary:
        for index, rendering in enumerate(concept.renderings):
            new_term = index < len(concept.terms)
            term = concept.terms[index] if new_term else concept.head
            yield {
                "zh": term.text,
                "en": rendering.text,
                "status": rendering.status.value,
                "id": concept.id,
                "pinyin": term.pinyin if new_term else "",
                "type": term.type.value if new_term else "",
                "note": rendering.note,
                "source": str(rendering.citations[0]) if rendering.citations else "",
            }
