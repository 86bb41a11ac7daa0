"""English text: tokens and inflection-tolerant keys for renderings."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer

_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019&][a-z0-9]+)*")


@cache
def _stemmer() -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer("english")


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; hyphens, slashes and punctuation separate words."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def fold(text: str) -> str:
    """A key equal for case, hyphen/space and regular inflection variants of one rendering.

    >>> fold("Leading Enterprises") == fold("leading enterprise")
    True
    >>> fold("high-end") == fold("high end")
    True
    """
    return " ".join(_stemmer().stemWords(tokens(text)))
