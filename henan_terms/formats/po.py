"""The glossary as a gettext catalogue (PO), through polib.

Writing: one entry per Chinese term. ``msgctxt`` is the concept id (so a term never gives two entries
with one msgid), ``msgid`` the term and ``msgstr`` the preferred rendering (else the first admitted, else
the first). Everything else is in extracted comments (``#.``), which PO editors show the translator, one
``key: value`` a line: the term's pinyin, curated written pinyin and traditional forms, type and
citations; the concept's subject, definition and note; then every rendering as ``status: text``,
followed by its note and citations. Only the declarations of sources are not carried.

Reading a catalogue whose ``Language`` is not Chinese takes ``msgid`` as the Chinese term and reads
those comments back. Reading a software catalogue translated into Chinese (``Language: zh_CN``,
``zh_TW`` …) takes each translated ``msgstr`` as a Chinese term and its ``msgid`` as an admitted English
rendering; messages with placeholders, plural forms or several lines, and fuzzy, obsolete or
untranslated ones, are not terms and are reported.

Translation units (``write_po_units`` / ``read_po_units``, the memory's PO exchange and the linter's PO
drafts): ``msgid`` the source, ``msgstr`` the target. Each entry carries the unit's origin, confidence,
creation time and tuid as extracted comments (``#. origin: …``); a source that comes again with another
translation gets a ``msgctxt`` (its tuid, origin or number), so that the file stays valid for
``msgfmt -c``. Which side is Chinese comes from the header's ``Language`` (a catalogue translated into
Chinese, as software catalogues are, has its Chinese in ``msgstr``) and, without one, from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import polib
from attrs import evolve

from .. import chinese
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Status, TermType, TMUnit
from ..version import __version__
from .imports import ConceptDraft, Imported, TermDraft, assemble, file_source, line_citation, read_text, term_draft
from .text import control_problem
from .toml import curated_traditional, curated_written

__all__ = [
    "po_catalogue",
    "po_entry",
    "read_po",
    "read_po_units",
    "write_po",
    "write_po_units",
]

_KEYS = ("pinyin", "pinyin_written", "type", "source", "subject", "definition", "concept note", "note")
_KEY_LINE = re.compile(rf"^({'|'.join([*_KEYS, *Status._value2member_map_])}|traditional\.[\w-]+): (.*)$")
_PLACEHOLDER = re.compile(r"%(?:\d+\$)?[-#0 +']*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}")
_LINE_IN_ERROR = re.compile(r"\(line (\d+)\)")
_STRING_LINE = re.compile(r'^(?:#~\s*)?(?:#\|\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(".*)$')
_UNTERMINATED = re.compile(r'"(?:[^"\\]|\\.)*\\?')
"""A string that runs to the end of its line without its closing quote (an escaped quote does not close it)."""


def write_po(glossary: Glossary, stream: TextIO, *, revision_date: datetime | None = None) -> None:
    """Write the glossary as a PO catalogue (Chinese → English) that ``msgfmt -c`` accepts."""
    stream.write(str(po_catalogue(glossary, revision_date=revision_date)))


def po_catalogue(glossary: Glossary, *, revision_date: datetime | None = None) -> polib.POFile:
    """The glossary as a polib catalogue; ``revision_date`` defaults to now."""
    catalogue = polib.POFile(wrapwidth=0)  # unwrapped, so that comment lines are exactly the values
    catalogue.metadata = _metadata(glossary, revision_date or datetime.now(UTC))
    for concept in glossary:
        for term in concept.terms:
            catalogue.append(_entry(concept, term))
    return catalogue


def _metadata(glossary: Glossary, revision_date: datetime) -> dict[str, str]:
    return {
        "Project-Id-Version": f"{glossary.name} glossary",
        "PO-Revision-Date": revision_date.strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "henan-terms",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": f"henan-terms {__version__}",
        "X-Source-Language": "zh-Hans",
    }


def _entry(concept: Concept, term: ChineseTerm) -> polib.POEntry:
    shown = concept.preferred or next(iter(concept.renderings_with(Status.ADMITTED)), None) or concept.renderings[0]
    return polib.POEntry(
        msgctxt=concept.id,
        msgid=term.text,
        msgstr=shown.text,
        comment="\n".join(_comment_lines(concept, term)),
    )


def _comment_lines(concept: Concept, term: ChineseTerm) -> Iterator[str]:
    yield f"pinyin: {term.pinyin}"
    if curated_written(term):
        yield f"pinyin_written: {term.pinyin_written}"
    yield from (f"traditional.{tag}: {form}" for tag, form in curated_traditional(term).items())
    yield f"type: {term.type.value}"
    yield from (f"source: {citation}" for citation in term.citations)
    for key, value in (
        ("subject", concept.subject),
        ("definition", concept.definition),
        ("concept note", concept.note),
    ):
        if value:
            yield f"{key}: {value}"
    for rendering in concept.renderings:
        yield f"{rendering.status.value}: {rendering.text}"
        if rendering.note:
            yield f"note: {rendering.note}"
        yield from (f"source: {citation}" for citation in rendering.citations)


# Reading ------------------------------------------------------------------------------------------


def read_po(path: str | Path) -> Imported:
    """Read a PO catalogue as a glossary (see the module's description for the two layouts)."""
    text, digest = read_text(path)
    _check_strings(str(path), text)
    try:
        catalogue = polib.pofile(text)
    except (OSError, ValueError) as error:
        found = _LINE_IN_ERROR.search(str(error))
        raise FormatError(str(path), int(found.group(1)) if found else 0, f"not a PO file: {error}") from None
    language = catalogue.metadata.get("Language", "").strip()
    if language.lower().startswith("zh"):
        if re.search(r"latn|pinyin", language, re.IGNORECASE):
            line = _header_line(text, "Language")
            raise FormatError(str(path), line, f"Language {language}: the translations are romanised, not in Chinese")
        return _read_translated(str(path), catalogue, _tag(language), digest)
    return _read_glossary(str(path), catalogue, digest)


def _check_strings(path: str, text: str) -> None:
    """FormatError for a string without its closing quote, which polib would read cut short: the line
    of a keyword (``msgid``, ``msgstr``, ``msgstr[1]`` …, also obsolete and previous ones) or of a
    continuation holds one string, from quote to quote, as msgfmt requires."""
    for number, line in enumerate(text.splitlines(), start=1):
        found = _STRING_LINE.match(line.strip())
        if found and _UNTERMINATED.fullmatch(found.group(1)):
            raise FormatError(path, number, "a string without its closing quote (end of line within the string)")


def _header_line(text: str, field: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(f'"{field}:')), 0)


def _tag(language: str) -> str:
    """The traditional tag a Chinese locale writes (zh_TW → zh-TW, zh_HK → zh-HK), else zh-Hant."""
    region = re.split(r"[-_@.]", language)[1:2]
    return {"TW": "zh-TW", "HK": "zh-HK", "MO": "zh-HK"}.get(region[0].upper() if region else "", "zh-Hant")


def _read_glossary(path: str, catalogue: polib.POFile, digest: str) -> Imported:
    """A catalogue written by ``write_po`` (or any with Chinese msgids): comments give back the concept."""
    drafts = []
    skipped = []
    for entry in catalogue:
        reason = _not_a_term(entry, entry.msgid)
        if reason:
            skipped.append(Problem(path, entry.linenum, f"{entry.msgid!r} not imported: {reason}"))
        else:
            drafts.append(_glossary_draft(entry))
    return assemble(path, drafts, digest=digest, skipped=skipped)


def _glossary_draft(entry: polib.POEntry) -> ConceptDraft:
    comments = _Comments(entry.comment)
    renderings = comments.renderings
    shown = entry.msgstr.strip()
    if shown not in [r.text for r in renderings]:  # a rendering a translator typed in
        renderings.append(Rendering(shown, Status.ADMITTED))
    type_name = comments.values.get("type", "")
    read = term_draft(entry.msgid.strip())  # a msgid in traditional characters: its simplified form
    term = TermDraft(
        read.zh,
        comments.values.get("pinyin", ""),
        comments.values.get("pinyin_written", ""),
        {**read.traditional, **comments.traditional},
        TermType(type_name) if type_name in TermType._value2member_map_ else None,
        tuple(comments.term_citations),
    )
    return ConceptDraft(
        entry.msgctxt or term.zh,
        entry.linenum,
        (term,),
        tuple(renderings),
        subject=comments.values.get("subject", ""),
        definition=comments.values.get("definition", ""),
        note=comments.values.get("concept note", ""),
    )


class _Comments:
    """The ``key: value`` lines of an entry's extracted comments; other lines continue the value before."""

    def __init__(self, text: str) -> None:
        self.values: dict[str, str] = {}
        self.traditional: dict[str, str] = {}
        self.term_citations: list[Citation] = []
        self.renderings: list[Rendering] = []
        for key, value in self._pairs(text):
            self._take(key, value)

    @staticmethod
    def _pairs(text: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for line in text.splitlines():
            match = _KEY_LINE.match(line)
            if match:
                pairs.append((match.group(1), match.group(2)))
            elif pairs:
                pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]}\n{line}")
        return pairs

    def _take(self, key: str, value: str) -> None:
        if key in Status._value2member_map_:
            self.renderings.append(Rendering(value, Status(key)))
        elif key == "source" and self.renderings:
            last = self.renderings[-1]
            self.renderings[-1] = evolve(last, citations=(*last.citations, Citation.parse(value)))
        elif key == "source":
            self.term_citations.append(Citation.parse(value))
        elif key.startswith("traditional."):
            self.traditional[key.removeprefix("traditional.")] = value
        elif key == "note" and self.renderings:
            self.renderings[-1] = evolve(self.renderings[-1], note=value)
        else:
            self.values.setdefault(key, value)


def _read_translated(path: str, catalogue: polib.POFile, tag: str, digest: str) -> Imported:
    """A software catalogue translated into Chinese: msgstr is the term, msgid its English rendering."""
    source = file_source(path)
    drafts = []
    skipped = []
    for entry in catalogue:
        reason = _not_a_term(entry, entry.msgstr)
        if reason:
            skipped.append(Problem(path, entry.linenum, f"{entry.msgid!r} not imported: {reason}"))
            continue
        citation = line_citation(source, entry.linenum)
        term = term_draft(entry.msgstr.strip(), tag=tag, citations=(citation,))
        rendering = Rendering(entry.msgid.strip(), Status.ADMITTED, (citation,))
        drafts.append(ConceptDraft(term.zh, entry.linenum, (term,), (rendering,)))
    return assemble(path, drafts, sources={source.id: source}, digest=digest, skipped=skipped)


def _not_a_term(entry: polib.POEntry, chinese_text: str) -> str:
    """Why an entry is not a glossary term, or "" when it is one."""
    checks = (
        (entry.obsolete, "obsolete entry"),
        (entry.fuzzy, "fuzzy translation"),
        (not entry.msgstr and not entry.msgstr_plural, "untranslated"),
        (bool(entry.msgid_plural), "a message with plural forms"),
        ("\n" in entry.msgid or "\n" in entry.msgstr, "a message of several lines"),
        (any(flag.endswith("-format") and not flag.startswith("no-") for flag in entry.flags), "a format string"),
        (bool(_PLACEHOLDER.search(entry.msgid)), "a message with placeholders"),
        (not chinese.has_han(chinese_text), "no Chinese characters"),
    )
    return next((reason for failed, reason in checks if failed), "")


# Translation units ----------------------------------------------------------------------------


def po_entry(unit: TMUnit, context: str | None = None) -> polib.POEntry:
    """The PO entry of a unit."""
    notes = [f"origin: {unit.origin}"] if unit.origin else []
    if unit.confidence != 1.0:
        notes.append(f"confidence: {unit.confidence!r}")
    if unit.created is not None:
        notes.append(f"created: {unit.created.isoformat()}")
    if unit.tuid:
        notes.append(f"tuid: {unit.tuid}")
    entry = polib.POEntry(msgid=unit.source, msgstr=unit.target, comment="\n".join(notes))
    if context is not None:
        entry.msgctxt = context
    return entry


def write_po_units(units: Iterable[TMUnit], path: str | Path) -> int:
    """Write units as a PO file; returns how many entries were written."""
    catalog = polib.POFile(wrapwidth=0)
    seen: set[tuple[str | None, str]] = set()
    language = ""
    for number, unit in enumerate(units, start=1):
        language = language or unit.target_lang
        context = None
        for candidate in (None, unit.tuid, unit.origin, str(number)):
            if (candidate is None or candidate) and (candidate, unit.source) not in seen:
                context = candidate
                break
        seen.add((context, unit.source))
        catalog.append(po_entry(unit, context))
    catalog.metadata = {
        "Project-Id-Version": "henan-terms translation memory",
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "henan-terms translation memory",
        "Language-Team": "henan-terms translation memory",
        "Language": language.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"henan-terms {__version__}",
    }
    catalog.save(str(path))
    return len(catalog)


def read_po_units(path: str | Path, skipped: list[Problem] | None = None, text: str | None = None) -> list[TMUnit]:
    """The translated entries of a PO file (or of ``text``, its content as an editor holds it) as
    Chinese → English units; untranslated, fuzzy and obsolete entries, and comments that cannot be
    read, go to ``skipped``.

    The Chinese side is ``msgstr`` when the header's ``Language`` is Chinese, ``msgid`` when it names
    another language, and, without a ``Language``, whichever side of each entry has Han characters.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes() if text is None else text.encode("utf-8")
    except OSError as error:
        raise FormatError(name, 0, f"cannot read: {error.strerror}") from None
    if (problem := control_problem(name, data)) is not None:
        raise FormatError(name, problem.line, problem.message)
    _check_strings(name, text if text is not None else data.decode(polib.detect_encoding(name), errors="replace"))
    try:
        catalog = polib.pofile(name if text is None else text, wrapwidth=0)
    except (OSError, ValueError) as error:
        found = _LINE_IN_ERROR.search(str(error))
        raise FormatError(name, int(found.group(1)) if found else 0, f"not a PO file: {error}") from None
    language = catalog.metadata.get("Language", "").strip().replace("_", "-")
    units = []
    for entry in catalog:
        if not entry.msgstr or entry.fuzzy or entry.obsolete:
            why = "obsolete" if entry.obsolete else "fuzzy" if entry.fuzzy else "untranslated"
            if skipped is not None:
                skipped.append(Problem(name, entry.linenum, f"{why} entry not imported"))
            continue
        unit = _po_unit(name, entry, language)
        if isinstance(unit, TMUnit):
            units.append(unit)
        elif skipped is not None:
            skipped.append(Problem(name, entry.linenum, unit))
    return units


def _po_unit(path: str, entry: polib.POEntry, language: str) -> TMUnit | str:
    """The unit of a translated entry, or why it cannot be read."""
    notes = dict(line.partition(": ")[::2] for line in entry.comment.splitlines() if ": " in line)
    if language:
        into_chinese = language.lower().startswith("zh")
    else:
        into_chinese = chinese.has_han(entry.msgstr) and not chinese.has_han(entry.msgid)
    other = language if language and not into_chinese else "en"
    try:
        confidence = float(notes.get("confidence", 1.0))
        created = datetime.fromisoformat(notes["created"]) if notes.get("created") else None
    except ValueError as error:
        return f"entry not imported: bad comment ({error})"
    if not 0.0 <= confidence <= 1.0:
        return f"entry not imported: confidence {confidence} is not between 0 and 1"
    return TMUnit(
        entry.msgstr if into_chinese else entry.msgid,
        entry.msgid if into_chinese else entry.msgstr,
        source_lang=language if into_chinese and language else "zh-CN",
        target_lang=other,
        origin=notes.get("origin", f"{Path(path).name}:{entry.linenum}"),
        created=created,
        confidence=confidence,
        tuid=notes.get("tuid", ""),
        properties=(("note", entry.tcomment),) if entry.tcomment else (),
        line=entry.linenum,
    )
