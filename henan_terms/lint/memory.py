"""Evidence from a translation memory for terms the glossary lacks: how the memory renders a Chinese
term of the draft, when it renders it one way consistently."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import english
from ..extract import chinese_candidates, extract_terms
from ..glossary import Glossary
from ..tm.protocol import TranslationMemory
from .context import MemoryTerm, SegmentPair

__all__ = [
    "MIN_UNITS",
    "memory_terms",
]

MIN_UNITS = 2
"""A rendering is the memory's only when at least this many units use it (and most units do)."""
_LOOKED_AT = 200  # units of the memory read per term


def memory_terms(
    memory: TranslationMemory, pairs: Iterable[SegmentPair], glossary: Glossary
) -> Mapping[str, MemoryTerm]:
    """The draft's Chinese terms (not in the glossary) that the memory renders one way: in at least
    ``MIN_UNITS`` units and in more than half of the units holding the term."""
    found: dict[str, MemoryTerm] = {}
    for zh in chinese_candidates((pair.source for pair in pairs), glossary):
        if any(zh in known for known in found):
            continue  # a longer term of the draft already covers it
        units = memory.concordance(zh, limit=_LOOKED_AT)
        if len(units) < MIN_UNITS:
            continue
        candidate = next((c for c in extract_terms(units, glossary, min_frequency=MIN_UNITS) if c.zh == zh), None)
        if candidate is None or not candidate.en:
            continue
        key = english.fold(candidate.en)
        using = [u for u in units if f" {key} " in f" {english.fold(u.target)} "]
        if len(using) >= MIN_UNITS and 2 * len(using) > len(units):
            found[zh] = MemoryTerm(zh, candidate.en, len(using), len(units), using[0])
    return found
