"""Evidence from a translation memory for terms the glossary lacks: how the memory renders a Chinese
term of the draft, when it renders it one way consistently."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from .. import english
from ..extract import chinese_candidates, extract_terms
from ..glossary import Glossary
from ..model import TMUnit
from ..tm.protocol import TranslationMemory
from .context import MemoryTerm, SegmentPair

__all__ = [
    "MIN_UNITS",
    "memory_terms",
    "run_terms",
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


def run_terms(pairs: Sequence[SegmentPair], glossary: Glossary) -> Mapping[str, MemoryTerm]:
    """Without a memory, the run's own segments are the evidence: a term the glossary lacks that most
    segments holding it render one way, and a segment that does not."""
    from ..tm.store import open_tm  # the memory's storage, only for a run that needs it

    memory = open_tm(":memory:")
    try:
        memory.add(TMUnit(p.source, p.target, origin=f"{p.path}:{p.line}") for p in pairs if p.source and p.target)
        found = memory_terms(memory, pairs, glossary)
    finally:
        memory.close()
    return {zh: attrs.evolve(term, evidence="segments of this run") for zh, term in found.items()}
