"""XLIFF 1.2 and 2.0: translated segments as translation units (import only, streaming).

- XLIFF 1.2: each ``<trans-unit>`` with a ``<target>`` gives one unit; when the target is divided
  into ``<mrk mtype="seg">`` segments, each segment pairs with the ``<seg-source>`` segment of the
  same ``mid``. ``<alt-trans>`` suggestions are not translations and are left out.
- XLIFF 2.0: each ``<segment>`` with a ``<target>`` gives one unit; ``<ignorable>`` is left out.
- Languages: the file's ``source-language``/``target-language`` (1.2) or ``srcLang``/``trgLang``
  (2.0), overridden by ``xml:lang`` on ``<source>``/``<target>``; a translated segment whose side
  has neither is refused with its line. As for TMX, the side in the wanted source language (``zh``
  takes every Chinese variant) becomes the unit's source, so an English→Chinese file gives
  Chinese→English units; when neither side is in it, the file's direction is kept. Tags are stored
  in their conventional case (``zh-cn`` → ``zh-CN``).
- Inline markup: codes that stand for formatting of the original (1.2 ``x``, ``bx``, ``ex``,
  ``bpt``, ``ept``, ``ph``, ``it``; 2.0 ``ph``, ``sc``, ``ec``, ``sm``, ``em``) are left out with
  what they hold; elements that wrap text (1.2 ``g``, ``mrk``; 2.0 ``pc``, ``mrk``) keep it; 2.0
  ``<cp hex="…"/>`` is its character. Where leaving a code out would put two runs of white space
  together, one is kept. White space is kept under ``xml:space="preserve"`` and
  otherwise folded to single spaces, as XLIFF's default white-space handling allows.
- ``origin`` is the file's ``original`` and the unit's ``id`` (``file.htm#12``); notes become
  ``note`` properties and ``resname`` a ``resname`` property.

A document whose root is not ``<xliff>``, in the namespace of XLIFF 1.2 or 2.0, is refused with the
file and the root's line. A unit without text on either side (untranslated) is skipped and, if the caller passes a list,
reported there with its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from attrs import evolve
from lxml import etree

from ..errors import FormatError, Problem
from ..languages import language_matches, language_tag
from ..model import TMUnit
from .tmx import line_of
from .xml import iterparse

__all__ = [
    "XLIFF_12",
    "XLIFF_20",
    "Pair",
    "read_xliff",
]

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CODES = frozenset({"x", "bx", "ex", "bpt", "ept", "ph", "it", "sc", "ec", "sm", "em"})


def read_xliff(
    source: str | Path | IO[bytes], *, source_lang: str = "zh", skipped: list[Problem] | None = None
) -> Iterator[TMUnit]:
    """Stream the translated segments of an XLIFF 1.2 or 2.0 file as units (see the module).

    Raises FormatError for XML that is not well-formed, declares entities, or is not XLIFF (its root is
    not ``<xliff>`` in the namespace of XLIFF 1.2 or 2.0).
    """
    name = str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<stream>"))
    languages = _Languages()
    original = ""
    events = iterparse(
        str(source) if isinstance(source, Path) else source, events=("start", "end"), name=name, root="xliff"
    )
    for event, element in events:
        namespace, tag = _split(element.tag)
        if event == "start":
            if tag == "xliff" and namespace not in (XLIFF_12, XLIFF_20):
                raise FormatError(name, line_of(element), f"not XLIFF 1.2 or 2.0: namespace {namespace!r}")
            if tag == "xliff" and namespace == XLIFF_20:
                languages = _Languages(element, "srcLang", "trgLang")
            elif tag == "file":
                original = element.get("original", "")
                if namespace == XLIFF_12:
                    languages = _Languages(element, "source-language", "target-language")
        elif tag in ("trans-unit", "unit"):
            parts = _trans_unit(element) if tag == "trans-unit" else _unit_segments(element)
            for found in parts:
                if isinstance(found, str):
                    if skipped is not None:
                        skipped.append(Problem(name, line_of(element), found))
                    continue
                try:
                    unit = _make(*found, element, languages, original)
                except _Unreadable as error:
                    raise FormatError(name, error.line, str(error)) from None
                if isinstance(unit, str):
                    if skipped is not None:
                        skipped.append(Problem(name, line_of(element), unit))
                    continue
                yield _oriented(unit, source_lang)
            _forget(element)


class _Languages:
    """The languages an ``<xliff>`` (2.0) or ``<file>`` (1.2) element gives its units, and its attributes."""

    def __init__(self, element: etree._Element | None = None, source: str = "", target: str = "") -> None:
        self.element = element
        self.attributes = (source, target)
        self.tags = ("", "") if element is None else (element.get(source, ""), element.get(target, ""))


def _forget(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _split(tag: object) -> tuple[str, str]:
    text = str(tag)
    if text.startswith("{"):
        namespace, _, local = text[1:].partition("}")
        return namespace, local
    return "", text


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    return [child for child in element if _split(child.tag)[1] == tag]


def _segments(element: etree._Element) -> list[etree._Element]:
    return [mrk for mrk in element.iter() if _split(mrk.tag)[1] == "mrk" and mrk.get("mtype") == "seg"]


Pair = tuple[etree._Element, etree._Element, etree._Element, etree._Element]
"""The elements holding the source and target text, and the ``<source>`` and ``<target>`` they are in."""


def _trans_unit(unit: etree._Element) -> list[Pair | str]:
    """The text pairs of an XLIFF 1.2 ``<trans-unit>``: one, or one per ``mrk`` segment."""
    sources, targets, seg_sources = _children(unit, "source"), _children(unit, "target"), _children(unit, "seg-source")
    if not sources or not targets:
        return [f"trans-unit {unit.get('id', '')} without a target"]
    source, target = sources[0], targets[0]
    segments = _segments(target)
    if not segments or not seg_sources:
        return [(source, target, source, target)]
    by_mid = {mrk.get("mid"): mrk for mrk in _segments(seg_sources[0])}
    pairs: list[Pair | str] = []
    for mrk in segments:
        source_mrk = by_mid.get(mrk.get("mid"))
        if source_mrk is None:
            pairs.append(f"segment {mrk.get('mid')} of trans-unit {unit.get('id', '')} without its source")
        else:
            pairs.append((source_mrk, mrk, source, target))
    return pairs


def _unit_segments(unit: etree._Element) -> list[Pair | str]:
    """The text pairs of an XLIFF 2.0 ``<unit>``: one per ``<segment>``."""
    pairs: list[Pair | str] = []
    for segment in _children(unit, "segment"):
        sources, targets = _children(segment, "source"), _children(segment, "target")
        if sources and targets:
            pairs.append((sources[0], targets[0], sources[0], targets[0]))
        else:
            pairs.append(f"segment {segment.get('id', '')} of unit {unit.get('id', '')} without a target")
    return pairs


def _make(
    source_text: etree._Element,
    target_text: etree._Element,
    source: etree._Element,
    target: etree._Element,
    unit: etree._Element,
    languages: _Languages,
    original: str,
) -> TMUnit | str:
    """The unit of one text pair, or why there is none; _NoLanguage when a side has no language."""
    source_string, target_string = _text_of(source_text), _text_of(target_text)
    if not source_string.strip() or not target_string.strip():
        return f"unit {unit.get('id', '')} is not translated"
    properties = [("note", note.text or "") for note in unit.iter() if _split(note.tag)[1] == "note"]
    if unit.get("resname"):
        properties.insert(0, ("resname", unit.get("resname", "")))
    return TMUnit(
        source=source_string,
        target=target_string,
        source_lang=language_tag(_language(source, unit, languages, 0)),
        target_lang=language_tag(_language(target, unit, languages, 1)),
        origin=f"{original}#{unit.get('id', '')}",
        properties=tuple(properties),
        line=line_of(unit),
    )


def _oriented(unit: TMUnit, source_lang: str) -> TMUnit:
    """The unit turned round when only its target side is in the wanted source language."""
    if language_matches(unit.source_lang, source_lang) or not language_matches(unit.target_lang, source_lang):
        return unit
    return evolve(
        unit, source=unit.target, target=unit.source, source_lang=unit.target_lang, target_lang=unit.source_lang
    )


def _preserved(element: etree._Element) -> bool:
    for ancestor in (element, *element.iterancestors()):
        space = ancestor.get(_XML_SPACE)
        if space is not None:
            return space == "preserve"
    return False


def _text_of(element: etree._Element) -> str:
    text = _inline(element)
    return text if _preserved(element) else " ".join(text.split())


def _inline(element: etree._Element) -> str:
    text = element.text or ""
    for child in element:
        tag = _split(child.tag)[1]
        tail = child.tail or ""
        if tag == "cp":
            text += _code_point(child)
        elif tag in _CODES:
            if text[-1:].isspace() and tail[:1].isspace():
                tail = tail.lstrip()
        elif isinstance(child.tag, str):
            text += _inline(child)
        text += tail
    return text


def _language(side: etree._Element, unit: etree._Element, languages: _Languages, index: int) -> str:
    """The language of a ``<source>`` (index 0) or ``<target>`` (1): its own ``xml:lang``, else the
    one its file gives; _NoLanguage when neither names one."""
    tag = side.get(_XML_LANG) or languages.tags[index]
    if not tag:
        raise _NoLanguage(side, unit, languages, index)
    return tag


class _Unreadable(ValueError):
    """What makes a file unreadable, found where the file's name is not known; ``read_xliff`` reports
    it with the file's name and the ``line``."""

    line: int


class _BadCodePoint(_Unreadable):
    """A ``<cp>`` that names no character."""

    def __init__(self, cp: etree._Element) -> None:
        self.line = line_of(cp)
        super().__init__(f"bad code point <cp hex={cp.get('hex')!r}/>")


class _NoLanguage(_Unreadable):
    """A translated segment whose source or target has no language: XLIFF requires the file to name it."""

    def __init__(self, side: etree._Element, unit: etree._Element, languages: _Languages, index: int) -> None:
        self.line = line_of(unit)
        kind, name = _split(unit.tag)[1], ("source", "target")[index]
        where = "<xliff>" if kind == "unit" else "<file>"
        if languages.element is not None:
            where = f"the {where} at line {line_of(languages.element)}"
            attribute = languages.attributes[index]
        else:
            attribute = (
                ("srcLang", "trgLang")[index] if kind == "unit" else ("source-language", "target-language")[index]
            )
        super().__init__(
            f"{kind} {unit.get('id', '')} has no {name} language: give {attribute} on {where} or xml:lang on <{name}>"
        )


def _code_point(cp: etree._Element) -> str:
    try:
        return chr(int(cp.get("hex", ""), 16))
    except (ValueError, OverflowError):
        raise _BadCodePoint(cp) from None
