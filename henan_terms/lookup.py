"""Find concepts by Chinese (either script), pinyin (any style) or English (any inflection).

:meth:`TermIndex.lookup` finds a query equal to a key. :func:`find` also finds the forms real text uses:
a glossary term inside a longer query (a compound, a sentence), marked as a partial hit with the span it
occupies, and near variants (a character added or dropped, a short form of a full form) as "did you
mean" hits ranked by similarity; exact hits come first, then partial hits in reading order, then near ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from attrs import frozen
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from . import chinese, english
from .match import SourceSpotter, TargetSpotter
from .model import Concept

__all__ = [
    "EXACT",
    "NEAR",
    "NEAR_MIN_SCORE",
    "PARTIAL",
    "Hit",
    "TermIndex",
    "find",
]

EXACT, PARTIAL, NEAR = "exact", "partial", "near"
NEAR_MIN_SCORE = 60.0
"""Lowest similarity (0–100) of a "did you mean" hit."""


@frozen
class Hit:
    """A concept found by a query, with the key it matched on (``zh``, ``traditional``,
    ``pinyin`` or ``en``) and the matched text.

    ``kind`` is ``exact`` (the query is a key), ``partial`` (a key occupies ``span``, start and end
    offsets into the query) or ``near`` (the query resembles a key; ``score`` is the similarity, 0–100).
    """

    concept: Concept
    field: str
    matched: str
    kind: str = EXACT
    span: tuple[int, int] | None = None
    score: float = 100.0


class TermIndex:
    """Exact-key index over every form of every concept."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._concepts = tuple(concepts)
        self._keys: dict[tuple[str, str], list[tuple[Concept, str, str]]] = {}  # hits as tuples: quick to unpickle
        for concept in self._concepts:
            for term in concept.terms:
                self._add("zh", term.text, (concept, "zh", term.text))
                for form in term.traditional_forms:
                    self._add("zh", form, (concept, "traditional", form))
                self._add("pinyin", chinese.pinyin_key(term.pinyin), (concept, "pinyin", term.pinyin))
            for rendering in concept.renderings:
                self._add("en", english.fold(rendering.text), (concept, "en", rendering.text))

    def _add(self, kind: str, key: str, hit: tuple[Concept, str, str]) -> None:
        hits = self._keys.setdefault((kind, key), [])
        if all(concept.id != hit[0].id for concept, *_ in hits):
            hits.append(hit)

    def _hits(self, key: tuple[str, str]) -> list[Hit]:
        return [Hit(concept, field, matched) for concept, field, matched in self._keys.get(key, [])]

    def lookup(self, query: str) -> list[Hit]:
        """Concepts whose Chinese term, pinyin or English rendering equals the query's key."""
        hits: dict[str, Hit] = {}
        for key in self._query_keys(query):
            for hit in self._hits(key):
                hits.setdefault(hit.concept.id, hit)
        return list(hits.values())

    def suggest(self, query: str, limit: int = 5) -> list[Hit]:
        """Concepts whose keys are closest to the query (rapidfuzz WRatio), best first."""
        scored: list[tuple[float, Hit]] = []
        for kind, key in self._query_keys(query):
            keys = [k for (k_kind, k) in self._keys if k_kind == kind]
            for _choice, score, index in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit):
                scored += [(score, hit) for hit in self._hits((kind, keys[index]))]
        found: dict[str, Hit] = {}
        for _score, hit in sorted(scored, key=lambda pair: -pair[0]):
            found.setdefault(hit.concept.id, hit)
        return list(found.values())[:limit]

    def find(self, query: str, limit: int = 5) -> list[Hit]:
        """Exact hits, then the glossary terms inside the query (partial hits, in reading order); when
        there are neither, up to ``limit`` near variants of a query that is not a sentence ("did you
        mean"), best first."""
        found: dict[str, Hit] = {hit.concept.id: hit for hit in self.lookup(query)}
        partial = [hit for hit in self.partial(query) if hit.concept.id not in found]
        hits = list(found.values()) + partial
        if not hits and not _is_sentence(query):
            seen = {hit.concept.id for hit in hits}
            hits += [hit for hit in self.near(query, limit) if hit.concept.id not in seen]
        return hits

    def partial(self, query: str) -> list[Hit]:
        """The glossary terms inside a Chinese query (on word boundaries, longest first, as the linter
        spots them) or the renderings inside an English one, each with its span in the query. In a short
        English query (a phrase, not a sentence) a rendering must cover more than half of its words, so
        that "industrial chain" is not a hit for a misspelt "industrial chain leader sistem"."""
        if not self._concepts:
            return []
        if chinese.has_han(query):
            text = chinese.to_simplified(query)
            simplified = len(text) == len(query)
            return [
                Hit(
                    m.concept,
                    "zh" if not simplified or query[m.start : m.end] == m.form else "traditional",
                    query[m.start : m.end] if simplified else m.form,
                    PARTIAL,
                    (m.start, m.end),
                )
                for m in self.source_spotter.spot(text)
            ]
        needs = {concept.id: len(query) for concept in self._concepts}
        words = len(english.token_spans(query))
        return [
            Hit(m.concept, "en", query[m.start : m.end], PARTIAL, (m.start, m.end))
            for m in self.target_spotter.spot(query, needs)
            if _is_sentence(query) or 2 * len(english.token_spans(query[m.start : m.end])) > words
        ]

    def near(self, query: str, limit: int = 5) -> list[Hit]:
        """Near variants of a query, best first: for Chinese, a key one character longer or shorter
        or different, or a short form whose characters appear in order in the key (技改 in 技术改造) or
        the other way round; for English and pinyin, the keys most alike by rapidfuzz's WRatio."""
        scored: list[tuple[float, Hit]] = []
        if not chinese.has_han(query):
            scored = [(score, hit) for score, hit in self._suggested(query, limit) if score >= NEAR_MIN_SCORE]
        text = chinese.to_simplified(query.strip())
        for key in self._zh_keys if chinese.has_han(query) else ():
            if key == text or not _variant(text, key):
                continue
            score = fuzz.ratio(text, key)
            if score >= NEAR_MIN_SCORE:
                scored += [(score, hit) for hit in self._hits(("zh", key))]
        found: dict[str, Hit] = {}
        for score, hit in sorted(scored, key=lambda pair: (-pair[0], pair[1].matched)):
            found.setdefault(hit.concept.id, Hit(hit.concept, hit.field, hit.matched, NEAR, score=round(score, 1)))
        return list(found.values())[:limit]

    def _suggested(self, query: str, limit: int) -> list[tuple[float, Hit]]:
        scored: list[tuple[float, Hit]] = []
        for kind, key in self._query_keys(query):
            keys = [k for (k_kind, k) in self._keys if k_kind == kind]
            for _choice, score, index in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit):
                scored += [(score, hit) for hit in self._hits((kind, keys[index]))]
        return sorted(scored, key=lambda pair: -pair[0])

    @cached_property
    def _zh_keys(self) -> list[str]:
        return [key for kind, key in self._keys if kind == "zh"]

    @cached_property
    def source_spotter(self) -> SourceSpotter:
        """The glossary's terms in Chinese text, as the linter spots them."""
        return SourceSpotter(self._concepts)

    @cached_property
    def target_spotter(self) -> TargetSpotter:
        """The glossary's renderings in English text, as the linter spots them."""
        return TargetSpotter(self._concepts)

    def prepare(self) -> None:
        """Build the parts made on first use (the spotters, the Chinese keys), before the index is stored."""
        _ = self.source_spotter, self.target_spotter, self._zh_keys

    @staticmethod
    def _query_keys(query: str) -> list[tuple[str, str]]:
        query = query.strip()
        if chinese.has_han(query):
            return [("zh", query), ("zh", chinese.to_simplified(query))]
        return [("en", english.fold(query)), ("pinyin", chinese.pinyin_key(query))]


_SENTENCE_CHARS = 16  # longer Chinese queries are sentences: their terms are listed, no near variant sought
_SENTENCE_WORDS = 8


def _is_sentence(query: str) -> bool:
    if chinese.has_han(query):
        return len(query.strip()) > _SENTENCE_CHARS
    return len(query.split()) > _SENTENCE_WORDS


def _variant(query: str, key: str) -> bool:
    """One character added, dropped or changed; or one is the other's short form (its characters in order)."""
    if Levenshtein.distance(query, key) <= 1 and min(len(query), len(key)) >= 2:
        return True
    short, long = sorted((query, key), key=len)
    return len(short) >= 2 and len(long) > len(short) and _in_order(short, long)


def _in_order(short: str, long: str) -> bool:
    remaining = iter(long)
    return short[0] == long[0] and all(char in remaining for char in short)


def find(glossary: Iterable[Concept], query: str, limit: int = 5) -> list[Hit]:
    """Exact, partial and near hits of a query in a glossary (see :meth:`TermIndex.find`).

    >>> from henan_terms import load_glossary
    >>> glossary = load_glossary()
    >>> [(h.concept.zh, h.kind, h.span) for h in find(glossary, "链长制企业")]
    [('链长制', 'partial', (0, 3))]
    """
    index = getattr(glossary, "index", None)  # a Glossary keeps its index; other iterables get one each call
    return (index if isinstance(index, TermIndex) else TermIndex(glossary)).find(query, limit)
