"""TBX export and import: TBX v3 (ISO 30042:2019, TBX-Basic dialect, DCA style) and TBX 2008 (martif).

The writers stream: lxml's ``xmlfile`` writes one concept entry at a time, each built by a pure generator.
The reader streams through the safe ``iterparse`` of :mod:`henan_terms.formats.xml` and clears every entry
once read. docs/tbx.md documents how the model maps onto TBX data categories.
"""

from ._common import (
    PINYIN_NOTE,
    SOURCE_OBJECTS,
    TBX_NAMESPACE,
    TRADITIONAL_TAGS,
    WRITTEN_NOTE,
    XML_LANG,
    original_id,
    xml_id,
)
from .parse import Datum, TbxEntry, TbxTerm, iter_tbx
from .read import TbxImport, read_tbx
from .write import write_tbx, write_tbx2008

__all__ = [
    "PINYIN_NOTE",
    "SOURCE_OBJECTS",
    "TBX_NAMESPACE",
    "TRADITIONAL_TAGS",
    "WRITTEN_NOTE",
    "XML_LANG",
    "Datum",
    "TbxEntry",
    "TbxImport",
    "TbxTerm",
    "iter_tbx",
    "original_id",
    "read_tbx",
    "write_tbx",
    "write_tbx2008",
    "xml_id",
]
