"""Rewrite deprecated renderings to the preferred rendering, and near misses to the rendering they
come close to (variant-rendering), in plain-text drafts and bilingual documents and in PO targets.

A fix replaces the whole phrase the rendering stands for: words of the rendering already beside the
matched span are taken into it, so that no word is doubled ("modern light textile industry" becomes
"modern light and textile industry"). It keeps the replaced text's number (plural or singular) and
case (initial capital, all capitals), the article before it (a/an), and the file's line endings,
encoding and byte-order mark. The file is written beside its place and renamed over it.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import english
from ..errors import UsageError
from ..formats.text import decode
from ..formats.units import UNIT_SUFFIXES
from ..model import Finding

__all__ = [
    "FIXABLE",
    "apply_fixes",
    "check_fixable",
    "fix_file",
    "fixable",
    "replacement",
]

FIXABLE = ("deprecated-rendering", "variant-rendering")
_PO = (".po", ".pot")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_ARTICLE = re.compile(r"\b(an?|An?|AN?)(\s+)$")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """Deprecated renderings and near misses whose replacement is unambiguous: one rendering to use."""
    return [f for f in findings if f.check in FIXABLE and f.expected and f.found]


def check_fixable(path: str | Path) -> None:
    """Raise UsageError naming a draft that ``--fix`` cannot rewrite: a format of translation units
    other than PO (XLIFF, TMX, Qt Linguist), or a file that cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNIT_SUFFIXES and suffix not in _PO:
        kind = suffix.lstrip(".").upper().replace("XLF", "XLIFF")
        raise UsageError(f"{path}: cannot fix {kind} files; fix the targets in a translation tool, or omit --fix")
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"{path}: cannot be written (read-only); nothing was fixed")
    if not os.access(path.parent, os.W_OK):
        raise UsageError(f"{path}: the folder {path.parent} cannot be written; nothing was fixed")


def _folded(words: Iterable[str]) -> list[str]:
    return [english.base_form(w.lower()) for w in words]


def _whole_span(line: str, start: int, end: int, expected: str) -> tuple[int, int]:
    """The span widened over the words the rendering adds that already stand beside it."""
    wanted, found = _folded(expected.split()), _folded(_WORD.findall(line[start:end]))
    for count in range(len(wanted) - 1, 0, -1):
        tail = re.match(rf"(?:\s+{_WORD.pattern}){{{count}}}\b", line[end:])
        if tail and wanted[-count:] != found[-count:] and _folded(_WORD.findall(tail.group())) == wanted[-count:]:
            end += tail.end()
            break
    for count in range(len(wanted) - 1, 0, -1):
        head = re.search(rf"\b(?:{_WORD.pattern}\s+){{{count}}}$", line[:start])
        if head and wanted[:count] != found[:count] and _folded(_WORD.findall(head.group())) == wanted[:count]:
            start = head.start()
            break
    return start, end


def _number(found: str, replacement: str) -> str:
    """The replacement with the number of the text it replaces, inflected on its last word."""
    found_words, words = found.split(), replacement.split()
    if not found_words or not words or not words[-1].islower():
        return replacement
    last, wanted = found_words[-1].lower(), words[-1]
    base = english.base_form(wanted)
    plural_found = last.endswith("s") and english.base_form(last) != last
    plural_wanted = wanted != base
    if plural_found != plural_wanted:
        from lemminflect import getInflection  # loaded by the fixes only

        forms = getInflection(base, tag="NNS" if plural_found else "NN")
        if forms and english.base_form(forms[0]) == base:
            return " ".join([*words[:-1], forms[0]])
    return replacement


def replacement(found: str, expected: str) -> str:
    """The rendering to put in place of ``found``, in its number and case (the editor's quick fix)."""
    return _case(found, _number(found, expected))


def _case(found: str, replacement: str) -> str:
    """The replacement in the case of the text it replaces: all capitals, or an initial capital."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _article(before: str, found: str, replacement: str) -> str:
    """The text before a replacement, its article a/an made to agree when it agreed with the old text."""
    match = _ARTICLE.search(before)
    if match is None:
        return before

    def wanted(text: str) -> str:
        return "an" if text[:1].lower() in "aeiou" else "a"

    article = match.group(1)
    if article.lower() != wanted(found) or wanted(found) == wanted(replacement):
        return before
    new = wanted(replacement)
    new = new.upper() if article.isupper() and len(article) > 1 else new.capitalize() if article[0].isupper() else new
    return before[: match.start(1)] + new + match.group(2)


def _fix_at(text: str, start: int, found: str, expected: str) -> str | None:
    """The text with the rendering at ``start`` fixed, or None when ``found`` is not there."""
    end = start + len(found)
    if text[start:end] != found:
        return None
    start, end = _whole_span(text, start, end, expected)
    old = text[start:end]
    replacement = _case(old, _number(old, expected))
    return _article(text[:start], old, replacement) + replacement + text[end:]


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """The text with each fixable finding's span replaced (see the module); line endings are kept."""
    lines = text.split("\n")  # a carriage return stays at the end of its line
    for finding in sorted(fixable(findings), key=lambda f: (f.line, f.column), reverse=True):
        fixed = _fix_at(lines[finding.line - 1], finding.column - 1, finding.found, finding.expected)
        if fixed is not None:
            lines[finding.line - 1] = fixed
    return "\n".join(lines)


def _fix_po(path: Path, findings: list[Finding]) -> None:
    """Fix the English ``msgstr`` of the entries the findings name (by their line); the catalogue is
    rewritten by polib."""
    import polib

    catalog = polib.pofile(str(path))
    by_line = {entry.linenum: entry for entry in catalog}
    for finding in sorted(findings, key=lambda f: (f.line, f.column), reverse=True):
        entry = by_line.get(finding.line)
        if entry is not None:
            fixed = _fix_at(entry.msgstr, finding.column - 1, finding.found, finding.expected)
            entry.msgstr = entry.msgstr if fixed is None else fixed
    _replace(path, lambda temporary: catalog.save(str(temporary)))


def _replace(path: Path, write: Callable[[Path], object]) -> None:
    """Write beside ``path`` with ``write(temporary)``, keep the file's mode, and rename over it."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def fix_file(path: str | Path, findings: Iterable[Finding]) -> str:
    """Rewrite a draft in place; return the unified diff (empty when nothing changed).

    UsageError (:func:`check_fixable`) for a format it cannot rewrite or a file it cannot write.
    """
    path = Path(path)
    check_fixable(path)
    data = path.read_bytes()
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    before = decode(str(path), data)
    mine = [f for f in fixable(findings) if f.path == str(path)]
    if path.suffix.lower() in _PO:
        if mine:
            _fix_po(path, mine)
        after = decode(str(path), path.read_bytes())
    else:
        after = apply_fixes(before, mine)
        if after != before:
            encoded = bom + after.encode(encoding)
            _replace(path, lambda temporary: temporary.write_bytes(encoded))
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(diff)
