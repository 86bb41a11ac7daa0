"""Read drafts into segment pairs: bilingual documents, parallel text files, PO, and the bilingual
formats translate-toolkit reads (XLIFF, TMX, …)."""

from __future__ import annotations

import re
from pathlib import Path

from attrs import frozen

from ..formats.bilingual import BilingualDocument, PairCheck, Paragraph, pair_paragraphs, paragraphs, parallel
from ..formats.text import read_text
from ..formats.units import UNIT_SUFFIXES, read_units
from .context import SegmentPair

__all__ = [
    "Draft",
    "ignored_checks",
    "read_draft",
]

_IGNORE = re.compile(r"henan-terms:\s*ignore\b([\w\s,-]*)")
_COMMENT = re.compile(r"<!--\s*(henan-terms:\s*ignore\b[\w\s,-]*?)\s*-->")


def ignored_checks(comment: str) -> frozenset[str]:
    """The checks a suppression comment names ("henan-terms: ignore number-mismatch, missing-rendering");
    all checks ("*") when it names none; nothing when it is no suppression comment."""
    match = _IGNORE.search(comment)
    if match is None:
        return frozenset()
    names = frozenset(n for n in re.split(r"[\s,]+", match.group(1)) if re.fullmatch(r"[a-z][\w-]*", n))
    return names or frozenset({"*"})


def _strip_comments(text: str) -> tuple[str, frozenset[str]]:
    """The text with its suppression comments blanked (columns kept) and the checks they ignore."""
    ignored: frozenset[str] = frozenset()
    for match in _COMMENT.finditer(text):
        ignored |= ignored_checks(match.group(1))
    return _COMMENT.sub(lambda m: " " * len(m.group()), text), ignored


@frozen
class Draft:
    """The segment pairs of one draft and the lines that have no counterpart."""

    path: str
    pairs: tuple[SegmentPair, ...]
    unpaired: tuple[Paragraph, ...] = ()


def read_draft(
    path: str | Path,
    source: str | Path | None = None,
    plausible: PairCheck | None = None,
    *,
    text: str | None = None,
    source_text: str | None = None,
) -> Draft:
    """Segment pairs of a draft: with ``source``, two line-aligned text files; otherwise by suffix.
    ``plausible`` checks the content of neighbouring paragraphs of a bilingual document before pairing
    them (:meth:`henan_terms.tm.align.Aligner.plausible`). ``text`` and ``source_text`` are the
    files' contents as an editor holds them, read instead of the files.

    Suppression: in text and Markdown drafts, ``<!-- henan-terms: ignore CHECK -->`` inside the
    English or the Chinese paragraph, or on its own line just before the pair, ignores the named
    checks (comma- or space-separated; all checks when none is named) for that segment; in PO, a
    translator comment ``henan-terms: ignore CHECK`` does it for the entry, and in XLIFF and TMX a
    note of the unit.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    before: dict[int, frozenset[str]] = {}
    if source is not None:
        document = parallel(
            read_text(source) if source_text is None else source_text,
            read_text(path) if text is None else text,
            source,
            path,
        )
    elif suffix in UNIT_SUFFIXES:
        return _read_units(path, text)
    else:
        document, before = _read_bilingual(path, text, plausible)
    pairs = []
    for pair in document.pairs:
        target, in_target = _strip_comments(pair.en.text)
        chinese, in_source = _strip_comments(pair.zh.text)
        first = min(pair.zh.line, pair.en.line)
        ahead = before.get(first, frozenset())
        pairs.append(
            SegmentPair(chinese.strip(), target, str(path), pair.en.line, ignore=in_target | in_source | ahead)
        )
    return Draft(str(path), tuple(pairs), document.unpaired)


def _read_bilingual(
    path: Path, text: str | None, plausible: PairCheck | None
) -> tuple[BilingualDocument, dict[int, frozenset[str]]]:
    """A bilingual document whose comment-only lines are left out of the pairing; each such line's
    checks are returned under the line number of the next non-empty line."""
    lines = (read_text(path) if text is None else text).splitlines()
    before: dict[int, frozenset[str]] = {}
    pending: frozenset[str] = frozenset()
    for number, line in enumerate(lines, start=1):
        if _COMMENT.fullmatch(line.strip()):
            pending |= ignored_checks(line)
            lines[number - 1] = ""
        elif line.strip() and pending:
            before[number] = pending
            pending = frozenset()
    return pair_paragraphs(paragraphs("\n".join(lines)), str(path), plausible), before


def _read_units(path: Path, text: str | None) -> Draft:
    """A bilingual file the memory also imports, through the same reader; a note of a unit (a PO
    translator comment, an XLIFF or TMX note) may suppress checks for it."""
    pairs = tuple(
        SegmentPair(unit.source, unit.target, str(path), unit.line, ignore=_noted(unit.properties))
        for unit in read_units(path, text=text)
    )
    return Draft(str(path), pairs)


def _noted(properties: tuple[tuple[str, str], ...]) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for name, value in properties:
        if name == "note":
            found |= ignored_checks(value)
    return found
