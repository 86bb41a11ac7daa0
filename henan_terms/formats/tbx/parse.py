"""Reading the entries of any TBX file (v3 and 2008, several dialects) through the safe ``iterparse``,
clearing every entry once read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from attrs import evolve, frozen
from lxml import etree

from ...errors import FormatError, Problem
from ...model import Source
from ..xml import iterparse
from ._common import (
    CORE,
    ENTRIES,
    OBJECT_SECTIONS,
    SECTIONS,
    SOURCE_FIELDS,
    SOURCE_OBJECTS,
    TERM_SECTIONS,
    XML_LANG,
    original_id,
)

__all__ = [
    "Datum",
    "EntryParser",
    "Tally",
    "TbxEntry",
    "TbxTerm",
    "iter_tbx",
]

# Reading: the entries of any TBX file ------------------------------------------------------------


@frozen
class Datum:
    """One data category of an entry, a language section or a term, as read.

    ``category`` is the ``type`` of a ``descrip``, ``admin``, ``termNote`` … (DCA style and TBX 2008),
    the element's name in DCT style, or ``note``; ``group`` names the category this one qualifies
    inside a ``descripGrp``, ``adminGrp`` or ``termNoteGrp``.
    """

    category: str
    text: str
    line: int
    target: str = ""
    group: str = ""

    def as_note(self, language: str = "") -> str:
        """The datum written as a note line: ``category (language): text``."""
        name = f"{self.category} of {self.group}" if self.group else self.category
        name = f"{name} ({language})" if language else name
        text = f"{self.text} ({self.target})" if self.target.startswith(("http://", "https://")) else self.text
        return text if name == "note" else f"{name}: {text}"


@frozen
class TbxTerm:
    """A term of an entry with its language and data categories."""

    text: str
    language: str
    line: int
    id: str = ""
    data: tuple[Datum, ...] = ()


@frozen
class TbxEntry:
    """A concept entry (``conceptEntry`` or ``termEntry``) as read, whatever its languages."""

    id: str
    line: int
    data: tuple[Datum, ...]
    section_data: tuple[tuple[str, Datum], ...]  # language-section data with the section's language
    terms: tuple[TbxTerm, ...]


def iter_tbx(path: str | Path) -> Iterator[TbxEntry]:
    """Stream the entries of a TBX v3 (DCA or DCT) or TBX 2008 file, in any languages.

    Raises FormatError, naming the file and line, for a file that is empty, not well-formed, not TBX,
    or that declares entities.
    """
    return EntryParser(Path(path), Tally()).entries()


class Tally:
    """Counts of what an import could not keep, each with the line it was first seen on."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lines: dict[str, int] = {}

    def add(self, what: str, line: int) -> None:
        self.counts[what] += 1
        self.lines.setdefault(what, line)

    def problems(self, path: str) -> list[Problem]:
        return [Problem(path, self.lines[what], f"not kept: {count} × {what}") for what, count in self.counts.items()]


class EntryParser:
    """Streams a TBX file: yields its entries, and keeps its title and the sources of its back matter."""

    def __init__(self, path: Path, tally: Tally) -> None:
        self.path = path
        self.name = str(path)
        self.tally = tally
        self.title = ""
        self.sources: dict[str, Source] = {}

    def entries(self) -> Iterator[TbxEntry]:
        try:
            empty = self.path.stat().st_size == 0
        except OSError as error:
            raise FormatError(self.name, 0, f"cannot read: {error.strerror}") from None
        if empty:
            raise FormatError(self.name, 1, "empty file: a TBX file has a <tbx> (TBX v3) or <martif> (TBX 2008) root")
        for _event, root in iterparse(self.path, events=("start",), name=self.name):
            self._check_root(root)
            break
        for _event, element in iterparse(self.path, name=self.name, tag=_WANTED):
            name = _local(element)
            if name in ENTRIES:
                yield _entry(element)
                _release(element)
            elif name in OBJECT_SECTIONS:
                self._objects(element)
                _release(element)
            elif name == "title" and not self.title:
                self.title = _text(element)

    def _check_root(self, root: etree._Element) -> None:
        if _local(root) not in ("tbx", "martif"):
            message = f"not TBX: the root element is <{_local(root)}>, not <tbx> (TBX v3) or <martif> (TBX 2008)"
            raise FormatError(self.name, _line(root) or 1, message)

    def _objects(self, section: etree._Element) -> None:
        """Sources from our own back matter; other reference objects are tallied as not kept."""
        kind = section.get("type", "")
        for item in _children(section):
            identifier = item.get("id", "")
            if kind != SOURCE_OBJECTS or not identifier.startswith("source."):
                self.tally.add(f"back-matter {kind or 'reference'} objects", _line(item))
                continue
            key = original_id(identifier.removeprefix("source."))
            fields = {child.get("type", ""): _text(child) for child in _children(item)}
            values = {name: fields[name] for name in SOURCE_FIELDS[1:] if name in fields}
            self.sources[key] = Source(id=key, title=fields.get("title", ""), **values)


_WANTED = tuple(f"{{*}}{name}" for name in (*sorted(ENTRIES), *sorted(OBJECT_SECTIONS), "title"))
"""The elements the reader acts on, in any namespace: the others reach Python only inside them."""


def _local(element: etree._Element) -> str:
    tag = element.tag
    return _local_name(tag) if isinstance(tag, str) else ""


@lru_cache(maxsize=1024)
def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _line(element: etree._Element) -> int:
    return int(getattr(element, "sourceline", 0) or 0)


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _text(element: etree._Element) -> str:
    """The element's text with whitespace runs (pretty-printing) folded to one space."""
    return " ".join(etree.tostring(element, encoding="unicode", method="text", with_tail=False).split())


def _release(element: etree._Element) -> None:
    """Free an element that has been read, and the siblings read before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _is_core(element: etree._Element) -> bool:
    tag = str(element.tag)
    return not tag.startswith("{") or tag.startswith(CORE)


def _entry(element: etree._Element) -> TbxEntry:
    data: list[Datum] = []
    section_data: list[tuple[str, Datum]] = []
    terms: list[TbxTerm] = []
    for child in _children(element):
        if _local(child) not in SECTIONS:
            data.extend(_data(child))
            continue
        language = child.get(XML_LANG, "")
        for item in _children(child):
            if _local(item) in TERM_SECTIONS:
                terms.append(_term(item, language))
            else:
                section_data.extend((language, datum) for datum in _data(item))
    return TbxEntry(element.get("id", ""), _line(element), tuple(data), tuple(section_data), tuple(terms))


def _term(section: etree._Element, language: str) -> TbxTerm:
    """A termSec, tig or ntig (whose termGrp holds the term and its termNotes)."""
    parts: list[etree._Element] = []
    for child in _children(section):
        parts.extend(_children(child) if _local(child) == "termGrp" else [child])
    text, term_id = "", section.get("id", "")
    data: list[Datum] = []
    for part in parts:
        if _local(part) == "term":
            text, term_id = _text(part), term_id or part.get("id", "")
        else:
            data.extend(_data(part))
    return TbxTerm(text, language, _line(section), term_id, tuple(data))


def _data(element: etree._Element) -> Iterator[Datum]:
    """The data categories of one element; a group yields its head, then what qualifies it."""
    name, line = _local(element), _line(element)
    if name == "transacGrp":
        yield Datum(name, " ".join(_text(child) for child in _children(element)), line)
    elif name.endswith("Grp"):
        children = _children(element)
        head = [datum for child in children[:1] for datum in _data(child)]
        yield from head
        group = head[0].category if head else name
        for child in children[1:]:
            yield from (evolve(datum, group=group) for datum in _data(child))
    else:
        category = name if name == "note" or not _is_core(element) else element.get("type") or name
        yield Datum(category, _text(element), line, element.get("target", ""))
