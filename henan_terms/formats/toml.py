"""The glossary in the project's own TOML format (docs/glossary-format.md), written for people to edit.

The writer is a generator of lines; values are formatted by tomli_w. What the loader would generate
anyway is left out: the GB/T 16159 written pinyin where it is the derived one, traditional forms where
they are OpenCC's, the term type where it is ``full-form``. Pinyin is always written, so that a newer
pypinyin cannot change the glossary.

Imported glossaries are made valid on the way out: an id that is not lowercase ASCII words joined by
hyphens (or is used twice) is replaced by one made from the preferred English rendering; a cited source
that is not declared is declared with its key as title; a term or rendering without a citation cites a
source standing for the glossary itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

import tomli_w

from .. import chinese
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, ScriptVariant, Source, TermType

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_SOURCE_FIELDS = ("kind", "title", "publisher", "date", "url", "file")
_SLUG_WORDS = 8


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
