"""Normalisation for matching.

Fuzzy lookup, concordance and the duplicate check compare normalised text, never the stored
text itself. The steps, in order:

1. NFKC: compatibility forms become their plain forms; this is also the full-width → half-width
   step (``ＡＢＣ１２３`` → ``ABC123``, ``，；：？！（）`` → ``,;:?!()``, the ideographic space
   U+3000 → a space).
2. Whitespace folded: runs of white space become one space, none at either end.
3. Traditional → simplified characters (OpenCC ``t2s``): ``鏈長制`` → ``链长制``.
4. Quotation marks folded: every double quote (“ ” „ ‟ 〝 〞 〟 「 」 『 』) becomes ``"``,
   every single one (‘ ’ ‚ ‛) becomes ``'``.

>>> normalize("「鏈長制」，　抓手")
'"链长制", 抓手'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..chinese import HAN, to_simplified

__all__ = [
    "nfkc",
    "normalize",
    "normalize_many",
]

_QUOTES = [(quote, '"') for quote in "\u201c\u201d\u201e\u201f\u301d\u301e\u301f\u300c\u300d\u300e\u300f"]
_QUOTES += [(quote, "'") for quote in "\u2018\u2019\u201a\u201b"]
_WIDE_PUNCTUATION = tuple(zip("，；：？！（）\u3000", ",;:?!() ", strict=True))


def normalize(text: str) -> str:
    """The matching form of a text: NFKC, single spaces, simplified script, plain quotes."""
    text = " ".join(nfkc(text).split())
    if text.isascii():  # no Han character, no curly quote: nothing more to do
        return text
    if HAN.search(text):
        text = to_simplified(text)
    return _fold_quotes(text)


def normalize_many(texts: Sequence[str]) -> list[str]:
    """``normalize`` of each text, each step made once over all of them joined by NUL characters.

    NUL survives every step and NFKC composes nothing across it; texts that hold one themselves are
    normalised one by one.
    """
    joined = "\0".join(texts)
    if joined.count("\0") != max(len(texts) - 1, 0):
        return [normalize(text) for text in texts]
    joined = " ".join(nfkc(joined).split()).replace(" \0", "\0").replace("\0 ", "\0")
    if joined.isascii():
        return joined.split("\0") if texts else []
    if HAN.search(joined):
        joined = to_simplified(joined.replace("\0", "\n")).replace("\n", "\0")  # no newline is left
    return _fold_quotes(joined).split("\0") if texts else []


def _fold_quotes(text: str) -> str:
    for quote, plain in _QUOTES:
        text = text.replace(quote, plain)
    return text


def nfkc(text: str) -> str:
    """Unicode NFKC, equal to ``unicodedata.normalize("NFKC", text)`` but quicker for Chinese.

    The full-width punctuation of Chinese text is mapped first to what NFKC maps it to (ASCII
    punctuation, which composes with nothing); most Chinese sentences are then NFKC already.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in _WIDE_PUNCTUATION:
        text = text.replace(wide, narrow)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
