"""Tabular glossaries: the project's CSV, OmegaT's tab-separated glossary and memoQ-style multilingual CSV."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from attrs import frozen

from .. import chinese
from ..assembly import ConceptPlaces, check_concept, status_of, term_from
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Source, Status, TermType
from .imports import (
    ConceptDraft,
    Imported,
    TermDraft,
    assemble,
    file_source,
    line_citation,
    read_text,
    term_draft,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_OPTIONAL",
    "CSV_REQUIRED",
    "MEMOQ_ENTRY_COLUMNS",
    "OMEGAT_HEADER",
    "csv_rows",
    "omegat_comment",
    "omegat_lines",
    "read_csv_glossary",
    "read_memoq",
    "read_omegat",
    "write_csv",
    "write_memoq",
    "write_omegat",
]

CSV_REQUIRED = ("zh", "en", "status")
CSV_OPTIONAL = ("id", "note", "pinyin", "source", "type")
CSV_COLUMNS = ("zh", "en", "status", "id", "pinyin", "type", "note", "source")
"""The project's CSV columns, in the order they are written (docs/glossary-format.md)."""

OMEGAT_HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
"""The first line OmegaT writes in a new glossary; it names the encoding."""

MEMOQ_ENTRY_COLUMNS = ("Entry_ID", "Entry_Subject", "Entry_Note")
_CHINESE_TERM_COLUMNS = ("Term_Pinyin", "Term_Type")
_ENGLISH_TERM_COLUMNS = ("Term_Status", "Term_Note")
_CHINESE_LANGUAGE = re.compile(r"^(?:chinese\b.*|(?:zh|zho|chi)(?:[-_][\w-]+)?)$", re.IGNORECASE)
_ENGLISH_LANGUAGE = re.compile(r"^(?:english\b.*|(?:en|eng)(?:[-_][\w-]+)?)$", re.IGNORECASE)
_TAIWAN = re.compile(r"taiwan|\btw\b|[-_]tw$", re.IGNORECASE)
_HONG_KONG = re.compile(r"hong kong|macau|\b(?:hk|mo)\b|[-_](?:hk|mo)$", re.IGNORECASE)
_TSV_BREAKS = re.compile(r"[\t\r\n]+")


# The project's CSV --------------------------------------------------------------------------------


def read_csv_glossary(
    path: str, data: bytes, problems: list[Problem]
) -> tuple[list[ConceptPlaces], dict[str, tuple[Source, str]]]:
    """Rows ``zh,en,status[,id,note,pinyin,source,type]``, grouped into concepts by id, else by zh."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(Problem(path, 0, f"not UTF-8: {error.reason} at byte {error.start}"))
        return [], {}
    reader = csv.DictReader(text.splitlines(keepends=True))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in CSV_REQUIRED + CSV_OPTIONAL]
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


# OmegaT glossary ----------------------------------------------------------------------------------


def write_omegat(glossary: Glossary, stream: TextIO, *, deprecated: bool = True) -> None:
    """Write an OmegaT glossary (UTF-8, tab-separated ``source, target, comment``).

    One line per Chinese term and English rendering; the comment holds the status, the pinyin and the
    rendering's note. ``deprecated=False`` leaves deprecated renderings out, for tools that ignore the
    comment.
    """
    for line in omegat_lines(glossary, deprecated=deprecated):
        stream.write(line + "\n")


def omegat_lines(glossary: Glossary, *, deprecated: bool = True) -> Iterator[str]:
    """The lines of an OmegaT glossary, without line ends."""
    yield OMEGAT_HEADER
    for concept in glossary:
        for term in concept.terms:
            for rendering in concept.renderings:
                if deprecated or rendering.status is not Status.DEPRECATED:
                    fields = (term.text, rendering.text, omegat_comment(term, rendering))
                    yield "\t".join(_TSV_BREAKS.sub(" ", text) for text in fields)


def omegat_comment(term: ChineseTerm, rendering: Rendering) -> str:
    """``status; pinyin: …; note`` — the comment column of an OmegaT glossary line."""
    parts = [rendering.status.value, f"pinyin: {term.pinyin}"]
    return "; ".join([*parts, rendering.note] if rendering.note else parts)


def read_omegat(path: str | Path) -> Imported:
    """Read an OmegaT glossary: each line's Chinese column (source or target) is a term, the other its rendering.

    Lines starting with ``#`` are comments. A comment column written by ``write_omegat`` gives status,
    pinyin and note; any other comment becomes the rendering's note, and the status is ``admitted``.
    Lines of the same Chinese term are one concept, whose id is the term.
    """
    text, digest = read_text(path)
    source = file_source(path)
    skipped: list[Problem] = []
    drafts = []
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if line.startswith("#") or not line.strip():
            continue
        fields = [f.strip() for f in line.rstrip("\n").split("\t")]
        if len(fields) > 3:
            skipped.append(Problem(str(path), number, "columns after the third (comment) are not imported"))
        draft = _omegat_draft(fields[:3], line_citation(source, number), number)
        if isinstance(draft, str):
            skipped.append(Problem(str(path), number, f"line not imported: {draft}"))
        else:
            drafts.append(draft)
    return assemble(str(path), drafts, sources={source.id: source}, digest=digest, skipped=skipped)


def _omegat_draft(fields: list[str], citation: Citation, number: int) -> ConceptDraft | str:
    """The draft of one glossary line (its first three columns), or why it cannot be read."""
    if len(fields) < 2 or not fields[0] or not fields[1]:
        return "a glossary line needs a source and a target term, separated by a tab"
    first, second = fields[:2]
    if chinese.has_han(first) == chinese.has_han(second):
        return f"cannot tell the Chinese term from the English one in {first!r} and {second!r}"
    zh, en = (first, second) if chinese.has_han(first) else (second, first)
    status, pinyin, note = _parse_omegat_comment(fields[2] if len(fields) == 3 else "")
    term = term_draft(zh, pinyin=pinyin, citations=(citation,))
    return ConceptDraft(term.zh, number, (term,), (Rendering(en, status, (citation,), note),))


def _parse_omegat_comment(comment: str) -> tuple[Status, str, str]:
    """(status, pinyin, note) of a comment ``status; pinyin: …; note``, each part optional."""
    status = Status.ADMITTED
    head, _, rest = comment.partition("; ")
    if head in Status._value2member_map_:
        status, comment = Status(head), rest
    head, _, rest = comment.partition("; ")
    if head.startswith("pinyin: "):
        return status, head.removeprefix("pinyin: "), rest
    return status, "", comment


# memoQ-style multilingual CSV ---------------------------------------------------------------------


def write_memoq(
    glossary: Glossary,
    stream: TextIO,
    *,
    chinese_column: str = "Chinese (PRC)",
    english_column: str = "English",
    delimiter: str = ",",
    bom: bool = False,
) -> None:
    """Write a memoQ-style multilingual CSV: one row per concept, one column per term.

    Columns: ``Entry_ID, Entry_Subject, Entry_Note``; a ``Chinese (PRC)`` column per Chinese term, each
    followed by ``Term_Pinyin, Term_Type``; ``English_Def`` (the definition); an ``English`` column per
    rendering, each followed by ``Term_Status, Term_Note``. The language columns may be named with codes
    (``zh-CN``, ``en``). Open the stream with ``newline=""``.
    """
    writer = csv.writer(stream, delimiter=delimiter)
    most_terms = max((len(c.terms) for c in glossary), default=1)
    most_renderings = max((len(c.renderings) for c in glossary), default=1)
    if bom:
        stream.write("\ufeff")
    writer.writerow(
        [
            *MEMOQ_ENTRY_COLUMNS,
            *[chinese_column, *_CHINESE_TERM_COLUMNS] * most_terms,
            f"{english_column}_Def",
            *[english_column, *_ENGLISH_TERM_COLUMNS] * most_renderings,
        ]
    )
    for concept in glossary:
        writer.writerow(_memoq_row(concept, most_terms, most_renderings))


def _memoq_row(concept: Concept, most_terms: int, most_renderings: int) -> list[str]:
    terms = [[t.text, t.pinyin, t.type.value] for t in concept.terms]
    renderings = [[r.text, r.status.value, r.note] for r in concept.renderings]
    terms += [["", "", ""]] * (most_terms - len(terms))
    renderings += [["", "", ""]] * (most_renderings - len(renderings))
    return [
        concept.id,
        concept.subject,
        concept.note,
        *[cell for group in terms for cell in group],
        concept.definition,
        *[cell for group in renderings for cell in group],
    ]


@frozen
class _Column:
    """What a column of a memoQ-style CSV holds: an entry field, a term (with its language) or a term field."""

    role: str  # "id", "subject", "note", "definition", "zh", "en", a "Term_…" name, or "" when not imported
    tag: str = ""  # for a Chinese term column: the traditional tag its traditional text is written for
    term: int = -1  # for a term field: the index of its term column


def read_memoq(path: str | Path) -> Imported:
    """Read a memoQ-style multilingual CSV (comma, semicolon or tab separated, with a header row).

    Language columns are recognised by name (``Chinese (PRC)``, ``Chinese (Taiwan)``, ``zh-CN``,
    ``English (United States)``, ``en`` …) and may repeat, one per term; ``Term_…`` columns belong to the
    term column before them. Columns that are not imported are reported where they hold data.
    """
    text, digest = read_text(path)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = next(rows, None)
    if not header:
        raise FormatError(str(path), 1, "empty file: a header row naming the columns is needed")
    columns = _memoq_columns([name.strip() for name in header])
    if not any(c.role == "zh" for c in columns) or not any(c.role == "en" for c in columns):
        raise FormatError(str(path), 1, "the header needs a Chinese and an English column: Chinese (PRC), English")
    source = file_source(path)
    reader = _MemoqReader(str(path), header, columns, source)
    drafts = [draft for row in rows if (draft := reader.draft(row, rows.line_num)) is not None]
    return assemble(str(path), drafts, sources={source.id: source}, digest=digest, skipped=reader.skipped())


def _delimiter(text: str) -> str:
    first_line = text.partition("\n")[0]
    return max((",", ";", "\t"), key=first_line.count)


def _memoq_columns(header: Sequence[str]) -> list[_Column]:
    entry_roles = dict(zip(MEMOQ_ENTRY_COLUMNS, ("id", "subject", "note"), strict=True))
    columns: list[_Column] = []
    last_term = -1
    for index, name in enumerate(header):
        if name in entry_roles:
            columns.append(_Column(entry_roles[name]))
        elif name.endswith("_Def") and _ENGLISH_LANGUAGE.match(name.removesuffix("_Def")):
            columns.append(_Column("definition"))
        elif _CHINESE_LANGUAGE.match(name):
            last_term = index
            columns.append(_Column("zh", tag=_traditional_tag(name)))
        elif _ENGLISH_LANGUAGE.match(name):
            last_term = index
            columns.append(_Column("en"))
        elif name.startswith("Term_") and last_term >= 0:
            columns.append(_Column(name, term=last_term))
        else:
            columns.append(_Column(""))
    return columns


def _traditional_tag(language: str) -> str:
    if _TAIWAN.search(language):
        return "zh-TW"
    if _HONG_KONG.search(language):
        return "zh-HK"
    return "zh-Hant"


class _MemoqReader:
    """Turns rows of a memoQ-style CSV into drafts, noting what it cannot import."""

    def __init__(self, path: str, header: Sequence[str], columns: Sequence[_Column], source: Source) -> None:
        self.path = path
        self.header = header
        self.columns = columns
        self.source = source
        self.problems: list[Problem] = []
        self.unread: dict[int, int] = {}  # column index → first line where it holds data

    def skipped(self) -> list[Problem]:
        unread = [
            Problem(self.path, line, f"column {index + 1} ({self.header[index]!r}) is not imported")
            for index, line in sorted(self.unread.items(), key=lambda item: item[1])
        ]
        return unread + self.problems

    def draft(self, row: Sequence[str], line: int) -> ConceptDraft | None:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            return None
        if len(cells) > len(self.columns):
            self.problems.append(Problem(self.path, line, "more fields than columns; the extra ones are not imported"))
        citation = line_citation(self.source, line)
        fields: dict[str, str] = {}
        terms: dict[int, dict[str, str]] = {}
        for index, (column, cell) in enumerate(zip(self.columns, cells, strict=False)):
            if not cell:
                continue
            if column.role in ("zh", "en"):
                terms[index] = {"text": cell}
            elif column.term in terms:
                terms[column.term][column.role] = cell
            elif column.role and column.term < 0:
                fields[column.role] = cell
            else:
                self.unread.setdefault(index, line)
        return self.concept(fields, terms, citation, line)

    def concept(
        self, fields: dict[str, str], terms: dict[int, dict[str, str]], citation: Citation, line: int
    ) -> ConceptDraft | None:
        kept_terms = tuple(
            self.term(values, self.columns[index].tag, citation, line)
            for index, values in terms.items()
            if self.columns[index].role == "zh"
        )
        renderings = [
            self.rendering(values, citation, line)
            for index, values in terms.items()
            if self.columns[index].role == "en"
        ]
        kept_renderings = tuple(r for r in renderings if r is not None)
        if not kept_terms:
            self.problems.append(Problem(self.path, line, "row not imported: no Chinese term"))
            return None
        return ConceptDraft(
            fields.get("id") or kept_terms[0].zh,
            line,
            kept_terms,
            kept_renderings,
            subject=fields.get("subject", ""),
            definition=fields.get("definition", ""),
            note=fields.get("note", ""),
        )

    def term(self, values: dict[str, str], tag: str, citation: Citation, line: int) -> TermDraft:
        type_name = values.get("Term_Type", "")
        if type_name and type_name not in TermType._value2member_map_:
            self.problems.append(Problem(self.path, line, f"term {values['text']!r}: bad type {type_name!r}; left out"))
            type_name = ""
        for name in set(values) - {"text", *_CHINESE_TERM_COLUMNS}:
            self.problems.append(Problem(self.path, line, f"{name} of term {values['text']!r} is not imported"))
        return term_draft(
            values["text"],
            tag=tag,
            pinyin=values.get("Term_Pinyin", ""),
            term_type=TermType(type_name) if type_name else None,
            citations=(citation,),
        )

    def rendering(self, values: dict[str, str], citation: Citation, line: int) -> Rendering | None:
        status = values.get("Term_Status", Status.ADMITTED.value)
        if status not in Status._value2member_map_:
            self.problems.append(Problem(self.path, line, f"rendering {values['text']!r}: bad status {status!r}"))
            return None
        for name in set(values) - {"text", *_ENGLISH_TERM_COLUMNS}:
            self.problems.append(Problem(self.path, line, f"{name} of rendering {values['text']!r} is not imported"))
        return Rendering(values["text"], Status(status), (citation,), values.get("Term_Note", ""))
