"""The stored form of a unit, shared by both backends: normalised source, duplicate key, columns."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from itertools import chain, islice
from typing import Any, NamedTuple

from ..errors import TranslationMemoryError
from ..languages import language_tag
from ..model import TMUnit
from .index import RANK_BITS
from .normalize import normalize_many
from .results import AddCounts

__all__ = [
    "CHUNK",
    "Prepared",
    "add_in_chunks",
    "decode_created",
    "decode_properties",
    "encode_created",
    "encode_properties",
    "prepare",
    "stored_fields",
    "unit_from_row",
]


class Prepared(NamedTuple):
    """A unit ready to store: its normalised source and its duplicate key."""

    unit: TMUnit
    norm: str
    key: bytes


CHUNK = 1 << RANK_BITS  # units prepared and written at a time when adding: as many as postings takes at once


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
        where = f"{unit.origin}:{unit.line}" if unit.line else unit.origin or "no origin"
        raise TranslationMemoryError(
            f"unit {unit.source[:30]!r} ({where}) holds a NUL character or a lone surrogate; nothing was stored"
        )


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
