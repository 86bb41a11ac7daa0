"""Writing TBX v3 (TBX-Basic, DCA style) and TBX 2008: lxml's ``xmlfile`` streams one concept entry
at a time, each built by a pure generator."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import BinaryIO, cast

from attrs import frozen
from lxml import etree

from ... import chinese
from ...glossary import Glossary
from ...model import ChineseTerm, Citation, Concept, Rendering, Status
from ...version import __version__
from ._common import (
    MODEL,
    PINYIN_NOTE,
    SOURCE_FIELDS,
    SOURCE_OBJECTS,
    STATUS_VALUES,
    TBX_NAMESPACE,
    TERM_TYPES,
    TRADITIONAL_TAGS,
    WRITTEN_NOTE,
    XML_LANG,
    xml_id,
)

__all__ = [
    "write_tbx",
    "write_tbx2008",
]

# Writing -----------------------------------------------------------------------------------------


@frozen
class _Dialect:
    """Element names and root of one TBX version."""

    namespace: str
    root: str
    root_attributes: Mapping[str, str]  # "xml:lang" as written: xmlfile would map {XML namespace}lang to ns0
    header: str
    entry: str
    section: str
    term: str
    objects: str
    instructions: tuple[str, ...] = ()
    encoding: str = ""  # the XCS a TBX 2008 file names

    def tag(self, name: str) -> str:
        """The element's qualified name."""
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    @property
    def nsmap(self) -> Mapping[str, str] | None:
        """The default namespace, if any (typed as lxml-stubs allow, which lack the ``None`` prefix)."""
        return cast("Mapping[str, str]", {None: self.namespace}) if self.namespace else None


_TBX3 = _Dialect(
    namespace=TBX_NAMESPACE,
    root="tbx",
    root_attributes={"type": "TBX-Basic", "style": "dca", "xml:lang": "en"},
    header="tbxHeader",
    entry="conceptEntry",
    section="langSec",
    term="termSec",
    objects="refObjectSec",
    instructions=(
        MODEL.format("TBX_Core_RNG/master/TBXcoreStructV03.rng", "http://relaxng.org/ns/structure/1.0"),
        MODEL.format("TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch", "http://purl.oclc.org/dsdl/schematron"),
    ),
)
_TBX2008 = _Dialect(
    namespace="",
    root="martif",
    root_attributes={"type": "TBX", "xml:lang": "en"},
    header="martifHeader",
    entry="termEntry",
    section="langSet",
    term="tig",
    objects="refObjectList",
    encoding="TBXXCSV02.xcs",
)


@frozen
class _Options:
    source_lang: str
    target_lang: str
    traditional_tags: tuple[str, ...]
    include_deprecated: bool


def _options(source_lang: str, target_lang: str, tags: Sequence[str], include_deprecated: bool) -> _Options:
    unknown = [tag for tag in tags if tag not in chinese.TRADITIONAL_CONFIGS]
    if unknown:
        raise ValueError(f"unknown traditional tags {unknown}; use some of {list(TRADITIONAL_TAGS)}")
    return _Options(source_lang, target_lang, tuple(tags), include_deprecated)


def write_tbx(
    glossary: Glossary,
    stream: BinaryIO,
    *,
    source_lang: str = "zh",
    target_lang: str = "en",
    traditional_tags: Sequence[str] = TRADITIONAL_TAGS,
    include_deprecated: bool = True,
) -> None:
    """Write TBX v3, TBX-Basic dialect, DCA style: valid by the core RNG and the TBX-Basic Schematron.

    ``traditional_tags`` chooses which traditional forms get a language section (the first is written
    for every term, the others where their form differs from it); ``include_deprecated=False`` leaves
    deprecated renderings out, for tools that ignore term status.
    """
    options = _options(source_lang, target_lang, traditional_tags, include_deprecated)
    _write(_Writer(glossary, _TBX3, options), stream)


def write_tbx2008(
    glossary: Glossary,
    stream: BinaryIO,
    *,
    source_lang: str = "zh",
    target_lang: str = "en",
    traditional_tags: Sequence[str] = TRADITIONAL_TAGS,
    include_deprecated: bool = True,
) -> None:
    """Write TBX 2008 (``martif``, one ``tig`` per term), for older tools; options as for ``write_tbx``."""
    options = _options(source_lang, target_lang, traditional_tags, include_deprecated)
    _write(_Writer(glossary, _TBX2008, options), stream)


def _write(writer: _Writer, stream: BinaryIO) -> None:
    dialect = writer.dialect
    with etree.xmlfile(stream, encoding="UTF-8") as xf:
        xf.write_declaration()
        for instruction in dialect.instructions:
            xf.write(etree.ProcessingInstruction("xml-model", instruction), pretty_print=True)
        with xf.element(dialect.tag(dialect.root), dialect.root_attributes, nsmap=dialect.nsmap):
            xf.write("\n")
            xf.write(writer.header(), pretty_print=True)
            with xf.element(dialect.tag("text")):
                xf.write("\n")
                if writer.glossary.concepts:
                    with xf.element(dialect.tag("body")):
                        xf.write("\n")
                        for entry in writer.entries():
                            xf.write(entry, pretty_print=True)
                    xf.write("\n")
                if writer.glossary.sources:
                    xf.write(writer.back(), pretty_print=True)
            xf.write("\n")


class _Writer:
    """Builds the elements of one TBX document, one concept entry at a time; no I/O."""

    def __init__(self, glossary: Glossary, dialect: _Dialect, options: _Options) -> None:
        self.glossary = glossary
        self.dialect = dialect
        self.options = options
        self.source_ids = {key: f"source.{xml_id(key)}" for key in glossary.sources}

    def header(self) -> etree._Element:
        """The file header: the glossary's name and the signature of the export."""
        header = self._root(self.dialect.header)
        description = self._add(header, "fileDesc")
        if self.glossary.name:
            self._add(self._add(description, "titleStmt"), "title", self.glossary.name)
        signature = f"henan-terms {__version__}, glossary {self.glossary.name}"
        if self.glossary.digest:
            signature += f", sha256 {self.glossary.digest}"
        self._add(self._add(description, "sourceDesc"), "p", signature)
        if self.dialect.encoding:
            self._add(self._add(header, "encodingDesc"), "p", self.dialect.encoding, type="XCSURI")
        return header

    def entries(self) -> Iterator[etree._Element]:
        """One concept entry element per concept."""
        return (self.entry(concept) for concept in self.glossary.concepts)

    def back(self) -> etree._Element:
        """The back matter: one reference object per source that citations name."""
        back = self._root("back")
        objects = self._add(back, self.dialect.objects, type=SOURCE_OBJECTS)
        for key, source in self.glossary.sources.items():
            item = self._add(objects, "refObject", id=self.source_ids[key])
            for name in SOURCE_FIELDS:
                value = getattr(source, name)
                if value or name == "title":  # a title, even empty, keeps the object from being empty
                    self._add(item, "item", value or None, type=name)
        return back

    def entry(self, concept: Concept) -> etree._Element:
        """The concept entry: subject and note, then Chinese, traditional and English sections."""
        entry_id = xml_id(concept.id)
        entry = self._root(self.dialect.entry, id=entry_id)
        renderings = [
            r for r in concept.renderings if self.options.include_deprecated or r.status is not Status.DEPRECATED
        ]
        self._add(entry, "descrip", concept.subject, type="subjectField")
        if not renderings:
            self._add(entry, "descrip", concept.definition, type="definition")
        self._notes(entry, concept.note)
        term_ids = [f"{entry_id}.{number}" for number in range(1, len(concept.terms) + 1)]
        self._chinese(entry, concept.terms, term_ids)
        for tag in self.options.traditional_tags:
            self._traditional(entry, tag, concept.terms, term_ids)
        if renderings:
            section = self._section(entry, self.options.target_lang)
            self._add(section, "descrip", concept.definition, type="definition")
            for rendering in renderings:
                self._rendering(section, rendering)
        return entry

    def _chinese(self, entry: etree._Element, terms: Sequence[ChineseTerm], term_ids: Sequence[str]) -> None:
        section = self._section(entry, self.options.source_lang)
        for term, term_id in zip(terms, term_ids, strict=True):
            term_section = self._add(section, self.dialect.term, id=term_id)
            self._add(term_section, "term", term.text)
            self._add(term_section, "termNote", TERM_TYPES[term.type], type="termType")
            self._add(term_section, "note", term.pinyin and PINYIN_NOTE + term.pinyin)
            self._add(term_section, "note", term.pinyin_written and WRITTEN_NOTE + term.pinyin_written)
            self._citations(term_section, term.citations)

    def _traditional(
        self, entry: etree._Element, tag: str, terms: Sequence[ChineseTerm], term_ids: Sequence[str]
    ) -> None:
        """A section of traditional forms for one tag: every form for the first tag, else those that differ."""
        base = self.options.traditional_tags[0]
        section = None
        for term, term_id in zip(terms, term_ids, strict=True):
            forms = {form_tag: variant.text for variant in term.traditional for form_tag in variant.tags}
            form = forms.get(tag)
            if form is None or (tag != base and form == forms.get(base)):
                continue
            section = section if section is not None else self._section(entry, tag)
            term_section = self._add(section, self.dialect.term)
            self._add(term_section, "term", form)
            self._add(term_section, "termNote", TERM_TYPES[term.type], type="termType")
            self._add(term_section, "ref", term.text, type="crossReference", target=term_id)

    def _rendering(self, section: etree._Element, rendering: Rendering) -> None:
        term_section = self._add(section, self.dialect.term)
        self._add(term_section, "term", rendering.text)
        self._add(term_section, "termNote", STATUS_VALUES[rendering.status], type="administrativeStatus")
        self._notes(term_section, rendering.note)
        self._citations(term_section, rendering.citations)

    def _notes(self, parent: etree._Element, text: str) -> None:
        """One ``note`` per line: the reader folds whitespace inside a note and joins notes with line breaks."""
        for line in text.splitlines():
            self._add(parent, "note", line)

    def _citations(self, parent: etree._Element, citations: Sequence[Citation]) -> None:
        for citation in citations:
            target = self.source_ids.get(citation.source)
            attributes = {"type": "source", "target": target} if target else {"type": "source"}
            self._add(parent, "admin", str(citation), **attributes)

    def _section(self, entry: etree._Element, language: str) -> etree._Element:
        return etree.SubElement(entry, self.dialect.tag(self.dialect.section), {XML_LANG: language})

    def _root(self, name: str, **attributes: str) -> etree._Element:
        return etree.Element(self.dialect.tag(name), attributes, nsmap=self.dialect.nsmap)

    def _add(self, parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
        """A child element; an empty ``text`` adds nothing (and returns the parent)."""
        if text == "":
            return parent
        element = etree.SubElement(parent, self.dialect.tag(name), attributes)
        element.text = text
        return element
