"""Rendering history: how the memory's targets render each glossary concept, with counts and examples."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .. import english
from ..glossary import Glossary
from ..match import SourceSpotter
from ..model import Concept, Status, TMUnit
from .results import RenderingUse, TermHistory

__all__ = [
    "concepts_of",
    "rendering_history",
]


class _Concordance(Protocol):
    def concordance(self, term: str, limit: int | None = None) -> list[TMUnit]: ...


def concepts_of(glossary: Glossary, term: str) -> list[Concept]:
    return list({hit.concept.id: hit.concept for hit in glossary.lookup(term)}.values())


def rendering_history(tm: _Concordance, concept: Concept, spotter: SourceSpotter, examples: int = 3) -> TermHistory:
    """Which renderings of a concept the memory's targets use where one of its terms is in the source.

    The term must stand in the source as the glossary's term spotting finds it: on word boundaries,
    and not inside a longer glossary term (智能化 in 智能化改造 is that term's). A rendering is used
    when its folded words (``english.fold``) occur as a run of the target's folded words; a target
    that uses none of them is reported as it is, under ``others``.
    """
    found: dict[str, TMUnit] = {}
    for term in concept.terms:
        for unit in tm.concordance(term.text):
            if any(match.concept.id == concept.id for match in spotter.spot(unit.source)):
                found.setdefault(unit.source + "\x00" + unit.target + "\x00" + unit.target_lang, unit)
    used: dict[str, list[TMUnit]] = {r.text: [] for r in concept.renderings}
    others: dict[str, list[TMUnit]] = {}
    for unit in found.values():
        target = f" {english.fold(unit.target)} "
        matched = [r.text for r in concept.renderings if english.fold(r.text) and f" {english.fold(r.text)} " in target]
        for text in matched:
            used[text].append(unit)
        if not matched:
            others.setdefault(unit.target, []).append(unit)
    status = {r.text: r.status for r in concept.renderings}
    return TermHistory(
        concept=concept,
        units=len(found),
        renderings=_uses(used, status, examples),
        others=_uses(others, {}, examples),
    )


def _uses(groups: dict[str, list[TMUnit]], status: Mapping[str, Status], examples: int) -> tuple[RenderingUse, ...]:
    ordered = sorted(groups.items(), key=lambda item: -len(item[1]))  # stable: glossary or memory order
    return tuple(RenderingUse(text, status.get(text), len(units), tuple(units[:examples])) for text, units in ordered)
