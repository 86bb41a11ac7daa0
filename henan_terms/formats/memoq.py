"""memoQ-style multilingual CSV: one row per concept, a column per term and rendering."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from attrs import frozen

from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import Citation, Concept, Rendering, Source, Status, TermType
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
    "MEMOQ_ENTRY_COLUMNS",
    "names_languages",
    "read_memoq",
    "write_memoq",
]

MEMOQ_ENTRY_COLUMNS = ("Entry_ID", "Entry_Subject", "Entry_Note")
_CHINESE_TERM_COLUMNS = ("Term_Pinyin", "Term_Type")
_ENGLISH_TERM_COLUMNS = ("Term_Status", "Term_Note")
# Language names as memoQ writes them (capitalised), codes in any case
_CHINESE_LANGUAGE = re.compile(r"^(?:Chinese\b.*|(?i:(?:zh|zho|chi)(?:[-_][\w-]+)?))$")
_ENGLISH_LANGUAGE = re.compile(r"^(?:English\b.*|(?i:(?:en|eng)(?:[-_][\w-]+)?))$")
_TAIWAN = re.compile(r"taiwan|\btw\b|[-_]tw$", re.IGNORECASE)
_HONG_KONG = re.compile(r"hong kong|macau|\b(?:hk|mo)\b|[-_](?:hk|mo)$", re.IGNORECASE)


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

    Language columns are recognised by name as memoQ writes it (``Chinese (PRC)``, ``Chinese (Taiwan)``,
    ``English (United States)`` …) or by code in any case (``zh-CN``, ``en`` …), and may repeat, one
    per term; ``Term_…`` columns belong to the term column before them. Columns that are not imported
    are reported where they hold data.
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


def names_languages(header: str) -> bool:
    """Whether a CSV header row names a Chinese and an English column as ``read_memoq`` takes them."""
    names = next(csv.reader([header.rstrip("\r\n")], delimiter=_delimiter(header)), [])
    roles = {column.role for column in _memoq_columns([name.strip() for name in names])}
    return {"zh", "en"} <= roles


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
