"""What the memory's operations return: counts of an add, fuzzy matches, rendering histories."""

from __future__ import annotations

from attrs import frozen

from ..model import Concept, Status, TMUnit

__all__ = [
    "Adapted",
    "AddCounts",
    "Difference",
    "Fragment",
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
class Difference:
    """Where the query and a unit's source differ: ``[start, end)`` of the query as given and of the
    source as stored (an empty span where one side has nothing: an insertion or deletion)."""

    query: tuple[int, int]
    source: tuple[int, int]


@frozen
class Adapted:
    """The unit's translation with the query's numbers in place of the source's, and the score the
    source has against the query when the numbers are left out of both."""

    target: str
    score: float


@frozen
class Fragment:
    """A stretch the query shares with a longer stored source: ``[start, end)`` of the query as given
    and of the source as stored, and the English of the stretch in the unit's translation when the
    unit's glossary terms and numbers place it (None otherwise)."""

    query: tuple[int, int]
    source: tuple[int, int]
    english: str | None


@frozen
class Match:
    """A unit found by lookup, with its score (0–100) and kind.

    ``exact``: the normalised source equals the query; ``fuzzy``: the score is at least the minimum
    asked for, with the ``differences``; ``fragment``: the source shares the ``fragment`` stretch
    with the query, and the score is the share of the query that stretch covers.
    """

    unit: TMUnit
    score: float
    kind: str = "fuzzy"
    differences: tuple[Difference, ...] = ()
    adapted: Adapted | None = None
    fragment: Fragment | None = None


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
