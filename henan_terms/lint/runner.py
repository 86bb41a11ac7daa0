"""Run checks over segment pairs: spot terms once per segment, then let every check read the result."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import cached_property

import attrs
from attrs import frozen

from ..errors import HenanTermsError
from ..glossary import Glossary
from ..match import SourceMatch, SourceSpotter, TargetMatch, TargetSpotter
from ..model import Concept, Finding, Severity
from ..version import __version__
from .registry import CheckRegistry


@frozen
class SegmentPair:
    """A Chinese source segment and its English translation, with where the translation stands."""

    source: str
    target: str
    path: str = "<draft>"
    line: int = 1  # line of the translation in its file
    column: int = 1  # column where the translation starts on that line


@frozen
class Segment:
    """A segment pair with the glossary terms spotted on both sides."""

    pair: SegmentPair
    sources: tuple[SourceMatch, ...]
    targets: tuple[TargetMatch, ...]

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

    @cached_property
    def _targets_by_concept(self) -> dict[str, list[TargetMatch]]:
        grouped: dict[str, list[TargetMatch]] = {}
        for match in self.targets:
            grouped.setdefault(match.concept.id, []).append(match)
        return grouped

    def finding(self, offset: int, message: str, **fields: object) -> Finding:
        """A finding at a character offset of the translation; the runner fills in check and severity."""
        return Finding(
            check="",
            severity=Severity.INFO,
            message=message,
            path=self.pair.path,
            line=self.pair.line,
            column=self.pair.column + offset,
            **fields,  # type: ignore[arg-type]
        )


@frozen
class LintContext:
    """What every check reads: the glossary and the analysed segments of all drafts."""

    glossary: Glossary
    segments: tuple[Segment, ...]


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

    def __init__(self, glossary: Glossary, registry: CheckRegistry | None = None) -> None:
        from .checks import default_registry

        self.glossary = glossary
        self.registry = registry or default_registry()
        self._source = SourceSpotter(glossary)
        self._target = TargetSpotter(glossary)

    def analyse(self, pair: SegmentPair) -> Segment:
        """Spot the glossary's terms in the source and their renderings in the translation."""
        sources = tuple(self._source.spot(pair.source))
        needs: dict[str, int] = {}
        for match in sources:
            needs[match.concept.id] = needs.get(match.concept.id, 0) + 1
        targets = tuple(self._target.spot(pair.target, needs)) if needs else ()
        return Segment(pair, sources, targets)

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
            raise HenanTermsError(f"unknown checks {unknown}; known checks: {known}")
        context = LintContext(self.glossary, tuple(self.analyse(pair) for pair in pairs))
        checks = [c for c in self.registry if (select is None or c.id in select) and c.id not in ignore]
        findings = [
            attrs.evolve(finding, check=check.id, severity=(severities or {}).get(check.id, check.severity))
            for check in checks
            for finding in check.function(context)
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


def lint(pairs: Iterable[SegmentPair], glossary: Glossary, **options: object) -> LintReport:
    """Lint segment pairs against a glossary with the default checks; see ``Linter.lint`` for options."""
    return Linter(glossary).lint(pairs, **options)  # type: ignore[arg-type]
