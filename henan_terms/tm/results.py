"""What the memory's operations return: counts of an add, fuzzy matches, rendering histories."""

from __future__ import annotations

from attrs import frozen

from ..model import Concept, Status, TMUnit

__all__ = [
    "AddCounts",
    "Match",
    "RenderingUse",
    "TermHistory",
]


@frozen
class AddCounts:
    """What ``add`` did: units stored, units already in the memory, units without text."""

    added: int = 0
    duplicates: int = 0  # the same normalised pair and languages is already stored (or came twice)
    empty: int = 0  # no source or no target text: not stored

    def __add__(self, other: AddCounts) -> AddCounts:
        return AddCounts(self.added + other.added, self.duplicates + other.duplicates, self.empty + other.empty)


@frozen
class Match:
    """A unit found by fuzzy lookup, with its score (0–100)."""

    unit: TMUnit
    score: float


@frozen
class RenderingUse:
    """How often an English string renders a concept in the memory, with example units.

    For a glossary rendering, ``status`` is its status; for a target sentence in which no
    rendering of the concept occurs, ``status`` is None and ``text`` is that target sentence.
    """

    text: str
    status: Status | None
    count: int
    examples: tuple[TMUnit, ...]


@frozen
class TermHistory:
    """How a concept has actually been rendered: the evidence for choosing a preferred rendering."""

    concept: Concept
    units: int  # units whose source holds one of the concept's Chinese terms
    renderings: tuple[RenderingUse, ...]  # every glossary rendering, most used first
    others: tuple[RenderingUse, ...]  # targets using none of the renderings, most frequent first
