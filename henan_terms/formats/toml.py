"""The glossary in the project's own TOML format (docs/glossary-format.md), written for people to edit,
and read strictly: the loader reports every problem with its line.

The writer is a generator of lines; values are formatted by tomli_w. What the loader would generate
anyway is left out: the GB/T 16159 written pinyin where it is the derived one, traditional forms where
they are OpenCC's, the term type where it is ``full-form``. Curated pinyin is always written, so that a
newer pypinyin cannot change the glossary; pinyin that was generated (an import without pinyin) is
written as a comment to check, so that a guess never becomes curated data.

Imported glossaries are made valid on the way out: an id that is not lowercase ASCII words joined by
hyphens (or is used twice) is replaced by one made from the preferred English rendering; a cited source
that is not declared is declared with its key as title; a term or rendering without a citation cites a
source standing for the glossary itself.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

import tomli_w

from .. import chinese
from ..assembly import ConceptPlaces, check_concept, problem_at, status_of, term_from
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, ScriptVariant, Source, TermType
from .text import decode

__all__ = [
    "ID_PATTERN",
    "concept_ids",
    "curated_traditional",
    "curated_written",
    "read_toml_glossary",
    "slug",
    "toml_lines",
    "write_toml",
]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_SOURCE_FIELDS = ("kind", "title", "publisher", "date", "url", "file")
_SLUG_WORDS = 8
_CONCEPT_KEYS = {"id", "subject", "definition", "note", "form", "en"}
_TERM_KEYS = {"zh", "pinyin", "pinyin_written", "traditional", "type", "source"}
_RENDERING_KEYS = {"text", "status", "source", "note"}
_HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]")


def write_toml(glossary: Glossary, stream: TextIO, *, title: str = "", source: Source | None = None) -> None:
    """Write a glossary as one TOML glossary file that ``load_glossary`` reads back unchanged.

    ``source`` is cited by every term and rendering without a citation (by default a source named after
    the glossary).
    """
    for line in toml_lines(glossary, title=title, source=source):
        stream.write(line + "\n")


def toml_lines(glossary: Glossary, *, title: str = "", source: Source | None = None) -> Iterator[str]:
    """The lines of the TOML glossary file, without line ends."""
    fallback = source or _glossary_source(glossary)
    sources = _sources_to_declare(glossary, fallback)
    yield "[glossary]"
    yield _pair("title", title or glossary.name)
    for declared in sources.values():
        yield ""
        yield from _source_lines(declared)
    for concept, concept_id in zip(glossary.concepts, concept_ids(glossary.concepts), strict=True):
        yield ""
        yield from _concept_lines(concept, concept_id, fallback)


def slug(text: str, max_words: int = _SLUG_WORDS) -> str:
    """Lowercase ASCII words of a text joined by hyphens: ``Chain (leader)`` → ``chain-leader``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:max_words])


def concept_ids(concepts: Sequence[Concept]) -> list[str]:
    """An id per concept that the TOML format accepts: its own where valid and unique, else one made from
    its preferred (else first) English rendering, numbered where it is taken."""
    used = {c.id for c in concepts if ID_PATTERN.match(c.id)}  # valid ids are never given to another concept
    taken: set[str] = set()
    ids = []
    for concept in concepts:
        if ID_PATTERN.match(concept.id) and concept.id not in taken:
            new_id = concept.id
        else:
            new_id = _free_id(slug((concept.preferred or concept.renderings[0]).text) or "concept", used)
        taken.add(new_id)
        used.add(new_id)
        ids.append(new_id)
    return ids


def _free_id(base: str, used: set[str]) -> str:
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


# Sources ------------------------------------------------------------------------------------------


def _glossary_source(glossary: Glossary) -> Source:
    key = slug(glossary.name) or "glossary"
    while key in glossary.sources:
        key += "-import"
    return Source(id=key, title=f"Glossary {glossary.name}, imported without citations")


def _sources_to_declare(glossary: Glossary, fallback: Source) -> dict[str, Source]:
    """Declared sources, then every cited but undeclared one (titled with its key), then the fallback if used."""
    sources = dict(glossary.sources)
    uncited = False
    for concept in glossary:
        parts: list[ChineseTerm | Rendering] = [*concept.terms, *concept.renderings]
        for part in parts:
            uncited = uncited or not part.citations
            for citation in part.citations:
                key = _citation(citation).source
                sources.setdefault(key, Source(id=key, title=key))
    if uncited:
        sources.setdefault(fallback.id, fallback)
    return sources


def _source_lines(source: Source) -> Iterator[str]:
    yield f"[sources.{_key(source.id)}]"
    for name in _SOURCE_FIELDS:
        value = getattr(source, name)
        if value:
            yield _pair(name, value)


def _citation(citation: Citation) -> Citation:
    """The citation as the TOML loader will read it (free-text citations may hold a ``#``)."""
    return Citation.parse(str(citation))


# Concepts -----------------------------------------------------------------------------------------


def _concept_lines(concept: Concept, concept_id: str, fallback: Source) -> Iterator[str]:
    yield "[[concept]]"
    yield _pair("id", concept_id)
    yield from _term_lines(concept.head, fallback)
    for name in ("subject", "definition", "note"):
        if getattr(concept, name):
            yield _pair(name, getattr(concept, name))
    for term in concept.terms[1:]:
        yield ""
        yield "[[concept.form]]"
        yield from _term_lines(term, fallback)
    for rendering in concept.renderings:
        yield ""
        yield from _rendering_lines(rendering, fallback)


def _term_lines(term: ChineseTerm, fallback: Source) -> Iterator[str]:
    yield _pair("zh", term.text)
    if term.pinyin_generated:  # a guess stays a guess: the loader generates it again
        yield f"# pinyin generated, to check: {term.pinyin}"
    else:
        yield _pair("pinyin", term.pinyin)
    if curated_written(term):
        yield _pair("pinyin_written", term.pinyin_written)
    for tag, form in curated_traditional(term).items():
        yield f"traditional.{tag} = {_value(form)}"
    if term.type is not TermType.FULL_FORM:
        yield _pair("type", term.type.value)
    yield _sources_pair(term.citations, fallback)


def _rendering_lines(rendering: Rendering, fallback: Source) -> Iterator[str]:
    yield "[[concept.en]]"
    yield _pair("text", rendering.text)
    yield _pair("status", rendering.status.value)
    yield _sources_pair(rendering.citations, fallback)
    if rendering.note:
        yield _pair("note", rendering.note)


def curated_written(term: ChineseTerm) -> str:
    """The term's GB/T 16159 written pinyin where it is not the derived one, else ""."""
    return "" if term.pinyin_written == chinese.written_pinyin(term.text, term.pinyin) else term.pinyin_written


def curated_traditional(term: ChineseTerm) -> dict[str, str]:
    """Traditional forms that differ from what OpenCC generates, by language tag."""
    generated = _by_tag(chinese.traditional_variants(term.text))
    return {tag: form for tag, form in _by_tag(term.traditional).items() if generated.get(tag) != form}


def _by_tag(variants: Iterable[ScriptVariant]) -> dict[str, str]:
    return {tag: variant.text for variant in variants for tag in variant.tags}


# Values -------------------------------------------------------------------------------------------


def _sources_pair(citations: tuple[Citation, ...], fallback: Source) -> str:
    texts = [str(_citation(c)) for c in citations] or [fallback.id]
    if len(texts) == 1:
        return _pair("source", texts[0])
    return f"source = [{', '.join(_value(text) for text in texts)}]"


def _pair(key: str, value: str) -> str:
    return f"{key} = {_value(value)}"


def _value(text: str) -> str:
    """A TOML basic string, escaped by tomli_w."""
    return tomli_w.dumps({"v": text}).removeprefix("v = ").rstrip("\n")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _value(key)


# Reading ------------------------------------------------------------------------------------------


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


def read_toml_glossary(
    path: str, data: bytes, problems: list[Problem]
) -> tuple[list[ConceptPlaces], dict[str, tuple[Source, str]]]:
    """The concepts of a glossary TOML file with their places, and its sources; problems go to ``problems``."""
    try:
        text = decode(path, data)
        document = tomllib.loads(text)
    except FormatError as error:
        problems.append(error.problem)
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
            problems.extend(check_concept(draft))
            drafts.append(draft)
    return drafts, sources


_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|undated")


def _toml_sources(raw: Any, places: _TomlPlaces, problems: list[Problem]) -> dict[str, tuple[Source, str]]:
    sources = {}
    for key, fields in raw.items() if isinstance(raw, dict) else ():
        spans = places.tables(f"sources.{key}")
        where = f"{places.path}:{spans[0][0] if spans else 0}"
        if not isinstance(fields, dict):
            problems.append(problem_at(where, f"source {key!r} must be a table"))
            continue
        for unknown in set(fields) - set(_SOURCE_FIELDS):
            problems.append(problem_at(where, f"unknown key {unknown!r} in source {key!r}"))
        if not fields.get("title"):
            problems.append(problem_at(where, f"source {key!r} has no title"))
        if fields.get("kind", "publication") not in ("seed", "publication"):
            problems.append(problem_at(where, f"source {key!r}: kind must be 'seed' or 'publication'"))
        values = {k: str(v) for k, v in fields.items() if k in _SOURCE_FIELDS}
        if values.get("date") and not _DATE.fullmatch(values["date"]):
            problems.append(
                problem_at(
                    where,
                    f"source {key!r}: date {values['date']!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY or undated)",
                )
            )
        if values.get("url") and not values["url"].startswith(("https://", "http://")):
            problems.append(problem_at(where, f"source {key!r}: url {values['url']!r} is not a web address"))
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
        self.problems.append(problem_at(self.places.key(span, key), message))

    def read(self) -> ConceptPlaces | None:
        raw, span = self.raw, self.span
        for unknown in sorted(set(raw) - _CONCEPT_KEYS - _TERM_KEYS):
            self.report(span, unknown, f"unknown key {unknown!r} in concept")
        concept_id = self.text(span, raw, "id", required=True)
        if concept_id and not ID_PATTERN.match(concept_id):
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
        return ConceptPlaces(concept, self.where, tuple(w for _, w in terms), tuple(w for _, w in renderings))

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
        return term_from(
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
        status = status_of(self.text(span, raw, "status", required=True), lambda m: self.report(span, "status", m))
        citations = self.citations(span, raw, f"rendering {text!r} of {label!r}")
        if not text or status is None or citations is None:
            return None
        return Rendering(text, status, citations, self.text(span, raw, "note"))
