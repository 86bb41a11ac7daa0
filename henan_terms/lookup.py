"""Find concepts by Chinese (either script), pinyin (any style) or English (any inflection)."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen
from rapidfuzz import fuzz, process

from . import chinese, english
from .model import Concept


@frozen
class Hit:
    """A concept found by a query, with the key it matched on (``zh``, ``traditional``,
    ``pinyin`` or ``en``) and the matched text."""

    concept: Concept
    field: str
    matched: str


class TermIndex:
    """Exact-key index over every form of every concept."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._keys: dict[tuple[str, str], list[Hit]] = {}
        for concept in concepts:
            for term in concept.terms:
                self._add("zh", term.text, Hit(concept, "zh", term.text))
                for form in term.traditional_forms:
                    self._add("zh", form, Hit(concept, "traditional", form))
                self._add("pinyin", chinese.pinyin_key(term.pinyin), Hit(concept, "pinyin", term.pinyin))
            for rendering in concept.renderings:
                self._add("en", english.fold(rendering.text), Hit(concept, "en", rendering.text))

    def _add(self, kind: str, key: str, hit: Hit) -> None:
        hits = self._keys.setdefault((kind, key), [])
        if all(h.concept.id != hit.concept.id for h in hits):
            hits.append(hit)

    def lookup(self, query: str) -> list[Hit]:
        """Concepts whose Chinese term, pinyin or English rendering equals the query's key."""
        hits: dict[str, Hit] = {}
        for key in self._query_keys(query):
            for hit in self._keys.get(key, []):
                hits.setdefault(hit.concept.id, hit)
        return list(hits.values())

    def suggest(self, query: str, limit: int = 5) -> list[Hit]:
        """Concepts whose keys are closest to the query (rapidfuzz WRatio), best first."""
        scored: list[tuple[float, Hit]] = []
        for kind, key in self._query_keys(query):
            keys = [k for (k_kind, k) in self._keys if k_kind == kind]
            for _choice, score, index in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit):
                scored += [(score, hit) for hit in self._keys[(kind, keys[index])]]
        found: dict[str, Hit] = {}
        for _score, hit in sorted(scored, key=lambda pair: -pair[0]):
            found.setdefault(hit.concept.id, hit)
        return list(found.values())[:limit]

    @staticmethod
    def _query_keys(query: str) -> list[tuple[str, str]]:
        query = query.strip()
        if chinese.has_han(query):
            return [("zh", query), ("zh", chinese.to_simplified(query))]
        return [("en", english.fold(query)), ("pinyin", chinese.pinyin_key(query))]
