"""A stored translation adapted to a query whose only differences from the stored source are numbers.

The quantities of both Chinese texts are read by :func:`numbers.chinese_quantities` (8万, 60%,
百分之五十, 2025年 …); with each one's text masked, the two must be equal, and the quantities must pair
up in order, percentages with percentages. Each quantity whose value changed must be carried by a
number of the stored English (:func:`numbers.carries`, the linter's test), which is then rewritten
in that number's own style (:func:`numbers.english_like`: 80,000, 80 percent or 80%, 1.5 billion,
eighty). When any of this fails, nothing is proposed: a wrong number is worse than none.
"""

from __future__ import annotations

from ..numbers import EnglishNumber, Quantity, carries, chinese_quantities, english_like, english_quantities
from .index import score
from .results import Adapted

__all__ = [
    "adapt",
]

_MASK = "\0"


def adapt(query: str, source: str, target: str) -> Adapted | None:
    """The target with the query's numbers, for a normalised query and source that differ only in
    numbers; None otherwise, or when the target's numbers cannot all be placed."""
    query_quantities = chinese_quantities(query)
    source_quantities = chinese_quantities(source)
    if not query_quantities or len(query_quantities) != len(source_quantities):
        return None
    masked_query, masked_source = _masked(query, query_quantities), _masked(source, source_quantities)
    if masked_query != masked_source:
        return None
    pairs = list(zip(source_quantities, query_quantities, strict=True))
    if any(old.percent != new.percent for old, new in pairs):
        return None
    numbers = english_quantities(target)
    replacements: list[tuple[EnglishNumber, str]] = []
    for old, new in pairs:
        if old.value == new.value:
            continue
        number = carries(old, [n for n in numbers if n not in (r[0] for r in replacements)])
        written = english_like(new.value, number, year=new.year) if number else None
        if number is None or written is None:
            return None
        replacements.append((number, written))
    if not replacements:
        return None
    adapted = target
    for number, written in sorted(replacements, key=lambda r: -r[0].start):
        adapted = adapted[: number.start] + written + adapted[number.start + len(number.text) :]
    return Adapted(adapted, score(masked_query, masked_source))


def _masked(text: str, quantities: list[Quantity]) -> str:
    """The text with each quantity replaced by one mask character."""
    for quantity in reversed(quantities):
        text = text[: quantity.start] + _MASK + text[quantity.end :]
    return text
