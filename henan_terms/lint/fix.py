"""Rewrite deprecated renderings to the preferred rendering in plain-text drafts."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from ..model import Finding


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """Deprecated renderings whose replacement is unambiguous: the concept has one preferred rendering."""
    return [f for f in findings if f.check == "deprecated-rendering" and f.expected and f.found]


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """The text with each fixable finding's span replaced, keeping an initial capital."""
    lines = text.split("\n")
    for finding in sorted(fixable(findings), key=lambda f: (f.line, f.column), reverse=True):
        line = lines[finding.line - 1]
        start = finding.column - 1
        if line[start : start + len(finding.found)] != finding.found:
            continue
        replacement = finding.expected
        if finding.found[:1].isupper() and replacement[:1].islower():
            replacement = replacement[:1].upper() + replacement[1:]
        lines[finding.line - 1] = line[:start] + replacement + line[start + len(finding.found) :]
    return "\n".join(lines)


def fix_file(path: str | Path, findings: Iterable[Finding]) -> str:
    """Rewrite a draft in place; return the unified diff (empty when nothing changed)."""
    path = Path(path)
    before = path.read_text(encoding="utf-8")
    after = apply_fixes(before, [f for f in findings if f.path == str(path)])
    if after != before:
        path.write_text(after, encoding="utf-8")
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(diff)
