"""What every importer shares: drafts of concepts read from a file are merged by id and checked; what is
valid becomes a glossary, and what is not is reported with its file and line."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from attrs import evolve, field, frozen

from .. import chinese, english
from ..assembly import import_term
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Script, Source, Status, TermType
from .text import decode
from .toml import slug

__all__ = [
    "ConceptDraft",
    "Imported",
    "TermDraft",
    "assemble",
    "file_source",
    "line_citation",
    "read_text",
    "term_draft",
]


@frozen
class Imported:
    """What an import read: a valid glossary, and each thing it could not keep, with file and line."""

    glossary: Glossary
    skipped: tuple[Problem, ...] = ()


@frozen
class TermDraft:
    """A Chinese term as read from a file, before ``make_term`` checks it and generates what is missing."""

    zh: str
    pinyin: str = ""
    pinyin_written: str = ""
    traditional: Mapping[str, str] = field(factory=dict)
    type: TermType | None = None  # None: full-form for a concept's first term, variant for later ones
    citations: tuple[Citation, ...] = ()


@frozen
class ConceptDraft:
    """What one line (row, entry) of a file says about a concept; drafts with the same id are merged."""

    id: str
    line: int
    terms: tuple[TermDraft, ...] = ()
    renderings: tuple[Rendering, ...] = ()
    subject: str = ""
    definition: str = ""
    note: str = ""


def assemble(
    path: str,
    drafts: Iterable[ConceptDraft],
    *,
    name: str = "",
    sources: Mapping[str, Source] | None = None,
    digest: str = "",
    skipped: Iterable[Problem] = (),
) -> Imported:
    """Merge drafts into concepts and keep what is valid; every thing left out is reported.

    Repeated terms and renderings are merged; a term already in another concept, a term ``make_term``
    rejects, a rendering repeated with another status or spelling, a second preferred rendering (kept as
    admitted) and a concept left without term or rendering are reported.
    """
    builder = _Builder(path, list(skipped))
    for draft in drafts:
        builder.add(draft)
    concepts = builder.concepts()
    glossary = Glossary(name or Path(path).stem, tuple(concepts), dict(sources or {}), digest)
    return Imported(glossary, tuple(builder.skipped))


def file_source(path: str | Path) -> Source:
    """A source standing for an imported file, so that what is read from it is cited."""
    name = Path(path).name
    return Source(id=slug(Path(path).stem) or "imported", title=f"Imported from {name}", file=name)


def line_citation(source: Source, line: int) -> Citation:
    """A citation of one line of an imported file (locator ``L12``)."""
    return Citation(source.id, f"L{line}")


def term_draft(
    text: str,
    *,
    tag: str = "zh-Hant",
    pinyin: str = "",
    term_type: TermType | None = None,
    citations: tuple[Citation, ...] = (),
) -> TermDraft:
    """A draft from Chinese in either script: a traditional text becomes its simplified form, and the
    text is kept as that form's traditional form for ``tag``."""
    if chinese.detect_script(text) is Script.TRADITIONAL:
        simplified = chinese.to_simplified(text)
        return TermDraft(simplified, pinyin, traditional={tag: text}, type=term_type, citations=citations)
    return TermDraft(text, pinyin, type=term_type, citations=citations)


def read_text(path: str | Path) -> tuple[str, str]:
    """A file's text (:func:`.text.decode`: UTF-8, or UTF-16 with a byte-order mark, no control
    character) and the sha256 of its bytes."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
    return decode(str(path), data), hashlib.sha256(data).hexdigest()


class _Parts:
    """A concept being assembled from drafts."""

    def __init__(self, draft: ConceptDraft) -> None:
        self.id = draft.id
        self.line = draft.line
        self.terms: list[ChineseTerm] = []
        self.renderings: list[Rendering] = []
        self.folds: dict[str, Rendering] = {}
        self.subject = ""
        self.definition = ""
        self.notes: list[str] = []

    def describe(self, draft: ConceptDraft) -> None:
        self.subject = self.subject or draft.subject
        self.definition = self.definition or draft.definition
        if draft.note and draft.note not in self.notes:
            self.notes.append(draft.note)


class _Builder:
    def __init__(self, path: str, skipped: list[Problem]) -> None:
        self.path = path
        self.skipped = skipped
        self.parts: dict[str, _Parts] = {}
        self.owners: dict[str, str] = {}  # term → id of the concept it belongs to

    def skip(self, line: int, message: str) -> None:
        self.skipped.append(Problem(self.path, line, message))

    def add(self, draft: ConceptDraft) -> None:
        parts = self.parts.setdefault(draft.id, _Parts(draft))
        for term in draft.terms:
            self.add_term(parts, term, draft.line)
        for rendering in draft.renderings:
            self.add_rendering(parts, rendering, draft.line)
        parts.describe(draft)

    def add_term(self, parts: _Parts, draft: TermDraft, line: int) -> None:
        owner = self.owners.get(draft.zh)
        if owner == parts.id:
            return
        if owner is not None:
            self.skip(line, f"{draft.zh} is already a term of concept {owner!r}; not added to {parts.id!r}")
            return
        default_type = TermType.VARIANT if parts.terms else TermType.FULL_FORM
        term, change = import_term(
            draft.zh,
            pinyin=draft.pinyin,
            pinyin_written=draft.pinyin_written,
            traditional=draft.traditional,
            term_type=draft.type or default_type,
            citations=draft.citations,
        )
        if change:
            self.skip(line, f"term {draft.zh!r}: {change}")
        if term is None:
            return
        self.owners[draft.zh] = parts.id
        parts.terms.append(term)

    def add_rendering(self, parts: _Parts, rendering: Rendering, line: int) -> None:
        if not rendering.text:
            self.skip(line, f"empty rendering in concept {parts.id!r}")
            return
        key = english.fold(rendering.text)
        known = parts.folds.get(key)
        if known is not None:
            if (known.text, known.status) != (rendering.text, rendering.status):
                message = f"rendering {rendering.text!r} ({rendering.status}) repeats {known.text!r} ({known.status})"
                self.skip(line, message)
            return
        if rendering.status is Status.PREFERRED and any(r.status is Status.PREFERRED for r in parts.renderings):
            self.skip(line, f"second preferred rendering {rendering.text!r} of {parts.id!r} kept as admitted")
            rendering = evolve(rendering, status=Status.ADMITTED)
        parts.folds[key] = rendering
        parts.renderings.append(rendering)

    def concepts(self) -> Iterator[Concept]:
        for parts in self.parts.values():
            if not parts.terms:
                self.skip(parts.line, f"concept {parts.id!r} not imported: no valid Chinese term")
            elif not parts.renderings:
                self.skip(parts.line, f"concept {parts.id!r} not imported: no English rendering")
            else:
                yield Concept(
                    id=parts.id,
                    terms=tuple(parts.terms),
                    renderings=tuple(parts.renderings),
                    subject=parts.subject,
                    definition=parts.definition,
                    note="\n".join(parts.notes),
                )
