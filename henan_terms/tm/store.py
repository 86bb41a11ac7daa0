"""The translation-memory contract: the store protocol, its results, and ``open_tm(url)``.

Both backends (``sqlite.py``, the embedded default, and ``postgres.py``, for a team sharing one
memory) implement :class:`TranslationMemory` and share the parts defined here: the score, the
bigram candidate filter with its recall proof, ranking, and the rendering history.

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

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from fractions import Fraction
from itertools import chain, islice, pairwise
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Protocol, Self

import numpy as np
from attrs import frozen
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .. import english
from ..errors import HenanTermsError, Problem
from ..formats.po import write_po_units
from ..formats.tmx import write_tmx
from ..formats.units import read_units
from ..glossary import Glossary
from ..languages import language_tag
from ..match import SourceSpotter
from ..model import Concept, Status, TMUnit
from .normalize import normalize, normalize_many

DEFAULT_MIN_SCORE = 75.0
BLOCK = 1 << 16  # unit ids per postings row: offsets fit in uint16
_PLANES = 0x110000  # code points: a bigram is first × _PLANES + second
_RANK_BITS = 17  # see postings
_MARGIN = Fraction(1, 10**9)


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


class TranslationMemory(Protocol):
    """A translation memory: units in, fuzzy matches, concordance and rendering history out."""

    def __len__(self) -> int:
        """The number of units stored."""
        ...

    def add(self, units: Iterable[TMUnit]) -> AddCounts:
        """Store units; a pair already stored (same normalised texts and languages) is skipped."""
        ...

    def search(self, text: str, min_score: float = DEFAULT_MIN_SCORE, limit: int | None = 10) -> list[Match]:
        """Units whose source scores at least ``min_score`` against the text, best first.

        Ties keep the order in which the units were stored; ``limit=None`` returns every match.
        """
        ...

    def concordance(self, term: str, limit: int | None = None) -> list[TMUnit]:
        """Units whose normalised source contains the normalised term, in the order stored."""
        ...

    def units(self) -> Iterator[TMUnit]:
        """Every unit, in the order stored."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def history(self, glossary: Glossary, term: str | None = None, examples: int = 3) -> list[TermHistory]:
        """The rendering history of every concept of the glossary, or of those a term looks up."""
        concepts = glossary.concepts if term is None else _looked_up(glossary, term)
        spotter = SourceSpotter(glossary)
        return [rendering_history(self, concept, spotter, examples) for concept in concepts]

    def export(self, path: str | Path, format: str = "tmx") -> int:
        """Write every unit to a file as ``tmx`` (TMX 1.4b) or ``po``; returns how many."""
        if format == "tmx":
            return write_tmx(self.units(), path)
        if format == "po":
            return write_po_units(self.units(), path)
        raise HenanTermsError(f"cannot export a translation memory as {format!r}: use tmx or po")

    def import_file(
        self, path: str | Path, source_lang: str = "zh", target_lang: str = "en", skipped: list[Problem] | None = None
    ) -> AddCounts:
        """Add the units of a bilingual file (TMX, XLIFF, PO, Qt Linguist); skipped ones go to ``skipped``.
        Nothing is added when the file cannot be read (``add`` is one transaction)."""
        return self.add(read_units(path, source_lang=source_lang, target_lang=target_lang, skipped=skipped))

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def open_tm(url: str | Path, create: bool = True) -> TranslationMemory:
    """Open a translation memory, creating it if needed (or, with ``create=False``, refusing a
    file or database that holds none, so that a mistyped name is an error, not a new memory).

    ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or a plain path: an SQLite
    file; ``:memory:`` or ``sqlite://``: SQLite in memory; ``postgresql://…``: PostgreSQL
    (needs the ``postgres`` extra, psycopg 3).
    """
    text = str(url)
    scheme, separator, rest = text.partition("://")
    if not separator:
        from .sqlite import SQLiteTM

        return SQLiteTM(text, create)
    if scheme == "sqlite":
        from .sqlite import SQLiteTM

        return SQLiteTM(rest[1:] if rest.startswith("/") else ":memory:", create)
    if scheme in ("postgresql", "postgres"):
        from .postgres import PostgresTM

        return PostgresTM(text, create)
    raise HenanTermsError(f"unsupported translation memory URL {text!r}: use a path, sqlite:/// or postgresql://")


def no_memory(where: str) -> HenanTermsError:
    """The error of opening, without creating, a file or database that holds no memory."""
    return HenanTermsError(f"{where}: no translation memory here (tm build or tm import makes one)")


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


def search_index(reader: IndexReader, text: str, min_score: float, limit: int | None) -> list[Match]:
    """Fuzzy lookup over a backend's bigram index: the candidate filter, then exact rescoring."""
    if limit is not None and limit < 0:
        raise HenanTermsError(f"limit must not be negative, not {limit}")
    query = normalize(text)
    if not query:
        return []
    window = length_window(len(query), min_score)
    classes = (length_class(window[0]), length_class(window[1]))
    candidate_plan = plan(query, min_score, reader.count_postings(bigrams(query), classes))
    ids = None
    if candidate_plan.grams:
        rows = reader.read_postings(candidate_plan.grams, classes)
        ids = counted(chain.from_iterable(rows.values()), candidate_plan.need)
    hits = rank(query, reader.read_sources(ids, window), min_score, limit)
    found = reader.read_units([unit_id for unit_id, _ in hits])
    return [Match(found[unit_id], value) for unit_id, value in hits]


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
    if len(texts) > 1 << _RANK_BITS:
        raise ValueError(f"postings of {len(texts)} units at once: at most {1 << _RANK_BITS}")
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
    keys = np.sort((grams << _RANK_BITS) | rank[unit[:-1][inside]].astype(np.uint64))
    if not len(keys):
        return []
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    units = by_rank[(keys & ((1 << _RANK_BITS) - 1)).astype(np.int64)]
    grams, classes, unit_ids = keys >> _RANK_BITS, unit_classes[units], unit_ids[units]
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


# Rendering history --------------------------------------------------------------------------------


def _looked_up(glossary: Glossary, term: str) -> list[Concept]:
    return list({hit.concept.id: hit.concept for hit in glossary.lookup(term)}.values())


def rendering_history(
    tm: TranslationMemory, concept: Concept, spotter: SourceSpotter, examples: int = 3
) -> TermHistory:
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


# Stored form of a unit ----------------------------------------------------------------------------


class Prepared(NamedTuple):
    """A unit ready to store: its normalised source and its duplicate key."""

    unit: TMUnit
    norm: str
    key: bytes


CHUNK = 1 << _RANK_BITS  # units prepared and written at a time when adding: as many as postings takes at once


def add_in_chunks(units: Iterable[TMUnit], store_new: Callable[[dict[bytes, Prepared]], int]) -> AddCounts:
    """Add units a chunk at a time: prepare them, drop empty ones and repeats, and let the backend
    store the distinct rest (``store_new`` returns how many were not stored yet)."""
    counts = AddCounts()
    iterator = iter(units)
    while chunk := list(islice(iterator, CHUNK)):
        prepared = prepare(chunk)
        distinct: dict[bytes, Prepared] = {}
        for item in prepared:
            if item is not None:
                distinct.setdefault(item.key, item)
        added = store_new(distinct)
        empty = prepared.count(None)
        counts += AddCounts(added, len(chunk) - empty - added, empty)
    return counts


def prepare(units: Sequence[TMUnit]) -> list[Prepared | None]:
    """The stored form of each unit, or None for one whose source or target is empty once normalised.

    The key is a digest of the normalised source and target and both language tags (in their
    conventional case), so the same pair in another spacing, script or quotation style is a
    duplicate.
    """
    _check_storable(units)
    sources = normalize_many([unit.source for unit in units])
    targets = normalize_many([unit.target for unit in units])
    prepared: list[Prepared | None] = []
    for unit, source, target in zip(units, sources, targets, strict=True):
        if not source or not target:
            prepared.append(None)
            continue
        fields = (source, target, language_tag(unit.source_lang), language_tag(unit.target_lang))
        key = hashlib.blake2b("\x00".join(fields).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        prepared.append(Prepared(unit, source, key))
    return prepared


def _check_storable(units: Sequence[TMUnit]) -> None:
    """Refuse text no store (nor TMX) can keep: NUL characters and lone surrogates."""
    if not _storable(units):
        unit = next(unit for unit in units if not _storable([unit]))
        raise HenanTermsError(f"unit {unit.source[:30]!r} holds a NUL character or a lone surrogate")


def _storable(units: Sequence[TMUnit]) -> bool:
    fields = (
        (unit.source, unit.target, unit.source_lang, unit.target_lang, unit.origin, unit.tuid, *chain(*unit.properties))
        for unit in units
    )
    text = "".join(chain.from_iterable(fields))
    try:
        text.encode("utf-8")  # fails on a lone surrogate
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def stored_fields(item: Prepared) -> tuple[bytearray, str, str, str, str, str, str | None, float, str, str]:
    """The columns of a unit as stored: key, texts, languages, origin, created, confidence, properties, tuid.

    The key is a bytearray, which Python's sqlite3 binds quicker than bytes.
    """
    unit = item.unit
    created, properties = encode_created(unit.created), encode_properties(unit.properties)
    return (
        bytearray(item.key),
        unit.source,
        unit.target,
        unit.source_lang,
        unit.target_lang,
        unit.origin,
        created,
        unit.confidence,
        properties,
        unit.tuid,
    )


def unit_from_row(row: Sequence[Any]) -> TMUnit:
    """A unit from a stored row: id, source, target, languages, origin, created, confidence, properties, tuid."""
    _, source, target, source_lang, target_lang, origin, created, confidence, properties, tuid = row
    return TMUnit(
        source=source,
        target=target,
        source_lang=source_lang,
        target_lang=target_lang,
        origin=origin,
        created=decode_created(created),
        confidence=confidence,
        properties=decode_properties(properties),
        tuid=tuid,
    )


def encode_properties(properties: tuple[tuple[str, str], ...]) -> str:
    """Properties as JSON: a list of [name, value] pairs, order and repeats kept."""
    return json.dumps([list(pair) for pair in properties], ensure_ascii=False) if properties else "[]"


def decode_properties(text: str) -> tuple[tuple[str, str], ...]:
    """The inverse of ``encode_properties``."""
    return tuple((str(name), str(value)) for name, value in json.loads(text))


def encode_created(created: datetime | None) -> str | None:
    """A creation time as ISO 8601 text (time zone and microseconds kept), or None."""
    return None if created is None else created.isoformat()


def decode_created(text: str | None) -> datetime | None:
    """The inverse of ``encode_created``."""
    return None if text is None else datetime.fromisoformat(text)
