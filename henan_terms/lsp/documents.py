"""Lint a document as the editor holds it, and place each finding on the text it concerns.

The linter's readers read the editor's text (``read_draft(text=...)``), so a PO, XLIFF, bilingual or
paired draft is read exactly as ``henan-terms lint`` reads its file. The configuration is found from the
document's folder, as the command line finds it from the current one; the glossary and the linter of a
configuration are built once per server run, again only when a glossary file changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from functools import cached_property
from pathlib import Path

from attrs import frozen

from ..glossary import Glossary
from ..lint import LintConfig, Linter, find_config, load_config, read_draft
from ..lint.fix import fixable, replacement
from ..loader import load_glossary
from ..match import SourceSpotter, TargetSpotter
from ..model import Finding, Occurrence
from ..tm.store import open_tm

__all__ = [
    "Mark",
    "Project",
    "Projects",
    "Span",
    "place",
]


@frozen
class Span:
    """Where a text stands in a document: 0-based line, start and end in code points."""

    line: int
    start: int
    end: int


@frozen
class Mark:
    """A finding placed in the document, with the text that fixes it (for a fixable finding)."""

    finding: Finding
    span: Span
    fix: str | None = None
    related: tuple[tuple[Occurrence, Span], ...] = ()


class Project:
    """What one set of glossary files lints and describes with: the glossary, the linter (and the
    translation memory the configuration names), and the spotters hover reads."""

    def __init__(self, config: LintConfig, stack: ExitStack) -> None:
        self.glossary: Glossary = load_glossary(*config.glossaries)
        memory = stack.enter_context(open_tm(config.tm, create=False)) if config.tm else None
        self.linter = Linter(self.glossary, memory=memory)

    @cached_property
    def source_spotter(self) -> SourceSpotter:
        return SourceSpotter(self.glossary)

    @cached_property
    def target_spotter(self) -> TargetSpotter:
        return TargetSpotter(self.glossary)


class Projects:
    """The projects of one server run, by configuration; ``close`` closes their memories."""

    def __init__(self) -> None:
        self._built: dict[tuple[object, ...], Project] = {}
        self._stack = ExitStack()

    def config(self, document: Path) -> LintConfig:
        """The configuration of a document: the nearest configuration file from its folder, read afresh."""
        found = find_config(document.parent)
        return load_config(found) if found else LintConfig()

    def project(self, config: LintConfig) -> Project:
        """The project of a configuration, built the first time and whenever a glossary file changed."""
        key = (tuple((path, _stamp(path)) for path in config.glossaries), config.tm)
        if key not in self._built:
            self._built[key] = Project(config, self._stack)
        return self._built[key]

    def lint(self, document: Path, text: str, opened: Callable[[Path], str | None]) -> list[Mark]:
        """The findings of a document's text, placed in it. A draft whose name pairs it with a source
        (``draft.en.md`` with ``draft.zh.md``) is read with that source: ``opened`` gives the text of a
        file the editor holds, else it is read from disk. Raises what the linter raises."""
        config = self.config(document)
        source = config.source_of(document)
        source_text = opened(source) if source is not None else None
        if source is not None and source_text is None and not source.is_file():
            source = None  # no source beside it: the draft is read as a bilingual document
        draft = read_draft(document, source, text=text, source_text=source_text)
        report = self.project(config).linter.lint(
            draft.pairs, select=config.select, ignore=config.ignore, severities=config.severities
        )
        return place(text, report.findings, [pair.line for pair in draft.pairs])

    def close(self) -> None:
        self._stack.close()


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


def place(text: str, findings: Sequence[Finding], segment_lines: Sequence[int]) -> list[Mark]:
    """Each finding on the text it names. A finding is on its line at its column when the text is
    there (bilingual and paired drafts); else, as in PO and XLIFF where the line is the entry's, on
    the n-th occurrence of the text from that line up to the next segment's (n counting the findings
    of the same text there, by column); else on its whole line. Only a finding placed on its text
    carries a fix."""
    lines = text.splitlines() or [""]
    starts = sorted(set(segment_lines))
    seen: dict[tuple[int, str], int] = {}
    marks = []
    for finding in sorted(findings, key=lambda f: (f.line, f.column)):
        nth = seen.get((finding.line, finding.found), 0)
        seen[(finding.line, finding.found)] = nth + 1
        span, exact = _span(lines, starts, finding.line, finding.column, finding.found, nth)
        fix = replacement(finding.found, finding.expected) if exact and fixable([finding]) else None
        related = tuple(
            (o, _span(lines, starts, o.line, o.column, o.text, 0)[0]) for o in finding.related if o.path == finding.path
        )
        marks.append(Mark(finding, span, fix, related))
    return marks


def _span(lines: list[str], starts: list[int], line: int, column: int, found: str, nth: int) -> tuple[Span, bool]:
    """Where a text of a finding stands, and whether it was found (not just its line)."""
    index = min(max(line - 1, 0), len(lines) - 1)
    if found:
        if lines[index][column - 1 : column - 1 + len(found)] == found:
            return Span(index, column - 1, column - 1 + len(found)), True
        end = next((s - 1 for s in starts if s > line), len(lines))
        occurrences = [
            (number, start)
            for number in range(index, max(end, index + 1))
            for start in _occurrences(lines[number], found)
        ]
        if occurrences:
            number, start = occurrences[min(nth, len(occurrences) - 1)]
            return Span(number, start, start + len(found)), True
    content = lines[index]
    start = len(content) - len(content.lstrip())
    return Span(index, start, len(content.rstrip())), False


def _occurrences(line: str, text: str) -> list[int]:
    found, start = [], line.find(text)
    while start >= 0:
        found.append(start)
        start = line.find(text, start + len(text))
    return found
