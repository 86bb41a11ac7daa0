"""Rewrite deprecated renderings to the preferred rendering, and near misses to the rendering they
come close to (variant-rendering), in plain-text drafts."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from .. import english
from ..model import Finding

__all__ = [
    "FIXABLE",
    "apply_fixes",
    "fix_file",
    "fixable",
    "replacement",
]

FIXABLE = ("deprecated-rendering", "variant-rendering")


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """Deprecated renderings and near misses whose replacement is unambiguous: one rendering to use."""
    return [f for f in findings if f.check in FIXABLE and f.expected and f.found]


def replacement(found: str, expected: str) -> str:
    """The rendering to use, with the initial capital and the plural of the text it replaces."""
    from lemminflect import getInflection

    result = expected
    found_words, expected_words = found.split(), result.split()
    if found_words and expected_words:
        last, wanted = found_words[-1].lower(), expected_words[-1]
        if last.endswith("s") and english.base_form(last) != last and wanted.islower() and not wanted.endswith("s"):
            plural = getInflection(wanted.lower(), tag="NNS")
            if plural and english.base_form(plural[0]) == english.base_form(wanted.lower()):
                result = " ".join([*expected_words[:-1], plural[0]])
    if found[:1].isupper() and result[:1].islower():
        result = result[:1].upper() + result[1:]
    return result


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """The text with each fixable finding's span replaced, keeping an initial capital."""
    lines = text.split("\n")
    for finding in sorted(fixable(findings), key=lambda f: (f.line, f.column), reverse=True):
        line = lines[finding.line - 1]
        start = finding.column - 1
        if line[start : start + len(finding.found)] != finding.found:
            continue
        lines[finding.line - 1] = (
            line[:start] + replacement(finding.found, finding.expected) + line[start + len(finding.found) :]
        )
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
