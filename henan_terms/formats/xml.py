"""Safe XML reading: no entity expansion, no DTD loading, no network; streaming by iterparse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import FormatError

__all__ = [
    "iterparse",
    "parser",
]


def parser() -> etree.XMLParser:
    """A parser that never resolves entities, never loads a DTD and never reaches the network."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def iterparse(
    source: str | Path | IO[bytes],
    events: tuple[str, ...] = ("end",),
    name: str | None = None,
    tag: str | tuple[str, ...] | None = None,
    root: str | None = None,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream (event, element) pairs, of the elements named by ``tag`` (default: all), refusing
    documents that declare entities and, when ``root`` is given, documents whose root element has
    another local name (in any namespace), before the first pair.

    A DOCTYPE naming an external DTD is accepted, but the DTD is never fetched; a reference to an
    entity it would define is then an error, found in each element's subtree when it ends (and in
    what is left of the document at its end). Errors name the file and line. The caller may clear
    elements it has read to keep memory flat.
    """
    name = name or str(getattr(source, "name", source))
    context = etree.iterparse(
        source,
        events=events,
        tag=tag,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    checked = False
    try:
        for event, element in context:
            if not checked:
                _check_document(element.getroottree(), name, root)
                checked = True
            if event == "end":
                _refuse_entity_references(element, name)
            yield event, element
        if context.root is not None:
            if not checked:
                _check_document(context.root.getroottree(), name, root)
            _refuse_entity_references(context.root, name)
    except etree.XMLSyntaxError as error:
        message = " ".join(error.msg.split())  # libxml2 may break its message over lines
        raise FormatError(name, error.lineno or 0, f"not well-formed XML: {message}") from None


def _check_document(document: etree._ElementTree, name: str, root: str | None) -> None:
    _refuse_entities(document.docinfo, name)
    element = document.getroot()
    local = etree.QName(element).localname
    if root is not None and local != root:
        line = element.sourceline
        message = f"not {root.upper()}: the root element is <{local}>, not <{root}>"
        raise FormatError(name, line if isinstance(line, int) else 0, message)


def _refuse_entity_references(element: etree._Element, name: str) -> None:
    reference = next(element.iter(etree.Entity), None)
    if reference is not None:
        line = reference.sourceline
        raise FormatError(
            name, line if isinstance(line, int) else 0, "reference to an undeclared entity; entities are never loaded"
        )


def _refuse_entities(docinfo: etree.DocInfo, name: str) -> None:
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        raise FormatError(name, 1, "the document declares XML entities; refused (entity expansion is unsafe)")
