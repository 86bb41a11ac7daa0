"""TBX export and import: TBX v3 (ISO 30042:2019, TBX-Basic dialect, DCA style) and TBX 2008 (martif).

The writers stream: lxml's ``xmlfile`` writes one concept entry at a time, each built by a pure generator.
The reader streams through the safe ``iterparse`` of :mod:`henan_terms.formats.xml` and clears every entry
once read. docs/tbx.md documents how the model maps onto TBX data categories.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, cast

from attrs import define, evolve, field, frozen
from lxml import etree

from .. import chinese
from ..assembly import import_term
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Source, Status, TermType
from ..version import __version__
from .xml import iterparse

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRADITIONAL_TAGS: tuple[str, ...] = tuple(chinese.TRADITIONAL_CONFIGS)
PINYIN_NOTE = "pinyin: "
"""Prefix of the note carrying a Chinese term's pinyin (TBX-Basic has no pinyin data category)."""
WRITTEN_NOTE = "GB/T 16159: "
"""Prefix of the note carrying a Chinese term's GB/T 16159 written pinyin."""
SOURCE_OBJECTS = "source"
"""Type of the back-matter section describing the sources that citations name."""

_STATUS_VALUES = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
}
_TERM_TYPES = {
    TermType.FULL_FORM: "fullForm",
    TermType.ABBREVIATION: "abbreviation",
    TermType.SHORT_FORM: "shortForm",
    TermType.VARIANT: "variant",
}
_READ_STATUS = {value.removesuffix("-admn-sts").lower(): status for status, value in _STATUS_VALUES.items()}
_READ_STATUS_NEAR = {"supersededterm": Status.DEPRECATED}
_READ_TYPE = {value.lower(): term_type for term_type, value in _TERM_TYPES.items()}
_READ_TYPE_NEAR = {"acronym": TermType.ABBREVIATION, "initialism": TermType.ABBREVIATION}
_SOURCE_FIELDS = ("title", "kind", "publisher", "date", "url", "file")
_ENTRIES = {"conceptEntry", "termEntry"}
_SECTIONS = {"langSec", "langSet"}
_TERM_SECTIONS = {"termSec", "tig", "ntig"}
_OBJECT_SECTIONS = {"refObjectSec", "refObjectList"}
_CORE = f"{{{TBX_NAMESPACE}}}"
_MODEL = 'href="https://raw.githubusercontent.com/LTAC-Global/{}" type="application/xml" schematypens="{}"'

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
        _MODEL.format("TBX_Core_RNG/master/TBXcoreStructV03.rng", "http://relaxng.org/ns/structure/1.0"),
        _MODEL.format("TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch", "http://purl.oclc.org/dsdl/schematron"),
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
            for name in _SOURCE_FIELDS:
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
            self._add(term_section, "termNote", _TERM_TYPES[term.type], type="termType")
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
            self._add(term_section, "termNote", _TERM_TYPES[term.type], type="termType")
            self._add(term_section, "ref", term.text, type="crossReference", target=term_id)

    def _rendering(self, section: etree._Element, rendering: Rendering) -> None:
        term_section = self._add(section, self.dialect.term)
        self._add(term_section, "term", rendering.text)
        self._add(term_section, "termNote", _STATUS_VALUES[rendering.status], type="administrativeStatus")
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
    return _Parser(Path(path), _Tally()).entries()


class _Tally:
    """Counts of what an import could not keep, each with the line it was first seen on."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lines: dict[str, int] = {}

    def add(self, what: str, line: int) -> None:
        self.counts[what] += 1
        self.lines.setdefault(what, line)

    def problems(self, path: str) -> list[Problem]:
        return [Problem(path, self.lines[what], f"not kept: {count} × {what}") for what, count in self.counts.items()]


class _Parser:
    """Streams a TBX file: yields its entries, and keeps its title and the sources of its back matter."""

    def __init__(self, path: Path, tally: _Tally) -> None:
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
        checked = False
        for _event, element in iterparse(self.path, name=self.name):
            if not checked:
                self._check_root(element.getroottree().getroot())
                checked = True
            name = _local(element)
            if name in _ENTRIES:
                yield _entry(element)
                _release(element)
            elif name in _OBJECT_SECTIONS:
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
            values = {name: fields[name] for name in _SOURCE_FIELDS[1:] if name in fields}
            self.sources[key] = Source(id=key, title=fields.get("title", ""), **values)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


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
    return not tag.startswith("{") or tag.startswith(_CORE)


def _entry(element: etree._Element) -> TbxEntry:
    data: list[Datum] = []
    section_data: list[tuple[str, Datum]] = []
    terms: list[TbxTerm] = []
    for child in _children(element):
        if _local(child) not in _SECTIONS:
            data.extend(_data(child))
            continue
        language = child.get(XML_LANG, "")
        for item in _children(child):
            if _local(item) in _TERM_SECTIONS:
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


# Reading: entries into concepts ------------------------------------------------------------------


@frozen
class TbxImport:
    """What ``read_tbx`` made of a file: the glossary, and what it could not keep or had to change."""

    glossary: Glossary
    problems: tuple[Problem, ...]
    entries: int  # concept entries in the file
    languages: Mapping[str, int]  # terms per language tag, as the file writes the tags


def read_tbx(path: str | Path, *, source_lang: str = "zh", target_lang: str = "en") -> TbxImport:
    """Read TBX v3 or TBX 2008 into a glossary: ``source_lang`` terms become Chinese terms, ``target_lang``
    terms renderings.

    An entry without a term in either language cannot become a concept: it is reported and left out.
    Data categories the model has no place for are kept as notes; what cannot be kept is reported.
    Raises FormatError for a file that cannot be read as TBX.
    """
    path = Path(path)
    tally = _Tally()
    parser = _Parser(path, tally)
    importer = _Importer(str(path), source_lang, target_lang, tally)
    concepts = tuple(concept for entry in parser.entries() if (concept := importer.concept(entry)) is not None)
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    glossary = Glossary(parser.title or path.stem, concepts, parser.sources, digest)
    problems = (*importer.problems, *tally.problems(str(path)))
    return TbxImport(glossary, problems, importer.entries, dict(importer.languages))


@define
class _TermDraft:
    """A Chinese term being gathered from the sections of an entry."""

    text: str
    line: int
    id: str = ""
    type: TermType | None = None
    pinyin: str = ""
    written: str = ""
    citations: list[Citation] = field(factory=list)
    traditional: dict[str, str] = field(factory=dict)


class _Importer:
    """Turns entries into concepts, collecting what it reports."""

    def __init__(self, path: str, source_lang: str, target_lang: str, tally: _Tally) -> None:
        self.path = path
        self.source = source_lang.lower()
        self.target = target_lang.lower()
        self.tally = tally
        self.problems: list[Problem] = []
        self.languages: Counter[str] = Counter()
        self.entries = 0
        self.ids: set[str] = set()

    def concept(self, entry: TbxEntry) -> Concept | None:
        """The entry as a concept, or None (reported) when it lacks a Chinese or an English term."""
        self.entries += 1
        notes: list[str] = []
        subject, definition = self._concept_fields(entry, notes)
        drafts: list[_TermDraft] = []
        traditional: list[tuple[str, TbxTerm]] = []
        renderings: list[Rendering] = []
        for term in entry.terms:
            self.languages[term.language] += 1
            role, tag = self._role(term.language)
            if not term.text:
                self._report(term.line, f"an empty {term.language} term is left out")
            elif role == "source":
                drafts.append(self._apply(_TermDraft(term.text, term.line, term.id), term, notes))
            elif role == "traditional":
                traditional.append((tag, term))
            elif role == "target":
                renderings.append(self._rendering(term))
            else:
                self.tally.add(f"terms in {term.language}", term.line)
        for tag, term in traditional:
            self._attach(tag, term, drafts, notes)
        label = f"entry {entry.id}" if entry.id else f"entry #{self.entries}"
        if not drafts or not renderings:
            missing = self.source if not drafts else self.target
            self._report(entry.line, f"{label} has no {missing} term; it is not imported")
            return None
        made = [
            self._make(draft, TermType.VARIANT if index else TermType.FULL_FORM) for index, draft in enumerate(drafts)
        ]
        terms = tuple(term for term in made if term is not None)
        if not terms:
            self._report(entry.line, f"{label} has no valid Chinese term; it is not imported")
            return None
        return Concept(
            id=self._concept_id(entry),
            terms=terms,
            renderings=self._one_preferred(label, entry.line, renderings),
            subject=subject,
            definition=definition,
            note="\n".join(notes),
        )

    def _role(self, language: str) -> tuple[str, str]:
        """``source``, ``traditional`` (with our tag), ``target`` or ``other``."""
        tag = language.replace("_", "-").lower()
        if _within(tag, self.target):
            return "target", ""
        if not _within(tag, self.source):
            return "other", ""
        subtags = tag.split("-")[1:]
        if "hans" in subtags:
            return "source", ""
        if "tw" in subtags:
            return "traditional", "zh-TW"
        if "hk" in subtags or "mo" in subtags:
            return "traditional", "zh-HK"
        return ("traditional", "zh-Hant") if "hant" in subtags else ("source", "")

    def _concept_fields(self, entry: TbxEntry, notes: list[str]) -> tuple[str, str]:
        """Subject and definition; other entry and language-section data become notes."""
        subject = definition = ""
        for language, datum in [("", datum) for datum in entry.data] + list(entry.section_data):
            role = self._role(language)[0] if language else ""
            plain = not datum.group
            if role == "other":
                self.tally.add(f"language-section data in {language}", datum.line)
            elif datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif plain and not language and datum.category == "subjectField" and not subject:
                subject = datum.text
            elif plain and role in ("", "target") and datum.category == "definition" and not definition:
                definition = datum.text
            else:
                notes.append(datum.as_note(language))
        return subject, definition

    def _rendering(self, term: TbxTerm) -> Rendering:
        status: Status | None = None
        citations: list[Citation] = []
        notes: list[str] = []
        for datum in term.data:
            if datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif not datum.group and datum.category == "administrativeStatus" and status is None:
                status, exact = _status(datum.text)
                notes.extend([] if exact else [datum.as_note()])
            elif not datum.group and datum.category == "source":
                citations.append(Citation.parse(datum.text))
            else:
                notes.append(datum.as_note())
        return Rendering(term.text, status or Status.ADMITTED, tuple(citations), "\n".join(notes))

    def _apply(self, draft: _TermDraft, term: TbxTerm, notes: list[str]) -> _TermDraft:
        """Gather a term's data into a draft; what has no place becomes a concept note."""
        for datum in term.data:
            category, text = ("" if datum.group else datum.category), datum.text
            if datum.category == "transacGrp":
                self.tally.add("transaction records (transacGrp)", datum.line)
            elif category == "termType" and draft.type is None:
                draft.type, exact = _term_type(text)
                notes.extend([] if exact else [f"{term.text}: {datum.as_note()}"])
            elif category == "note" and text.lower().startswith(PINYIN_NOTE.lower()):
                draft.pinyin = draft.pinyin or text[len(PINYIN_NOTE) :].strip()
            elif category == "note" and text.startswith(WRITTEN_NOTE):
                draft.written = draft.written or text[len(WRITTEN_NOTE) :].strip()
            elif category == "source":
                draft.citations.append(Citation.parse(text))
            elif category == "termType" or (category == "crossReference" and datum.target == draft.id != ""):
                continue  # a traditional form's type and link to its simplified term
            else:
                notes.append(f"{term.text}: {datum.as_note()}")
        return draft

    def _attach(self, tag: str, term: TbxTerm, drafts: list[_TermDraft], notes: list[str]) -> None:
        """Add a traditional form to its simplified term: the one it links to, else its simplified form."""
        link = next((d.target for d in term.data if d.category == "crossReference" and d.target), "")
        draft = next((d for d in drafts if link and d.id == link), None)
        if draft is None:
            simplified = chinese.to_simplified(term.text)
            draft = next((d for d in drafts if d.text == simplified), None)
            if draft is None:
                draft = _TermDraft(simplified, term.line, link)
                drafts.append(draft)
        if draft.traditional.setdefault(tag, term.text) != term.text:
            notes.append(f"{draft.text}: another {tag} form: {term.text}")
        self._apply(draft, term, notes)

    def _make(self, draft: _TermDraft, default: TermType) -> ChineseTerm | None:
        """The term as every importer makes it (repaired where it can be, reported).

        A term without a termType is of the ``default`` type: full form for the first, variant for others.
        """
        term, change = import_term(
            draft.text,
            pinyin=draft.pinyin,
            pinyin_written=draft.written,
            traditional=draft.traditional,
            term_type=draft.type or default,
            citations=tuple(draft.citations),
            simplify=True,
        )
        if change:
            self._report(draft.line, change)
        return term

    def _one_preferred(self, label: str, line: int, renderings: list[Rendering]) -> tuple[Rendering, ...]:
        """The renderings with every preferred one after the first made admitted (reported)."""
        result: list[Rendering] = []
        for rendering in renderings:
            if rendering.status is Status.PREFERRED and any(r.status is Status.PREFERRED for r in result):
                self._report(line, f"{label}: {rendering.text!r} is a second preferred rendering; imported as admitted")
                rendering = evolve(rendering, status=Status.ADMITTED)
            result.append(rendering)
        return tuple(result)

    def _concept_id(self, entry: TbxEntry) -> str:
        base = original_id(entry.id) if entry.id else f"entry-{self.entries}"
        concept_id, number = base, 1
        while concept_id in self.ids:
            number += 1
            concept_id = f"{base}-{number}"
        if entry.id and concept_id != base:
            self._report(entry.line, f"entry id {base!r} is used twice; imported as {concept_id!r}")
        self.ids.add(concept_id)
        return concept_id

    def _report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def _within(tag: str, language: str) -> bool:
    return tag == language or tag.startswith(language + "-")


def _status(value: str) -> tuple[Status, bool]:
    """Our status for an administrativeStatus value, and whether it maps exactly."""
    key = value.strip().removesuffix("-admn-sts").lower()
    if key in _READ_STATUS:
        return _READ_STATUS[key], True
    return _READ_STATUS_NEAR.get(key, Status.ADMITTED), False


def _term_type(value: str) -> tuple[TermType, bool]:
    """Our term type for a termType value, and whether it maps exactly."""
    key = value.strip().lower()
    if key in _READ_TYPE:
        return _READ_TYPE[key], True
    return _READ_TYPE_NEAR.get(key, TermType.VARIANT), False
