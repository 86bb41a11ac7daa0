"""A stored translation adapted to a query whose only differences from the stored source are numbers
and glossary terms.

The quantities of both Chinese texts are read by :func:`numbers.chinese_quantities` (8万, 60%,
百分之五十, 2025年 …) and, with a glossary, their glossary terms by its term spotter; with each one's
text masked, the two must be equal, and the parts must pair up in order: quantities with quantities,
percentages with percentages, terms with terms. Each quantity whose value changed must be carried by a
number of the stored English (:func:`numbers.carries`, the linter's test), which is then rewritten in
that number's own style (:func:`numbers.english_like`: 80,000, 80 percent or 80%, 1.5 billion,
eighty). Each term whose concept changed must have its accepted rendering in the stored English, as
many times as the source holds it, and each is replaced by the new concept's preferred rendering (its
short form for a short form: NEV → ICV) in the old one's case and number. When any of this fails,
nothing is proposed: a wrong number or term is worse than none.
"""

from __future__ import annotations

from attrs import frozen

from .. import english
from ..glossary import Glossary
from ..match import SourceMatch
from ..model import Status
from ..numbers import Quantity, carries, chinese_quantities, english_like, english_quantities
from .index import score
from .results import Adapted

__all__ = [
    "adapt",
]

_MASK = "\0"


@frozen
class _Part:
    """A quantity or a glossary term of a Chinese text, where it stands."""

    start: int
    end: int
    quantity: Quantity | None = None
    term: SourceMatch | None = None


def adapt(query: str, source: str, target: str, glossary: Glossary | None = None) -> Adapted | None:
    """The target with the query's numbers (and, with ``glossary``, its terms), for a normalised query
    and source that differ only in those; None otherwise, or when the target's numbers or renderings
    cannot all be placed."""
    query_parts, source_parts = _parts(query, glossary), _parts(source, glossary)
    if not query_parts or len(query_parts) != len(source_parts):
        return None
    masked_query, masked_source = _masked(query, query_parts), _masked(source, source_parts)
    if masked_query != masked_source:
        return None
    pairs = list(zip(source_parts, query_parts, strict=True))
    if any((old.quantity is None) != (new.quantity is None) for old, new in pairs):
        return None  # a number where the other has a term
    replacements: list[tuple[int, int, str]] = []
    numbers = english_quantities(target)
    for old, new in ((o.quantity, n.quantity) for o, n in pairs if o.quantity and n.quantity):
        if old.percent != new.percent:
            return None
        if old.value == new.value:
            continue
        number = carries(old, [n for n in numbers if all(n.start != start for start, _, _ in replacements)])
        written = english_like(new.value, number, year=new.year) if number else None
        if number is None or written is None:
            return None
        replacements.append((number.start, number.start + len(number.text), written))
    terms = [(o.term.concept.id, n.term.concept.id) for o, n in pairs if o.term and n.term]
    for old_id in sorted({old for old, new in terms if old != new}):
        new_ids = {new for old, new in terms if old == old_id}
        placed = _renderings(target, old_id, new_ids, sum(1 for old, _ in terms if old == old_id), glossary)
        if placed is None:
            return None
        replacements += placed
    if not replacements:
        return None
    adapted = target
    for start, end, written_text in sorted(replacements, key=lambda r: -r[0]):
        adapted = adapted[:start] + written_text + adapted[end:]
    return Adapted(adapted, score(masked_query, masked_source))


def _renderings(
    target: str, old_id: str, new_ids: set[str], needed: int, glossary: Glossary | None
) -> list[tuple[int, int, str]] | None:
    """Where the stored English renders the old concept, once for each of the ``needed`` times the
    source holds it, with the one new concept's preferred rendering in each one's case and number;
    None when the source's occurrences change to different concepts or the renderings are not all there."""
    from ..lint.fix import replacement

    if glossary is None or len(new_ids) != 1:
        return None
    new = glossary.get(next(iter(new_ids)))
    accepted = [r.text for r in new.renderings if r.status is not Status.DEPRECATED]
    found = [m for m in glossary.index.target_spotter.spot(target, {old_id: needed}) if m.kind == "exact"]
    if len(found) != needed or not accepted:
        return None
    full = new.preferred.text if new.preferred else accepted[0]
    short = next((r for r in accepted if english.is_short_form(r)), full)
    written = [(m, target[m.start : m.end]) for m in found]
    return [(m.start, m.end, replacement(text, short if english.is_short_form(text) else full)) for m, text in written]


def _parts(text: str, glossary: Glossary | None) -> list[_Part]:
    """The glossary terms and the quantities outside them, in order."""
    terms = glossary.index.source_spotter.spot(text) if glossary is not None else []
    parts = [_Part(m.start, m.end, term=m) for m in terms]
    parts += [
        _Part(q.start, q.end, quantity=q) for q in chinese_quantities(text, skip=[(m.start, m.end) for m in terms])
    ]
    return sorted(parts, key=lambda p: p.start)


def _masked(text: str, parts: list[_Part]) -> str:
    """The text with each part replaced by one mask character."""
    for part in reversed(parts):
        text = text[: part.start] + _MASK + text[part.end :]
    return text
