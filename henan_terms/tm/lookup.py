"""A memory lookup as both backends answer it: exact and fuzzy matches with their differences marked
and numbers adapted, then, if asked, fragment matches; ranked exact > fuzzy > fragment."""

from __future__ import annotations

from functools import lru_cache

from ..errors import UsageError
from ..glossary import Glossary
from ..loader import load_glossary
from ..model import TMUnit
from .adapt import adapt
from .differences import Written, differences
from .fragments import fragment_english, fragment_hits
from .index import IndexReader, fuzzy_hits
from .normalize import normalize
from .results import Fragment, Match

__all__ = [
    "lookup",
]


def lookup(
    reader: IndexReader,
    text: str,
    min_score: float,
    limit: int | None,
    fragments: bool = False,
    glossary: Glossary | None = None,
) -> list[Match]:
    """Exact and fuzzy matches of the text, best first, then (with ``fragments``) fragment matches,
    longest shared stretch first, up to ``limit`` in all. ``glossary`` places a fragment's English and
    adapts the glossary terms of a fuzzy match (the bundled glossary when None)."""
    if limit is not None and limit < 0:
        raise UsageError(f"limit must not be negative, not {limit}")
    query = normalize(text)
    if not query or limit == 0:
        return []
    written = Written(text, query)
    hits = fuzzy_hits(reader, query, min_score, limit)
    if glossary is None and (fragments or any(source != query for _, _, source in hits)):
        glossary = _bundled()
    units = reader.read_units([unit_id for unit_id, _, _ in hits])
    matches = [_fuzzy(units[unit_id], value, written, query, source, glossary) for unit_id, value, source in hits]
    if fragments and glossary is not None and (limit is None or len(matches) < limit):
        matches += _fragments(reader, written, query, {unit_id for unit_id, _, _ in hits}, limit, glossary)
    return matches


def _fuzzy(unit: TMUnit, value: float, written: Written, query: str, source: str, glossary: Glossary | None) -> Match:
    if query == source:
        return Match(unit, value, "exact")
    found = differences(written, query, Written(unit.source, source), source)
    return Match(unit, value, "fuzzy", found, adapt(query, source, unit.target, glossary))


@lru_cache(maxsize=1)
def _bundled() -> Glossary:
    """The bundled glossary, loaded once: its term spotters are built once too."""
    return load_glossary()


def _fragments(
    reader: IndexReader, written: Written, query: str, exclude: set[int], limit: int | None, glossary: Glossary
) -> list[Match]:
    """Fragment matches up to the room left under ``limit``; a unit proposing the same stretch and
    English as one already listed is left out."""
    room = None if limit is None else limit - len(exclude)
    found: list[Match] = []
    seen = set()
    for unit_id, source, query_span, source_span in fragment_hits(reader, query, exclude):
        if room is not None and len(found) >= room:
            break
        unit = reader.read_units([unit_id])[unit_id]
        english = fragment_english(source, source_span, unit.target, glossary)
        key = (query_span, english if english is not None else unit.target)
        if key in seen:
            continue
        seen.add(key)
        fragment = Fragment(written.span(*query_span), Written(unit.source, source).span(*source_span), english)
        score = 100.0 * (query_span[1] - query_span[0]) / len(query)
        found.append(Match(unit, score, "fragment", fragment=fragment))
    return found
