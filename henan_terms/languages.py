"""Language tags: their conventional case, and whether one covers another."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "language_matches",
    "language_tag",
]

_SUBTAG = re.compile(r"[-_]")


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
