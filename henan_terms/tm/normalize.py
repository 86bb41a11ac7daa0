"""Normalisation for matching.

Fuzzy lookup, concordance and the duplicate check compare normalised text, never the stored
text itself. The steps, in order:

1. NFKC: compatibility forms become their plain forms; this is also the full-width → half-width
   step (``ＡＢＣ１２３`` → ``ABC123``, ``，；：？！（）`` → ``,;:?!()``, the ideographic space
   U+3000 → a space).
2. Traditional → simplified characters (OpenCC ``t2s``): ``鏈長制`` → ``链长制``.
3. Quotation marks folded: every double quote (“ ” „ ‟ 〝 〞 〟 「 」 『 』) becomes ``"``,
   every single one (‘ ’ ‚ ‛) becomes ``'``.
4. Whitespace folded: runs of white space become one space, none at either end.

>>> normalize("「鏈長制」，　抓手")
'"链长制", 抓手'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..chinese import HAN, to_simplified

_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u301d\u301e\u301f\u300c\u300d\u300e\u300f]")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b]")
_WIDE_PUNCTUATION = tuple(zip("，；：？！（）\u3000", ",;:?!() ", strict=True))


def normalize(text: str) -> str:
    """The matching form of a text: NFKC, simplified script, plain quotes, single spaces."""
    return normalize_many([text])[0]


def normalize_many(texts: Sequence[str]) -> list[str]:
    """``normalize`` of each text, converting the script of all Chinese ones in one call."""
    folded = [" ".join(nfkc(text).split()) for text in texts]
    chinese = [index for index, text in enumerate(folded) if HAN.search(text)]
    if chinese:
        converted = to_simplified("\n".join(folded[index] for index in chinese)).split("\n")  # no newlines left
        for index, text in zip(chinese, converted, strict=True):
            folded[index] = text
    return [_SINGLE_QUOTES.sub("'", _DOUBLE_QUOTES.sub('"', text)) for text in folded]


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
