"""Load and validate glossaries: the curated TOML files and the plain CSV form.

Every problem of every file is collected and reported at once, each with its file and line.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from attrs import field, frozen

from . import chinese, english
from .errors import GlossaryError, Problem
from .lookup import Hit, TermIndex
from .model import (
    ChineseTerm,
    Citation,
    Concept,
    Rendering,
    Script,
    ScriptVariant,
    Source,
    Status,
    TermType,
)

BUNDLED_NAME = "henan"
CSV_REQUIRED = ("zh", "en", "status")
CSV_OPTIONAL = ("id", "note", "pinyin", "source", "type")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONCEPT_KEYS = {"id", "subject", "definition", "note", "form", "en"}
_TERM_KEYS = {"zh", "pinyin", "pinyin_written", "traditional", "type", "source"}
_RENDERING_KEYS = {"text", "status", "source", "note"}
_SOURCE_KEYS = {"kind", "title", "publisher", "date", "url", "file"}
_HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]")


@frozen(eq=False)
class Glossary:
    """A loaded, valid glossary: concepts, the sources they cite, and a lookup index."""

    name: str
    concepts: tuple[Concept, ...]
    sources: Mapping[str, Source] = field(factory=dict)
    digest: str = ""  # sha256 of the files it was loaded from

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError if there is none."""
        return self._by_id[concept_id]

    def lookup(self, query: str) -> list[Hit]:
        """Concepts matching a Chinese term (either script), pinyin (any style) or English rendering."""
        return self._index.lookup(query)

    def suggest(self, query: str, limit: int = 5) -> list[Hit]:
        """Near misses for a query that found nothing."""
        return self._index.suggest(query, limit)

    @cached_property
    def _by_id(self) -> dict[str, Concept]:
        return {concept.id: concept for concept in self.concepts}

    @cached_property
    def _index(self) -> TermIndex:
        return TermIndex(self.concepts)


def bundled_files() -> list[Path]:
    """The glossary files shipped with the library."""
    folder = Path(__file__).parent / "glossaries"
    if not folder.is_dir():  # running from a source checkout
        folder = Path(__file__).parent.parent / "glossaries"
    return sorted(folder.glob("*.toml"))


def load_glossary(*paths: str | Path) -> Glossary:
    """Load glossary files (TOML or CSV) into one glossary; the bundled one when none are given.

    Raises GlossaryError listing every problem of every file.
    """
    files = [Path(p) for p in paths] or bundled_files()
    name = BUNDLED_NAME if not paths else "+".join(f.stem for f in files)
    problems: list[Problem] = []
    drafts: list[_Draft] = []
    sources: dict[str, tuple[Source, str]] = {}
    digest = hashlib.sha256()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(Problem(str(path), 0, f"cannot read: {error.strerror}"))
            continue
        digest.update(data)
        reader = _read_csv if path.suffix.lower() == ".csv" else _read_toml
        file_drafts, file_sources = reader(str(path), data, problems)
        drafts += file_drafts
        for key, (source, where) in file_sources.items():
            known = sources.setdefault(key, (source, where))
            if known[0] != source:
                problems.append(_problem(where, f"source {key!r} differs from its declaration at {known[1]}"))
    problems += _check_across(drafts)
    if problems:
        raise GlossaryError(problems)
    return Glossary(
        name=name,
        concepts=tuple(d.concept for d in drafts),
        sources={key: source for key, (source, _) in sources.items()},
        digest=digest.hexdigest(),
    )


# Drafts: concepts with the places they were read from ------------------------------------------


@frozen
class _Draft:
    concept: Concept
    where: str  # "path:line" of the concept
    term_places: tuple[str, ...]
    rendering_places: tuple[str, ...]


def _problem(where: str, message: str) -> Problem:
    path, _, line = where.rpartition(":")
    return Problem(path, int(line), message)


def _check_across(drafts: list[_Draft]) -> list[Problem]:
    """Problems between concepts: duplicate ids, one Chinese term in two concepts."""
    problems = []
    ids: dict[str, str] = {}
    terms: dict[str, tuple[str, str]] = {}
    for draft in drafts:
        concept = draft.concept
        if concept.id in ids:
            problems.append(_problem(draft.where, f"duplicate concept id {concept.id!r}, first at {ids[concept.id]}"))
        ids.setdefault(concept.id, draft.where)
        for term, where in zip(concept.terms, draft.term_places, strict=True):
            first = terms.setdefault(term.text, (concept.id, where))
            if first[0] != concept.id:
                problems.append(
                    _problem(where, f"duplicate concept: {term.text} is already in concept {first[0]!r} at {first[1]}")
                )
    return problems


def _check_concept(draft: _Draft) -> list[Problem]:
    """Problems inside one concept: renderings, statuses, repeated terms."""
    concept = draft.concept
    problems = []
    if not concept.renderings:
        problems.append(_problem(draft.where, f"concept {concept.id!r} has no English rendering"))
    seen_terms: set[str] = set()
    for term, where in zip(concept.terms, draft.term_places, strict=True):
        if term.text in seen_terms:
            problems.append(_problem(where, f"{term.text} is listed twice in concept {concept.id!r}"))
        seen_terms.add(term.text)
    statuses: dict[str, Status] = {}
    preferred = 0
    for rendering, where in zip(concept.renderings, draft.rendering_places, strict=True):
        key = english.fold(rendering.text)
        if key in statuses:
            other = statuses[key]
            message = (
                f"rendering {rendering.text!r} is listed twice"
                if other is rendering.status
                else f"rendering {rendering.text!r} is both {other} and {rendering.status}"
            )
            problems.append(_problem(where, message))
        statuses.setdefault(key, rendering.status)
        if rendering.status is Status.PREFERRED:
            preferred += 1
            if preferred == 2:
                problems.append(_problem(where, f"concept {concept.id!r} has more than one preferred rendering"))
    return problems


# Chinese terms ------------------------------------------------------------------------------------


def make_term(
    zh: str,
    *,
    pinyin: str = "",
    pinyin_written: str = "",
    traditional: Mapping[str, str] | None = None,
    term_type: TermType = TermType.FULL_FORM,
    citations: tuple[Citation, ...] = (),
    where: str = "<term>",
) -> ChineseTerm:
    """A term with the pinyin, written form and traditional forms that are not given generated.

    Raises GlossaryError (naming ``where``) when the term or its pinyin is invalid.
    """
    problems: list[Problem] = []
    term = _make_term(
        zh,
        pinyin,
        pinyin_written,
        traditional or {},
        term_type,
        citations,
        lambda _key, message: problems.append(Problem(where, 0, message)),
    )
    if problems or term is None:
        raise GlossaryError(problems)
    return term


def _make_term(
    zh: str,
    pinyin: str,
    written: str,
    traditional: Mapping[str, str],
    term_type: TermType,
    citations: tuple[Citation, ...],
    report: Callable[[str, str], None],
) -> ChineseTerm | None:
    """Build a term, generating what is not curated; report problems as (key, message)."""
    if not chinese.has_han(zh):
        report("zh", f"{zh!r} has no Chinese characters")
        return None
    script = chinese.detect_script(zh)
    if script in (Script.TRADITIONAL, Script.MIXED):
        report("zh", f"{zh} is written in {script} characters; give the simplified form ({chinese.to_simplified(zh)})")
    try:
        pinyin = chinese.to_marks(pinyin) if pinyin else chinese.generate_pinyin(zh)
    except ValueError as error:
        report("pinyin", str(error))
        return None
    if not _pinyin_fits(zh, pinyin, lambda message: report("pinyin", message)):
        return None
    if written and chinese.pinyin_key(written) != chinese.pinyin_key(pinyin):
        report("pinyin_written", f"pinyin_written {written!r} does not spell the syllables of {pinyin!r}")
    generated = chinese.traditional_variants(zh)
    unknown_tags = set(traditional) - set(chinese.TRADITIONAL_CONFIGS)
    if unknown_tags:
        report("traditional", f"unknown language tags {sorted(unknown_tags)}; use {list(chinese.TRADITIONAL_CONFIGS)}")
    return ChineseTerm(
        text=zh,
        pinyin=pinyin,
        pinyin_written=written or chinese.written_pinyin(zh, pinyin),
        traditional=_merge_traditional(generated, traditional),
        type=term_type,
        citations=citations,
    )


def _merge_traditional(generated: tuple[ScriptVariant, ...], curated: Mapping[str, str]) -> tuple[ScriptVariant, ...]:
    """Curated forms replace OpenCC's for their tags; distinct forms keep all their tags."""
    by_tag = {tag: variant.text for variant in generated for tag in variant.tags} | dict(curated)
    forms: dict[str, list[str]] = {}
    for tag, form in by_tag.items():
        forms.setdefault(form, []).append(tag)
    return tuple(ScriptVariant(form, tuple(tags)) for form, tags in forms.items())


def _pinyin_fits(zh: str, pinyin: str, report: Callable[[str], None]) -> bool:
    chars = chinese.han_chars(zh)
    syllables = chinese.syllables(pinyin)
    if len(syllables) != len(chars):
        report(f"pinyin {pinyin!r} has {len(syllables)} syllables for the {len(chars)} characters of {zh}")
        return False
    fits = True
    for char, syllable in zip(chars, syllables, strict=True):
        if not chinese.is_syllable(syllable):
            report(f"{syllable!r} in the pinyin of {zh} is not a pinyin syllable")
            fits = False
        elif chinese.to_toneless(syllable) not in chinese.readings(char):
            known = ", ".join(sorted(chinese.readings(char)))
            report(f"{syllable!r} is not a reading of {char} in {zh} (known: {known})")
            fits = False
    return fits


# TOML ---------------------------------------------------------------------------------------------


class _TomlPlaces:
    """Line numbers of tables and keys in a TOML text (tomllib keeps none)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.headers = [
            (number, match.group(2).replace(" ", ""))
            for number, line in enumerate(self.lines, start=1)
            if (match := _HEADER.match(line))
        ]

    def tables(self, name: str, within: tuple[int, int] = (0, 1 << 30)) -> list[tuple[int, int]]:
        """Line spans (header, end) of the tables called ``name`` inside a span."""
        spans = []
        for index, (number, header) in enumerate(self.headers):
            if header == name and within[0] <= number < within[1]:
                end = self.headers[index + 1][0] if index + 1 < len(self.headers) else len(self.lines) + 1
                spans.append((number, end))
        return spans

    def concept_span(self, index: int) -> tuple[int, int]:
        """From one [[concept]] header to the next."""
        starts = [number for number, header in self.headers if header == "concept"]
        if index >= len(starts):
            return (0, 0)
        return (starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.lines) + 1)

    def key(self, span: tuple[int, int], key: str) -> str:
        """``path:line`` of ``key = …`` inside a table span, else of the table."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(span[0], min(span[1], len(self.lines) + 1)):
            if number and pattern.match(self.lines[number - 1]):
                return f"{self.path}:{number}"
        return f"{self.path}:{span[0]}"


def _read_toml(path: str, data: bytes, problems: list[Problem]) -> tuple[list[_Draft], dict[str, tuple[Source, str]]]:
    try:
        text = data.decode("utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError as error:
        problems.append(Problem(path, 0, f"not UTF-8: {error.reason} at byte {error.start}"))
        return [], {}
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        problems.append(Problem(path, int(found.group(1)) if found else 0, f"invalid TOML: {message}"))
        return [], {}
    places = _TomlPlaces(path, text)
    for key in set(document) - {"glossary", "sources", "concept"}:
        problems.append(Problem(path, 0, f"unknown top-level key {key!r}; expected glossary, sources, concept"))
    sources = _toml_sources(document.get("sources", {}), places, problems)
    raw_concepts = document.get("concept", [])
    if not isinstance(raw_concepts, list):
        problems.append(Problem(path, 0, "'concept' must be an array of tables: write [[concept]]"))
        return [], sources
    drafts = []
    for index, raw in enumerate(raw_concepts):
        draft = _TomlConcept(raw, places, places.concept_span(index), sources, problems).read()
        if draft is not None:
            problems.extend(_check_concept(draft))
            drafts.append(draft)
    return drafts, sources


def _toml_sources(raw: Any, places: _TomlPlaces, problems: list[Problem]) -> dict[str, tuple[Source, str]]:
    sources = {}
    for key, fields in raw.items() if isinstance(raw, dict) else ():
        spans = places.tables(f"sources.{key}")
        where = f"{places.path}:{spans[0][0] if spans else 0}"
        if not isinstance(fields, dict):
            problems.append(_problem(where, f"source {key!r} must be a table"))
            continue
        for unknown in set(fields) - _SOURCE_KEYS:
            problems.append(_problem(where, f"unknown key {unknown!r} in source {key!r}"))
        if not fields.get("title"):
            problems.append(_problem(where, f"source {key!r} has no title"))
        if fields.get("kind", "publication") not in ("seed", "publication"):
            problems.append(_problem(where, f"source {key!r}: kind must be 'seed' or 'publication'"))
        values = {k: str(v) for k, v in fields.items() if k in _SOURCE_KEYS}
        sources[key] = (Source(id=key, **values), where)
    return sources


class _TomlConcept:
    """Reads one [[concept]] table, reporting problems with their lines."""

    def __init__(
        self,
        raw: Any,
        places: _TomlPlaces,
        span: tuple[int, int],
        sources: Mapping[str, object],
        problems: list[Problem],
    ) -> None:
        self.raw = raw if isinstance(raw, dict) else {}
        self.places = places
        self.span = span
        self.sources = sources
        self.problems = problems
        self.where = f"{places.path}:{span[0]}"

    def report(self, span: tuple[int, int], key: str, message: str) -> None:
        self.problems.append(_problem(self.places.key(span, key), message))

    def read(self) -> _Draft | None:
        raw, span = self.raw, self.span
        for unknown in sorted(set(raw) - _CONCEPT_KEYS - _TERM_KEYS):
            self.report(span, unknown, f"unknown key {unknown!r} in concept")
        concept_id = self.text(span, raw, "id", required=True)
        if concept_id and not _ID.match(concept_id):
            self.report(span, "id", f"id {concept_id!r} must be lowercase ASCII words joined by hyphens")
        label = concept_id or "?"
        terms = [(self.term(span, raw, label, head=True), self.places.key(span, "zh"))]
        for form_span, form in self.subtables("concept.form", "form"):
            for unknown in sorted(set(form) - _TERM_KEYS):
                self.report(form_span, unknown, f"unknown key {unknown!r} in form of {label!r}")
            terms.append((self.term(form_span, form, label, head=False), self.where_of(form_span)))
        renderings = [
            (self.rendering(r_span, r, label), self.where_of(r_span))
            for r_span, r in self.subtables("concept.en", "en")
        ]
        if any(t is None for t, _ in terms) or any(r is None for r, _ in renderings) or not concept_id:
            return None
        concept = Concept(
            id=concept_id,
            terms=tuple(t for t, _ in terms if t is not None),
            renderings=tuple(r for r, _ in renderings if r is not None),
            subject=self.text(span, raw, "subject"),
            definition=self.text(span, raw, "definition"),
            note=self.text(span, raw, "note"),
        )
        return _Draft(concept, self.where, tuple(w for _, w in terms), tuple(w for _, w in renderings))

    def where_of(self, span: tuple[int, int]) -> str:
        return f"{self.places.path}:{span[0]}"

    def subtables(self, name: str, key: str) -> list[tuple[tuple[int, int], dict[str, Any]]]:
        values = self.raw.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
            self.report(self.span, key, f"{key!r} must be an array of tables: write [[{name}]]")
            return []
        spans = self.places.tables(name, self.span)
        spans += [self.span] * (len(values) - len(spans))  # inline tables: the concept's line
        return list(zip(spans, values, strict=False))

    def text(self, span: tuple[int, int], raw: dict[str, Any], key: str, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.report(span, key, f"{key!r} must be a string")
            return ""
        if required and not value.strip():
            self.report(span, key, f"missing {key!r}")
        return value.strip()

    def citations(self, span: tuple[int, int], raw: dict[str, Any], what: str) -> tuple[Citation, ...] | None:
        value = raw.get("source", [])
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.report(span, "source", "'source' must be a string or a list of strings")
            return None
        if not values:
            self.report(span, "source", f"missing citation: {what} has no 'source'")
            return None
        citations = tuple(Citation.parse(v) for v in values)
        undeclared = [str(c) for c in citations if c.source not in self.sources]
        if undeclared:
            self.report(span, "source", f"{what} cites undeclared sources {undeclared}: declare them under [sources]")
            return None
        return citations

    def term(self, span: tuple[int, int], raw: dict[str, Any], label: str, head: bool) -> ChineseTerm | None:
        zh = self.text(span, raw, "zh", required=True)
        pinyin = self.text(span, raw, "pinyin")
        written = self.text(span, raw, "pinyin_written")
        traditional = raw.get("traditional", {})
        if not isinstance(traditional, dict) or not all(isinstance(v, str) for v in traditional.values()):
            self.report(span, "traditional", "'traditional' must be a table of language tag = form")
            traditional = {}
        type_name = self.text(span, raw, "type") or TermType.FULL_FORM.value
        if type_name not in TermType._value2member_map_:
            self.report(span, "type", f"bad type {type_name!r}; use one of {[t.value for t in TermType]}")
            return None
        citations = self.citations(span, raw, f"term {zh or '?'} of concept {label!r}")
        if not zh or citations is None:
            return None
        return _make_term(
            zh,
            pinyin,
            written,
            traditional,
            TermType(type_name),
            citations,
            lambda key, message: self.report(span, key, message),
        )

    def rendering(self, span: tuple[int, int], raw: dict[str, Any], label: str) -> Rendering | None:
        for unknown in sorted(set(raw) - _RENDERING_KEYS):
            self.report(span, unknown, f"unknown key {unknown!r} in rendering of {label!r}")
        text = self.text(span, raw, "text", required=True)
        status = _status(self.text(span, raw, "status", required=True), lambda m: self.report(span, "status", m))
        citations = self.citations(span, raw, f"rendering {text!r} of {label!r}")
        if not text or status is None or citations is None:
            return None
        return Rendering(text, status, citations, self.text(span, raw, "note"))


def _status(value: str, report: Callable[[str], None]) -> Status | None:
    if value in Status._value2member_map_:
        return Status(value)
    if value:
        report(f"bad status {value!r}; use preferred, admitted or deprecated")
    return None


# CSV ----------------------------------------------------------------------------------------------


def _read_csv(path: str, data: bytes, problems: list[Problem]) -> tuple[list[_Draft], dict[str, tuple[Source, str]]]:
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
            problems.extend(_check_concept(draft))
            drafts.append(draft)
    return drafts, {}


def _csv_concept(
    path: str,
    concept_id: str,
    rows: list[tuple[int, dict[str, str]]],
    cites: bool,
    problems: list[Problem],
) -> _Draft | None:
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
            term = _make_term(
                row["zh"],
                row.get("pinyin", ""),
                "",
                {},
                TermType(type_name),
                citations,
                lambda _key, message: report(message),
            )
            terms.append((term, f"{path}:{line}"))
        status = _status(row["status"], report)
        rendering = Rendering(row["en"], status, citations, row.get("note", "")) if status else None
        renderings.append((rendering, f"{path}:{line}"))
    if not terms or any(t is None for t, _ in terms) or any(r is None for r, _ in renderings):
        return None
    concept = Concept(
        id=concept_id,
        terms=tuple(t for t, _ in terms if t is not None),
        renderings=tuple(r for r, _ in renderings if r is not None),
    )
    return _Draft(concept, f"{path}:{rows[0][0]}", tuple(w for _, w in terms), tuple(w for _, w in renderings))
