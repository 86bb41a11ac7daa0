"""Bilingual documents in the seed format: each English paragraph next to its Chinese paragraph.

A paragraph is one non-empty line. Captions, credits and navigation lines have no counterpart;
they are kept apart as unpaired lines so callers can report them. Neighbours in two languages are
paired unless a check of their content (``plausible``, e.g. :meth:`henan_terms.tm.align.Aligner.plausible`)
finds that they cannot translate each other: an English paragraph whose Chinese is missing is then
reported unpaired instead of being paired with the next paragraph's Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from attrs import frozen

from ..chinese import HAN
from ..errors import FormatError
from .text import read_text

__all__ = [
    "BilingualDocument",
    "PairCheck",
    "Paragraph",
    "ParagraphPair",
    "pair_paragraphs",
    "paragraphs",
    "parallel",
    "read_bilingual",
    "read_parallel",
]

_LATIN = re.compile(r"[A-Za-z]")


@frozen
class Paragraph:
    """A non-empty line: its text, its 1-based line number, and its paragraph number (``pN``)."""

    text: str
    line: int
    number: int

    @property
    def is_chinese(self) -> bool:
        """Chinese when Han characters outnumber Latin letters."""
        return len(HAN.findall(self.text)) > len(_LATIN.findall(self.text))


@frozen
class ParagraphPair:
    """A Chinese paragraph and its English counterpart."""

    zh: Paragraph
    en: Paragraph


PairCheck = Callable[[Paragraph, Paragraph], bool]
"""Whether a Chinese paragraph (first) and an English one may translate each other."""


@frozen
class BilingualDocument:
    """The paired paragraphs of a document and the lines left without a counterpart."""

    path: str
    pairs: tuple[ParagraphPair, ...]
    unpaired: tuple[Paragraph, ...]


def paragraphs(text: str) -> list[Paragraph]:
    """The non-empty lines of a text, numbered."""
    found: list[Paragraph] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            found.append(Paragraph(line.strip(), line_number, len(found) + 1))
    return found


def pair_paragraphs(
    items: Iterable[Paragraph], path: str = "<text>", plausible: PairCheck | None = None
) -> BilingualDocument:
    """Pair each Chinese paragraph with the English one next to it, when ``plausible`` (if given) accepts them.

    English-first and Chinese-first orders are both tried; the order that pairs more paragraphs wins.
    """
    items = list(items)
    best = max(
        (_pair(items, english_first, plausible) for english_first in (True, False)), key=lambda pairs: len(pairs)
    )
    paired = {p.zh.number for p in best} | {p.en.number for p in best}
    return BilingualDocument(path, tuple(best), tuple(p for p in items if p.number not in paired))


def _pair(items: list[Paragraph], english_first: bool, plausible: PairCheck | None) -> list[ParagraphPair]:
    pairs = []
    index = 0
    while index + 1 < len(items):
        first, second = items[index], items[index + 1]
        zh, en = (second, first) if english_first else (first, second)
        if zh.is_chinese and not en.is_chinese and (plausible is None or plausible(zh, en)):
            pairs.append(ParagraphPair(zh, en))
            index += 2
        else:
            index += 1
    return pairs


def read_bilingual(path: str | Path, plausible: PairCheck | None = None) -> BilingualDocument:
    """Read a bilingual document (UTF-8) and pair its paragraphs (checked by ``plausible`` if given)."""
    return pair_paragraphs(paragraphs(read_text(path)), str(path), plausible)


def read_parallel(chinese: str | Path, english: str | Path) -> BilingualDocument:
    """Two files aligned line by line: the N-th non-empty line of each is a paragraph pair.

    Different numbers of non-empty lines are an error naming both counts. The document's path is
    the English file's, as its lines are where translations stand.
    """
    return parallel(read_text(chinese), read_text(english), chinese, english)


def parallel(
    chinese_text: str, english_text: str, chinese: str | Path = "<source>", english: str | Path = "<draft>"
) -> BilingualDocument:
    """The texts of two line-aligned files (as ``read_parallel`` reads them, or as an editor holds them)
    paired line by line; ``chinese`` and ``english`` name the files in the document and its errors."""
    zh, en = paragraphs(chinese_text), paragraphs(english_text)
    if len(zh) != len(en):
        raise FormatError(
            str(english),
            0,
            f"{len(en)} non-empty lines, but the source {chinese} has {len(zh)}: "
            "the files must be aligned line by line",
        )
    return BilingualDocument(str(english), tuple(ParagraphPair(z, e) for z, e in zip(zh, en, strict=True)), ())
