"""Names and identifiers shared by the TBX writer, parser and importer."""

from __future__ import annotations

import re

from ... import chinese
from ...model import Status, TermType

__all__ = [
    "CORE",
    "ENTRIES",
    "MODEL",
    "OBJECT_SECTIONS",
    "PINYIN_NOTE",
    "READ_STATUS",
    "READ_STATUS_NEAR",
    "READ_TYPE",
    "READ_TYPE_NEAR",
    "SECTIONS",
    "SOURCE_FIELDS",
    "SOURCE_OBJECTS",
    "STATUS_VALUES",
    "TBX_NAMESPACE",
    "TERM_SECTIONS",
    "TERM_TYPES",
    "TRADITIONAL_TAGS",
    "WRITTEN_NOTE",
    "XML_LANG",
    "original_id",
    "xml_id",
]

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRADITIONAL_TAGS: tuple[str, ...] = tuple(chinese.TRADITIONAL_CONFIGS)
PINYIN_NOTE = "pinyin: "
"""Prefix of the note carrying a Chinese term's pinyin (TBX-Basic has no pinyin data category)."""
WRITTEN_NOTE = "GB/T 16159: "
"""Prefix of the note carrying a Chinese term's GB/T 16159 written pinyin."""
SOURCE_OBJECTS = "source"
"""Type of the back-matter section describing the sources that citations name."""

STATUS_VALUES = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
}
TERM_TYPES = {
    TermType.FULL_FORM: "fullForm",
    TermType.ABBREVIATION: "abbreviation",
    TermType.SHORT_FORM: "shortForm",
    TermType.VARIANT: "variant",
}
READ_STATUS = {value.removesuffix("-admn-sts").lower(): status for status, value in STATUS_VALUES.items()}
READ_STATUS_NEAR = {"supersededterm": Status.DEPRECATED}
READ_TYPE = {value.lower(): term_type for term_type, value in TERM_TYPES.items()}
READ_TYPE_NEAR = {"acronym": TermType.ABBREVIATION, "initialism": TermType.ABBREVIATION}
SOURCE_FIELDS = ("title", "kind", "publisher", "date", "url", "file")
ENTRIES = {"conceptEntry", "termEntry"}
SECTIONS = {"langSec", "langSet"}
TERM_SECTIONS = {"termSec", "tig", "ntig"}
OBJECT_SECTIONS = {"refObjectSec", "refObjectList"}
CORE = f"{{{TBX_NAMESPACE}}}"
MODEL = 'href="https://raw.githubusercontent.com/LTAC-Global/{}" type="application/xml" schematypens="{}"'

# Identifiers -------------------------------------------------------------------------------------

_ID_START = "A-Za-z_\u4e00-\u9fa5"  # letters every edition of XML allows to start a name
_ID_FIRST = re.compile(f"[{_ID_START}]")
_ID_NEXT = re.compile(f"[{_ID_START}0-9-]")
_ID_PLAIN = re.compile(f"[{_ID_START}][{_ID_START}0-9-]*")
_ID_ESCAPE = re.compile(r"_x([0-9A-F]{4,6})_")


def xml_id(text: str) -> str:
    """A valid xml:id for any text: other characters, ``.`` and ``_x`` become ``_xHHHH_`` escapes.

    ``original_id`` reverses it. Escaping ``.`` keeps the ids the writer derives (``ID.1``) apart from
    concept ids.
    """
    if _ID_PLAIN.fullmatch(text) and "_x" not in text:
        return text
    return "".join(
        char
        if (_ID_NEXT if index else _ID_FIRST).fullmatch(char) and text[index : index + 2] != "_x"
        else f"_x{ord(char):04X}_"
        for index, char in enumerate(text)
    )


def original_id(identifier: str) -> str:
    """The text an xml:id was made from by ``xml_id``."""
    return _ID_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), identifier)
