"""What checks read: segment pairs, the terms spotted in them, and the run's context.

This module knows nothing of checks or of how they are registered and run, so checks, the registry
and the runner can all import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ..glossary import Glossary
from ..match import SourceMatch, TargetMatch
from ..model import Concept, Finding, Severity, TMUnit

__all__ = [
    "LintContext",
    "LintFinding",
    "MemoryTerm",
    "Segment",
    "SegmentPair",
    "Why",
]

if TYPE_CHECKING:
    from ..tm.align import Aligner


@frozen
class Why:
    """Why a finding fired: the source span, the renderings looked for and what the translation has."""

    source: str = ""  # the source text concerned (a term, a number)
    source_start: int = -1  # its offset in the source segment
    looked_for: tuple[str, ...] = ()  # the renderings or values looked for in the translation
    found: str = ""  # what was found instead, nearby (a phrase, a number, a sentence)
    note: str = ""  # anything else that decided the finding

    def record(self) -> dict[str, Any]:
        """The explanation as a JSON object (empty fields left out)."""
        record: dict[str, Any] = {}
        if self.source:
            record["source"] = self.source
            record["source_offset"] = self.source_start
        if self.looked_for:
            record["looked_for"] = list(self.looked_for)
        if self.found:
            record["found"] = self.found
        if self.note:
            record["note"] = self.note
        return record


@frozen
class LintFinding(Finding):
    """A finding of the linter, with why it fired."""

    why: Why = field(factory=Why)
    own_severity: bool = False  # the check chose the severity of this finding (else the check's default)


@frozen
class SegmentPair:
    """A Chinese source segment and its English translation, with where the translation stands.

    ``ignore``: checks suppressed for this segment by an inline comment ("*" for all).
    """

    source: str
    target: str
    path: str = "<draft>"
    line: int = 1  # line of the translation in its file
    column: int = 1  # column where the translation starts on that line
    ignore: frozenset[str] = frozenset()


@frozen
class Segment:
    """A segment pair with the glossary terms spotted on both sides.

    ``targets`` are the renderings standing for source terms (exact, coordinated, acronym or
    admitted-variant matches); ``near`` are phrases close to a rendering of a term that has none.
    """

    pair: SegmentPair
    sources: tuple[SourceMatch, ...]
    targets: tuple[TargetMatch, ...]
    near: tuple[TargetMatch, ...] = ()
    compounds: tuple[tuple[SourceMatch, str], ...] = ()  # terms inside a longer word of the source

    @cached_property
    def concepts(self) -> dict[str, tuple[Concept, int]]:
        """Concepts of the source, by id, with how often they occur."""
        found: dict[str, tuple[Concept, int]] = {}
        for match in self.sources:
            concept, count = found.get(match.concept.id, (match.concept, 0))
            found[concept.id] = (concept, count + 1)
        return found

    def used(self, concept_id: str) -> list[TargetMatch]:
        """The renderings standing for the concept's source occurrences (at most one each)."""
        return self._targets_by_concept.get(concept_id, [])

    def near_misses(self, concept_id: str) -> list[TargetMatch]:
        """Phrases of the translation close to a rendering of the concept."""
        return [m for m in self.near if m.concept.id == concept_id]

    def compound(self, concept_id: str) -> str:
        """The longer source word a term of the concept stands inside ("" when none)."""
        return next((word for m, word in self.compounds if m.concept.id == concept_id), "")

    @cached_property
    def _targets_by_concept(self) -> dict[str, list[TargetMatch]]:
        grouped: dict[str, list[TargetMatch]] = {}
        for match in self.targets:
            grouped.setdefault(match.concept.id, []).append(match)
        return grouped

    def finding(self, offset: int, message: str, why: Why | None = None, **fields: object) -> LintFinding:
        """A finding at a character offset of the translation; the runner fills in check and severity
        (a check may set ``severity`` itself when one check reports at two levels)."""
        severity = fields.pop("severity", None)
        return LintFinding(
            check="",
            severity=severity if isinstance(severity, Severity) else Severity.INFO,
            message=message,
            path=self.pair.path,
            line=self.pair.line,
            column=self.pair.column + offset,
            why=why or Why(),
            own_severity=isinstance(severity, Severity),
            **fields,  # type: ignore[arg-type]
        )


@frozen
class MemoryTerm:
    """A Chinese term the glossary lacks, the English a translation memory renders it with, how many
    units use that rendering out of how many hold the term, and one of them."""

    zh: str
    en: str
    units: int
    of: int
    example: TMUnit
    evidence: str = "units of the memory"  # or "segments of this run", without a memory


@frozen
class LintContext:
    """What every check reads: the glossary, the analysed segments of all drafts, and the terms a
    translation memory renders one way (empty without a memory)."""

    glossary: Glossary
    segments: tuple[Segment, ...]
    memory_terms: Mapping[str, MemoryTerm] = field(factory=dict)

    @cached_property
    def aligner(self) -> Aligner:
        """A sentence aligner with the run's glossary as anchors (built when a check first needs it)."""
        from ..tm.align import Aligner

        return Aligner(self.glossary)

    @cached_property
    def suppressing(self) -> tuple[Segment, ...]:
        """The segments with an inline comment that ignores checks."""
        return tuple(s for s in self.segments if s.pair.ignore)
