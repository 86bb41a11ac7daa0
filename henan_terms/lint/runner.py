"""Run checks over segment pairs: spot terms once per segment, then let every check read the result."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..errors import UsageError
from ..glossary import Glossary
from ..model import Finding, Severity
from ..version import __version__
from .checks import default_registry
from .context import LintContext, LintFinding, MemoryTerm, Segment, SegmentPair
from .registry import CheckRegistry

if TYPE_CHECKING:
    from ..tm.protocol import TranslationMemory

__all__ = [
    "LintReport",
    "Linter",
    "SegmentPair",
    "lint",
]


@frozen
class LintReport:
    """Findings of one run and its signature: library version, glossary name and hash, checks run."""

    findings: tuple[Finding, ...]
    checks: tuple[str, ...]
    glossary: str
    glossary_digest: str
    concepts: int
    segments: int
    version: str = __version__

    def fails(self, threshold: Severity) -> bool:
        """Whether any finding is at or above the threshold."""
        return any(f.severity.rank >= threshold.rank for f in self.findings)


class Linter:
    """Spots terms with one automaton per side, built once per glossary, and runs registered checks."""

    def __init__(
        self, glossary: Glossary, registry: CheckRegistry | None = None, memory: TranslationMemory | None = None
    ) -> None:
        self.glossary = glossary
        self.registry = registry or default_registry()
        self.memory = memory  # evidence for terms the glossary lacks (memory-inconsistency)
        self._source = glossary.index.source_spotter  # built once per glossary, and kept in its cache
        self._target = glossary.index.target_spotter

    def analyse(self, pair: SegmentPair) -> Segment:
        """Spot the glossary's terms in the source and their renderings in the translation."""
        sources = tuple(self._source.spot(pair.source))
        needs: dict[str, int] = {}
        for match in sources:
            needs[match.concept.id] = needs.get(match.concept.id, 0) + 1
        if not needs:
            return Segment(pair, sources, ())
        targets = tuple(self._target.spot(pair.target, needs))
        rendered = {match.concept.id for match in targets}
        unmet = [m for m in sources if m.concept.id not in rendered]
        if not unmet:
            return Segment(pair, sources, targets)
        fixed = {m.concept.id: m.concept for m in unmet if not m.concept.free_wording}  # free: no near misses
        near = tuple(self._target.near(pair.target, fixed.values()))
        compounds = tuple(self._source.compounds(pair.source, unmet))
        return Segment(pair, sources, targets, near, compounds)

    def lint(
        self,
        pairs: Iterable[SegmentPair],
        select: Collection[str] | None = None,
        ignore: Collection[str] = (),
        severities: Mapping[str, Severity] | None = None,
    ) -> LintReport:
        """Findings of the selected checks (default: all) over every segment pair, in file order."""
        unknown = [c for c in [*(select or ()), *ignore, *(severities or {})] if c not in self.registry]
        if unknown:
            known = ", ".join(check.id for check in self.registry)
            raise UsageError(f"unknown checks {unknown}; known checks: {known}")
        pairs = list(pairs)
        checks = [c for c in self.registry if (select is None or c.id in select) and c.id not in ignore]
        remembered: Mapping[str, MemoryTerm] = {}
        several = len({pair.path for pair in pairs}) > 1  # drafts that may render a term differently
        if any(c.id == "memory-inconsistency" for c in checks) and (self.memory is not None or several):
            from .memory import memory_terms, run_terms  # term extraction: only for the check that needs it

            remembered = (
                memory_terms(self.memory, pairs, self.glossary)
                if self.memory is not None
                else run_terms(pairs, self.glossary)
            )
        context = LintContext(self.glossary, tuple(self.analyse(pair) for pair in pairs), remembered)
        findings = [
            attrs.evolve(finding, check=check.id, severity=_severity(finding, check.severity, check.id, severities))
            for check in checks
            for finding in check.function(context)
            if not _suppressed(finding, check.id, context)
        ]
        findings.sort(key=lambda f: (f.path, f.line, f.column, f.check))
        return LintReport(
            findings=tuple(findings),
            checks=tuple(c.id for c in checks),
            glossary=self.glossary.name,
            glossary_digest=self.glossary.digest,
            concepts=len(self.glossary),
            segments=len(context.segments),
        )


def _severity(
    finding: Finding, default: Severity, check_id: str, configured: Mapping[str, Severity] | None
) -> Severity:
    if configured and check_id in configured:
        return configured[check_id]
    if isinstance(finding, LintFinding) and finding.own_severity:
        return finding.severity
    return default


def _suppressed(finding: Finding, check_id: str, context: LintContext) -> bool:
    """Whether an inline comment of the finding's segment ignores the check."""
    return any(
        (check_id in s.pair.ignore or "*" in s.pair.ignore)
        and s.pair.path == finding.path
        and s.pair.line == finding.line
        and s.pair.column <= finding.column <= s.pair.column + max(len(s.pair.target), 1)
        for s in context.suppressing
    )


def lint(pairs: Iterable[SegmentPair], glossary: Glossary, **options: object) -> LintReport:
    """Lint segment pairs against a glossary with the default checks; see ``Linter.lint`` for options."""
    return Linter(glossary).lint(pairs, **options)  # type: ignore[arg-type]
