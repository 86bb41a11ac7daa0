"""The fuzzy search both backends share: the score, the bigram candidate filter with its recall
proof, ranking, and the postings rows the filter reads (:mod:`.lookup` builds on it).

Score
    ``100 × (1 − d / L)``, where ``d`` is the Levenshtein distance (insertions, deletions and
    substitutions of one character each cost 1) between the normalised query and the normalised
    source, and ``L`` the length of the longer of the two; rapidfuzz's
    ``Levenshtein.normalized_similarity`` computes exactly this, and the tests check that it does.

Candidate filter and why it loses nothing
    Let the normalised query ``a`` have ``n`` characters, ``t = min_score / 100 ≥ 1/2``, and ``b``
    be a source of ``m`` characters with score ≥ ``min_score``, that is ``d ≤ (1 − t)·max(n, m)``.

    *Length.* ``d ≥ |n − m|``, hence ``t·n ≤ m ≤ n / t``.

    *Bigrams.* Take an optimal edit script from ``a`` to ``b`` with ``ins`` insertions, ``del``
    deletions and ``sub`` substitutions (``d = ins + del + sub``). An occurrence of a bigram
    ``a[i]a[i+1]`` is destroyed only if ``a[i]`` or ``a[i+1]`` is deleted or substituted (each such
    operation destroys at most two occurrences) or if something is inserted between them (each
    insertion destroys at most one; insertions at either end destroy none). So at most
    ``2·(del + sub) + ins = 2d − ins`` occurrences are destroyed; every other one is also a bigram
    of ``b``. If ``m ≤ n``: ``2d − ins ≤ 2d ≤ 2(1 − t)·n``. If ``m > n``: ``ins ≥ m − n``, so
    ``2d − ins ≤ 2(1 − t)·m − (m − n) = n − (2t − 1)·m ≤ n − (2t − 1)·n = 2(1 − t)·n``.
    A distinct bigram of ``a`` is missing from ``b`` only if all its occurrences are destroyed,
    so **at most B = ⌊2(1 − t)·n⌋ distinct query bigrams are missing from b**.

    Hence, for any K distinct query bigrams, ``b`` contains at least ``K − B`` of them (the count
    filter), and with ``K = B + 1`` at least one (the prefix filter: look up only the rarest
    ``K`` bigrams). When the query has no more than ``B`` distinct bigrams, or ``t < 1/2``, the
    bigrams prove nothing and every source in the length window is scored. The bounds are
    computed with a margin of 10⁻⁹ on ``t``, so that floating-point rounding of the final score
    can never admit a source the filter left out; the final cut is the same float comparison
    (``score ≥ min_score``) a brute-force scan makes. Recall therefore equals a brute-force scan
    over every unit, whatever the sentences' lengths: nothing is capped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import chain, pairwise
from typing import Any, Protocol

import numpy as np
from attrs import frozen
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..model import TMUnit

__all__ = [
    "BLOCK",
    "DEFAULT_MIN_SCORE",
    "RANK_BITS",
    "IndexReader",
    "Plan",
    "bigrams",
    "counted",
    "fuzzy_hits",
    "length_class",
    "length_window",
    "plan",
    "postings",
    "rank",
    "score",
]

DEFAULT_MIN_SCORE = 75.0
BLOCK = 1 << 16  # unit ids per postings row: offsets fit in uint16
_PLANES = 0x110000  # code points: a bigram is first × _PLANES + second
RANK_BITS = 17  # see postings
_MARGIN = Fraction(1, 10**9)


class IndexReader(Protocol):
    """What the shared search reads from a backend: postings counts and rows, normalised sources, units."""

    def count_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, int]:
        """How many units of some length classes hold each bigram (bigrams none holds are left out)."""
        ...

    def read_postings(self, grams: Iterable[int], classes: tuple[int, int]) -> dict[int, list[tuple[int, bytes]]]:
        """The (block, offsets) postings rows of each bigram, for sources of some length classes."""
        ...

    def read_sources(self, ids: Sequence[int] | None, window: tuple[int, int]) -> list[tuple[int, str]]:
        """(id, normalised source) of these units (all when None) whose source length is in the window."""
        ...

    def read_units(self, ids: Sequence[int]) -> dict[int, TMUnit]:
        """The units of these ids."""
        ...


def fuzzy_hits(reader: IndexReader, query: str, min_score: float, limit: int | None) -> list[tuple[int, float, str]]:
    """(id, score, normalised source) of the units scoring at least ``min_score`` against a
    normalised query, best first, ties by id: the candidate filter, then exact rescoring."""
    window = length_window(len(query), min_score)
    classes = (length_class(window[0]), length_class(window[1]))
    candidate_plan = plan(query, min_score, reader.count_postings(bigrams(query), classes))
    ids = None
    if candidate_plan.grams:
        rows = reader.read_postings(candidate_plan.grams, classes)
        ids = counted(chain.from_iterable(rows.values()), candidate_plan.need)
    candidates = reader.read_sources(ids, window)
    sources = dict(candidates)
    return [(unit_id, value, sources[unit_id]) for unit_id, value in rank(query, candidates, min_score, limit)]


# Scoring and candidate filtering ------------------------------------------------------------------


def score(query: str, source: str) -> float:
    """The fuzzy-match score of two normalised texts: 100 × (1 − distance / longer length)."""
    longer = max(len(query), len(source))
    return 100.0 * (1 - Levenshtein.distance(query, source) / longer) if longer else 100.0


def bigrams(text: str) -> set[int]:
    """The distinct character bigrams of a normalised text, each as one integer."""
    return {ord(a) * _PLANES + ord(b) for a, b in pairwise(text)}


def _bound(min_score: float) -> Fraction:
    """``t = min_score / 100``, lowered by the margin that keeps the filters on the safe side."""
    return Fraction(min_score) / 100 - _MARGIN


def length_window(length: int, min_score: float) -> tuple[int, int]:
    """The shortest and longest source that can score ``min_score`` against a query of this length."""
    t = _bound(min_score)
    return max(math.ceil(t * length), 0), math.floor(length / t) if t > 0 else 2**62


@frozen
class Plan:
    """Candidates hold at least ``need`` of ``grams``; no grams: score every source in the length window."""

    grams: tuple[int, ...] = ()
    need: int = 0


def plan(query: str, min_score: float, frequency: Mapping[int, int]) -> Plan:
    """The bigram filter for a normalised query (see the module's proof).

    ``frequency`` gives the number of units in the length window holding each bigram; the rarest
    are looked up, and bigrams no unit holds are free. Past the B + 1 needed, the next rarest are
    added while the postings read stay within four times those of the B + 1: each raises ``need`` by one.
    """
    t = _bound(min_score)
    grams = sorted(bigrams(query), key=lambda gram: (frequency.get(gram, 0), gram))
    missing = math.floor(2 * (1 - t) * len(query))
    if t < Fraction(1, 2) or len(grams) <= missing:
        return Plan()
    chosen = missing + 1
    cost = sum(frequency.get(gram, 0) for gram in grams[:chosen])
    budget = 4 * cost + 1
    while chosen < len(grams) and cost + frequency.get(grams[chosen], 0) <= budget:
        cost += frequency.get(grams[chosen], 0)
        chosen += 1
    return Plan(tuple(grams[:chosen]), chosen - missing)


def rank(
    query: str, candidates: Sequence[tuple[int, str]], min_score: float, limit: int | None
) -> list[tuple[int, float]]:
    """(id, score) of the candidates scoring at least ``min_score``, best first, ties by id.

    rapidfuzz computes the distances, under a whole-number cutoff no source that can reach
    ``min_score`` exceeds; the score itself is computed as ``score`` computes it. (rapidfuzz's own
    cutoff on the normalised similarity is not exact at the boundary: it can drop a source scoring
    exactly ``min_score``.)
    """
    t = _bound(min_score)
    texts = [text for _, text in candidates]
    cutoff = math.floor((1 - t) * max([len(query), *map(len, texts)])) if t > 0 else None
    found = process.extract(query, texts, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    hits = []
    for text, distance, index in found:
        longer = max(len(query), len(text))
        value = 100.0 * (1 - distance / longer) if longer else 100.0
        if value >= min_score:
            hits.append((candidates[index][0], value))
    hits.sort(key=lambda hit: (-hit[1], hit[0]))
    return hits if limit is None else hits[:limit]


# Bigram postings ---------------------------------------------------------------------------------
#
# The postings of a bigram are kept in rows of one length class and one block of BLOCK consecutive
# unit ids each: the ids' offsets in the block as little-endian uint16, appended as units are added.
# A query reads only the rows of the length classes its length window meets.


def length_class(length: int) -> int:
    """The length class of a source: its length below 16, then two classes per doubling (16–23,
    24–31, 32–47, …). Finer classes read fewer postings a lookup but make more rows to write and
    to read: two per doubling was the quickest both ways (benchmarks/bench_tm.py)."""
    if length < 16:
        return length
    bits = length.bit_length()
    return 2 * bits + 4 + (length >> (bits - 2))


def postings(ids: Sequence[int], texts: Sequence[str]) -> list[Any]:
    """The postings rows for units of these ids and normalised texts, sorted, as one flat list:
    bigram, length class, block and offsets of each row in turn (the form the backends bind).

    At most 2**17 units at a time (a chunk): each bigram occurrence becomes one integer, the bigram
    followed by its unit's rank in (length class, id) order, so that one plain sort puts them in
    row order with each row's offsets ascending. The offsets are a bytearray, which Python's sqlite3
    binds quicker than bytes.
    """
    if len(texts) > 1 << RANK_BITS:
        raise ValueError(f"postings of {len(texts)} units at once: at most {1 << RANK_BITS}")
    lengths = [len(text) for text in texts]
    unit_ids = np.asarray(ids, dtype=np.int64)
    unit_classes = np.asarray([length_class(length) for length in lengths], dtype=np.int64)
    by_rank = np.lexsort((unit_ids, unit_classes))
    rank = np.empty_like(by_rank)
    rank[by_rank] = np.arange(len(by_rank))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    unit = np.repeat(np.arange(len(texts)), lengths)
    inside = unit[:-1] == unit[1:]
    grams = (codes[:-1] * _PLANES + codes[1:])[inside]
    keys = np.sort((grams << RANK_BITS) | rank[unit[:-1][inside]].astype(np.uint64))
    if not len(keys):
        return []
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    units = by_rank[(keys & ((1 << RANK_BITS) - 1)).astype(np.int64)]
    grams, classes, unit_ids = keys >> RANK_BITS, unit_classes[units], unit_ids[units]
    blocks = unit_ids // BLOCK
    changed = (grams[1:] != grams[:-1]) | (classes[1:] != classes[:-1]) | (blocks[1:] != blocks[:-1])
    starts = np.flatnonzero(np.r_[True, changed])
    ends = np.r_[starts[1:], len(keys)]
    data = bytearray((unit_ids % BLOCK).astype("<u2").tobytes())
    flat: list[Any] = [None] * (4 * len(starts))
    flat[0::4] = grams[starts].tolist()
    flat[1::4] = classes[starts].tolist()
    flat[2::4] = blocks[starts].tolist()
    flat[3::4] = map(data.__getitem__, map(slice, (2 * starts).tolist(), (2 * ends).tolist()))  # two bytes each
    return flat


def counted(rows: Iterable[tuple[int, bytes]], need: int) -> list[int]:
    """Unit ids that occur in at least ``need`` of the (block, offsets) postings rows, ascending."""
    listed = list(rows)
    if not listed:
        return []
    blocks, chunks = zip(*listed, strict=True)
    bases = np.repeat(np.asarray(blocks, dtype=np.int64) * BLOCK, np.fromiter(map(len, chunks), np.int64) // 2)
    ids = np.frombuffer(b"".join(chunks), dtype="<u2").astype(np.int64) + bases
    first = int(ids.min())
    found: list[int] = (np.flatnonzero(np.bincount(ids - first) >= need) + first).tolist()
    return found
