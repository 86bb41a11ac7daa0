"""Linting files as the command line does: the configuration found (or given), the glossaries it
names (or those given), every draft read, the checks selected, one report."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from attrs import frozen

from ..errors import UsageError
from ..glossary import Glossary
from ..loader import load_glossary
from .config import LintConfig, find_config, load_config
from .inputs import Draft, read_draft
from .runner import Linter, LintReport

__all__ = [
    "LintRun",
    "lint_files",
]


@frozen
class LintRun:
    """A finished run: its report, the drafts it read, the configuration and glossary it used."""

    report: LintReport
    drafts: tuple[Draft, ...]
    config: LintConfig
    glossary: Glossary
    linter: Linter


def lint_files(
    drafts: Sequence[str | Path],
    *,
    source: str | Path | None = None,
    glossaries: Sequence[str | Path] = (),
    config: str | Path | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    start: Path | None = None,
    tm: str | Path | None = None,
) -> LintRun:
    """Lint draft files. Given options win over the configuration, which is ``config`` or the nearest
    configuration file from ``start`` (default: the current folder); ``source`` pairs one plain-text
    draft with its Chinese line by line (otherwise neighbouring paragraphs are paired when their content
    may translate each other); ``tm`` (or the configuration's) is a translation memory whose
    renderings of terms the glossary lacks are checked (memory-inconsistency)."""
    if not drafts:
        raise UsageError("give a draft file to lint (or, on the command line, --sample)")
    if source is not None and len(drafts) != 1:
        raise UsageError("a source file pairs with exactly one draft")
    found = Path(config) if config is not None else find_config(start or Path.cwd())
    settings = load_config(found) if found else LintConfig()
    glossary = load_glossary(*(glossaries or settings.glossaries))
    from ..tm.align import Aligner  # its anchors and length model tell a pair that cannot be one

    plausible = Aligner(glossary).plausible
    read = tuple(read_draft(draft, source, plausible) for draft in drafts)
    memory_url = tm or settings.tm
    with ExitStack() as stack:
        memory = None
        if memory_url:
            from ..tm.store import open_tm  # the stores and their index: only for a run with a memory

            memory = stack.enter_context(open_tm(memory_url, create=False))
        linter = Linter(glossary, memory=memory)
        report = linter.lint(
            [pair for draft in read for pair in draft.pairs],
            select=select or settings.select,
            ignore=ignore or settings.ignore,
            severities=settings.severities,
        )
    return LintRun(report, read, settings, glossary, linter)
