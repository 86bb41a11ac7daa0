"""Read drafts into segment pairs: bilingual documents, parallel text files, and the bilingual files
the memory also imports (TMX, XLIFF, PO, Qt Linguist), through the same readers."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from ..formats.bilingual import Paragraph, read_bilingual, read_parallel
from ..formats.units import UNIT_SUFFIXES, read_units
from .context import SegmentPair


@frozen
class Draft:
    """The segment pairs of one draft and the lines that have no counterpart."""

    path: str
    pairs: tuple[SegmentPair, ...]
    unpaired: tuple[Paragraph, ...] = ()


def read_draft(path: str | Path, source: str | Path | None = None) -> Draft:
    """Segment pairs of a draft: with ``source``, two line-aligned text files; otherwise by suffix."""
    path = Path(path)
    if source is not None:
        document = read_parallel(source, path)
    elif path.suffix.lower() in UNIT_SUFFIXES:
        pairs = tuple(SegmentPair(u.source, u.target, str(path), u.line) for u in read_units(path))
        return Draft(str(path), pairs)
    else:
        document = read_bilingual(path)
    pairs = tuple(SegmentPair(p.zh.text, p.en.text, str(path), p.en.line) for p in document.pairs)
    return Draft(str(path), pairs, document.unpaired)
