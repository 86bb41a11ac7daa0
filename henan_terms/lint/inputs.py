"""Read drafts into segment pairs: bilingual documents, parallel text files, PO, and the bilingual
formats translate-toolkit reads (XLIFF, TMX, …)."""

from __future__ import annotations

from pathlib import Path

import polib
from attrs import frozen

from ..chinese import has_han
from ..errors import FormatError
from ..formats.bilingual import Paragraph, read_bilingual, read_parallel
from ..formats.xml import iterparse
from .context import SegmentPair

_XML_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".tmx", ".ts", ".tbx"}


@frozen
class Draft:
    """The segment pairs of one draft and the lines that have no counterpart."""

    path: str
    pairs: tuple[SegmentPair, ...]
    unpaired: tuple[Paragraph, ...] = ()


def read_draft(path: str | Path, source: str | Path | None = None) -> Draft:
    """Segment pairs of a draft: with ``source``, two line-aligned text files; otherwise by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if source is not None:
        document = read_parallel(source, path)
    elif suffix in (".po", ".pot"):
        return _read_po(path)
    elif suffix in _XML_SUFFIXES:
        return _read_toolkit(path)
    else:
        document = read_bilingual(path)
    pairs = tuple(SegmentPair(p.zh.text, p.en.text, str(path), p.en.line) for p in document.pairs)
    return Draft(str(path), pairs, document.unpaired)


def _read_po(path: Path) -> Draft:
    """msgid Chinese, msgstr English; untranslated and obsolete entries are skipped."""
    try:
        catalogue = polib.pofile(str(path))
    except (OSError, ValueError) as error:
        raise FormatError(str(path), 0, f"not a PO file: {error}") from None
    pairs = tuple(
        SegmentPair(entry.msgid, entry.msgstr, str(path), entry.linenum)
        for entry in catalogue
        if entry.msgstr and not entry.obsolete
    )
    return Draft(str(path), pairs)


def _read_toolkit(path: Path) -> Draft:
    """Any bilingual store translate-toolkit reads; the XML is first checked by the safe parser."""
    from translate.storage import factory

    for _ in iterparse(str(path)):
        pass
    try:
        store = factory.getobject(str(path))
    except Exception as error:  # translate-toolkit raises many kinds on bad input
        raise FormatError(str(path), 0, f"cannot read as a bilingual file: {error}") from None
    pairs = []
    for unit in store.getunits():
        source, target = str(unit.source or ""), str(unit.target or "")
        if unit.isheader() or not target:
            continue
        if has_han(target) and not has_han(source):
            source, target = target, source
        element = getattr(unit, "xmlelement", None)
        line = getattr(element, "sourceline", None) or 0
        pairs.append(SegmentPair(source, target, str(path), line))
    return Draft(str(path), tuple(pairs))
