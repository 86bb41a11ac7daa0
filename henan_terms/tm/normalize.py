"""Normalisation for matching, and language tags.

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
from functools import lru_cache

from ..chinese import HAN, to_simplified

_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u301d\u301e\u301f\u300c\u300d\u300e\u300f]")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b]")
_WIDE_PUNCTUATION = tuple(zip("，；：？！（）\u3000", ",;:?!() ", strict=True))
_SUBTAG = re.compile(r"[-_]")


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


@lru_cache(maxsize=4096)
def language_tag(tag: str) -> str:
    """A language tag in its conventional case: ``ZH-cn`` → ``zh-CN``, ``zh-hans`` → ``zh-Hans``.

    Underscores (``zh_TW``) become hyphens; the first subtag is lower case, four-letter script
    subtags are title case, two-letter region subtags upper case, anything else lower case.

    >>> [language_tag(t) for t in ("EN-US", "zh_tw", "zh-HANS-cn", "de-1996")]
    ['en-US', 'zh-TW', 'zh-Hans-CN', 'de-1996']
    """
    first, *rest = _SUBTAG.split(tag.strip())
    return "-".join([first.lower(), *(_subtag(part) for part in rest)])


def _subtag(part: str) -> str:
    if len(part) == 4 and part.isalpha():
        return part.title()
    if len(part) == 2 and part.isalpha():
        return part.upper()
    return part.lower()


@lru_cache(maxsize=4096)
def language_matches(tag: str, wanted: str) -> bool:
    """Whether a language tag is the wanted language or a variant of it (any case).

    ``zh`` covers ``zh-CN``, ``zh-Hans``, ``zh-TW`` and ``zh-HK``; ``zh-TW`` covers only itself
    and its own variants.

    >>> language_matches("ZH-hk", "zh"), language_matches("zh-CN", "zh-TW")
    (True, False)
    """
    tag, wanted = language_tag(tag).lower(), language_tag(wanted).lower()
    return tag == wanted or tag.startswith(wanted + "-")
