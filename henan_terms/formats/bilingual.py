"""Bilingual documents in the seed format: each English paragraph next to its Chinese paragraph.

A paragraph is one non-empty line. Captions, credits and navigation lines have no counterpart;
they are kept apart as unpaired lines so callers can report them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from attrs import frozen

from ..chinese import HAN
from ..errors import FormatError

__all__ = [
    "BilingualDocument",
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


def pair_paragraphs(items: Iterable[Paragraph], path: str = "<text>") -> BilingualDocument:
    """Pair each Chinese paragraph with the English one next to it.

    English-first and Chinese-first orders are both tried; the order that pairs more paragraphs wins.
    """
    items = list(items)
    best = max((_pair(items, english_first) for english_first in (True, False)), key=lambda pairs: len(pairs))
    paired = {p.zh.number for p in best} | {p.en.number for p in best}
    return BilingualDocument(path, tuple(best), tuple(p for p in items if p.number not in paired))


def _pair(items: list[Paragraph], english_first: bool) -> list[ParagraphPair]:
    pairs = []
    index = 0
    while index + 1 < len(items):
        first, second = items[index], items[index + 1]
        if first.is_chinese != english_first and second.is_chinese == english_first:
            zh, en = (second, first) if english_first else (first, second)
            pairs.append(ParagraphPair(zh, en))
            index += 2
        else:
            index += 1
    return pairs


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise FormatError(str(path), 0, f"not UTF-8: {error.reason} at byte {error.start}") from None


def read_bilingual(path: str | Path) -> BilingualDocument:
    """Read a bilingual document (UTF-8) and pair its paragraphs."""
    return pair_paragraphs(paragraphs(_read(path)), str(path))


def read_parallel(chinese: str | Path, english: str | Path) -> BilingualDocument:
    """Two files aligned line by line: the N-th non-empty line of each is a paragraph pair.

    Different numbers of non-empty lines are an error naming both counts. The document's path is
    the English file's, as its lines are where translations stand.
    """
    return parallel(_read(chinese), _read(english), chinese, english)


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
