"""TMX: streaming export of translation units as TMX 1.4b, streaming import of TMX 1.1 and 1.4.

Mapping between a ``TMUnit`` and a ``<tu>``:

- ``tuid`` ↔ the ``tuid`` attribute; ``created`` ↔ ``creationdate`` (``YYYYMMDDThhmmssZ``, UTC,
  whole seconds: a naive time is taken as UTC; on import, a ``<tu>`` without one takes the
  target's, then the source's ``<tuv>`` date);
- ``origin`` ↔ ``<prop type="x-origin">``; ``confidence`` ↔ ``<prop type="x-confidence">``
  (written only when not 1.0); every other property ↔ a ``<prop>`` of that type, except the
  property ``note``, which is a ``<note>``. Properties and notes of the source and target
  ``<tuv>`` ↔ properties named ``source:`` and ``target:`` followed by the prop's type (or
  ``note``). These names (the two ``x-`` ones and those two prefixes) are reserved: a unit whose
  own properties use them does not survive a round trip. Attributes other than these are not
  imported.
- Languages: every ``<tuv>`` names its language (``xml:lang``, or TMX 1.1 ``lang``), as TMX
  requires; one that does not is refused with its line. The ``<tuv>`` in the wanted source
  language or a variant of it (``zh`` takes zh-CN, zh-Hans, zh-TW, zh-HK in any case) gives the
  source, whatever the file's ``srclang``: a Chinese→English memory reads an English→Chinese file
  the other way round. Without one, the source is the ``<tuv>`` in the unit's or the file's
  ``srclang``, or the first one. The target is the first other ``<tuv>`` in the wanted target
  language, else the first in another language than the source's. Tags are stored in their
  conventional case (``EN-US`` → ``en-US``).
- Inline markup: ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>`` and ``<ut>`` hold native codes (RTF,
  HTML) of the original document, not text, and are left out with what they hold (a ``<sub>``
  in a code is a separate flow of text, left out too); where leaving a code out would put two
  runs of white space together, one is kept. ``<hi>`` is text and kept. Segments are otherwise
  kept as they are, white space included.

A document whose root is not ``<tmx>``, or without a ``<body>``, is refused, naming the file and the
root's line (a ``<body>`` without units is an empty memory); the TMX elements may be in a namespace
(some tools put them in one of their own) and carry attributes of other tools. A ``<tu>`` without a
source or target segment with text is skipped and, if the caller passes a list, reported there with
its line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import FormatError, HenanTermsError, Problem
from ..languages import language_matches, language_tag
from ..model import TMUnit
from ..version import __version__
from .xml import iterparse

__all__ = [
    "CONFIDENCE",
    "DOCTYPE",
    "NOTE",
    "ORIGIN",
    "Tuv",
    "format_date",
    "line_of",
    "parse_date",
    "read_tmx",
    "segment_text",
    "tu_element",
    "write_tmx",
]

ORIGIN = "x-origin"
CONFIDENCE = "x-confidence"
NOTE = "note"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})
_DATE_PATTERN = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z")


# Writing ------------------------------------------------------------------------------------------


def write_tmx(units: Iterable[TMUnit], output: str | Path | IO[bytes], srclang: str | None = None) -> int:
    """Write units as TMX 1.4b (UTF-8), one ``<tu>`` at a time; returns how many were written.

    The header's ``srclang`` is the given one, else the first unit's source language; a unit in
    another source language says its own in the ``<tu>``.
    """
    iterator = iter(units)
    first = next(iterator, None)
    header_lang = srclang or (first.source_lang if first is not None else "*all*")
    count = 0
    target = str(output) if isinstance(output, Path) else output
    with etree.xmlfile(target, encoding="UTF-8") as document:
        document.write_declaration()
        document.write_doctype(DOCTYPE)
        with document.element("tmx", version="1.4"):
            document.write("\n", _header(header_lang), "\n")
            with document.element("body"):
                document.write("\n")
                for unit in chain([first] if first is not None else [], iterator):
                    document.write(tu_element(unit, header_lang), "\n")
                    count += 1
            document.write("\n")
    return count


def _header(srclang: str) -> etree._Element:
    return etree.Element(
        "header",
        creationtool="henan-terms",
        creationtoolversion=__version__,
        segtype="sentence",
        attrib={"o-tmf": "henan-terms", "adminlang": "en", "srclang": srclang, "datatype": "plaintext"},
        creationdate=format_date(datetime.now(UTC)),
    )


def tu_element(unit: TMUnit, srclang: str) -> etree._Element:
    """The ``<tu>`` of a unit; HenanTermsError if it holds characters XML cannot carry."""
    try:
        return _tu(unit, srclang)
    except ValueError:
        raise HenanTermsError(f"unit {unit.tuid or unit.source[:30]!r} holds characters XML cannot carry") from None


def _tu(unit: TMUnit, srclang: str) -> etree._Element:
    tu = etree.Element("tu")
    if unit.tuid:
        tu.set("tuid", unit.tuid)
    if unit.created is not None:
        tu.set("creationdate", format_date(unit.created))
    if unit.source_lang != srclang:
        tu.set("srclang", unit.source_lang)
    own = [(ORIGIN, unit.origin)] if unit.origin else []
    if unit.confidence != 1.0:
        own.append((CONFIDENCE, repr(unit.confidence)))
    segments: dict[str, list[tuple[str, str]]] = {"source": [], "target": []}
    for name, value in unit.properties:
        side, colon, rest = name.partition(":")
        if colon and rest and side in segments:
            segments[side].append((rest, value))
        else:
            own.append((name, value))
    _add_properties(tu, own)
    for side, lang, text in (("source", unit.source_lang, unit.source), ("target", unit.target_lang, unit.target)):
        tuv = etree.SubElement(tu, "tuv", {_XML_LANG: lang})
        _add_properties(tuv, segments[side])
        etree.SubElement(tuv, "seg").text = text
    return tu


def _add_properties(parent: etree._Element, properties: list[tuple[str, str]]) -> None:
    for name, value in properties:
        element = etree.SubElement(parent, "note") if name == NOTE else etree.SubElement(parent, "prop", type=name)
        element.text = value


def format_date(moment: datetime) -> str:
    """A time as a TMX date: UTC, whole seconds; a naive time is taken as UTC."""
    utc = (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone(UTC)
    return f"{utc.year:04d}{utc.month:02d}{utc.day:02d}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"


def parse_date(text: str | None) -> datetime | None:
    """A TMX date as an aware UTC time; None when absent or malformed."""
    match = _DATE_PATTERN.fullmatch(text or "")
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


# Reading ------------------------------------------------------------------------------------------


def read_tmx(
    source: str | Path | IO[bytes],
    *,
    source_lang: str = "zh",
    target_lang: str = "en",
    skipped: list[Problem] | None = None,
) -> Iterator[TMUnit]:
    """Stream the units of a TMX 1.1 or 1.4 file (see the module for the mapping).

    Raises FormatError for XML that is not well-formed or declares entities, a document whose root is
    not ``<tmx>`` (in any namespace) or that has no ``<body>``, and a ``<tuv>`` that names no language.
    """
    name = str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<stream>"))
    srclang = ""
    root: etree._Element | None = None
    body = False
    wanted = ("{*}header", "{*}body", "{*}tu")
    for _, element in iterparse(str(source) if isinstance(source, Path) else source, name=name, tag=wanted, root="tmx"):
        root = root if root is not None else element.getroottree().getroot()
        tag = _local(element)
        if tag == "header":
            srclang = element.get("srclang", "")
        elif tag == "tu":
            unit = _unit(name, element, srclang, source_lang, target_lang)
            if isinstance(unit, TMUnit):
                yield unit
            elif skipped is not None:
                skipped.append(Problem(name, line_of(element), unit))
            _forget(element)
        elif element.getparent() is root:
            body = True
    if not body:
        line = line_of(root) if root is not None else 0
        raise FormatError(name, line, "no <body>: a TMX file holds its units in the <body> of its <tmx>")


def line_of(element: etree._Element) -> int:
    """The line an element starts on, 0 if unknown."""
    line = element.sourceline
    return line if isinstance(line, int) else 0


def _forget(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


Tuv = tuple[str, etree._Element]
"""A ``<tuv>`` with its language tag in conventional case."""


def _local(element: etree._Element) -> str:
    """The name of an element without its namespace: a TMX may put its elements in one."""
    return etree.QName(element).localname


def _tuvs(name: str, tu: etree._Element) -> list[Tuv]:
    """The ``<tuv>`` children with their languages (``xml:lang``, or TMX 1.1 ``lang``); FormatError
    for one that names none, as TMX requires each to."""
    found = []
    for tuv in tu.iterchildren("{*}tuv"):
        lang = tuv.get(_XML_LANG) or tuv.get("lang")
        if not lang:
            raise FormatError(name, line_of(tuv), "tuv without xml:lang: TMX names the language of every segment")
        found.append((language_tag(lang), tuv))
    return found


def _unit(name: str, tu: etree._Element, srclang: str, source_lang: str, target_lang: str) -> TMUnit | str:
    """The unit of a ``<tu>``, or why there is none."""
    tuvs = _tuvs(name, tu)
    if not tuvs:
        return "tu without a tuv"
    source = _pick(tuvs, source_lang) or _pick(tuvs, tu.get("srclang") or srclang) or tuvs[0]
    others = [tuv for tuv in tuvs if tuv[1] is not source[1]]
    target = _pick(others, target_lang) or next((tuv for tuv in others if tuv[0] != source[0]), None)
    if target is None:
        return f"tu without a translation of its {source[0]} segment"
    source_text, target_text = segment_text(source[1]), segment_text(target[1])
    if not source_text.strip() or not target_text.strip():
        return "tu with an empty segment"
    origin, confidence, properties = _properties(tu)
    segments = [
        (f"{side}:{name}", value)
        for side, tuv in (("source", source[1]), ("target", target[1]))
        for name, value in _props_and_notes(tuv)
    ]
    if segments:
        properties += tuple(segments)
    created = tu.get("creationdate") or target[1].get("creationdate") or source[1].get("creationdate")
    return TMUnit(
        source=source_text,
        target=target_text,
        source_lang=source[0],
        target_lang=target[0],
        origin=origin,
        created=parse_date(created),
        confidence=confidence,
        properties=properties,
        tuid=tu.get("tuid", ""),
        line=line_of(tu),
    )


def _pick(tuvs: list[Tuv], wanted: str) -> Tuv | None:
    """The first ``<tuv>`` in the wanted language, or None."""
    if not wanted or wanted == "*all*":
        return None
    return next((tuv for tuv in tuvs if language_matches(tuv[0], wanted)), None)


def segment_text(tuv: etree._Element) -> str:
    """The text of a ``<tuv>``'s ``<seg>``, native codes left out (see the module)."""
    seg = next(tuv.iterchildren("{*}seg"), None)
    return "" if seg is None else _text(seg)


def _text(element: etree._Element) -> str:
    text = element.text or ""
    for child in element:
        tail = child.tail or ""
        if isinstance(child.tag, str) and _local(child) in _CODES:
            if text[-1:].isspace() and tail[:1].isspace():
                tail = tail.lstrip()
        elif isinstance(child.tag, str):
            text += _text(child)
        text += tail
    return text


def _properties(tu: etree._Element) -> tuple[str, float, tuple[tuple[str, str], ...]]:
    """Origin, confidence and the other properties and notes of a ``<tu>``, in order."""
    origin, confidence = None, None
    properties: list[tuple[str, str]] = []
    for name, value in _props_and_notes(tu):
        if name == ORIGIN and origin is None:
            origin = value
        elif name == CONFIDENCE and confidence is None and _is_confidence(value):
            confidence = float(value)
        else:
            properties.append((name, value))
    return origin or "", 1.0 if confidence is None else confidence, tuple(properties)


def _props_and_notes(element: etree._Element) -> list[tuple[str, str]]:
    """(type, text) of each ``<prop>`` and (``note``, text) of each ``<note>`` of an element, in order."""
    return [
        (child.get("type", ""), child.text or "") if _local(child) == "prop" else (NOTE, child.text or "")
        for child in element.iterchildren("{*}prop", "{*}note")
    ]


def _is_confidence(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False
