"""OmegaT's tab-separated glossary: one line per term and rendering, the status in the comment."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .. import chinese
from ..errors import Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Rendering, Status
from .imports import (
    ConceptDraft,
    Imported,
    assemble,
    file_source,
    line_citation,
    read_text,
    term_draft,
)

__all__ = [
    "OMEGAT_HEADER",
    "omegat_comment",
    "omegat_lines",
    "read_omegat",
    "write_omegat",
]

OMEGAT_HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
"""The first line OmegaT writes in a new glossary; it names the encoding."""

_TSV_BREAKS = re.compile(r"[\t\r\n]+")


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
