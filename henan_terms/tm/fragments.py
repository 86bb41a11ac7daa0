"""Fragment matches: stored sources that share a long stretch with the query, and the English of that
stretch in the stored translation.

A query that is one clause of a long stored sentence scores far below any fuzzy threshold, yet that
sentence's translation of the clause is what the translator needs. A **fragment** is the longest
stretch of the normalised query (scripts folded, so a traditional query finds simplified units) that
occurs in a stored normalised source, trimmed of spaces and punctuation at its ends. It is proposed
only when it is at least ``MIN_LENGTH`` (6) characters long and holds at least ``MIN_CONTENT`` (4)
characters of content words: words by jieba's dictionary that are neither function words (的, 和, 在,
对 …) nor numbers and punctuation. Shorter stretches are single terms, which the glossary and the
concordance already give, or chance runs of grammar words.

Finding them. A source sharing a stretch of ``MIN_LENGTH`` characters holds every character bigram of
one ``MIN_LENGTH``-window of the query, so the candidates are the units the postings show holding a
whole window (numpy intersections), and none sharing such a stretch is missed. A stretch of L
characters covers L − 5 consecutive windows: the longest run of consecutive windows a unit holds,
plus 5, bounds what it can share. Candidates are verified (their longest shared stretch computed
with difflib) best bound first, and a fragment is given once no unverified candidate's bound can
reach it: in a memory where one clause recurs in thousands of units, the first few fragments cost a
few verifications, not thousands.

The English of the stretch. Glossary terms (found as the linter finds them) and numbers are the
anchors placed in both languages: those of the stretch lie in its English, those of the rest of the
source outside it. The English is the stretch of the translation from the first to the last inside
anchor, widened where the Chinese stretch begins or ends a clause: up to the English clause's comma or
semicolon or the nearest outside anchor (a leading "and" left out), or to the end of the translation
where the source has nothing more. With no inside anchor, with anchors that cross, or
with an English that would be the whole translation of a source the stretch is only part of, no
English is proposed and the whole unit is shown.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from ..chinese import words
from ..glossary import Glossary
from ..match import SourceSpotter, TargetSpotter
from ..numbers import carries, chinese_quantities, english_quantities
from .index import BLOCK, IndexReader, bigrams, length_class

__all__ = [
    "MIN_CONTENT",
    "MIN_LENGTH",
    "Hit",
    "fragment_english",
    "fragment_hits",
    "shared_stretch",
]

MIN_LENGTH = 6
MIN_CONTENT = 4
_FUNCTION_WORDS = frozenset(
    " ".join(
        (
            "的 地 得 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 在 是 为 对 将 把 被 从 以 于 到 向 由 之",
            "其 该 这 那 也 都 就 又 还 更 等 等等 中 上 下 个 各 有 要",
        )
    ).split()
)
_EDGE = " ,.;:!?()\"'、。《》【】〔〕…—-"
_NUMERAL = re.compile(r"[\d.,%零〇一二两三四五六七八九十百千万亿]+")
_CLAUSE_END = re.compile(r"[,;:!?。、]")
_ENGLISH_CLAUSE_END = re.compile(r"[,;:!?]|\.(?=\s|$)")
_LEADING_AND = re.compile(r"^and\s+", re.IGNORECASE)
_LONGEST = 2**62
_BATCH = 64  # candidates whose sources are read at a time


Hit = tuple[int, str, tuple[int, int], tuple[int, int]]
"""(id, normalised source, query span, source span): a fragment, spans on the normalised texts."""


def fragment_hits(reader: IndexReader, query: str, exclude: set[int]) -> Iterator[Hit]:
    """The fragments units (not in ``exclude``) share with a normalised query, longest stretch first
    (equal ones in the order verified), verified lazily, best bound first."""
    if len(query) < MIN_LENGTH:
        return
    windows = [bigrams(query[i : i + MIN_LENGTH]) for i in range(len(query) - MIN_LENGTH + 1)]
    classes = (length_class(MIN_LENGTH), length_class(_LONGEST))
    rows = reader.read_postings(set().union(*windows), classes)
    held = {gram: _ids(found) for gram, found in rows.items()}
    units, numbers = [], []
    for number, window in enumerate(windows):  # the units holding every bigram of the window
        arrays = sorted((held[gram] for gram in window), key=len)
        holding = arrays[0]
        for other in arrays[1:]:
            holding = np.intersect1d(holding, other, assume_unique=True)
        units.append(holding)
        numbers.append(np.full(len(holding), number))
    unit_ids, bounds = _bounds(np.concatenate(units), np.concatenate(numbers))
    keep = ~np.isin(unit_ids, np.fromiter(exclude, np.int64, len(exclude)))
    order = np.lexsort((unit_ids[keep], -bounds[keep]))
    candidates, limits = unit_ids[keep][order].tolist(), bounds[keep][order].tolist()
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(query)
    verified: list[tuple[int, int, str, tuple[int, int], tuple[int, int]]] = []  # a heap, longest first
    position = 0
    while position < len(candidates) or verified:
        if verified and (position == len(candidates) or -verified[0][0] >= limits[position]):
            _, unit_id, source, query_span, source_span = heapq.heappop(verified)
            yield unit_id, source, query_span, source_span
            continue
        batch = candidates[position : position + _BATCH]
        position += len(batch)
        for unit_id, source in reader.read_sources(batch, (MIN_LENGTH, _LONGEST)):
            matcher.set_seq1(source)
            if (stretch := shared_stretch(matcher, query, source)) is not None:
                (start, end), source_span = stretch
                heapq.heappush(verified, (start - end, unit_id, source, (start, end), source_span))


def _ids(rows: list[tuple[int, bytes]]) -> npt.NDArray[np.int64]:
    """The unit ids of (block, offsets) postings rows, sorted."""
    if not rows:
        return np.empty(0, np.int64)
    blocks, chunks = zip(*rows, strict=True)
    bases = np.repeat(np.asarray(blocks, dtype=np.int64) * BLOCK, np.fromiter(map(len, chunks), np.int64) // 2)
    return np.sort(np.frombuffer(b"".join(chunks), dtype="<u2").astype(np.int64) + bases)


def _bounds(
    units: npt.NDArray[np.int64], numbers: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each unit holding a whole window, with the longest stretch it can share: a stretch of L
    characters covers L − 5 consecutive windows, so L is at most the longest run of consecutive
    windows the unit holds, plus 5."""
    if not len(units):
        return units, units
    order = np.lexsort((numbers, units))
    units, numbers = units[order], numbers[order]
    starts = np.flatnonzero(np.r_[True, (units[1:] != units[:-1]) | (numbers[1:] != numbers[:-1] + 1)])
    runs = np.diff(np.r_[starts, len(units)])
    run_units = units[starts]
    firsts = np.flatnonzero(np.r_[True, run_units[1:] != run_units[:-1]])
    return run_units[firsts], np.maximum.reduceat(runs, firsts) + MIN_LENGTH - 1


def shared_stretch(
    matcher: SequenceMatcher[str], query: str, source: str
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The query and source spans of the longest stretch the matcher (source, query) finds, trimmed
    of spaces and punctuation; None when it is too short or holds too few content characters."""
    s, q, size = matcher.find_longest_match(0, len(source), 0, len(query))
    while size and query[q] in _EDGE:
        s, q, size = s + 1, q + 1, size - 1
    while size and query[q + size - 1] in _EDGE:
        size -= 1
    if size < MIN_LENGTH or _content(query[q : q + size]) < MIN_CONTENT:
        return None
    return (q, q + size), (s, s + size)


@lru_cache(maxsize=4096)
def _content(text: str) -> int:
    """Characters of the text's content words: not function words, numbers or punctuation."""
    return sum(
        len(word)
        for word in words(text)
        if word not in _FUNCTION_WORDS and not _NUMERAL.fullmatch(word) and any(c.isalnum() for c in word)
    )


def fragment_english(source: str, span: tuple[int, int], target: str, glossary: Glossary) -> str | None:
    """The English of the ``span`` stretch of a normalised source in its translation, placed by the
    glossary terms and numbers found in both; None when they do not place it."""
    inside, outside = _anchors(source, span, target, glossary)
    if not inside:
        return None
    first, last = min(start for start, _ in inside), max(end for _, end in inside)
    if any(start < last and first < end for start, end in outside):
        return None
    start, end = span
    before, after = _content(source[:start]), _content(source[end:])
    if start == 0 or _CLAUSE_END.match(source[start - 1]):  # a clause begins here: so does its English
        bounds = [m.end() for m in _ENGLISH_CLAUSE_END.finditer(target, 0, first)]
        bounds += [e for _, e in outside if e <= first]
        first = max(bounds) if bounds else 0 if before < MIN_CONTENT else first
    if end == len(source) or _CLAUSE_END.match(source[end]):  # and ends here
        bounds = [m.start() for m in _ENGLISH_CLAUSE_END.finditer(target, last) if m.end() < len(target.rstrip())]
        bounds += [s for s, _ in outside if s >= last]
        last = min(bounds) if bounds else len(target) if after < MIN_CONTENT else last
    english = _LEADING_AND.sub("", target[first:last].strip(" ,;:."))
    if english == target.strip(" .") and before + after >= MIN_CONTENT:
        return None  # the whole translation for part of the source: not placed
    return english or None


def _anchors(
    source: str, span: tuple[int, int], target: str, glossary: Glossary
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """English spans of the anchors of the stretch and of those of the rest of the source. An anchor
    found both inside and outside the stretch places nothing."""
    source_spotter, target_spotter = _spotters(glossary)
    start, end = span
    terms = source_spotter.spot(source)
    places: dict[str, set[bool]] = {}
    for term in terms:
        places.setdefault(term.concept.id, set()).add(start <= term.start and term.end <= end)
    needs = Counter(term.concept.id for term in terms)
    spans: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    for match in target_spotter.spot(target, needs):
        if len(places[match.concept.id]) == 1:
            spans[next(iter(places[match.concept.id]))].append((match.start, match.end))
    quantities = chinese_quantities(source, [(term.start, term.end) for term in terms])
    numbers = english_quantities(target)
    values = Counter(quantity.value for quantity in quantities)
    for quantity in quantities:
        number = carries(quantity, numbers)
        if number is not None and values[quantity.value] == 1:
            spans[start <= quantity.start and quantity.end <= end].append(
                (number.start, number.start + len(number.text))
            )
    return spans[True], spans[False]


@lru_cache(maxsize=4)
def _spotters(glossary: Glossary) -> tuple[SourceSpotter, TargetSpotter]:
    return SourceSpotter(glossary), TargetSpotter(glossary)
