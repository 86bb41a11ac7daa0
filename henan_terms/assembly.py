"""Building valid concepts from what a reader found, the same way for every format: pinyin, written
pinyin and traditional forms generated where they are not curated, and the checks inside a concept
and across concepts. Problems are reported with the place they were read from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from attrs import frozen

from . import chinese, english
from .errors import GlossaryError, Problem
from .glossary import Glossary
from .model import ChineseTerm, Citation, Concept, Script, ScriptVariant, Source, Status, TermType

__all__ = [
    "ConceptPlaces",
    "GlossaryParts",
    "check_across",
    "check_concept",
    "import_term",
    "make_term",
    "problem_at",
    "status_of",
    "term_from",
]


@frozen
class ConceptPlaces:
    """A concept with the places (``path:line``) its parts were read from."""

    concept: Concept
    where: str  # "path:line" of the concept
    term_places: tuple[str, ...]
    rendering_places: tuple[str, ...]


def problem_at(where: str, message: str) -> Problem:
    path, _, line = where.rpartition(":")
    return Problem(path, int(line), message)


class GlossaryParts:
    """The concepts and sources of a glossary as its files are read, one file after another, and every
    problem met on the way (``problems``, which readers add to as well)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._drafts: list[ConceptPlaces] = []
        self._sources: dict[str, tuple[Source, str]] = {}

    def add(self, drafts: list[ConceptPlaces], sources: Mapping[str, tuple[Source, str]]) -> None:
        """The concepts and declared sources of one file; a source declared otherwise before is a problem."""
        self._drafts += drafts
        for key, (source, where) in sources.items():
            known = self._sources.setdefault(key, (source, where))
            if known[0] != source:
                self.problems.append(problem_at(where, f"source {key!r} differs from its declaration at {known[1]}"))

    def glossary(self, name: str, digest: str) -> Glossary:
        """The glossary, once the problems across concepts are checked; GlossaryError lists every problem."""
        problems = self.problems + check_across(self._drafts)
        if problems:
            raise GlossaryError(problems)
        return Glossary(
            name=name,
            concepts=tuple(d.concept for d in self._drafts),
            sources={key: source for key, (source, _) in self._sources.items()},
            digest=digest,
            files={d.concept.id: d.where.rpartition(":")[0] for d in self._drafts},
        )


def check_across(drafts: list[ConceptPlaces]) -> list[Problem]:
    """Problems between concepts, all of them: duplicate ids, one Chinese term in two concepts. Each
    names the place of the first occurrence (a file alone where the reader knows no line)."""
    problems = []
    ids: dict[str, str] = {}
    terms: dict[str, tuple[str, str]] = {}
    for draft in drafts:
        concept = draft.concept
        if concept.id in ids:
            first_at = ids[concept.id].removesuffix(":0")
            problems.append(problem_at(draft.where, f"duplicate concept id {concept.id!r}, first at {first_at}"))
        ids.setdefault(concept.id, draft.where)
        for term, where in zip(concept.terms, draft.term_places, strict=True):
            first = terms.setdefault(term.text, (concept.id, where))
            if first[0] != concept.id:
                first_at = first[1].removesuffix(":0")
                message = f"duplicate concept: {term.text} is already in concept {first[0]!r} at {first_at}"
                problems.append(problem_at(where, message))
    return problems


def check_concept(draft: ConceptPlaces) -> list[Problem]:
    """Problems inside one concept: renderings, statuses, repeated terms."""
    concept = draft.concept
    problems = []
    if not concept.renderings:
        problems.append(problem_at(draft.where, f"concept {concept.id!r} has no English rendering"))
    seen_terms: set[str] = set()
    for term, where in zip(concept.terms, draft.term_places, strict=True):
        if term.text in seen_terms:
            problems.append(problem_at(where, f"{term.text} is listed twice in concept {concept.id!r}"))
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
            problems.append(problem_at(where, message))
        statuses.setdefault(key, rendering.status)
        if rendering.status is Status.PREFERRED:
            preferred += 1
            if preferred == 2:
                problems.append(problem_at(where, f"concept {concept.id!r} has more than one preferred rendering"))
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
    term = term_from(
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


def import_term(
    zh: str,
    *,
    pinyin: str = "",
    pinyin_written: str = "",
    traditional: Mapping[str, str] | None = None,
    term_type: TermType = TermType.FULL_FORM,
    citations: tuple[Citation, ...] = (),
    simplify: bool = False,
) -> tuple[ChineseTerm | None, str]:
    """A term read by an importer, repaired the same way for every format, and what was done to it:
    pinyin that does not fit is replaced by generated pinyin; with ``simplify`` (formats whose Chinese
    term may be in either script), a traditional term is imported as its simplified form, keeping the
    traditional one; a term that no repair makes valid is left out. The message is "" for a term
    taken as it is."""
    errors: list[GlossaryError] = []
    for text, curated, written, forms, change in _attempts(zh, pinyin, pinyin_written, traditional or {}, simplify):
        try:
            term = make_term(
                text,
                pinyin=curated,
                pinyin_written=written,
                traditional=forms,
                term_type=term_type,
                citations=citations,
            )
        except GlossaryError as error:
            errors.append(error)
            continue
        return term, f"{_reasons(errors[0])}; {change}" if errors else ""
    return None, f"{_reasons(errors[0])}; the term is left out"


def _attempts(
    zh: str, pinyin: str, written: str, traditional: Mapping[str, str], simplify: bool
) -> Iterator[tuple[str, str, str, dict[str, str], str]]:
    """Ways to make a term valid, best first, each with what it changes."""
    yield zh, pinyin, written, _filled(traditional), ""
    if pinyin or written:
        yield zh, "", "", _filled(traditional), "generated pinyin is used instead"
    simplified = chinese.to_simplified(zh) if simplify else zh
    if simplified != zh:
        forms = dict(traditional)
        if chinese.detect_script(zh) is Script.TRADITIONAL:
            forms.setdefault("zh-Hant", zh)
        yield simplified, "", "", _filled(forms), f"imported as its simplified form {simplified}"


def _filled(traditional: Mapping[str, str]) -> dict[str, str]:
    """A zh-Hant form also serves zh-TW and zh-HK, unless the file gives their own."""
    filled = dict(traditional)
    if "zh-Hant" in filled:
        for tag in chinese.TRADITIONAL_CONFIGS:
            filled.setdefault(tag, filled["zh-Hant"])
    return filled


def _reasons(error: GlossaryError) -> str:
    return "; ".join(problem.message for problem in error.problems)


def term_from(
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
    given_pinyin = bool(pinyin)
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
        pinyin_generated=not given_pinyin,
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
        elif syllable != chinese.to_toneless(syllable) and syllable not in chinese.tone_readings(char):
            known = ", ".join(sorted(chinese.tone_readings(char)))
            report(f"{syllable!r} has the wrong tone for {char} in {zh} (known: {known})")
            fits = False
    return fits


def status_of(value: str, report: Callable[[str], None]) -> Status | None:
    if value in Status._value2member_map_:
        return Status(value)
    if value:
        report(f"bad status {value!r}; use preferred, admitted or deprecated")
    return None
