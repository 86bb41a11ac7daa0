"""Importing TBX entries as concepts: statuses, term types, pinyin notes and sources read back; what
cannot be kept is reported."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from attrs import define, evolve, field, frozen

from ... import chinese
from ...assembly import import_term
from ...errors import Problem
from ...glossary import Glossary
from ...model import ChineseTerm, Citation, Concept, Rendering, Status, TermType
from ._common import PINYIN_NOTE, READ_STATUS, READ_STATUS_NEAR, READ_TYPE, READ_TYPE_NEAR, WRITTEN_NOTE, original_id
from .parse import EntryParser, Tally, TbxEntry, TbxTerm

__all__ = [
    "TbxImport",
    "read_tbx",
]

# Reading: entries into concepts ------------------------------------------------------------------


@frozen
class TbxImport:
    """What ``read_tbx`` made of a file: the glossary, and what it could not keep or had to change."""

    glossary: Glossary
    problems: tuple[Problem, ...]
    entries: int  # concept entries in the file
    languages: Mapping[str, int]  # terms per language tag, as the file writes the tags


def read_tbx(path: str | Path, *, source_lang: str = "zh", target_lang: str = "en") -> TbxImport:
    """Read TBX v3 or TBX 2008 into a glossary: ``source_lang`` terms become Chinese terms, ``target_lang``
    terms renderings.

    An entry without a term in either language cannot become a concept: it is reported and left out.
    Data categories the model has no place for are kept as notes; what cannot be kept is reported.
    Raises FormatError for a file that cannot be read as TBX.
    """
    path = Path(path)
    tally = Tally()
    parser = EntryParser(path, tally)
    importer = _Importer(str(path), source_lang, target_lang, tally)
    concepts = tuple(concept for entry in parser.entries() if (concept := importer.concept(entry)) is not None)
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    glossary = Glossary(parser.title or path.stem, concepts, parser.sources, digest)
    problems = (*importer.problems, *tally.problems(str(path)))
    return TbxImport(glossary, problems, importer.entries, dict(importer.languages))


@define
class _TermDraft:
    """A Chinese term being gathered from the sections of an entry."""

    text: str
    line: int
    id: str = ""
    type: TermType | None = None
    pinyin: str = ""
    written: str = ""
    citations: list[Citation] = field(factory=list)
    traditional: dict[str, str] = field(factory=dict)


class _Importer:
    """Turns entries into concepts, collecting what it reports."""

    def __init__(self, path: str, source_lang: str, target_lang: str, tally: Tally) -> None:
        self.path = path
        self.source = source_lang.lower()
        self.target = target_lang.lower()
        self.tally = tally
        self.problems: list[Problem] = []
        self.languages: Counter[str] = Counter()
        self.entries = 0
        self.ids: set[str] = set()

    def concept(self, entry: TbxEntry) -> Concept | None:
        """The entry as a concept, or None (reported) when it lacks a Chinese or an English term."""
        self.entries += 1
        notes: list[str] = []
        subject, definition = self._concept_fields(entry, notes)
        drafts: list[_TermDraft] = []
        traditional: list[tuple[str, TbxTerm]] = []
        renderings: list[Rendering] = []
        for term in entry.terms:
            self.languages[term.language] += 1
            role, tag = self._role(term.language)
            if not term.text:
                self._report(term.line, f"an empty {term.language} term is left out")
            elif role == "source":
                drafts.append(self._apply(_TermDraft(term.text, term.line, term.id), term, notes))
            elif role == "traditional":
                traditional.append((tag, term))
            elif role == "target":
                renderings.append(self._rendering(term))
            else:
                self.tally.add(f"terms in {term.language}", term.line)
        for tag, term in traditional:
            self._attach(tag, term, drafts, notes)
        label = f"entry {entry.id}" if entry.id else f"entry #{self.entries}"
        if not drafts or not renderings:
            missing = self.source if not drafts else self.target
            self._report(entry.line, f"{label} has no {missing} term; it is not imported")
            return None
        made = [
            self._make(draft, TermType.VARIANT if index else TermType.FULL_FORM) for index, draft in enumerate(drafts)
        ]
        terms = tuple(term for term in made if term is not None)
        if not terms:
            self._report(entry.line, f"{label} has no valid Chinese term; it is not imported")
            return None
        return Concept(
            id=self._concept_id(entry),
            terms=terms,
            renderings=self._one_preferred(label, entry.line, renderings),
            subject=subject,
            definition=definition,
            note="\n".join(notes),
        )

    def _role(self, language: str) -> tuple[str, str]:
        """``source``, ``traditional`` (with our tag), ``target`` or ``other``."""
        tag = language.replace("_", "-").lower()
        if _within(tag, self.target):
            return "target", ""
        if not _within(tag, self.source):
            return "other", ""
        subtags = tag.split("-")[1:]
        if "hans" in subtags:
            return "source", ""
        if "tw" in subtags:
            return "traditional", "zh-TW"
        if "hk" in subtags or "mo" in subtags:
            return "traditional", "zh-HK"
        return ("traditional", "zh-Hant") if "hant" in subtags else ("source", "")

    def _concept_fields(self, entry: TbxEntry, notes: list[str]) -> tuple[str, str]:
        """Subject and definition; other entry and language-section data become notes."""
        subject = definition = ""
        for language, datum in [("", datum) for datum in entry.data] + list(entry.section_data):
            role = self._role(language)[0] if language else ""
            plain = not datum.group
            if role == "other":
                self.tally.add(f"language-section data in {language}", datum.line)
            elif datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif plain and not language and datum.category == "subjectField" and not subject:
                subject = datum.text
            elif plain and role in ("", "target") and datum.category == "definition" and not definition:
                definition = datum.text
            else:
                notes.append(datum.as_note(language))
        return subject, definition

    def _rendering(self, term: TbxTerm) -> Rendering:
        status: Status | None = None
        citations: list[Citation] = []
        notes: list[str] = []
        for datum in term.data:
            if datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif not datum.group and datum.category == "administrativeStatus" and status is None:
                status, exact = _status(datum.text)
                notes.extend([] if exact else [datum.as_note()])
            elif not datum.group and datum.category == "source":
                citations.append(Citation.parse(datum.text))
            else:
                notes.append(datum.as_note())
        return Rendering(term.text, status or Status.ADMITTED, tuple(citations), "\n".join(notes))

    def _apply(self, draft: _TermDraft, term: TbxTerm, notes: list[str]) -> _TermDraft:
        """Gather a term's data into a draft; what has no place becomes a concept note."""
        for datum in term.data:
            category, text = ("" if datum.group else datum.category), datum.text
            if datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif category == "termType" and draft.type is None:
                draft.type, exact = _term_type(text)
                notes.extend([] if exact else [f"{term.text}: {datum.as_note()}"])
            elif category == "note" and text.lower().startswith(PINYIN_NOTE.lower()):
                draft.pinyin = draft.pinyin or text[len(PINYIN_NOTE) :].strip()
            elif category == "note" and text.startswith(WRITTEN_NOTE):
                draft.written = draft.written or text[len(WRITTEN_NOTE) :].strip()
            elif category == "source":
                draft.citations.append(Citation.parse(text))
            elif category == "termType" or (category == "crossReference" and datum.target == draft.id != ""):
                continue  # a traditional form's type and link to its simplified term
            else:
                notes.append(f"{term.text}: {datum.as_note()}")
        return draft

    def _attach(self, tag: str, term: TbxTerm, drafts: list[_TermDraft], notes: list[str]) -> None:
        """Add a traditional form to its simplified term: the one it links to, else its simplified form."""
        link = next((d.target for d in term.data if d.category == "crossReference" and d.target), "")
        draft = next((d for d in drafts if link and d.id == link), None)
        if draft is None:
            simplified = chinese.to_simplified(term.text)
            draft = next((d for d in drafts if d.text == simplified), None)
            if draft is None:
                draft = _TermDraft(simplified, term.line, link)
                drafts.append(draft)
        if draft.traditional.setdefault(tag, term.text) != term.text:
            notes.append(f"{draft.text}: another {tag} form: {term.text}")
        self._apply(draft, term, notes)

    def _make(self, draft: _TermDraft, default: TermType) -> ChineseTerm | None:
        """The term as every importer makes it (repaired where it can be, reported).

        A term without a termType is of the ``default`` type: full form for the first, variant for others.
        """
        term, change = import_term(
            draft.text,
            pinyin=draft.pinyin,
            pinyin_written=draft.written,
            traditional=draft.traditional,
            term_type=draft.type or default,
            citations=tuple(draft.citations),
            simplify=True,
        )
        if change:
            self._report(draft.line, change)
        return term

    def _one_preferred(self, label: str, line: int, renderings: list[Rendering]) -> tuple[Rendering, ...]:
        """The renderings with every preferred one after the first made admitted (reported)."""
        result: list[Rendering] = []
        for rendering in renderings:
            if rendering.status is Status.PREFERRED and any(r.status is Status.PREFERRED for r in result):
                self._report(line, f"{label}: {rendering.text!r} is a second preferred rendering; imported as admitted")
                rendering = evolve(rendering, status=Status.ADMITTED)
            result.append(rendering)
        return tuple(result)

    def _concept_id(self, entry: TbxEntry) -> str:
        base = original_id(entry.id) if entry.id else f"entry-{self.entries}"
        concept_id, number = base, 1
        while concept_id in self.ids:
            number += 1
            concept_id = f"{base}-{number}"
        if entry.id and concept_id != base:
            self._report(entry.line, f"entry id {base!r} is used twice; imported as {concept_id!r}")
        self.ids.add(concept_id)
        return concept_id

    def _report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def _within(tag: str, language: str) -> bool:
    return tag == language or tag.startswith(language + "-")


def _status(value: str) -> tuple[Status, bool]:
    """Our status for an administrativeStatus value, and whether it maps exactly."""
    key = value.strip().removesuffix("-admn-sts").lower()
    if key in READ_STATUS:
        return READ_STATUS[key], True
    return READ_STATUS_NEAR.get(key, Status.ADMITTED), False


def _term_type(value: str) -> tuple[TermType, bool]:
    """Our term type for a termType value, and whether it maps exactly."""
    key = value.strip().lower()
    if key in READ_TYPE:
        return READ_TYPE[key], True
    return READ_TYPE_NEAR.get(key, TermType.VARIANT), False
