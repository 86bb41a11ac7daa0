"""The built-in checks. Each reads the analysed segments and yields findings; ids are stable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chinese import HAN
from ..model import Finding, Occurrence, Rendering, Severity, Status
from ..numbers import chinese_numbers, english_numbers
from .context import LintContext, Segment
from .registry import CheckRegistry

_CJK_PUNCTUATION = "，。、《》：；！？（）【】「」『』"
_UNTRANSLATED = re.compile(
    rf"[“‘]?(?:{HAN.pattern}|[{_CJK_PUNCTUATION}])(?:{HAN.pattern}|[{_CJK_PUNCTUATION}“”‘’\s])*[”’]?"
)


def default_registry() -> CheckRegistry:
    """A new registry holding the built-in checks."""
    registry = CheckRegistry()
    registry.register("missing-rendering", Severity.WARNING)(missing_rendering)
    registry.register("deprecated-rendering", Severity.ERROR)(deprecated_rendering)
    registry.register("inconsistent-rendering", Severity.WARNING)(inconsistent_rendering)
    registry.register("untranslated-cjk", Severity.ERROR)(untranslated_cjk)
    registry.register("number-mismatch", Severity.WARNING)(number_mismatch)
    return registry


def _accepted(renderings: list[Rendering]) -> str:
    return ", ".join(repr(r.text) for r in renderings)


def missing_rendering(context: LintContext) -> Iterator[Finding]:
    """A glossary term of the source has no rendering.

    A term occurs in the source and no preferred or admitted rendering in the translation.
    Silent where a deprecated rendering stands instead (deprecated-rendering reports it) and where
    the Chinese term is left in the translation (untranslated-cjk reports it).
    """
    for segment in context.segments:
        for concept_id, (concept, _) in segment.concepts.items():
            if segment.used(concept_id) or _left_in_chinese(segment, concept_id):
                continue
            accepted = [r for r in concept.renderings if r.status is not Status.DEPRECATED]
            form = next(m.form for m in segment.sources if m.concept.id == concept_id)
            yield segment.finding(
                0,
                f"{form} ({concept.head.pinyin}) has no rendering in the translation; expected {_accepted(accepted)}",
                term=form,
                concept=concept_id,
                expected=accepted[0].text if accepted else "",
            )


def _left_in_chinese(segment: Segment, concept_id: str) -> bool:
    return any(m.form in segment.pair.target for m in segment.sources if m.concept.id == concept_id)


def deprecated_rendering(context: LintContext) -> Iterator[Finding]:
    """A deprecated rendering is used.

    The translation uses a deprecated rendering of a term of the source; the message names the
    preferred rendering, and ``--fix`` replaces it.
    """
    for segment in context.segments:
        for concept_id, (concept, _) in segment.concepts.items():
            for match in segment.used(concept_id):
                if match.rendering.status is not Status.DEPRECATED:
                    continue
                found = segment.pair.target[match.start : match.end]
                preferred = concept.preferred
                advice = f"; use {preferred.text!r}" if preferred else ""
                yield segment.finding(
                    match.start,
                    f"{found!r} is a deprecated rendering of {concept.zh}{advice}",
                    term=concept.zh,
                    concept=concept_id,
                    found=found,
                    expected=preferred.text if preferred else "",
                )


def inconsistent_rendering(context: LintContext) -> Iterator[Finding]:
    """One source term is rendered in different ways.

    Across all the drafts linted together, and inside one segment.
    """
    uses: dict[str, list[tuple[Segment, int, int, str]]] = {}
    for segment in context.segments:
        for concept_id in segment.concepts:
            for match in segment.used(concept_id):
                if match.rendering.status is not Status.DEPRECATED:
                    uses.setdefault(concept_id, []).append((segment, match.start, match.end, match.rendering.text))
    for concept_id, occurrences in uses.items():
        counts: dict[str, int] = {}
        for *_, rendering in occurrences:
            counts[rendering] = counts.get(rendering, 0) + 1
        if len(counts) < 2:
            continue
        concept = occurrences[0][0].concepts[concept_id][0]
        preferred = concept.preferred
        use = preferred.text if preferred else max(counts, key=lambda r: counts[r])
        reason = "preferred" if preferred else "most frequent"
        odd = next(o for o in occurrences if o[3] != use) if use in counts else occurrences[0]
        segment, start, end, _ = odd
        related = tuple(
            Occurrence(s.pair.target[b:e], s.pair.path, s.pair.line, s.pair.column + b) for s, b, e, _ in occurrences
        )
        ways = "; ".join(f"{r!r} ×{n}" for r, n in counts.items())
        yield segment.finding(
            start,
            f"{concept.zh} is rendered {len(counts)} ways: {ways}; use {use!r} ({reason})",
            term=concept.zh,
            concept=concept_id,
            found=segment.pair.target[start:end],
            expected=use,
            related=related,
        )


def untranslated_cjk(context: LintContext) -> Iterator[Finding]:
    """Chinese text or punctuation is left in the translation.

    Curly quotation marks count only around Chinese text: in English they are ordinary quotes.
    """
    for segment in context.segments:
        for match in _UNTRANSLATED.finditer(segment.pair.target):
            text = match.group().strip()
            yield segment.finding(match.start(), f"Chinese text left in the translation: {text!r}", found=text)


def number_mismatch(context: LintContext) -> Iterator[Finding]:
    """A number of the source is missing in the translation.

    Arabic or Chinese numerals, 万/亿 scaling, percentages. Numerals inside glossary terms (十四五,
    两区) are left to the term checks.
    """
    for segment in context.segments:
        terms = [(m.start, m.end) for m in segment.sources]
        values = english_numbers(segment.pair.target)
        reported: set[float] = set()
        for value, start, end in chinese_numbers(segment.pair.source, skip=terms):
            if value in values or value in reported:
                continue
            reported.add(value)
            shown = f"{value:,.0f}" if value == int(value) else f"{value:,}"
            source_text = segment.pair.source[start:end]
            spelled = source_text if source_text == shown else f"{source_text} ({shown})"
            yield segment.finding(
                0,
                f"the source's number {spelled} is not in the translation",
                term=source_text,
                expected=shown,
            )
