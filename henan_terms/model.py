"""Frozen records of the terminology model. No I/O, no language processing."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from attrs import field, frozen

__all__ = [
    "ChineseTerm",
    "Citation",
    "Concept",
    "Finding",
    "Occurrence",
    "Rendering",
    "Script",
    "ScriptVariant",
    "Severity",
    "Source",
    "Status",
    "TMUnit",
    "TermType",
]


class Status(StrEnum):
    """Normative status of an English rendering."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"


class TermType(StrEnum):
    """Kind of a Chinese term within its concept."""

    FULL_FORM = "full-form"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "short-form"
    VARIANT = "variant"


class Severity(StrEnum):
    """How serious a lint finding is; ordered from least to most serious."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


class Script(StrEnum):
    """Chinese script of a text."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"
    NEUTRAL = "neutral"  # written the same in both scripts, or no Han characters


@frozen
class Source:
    """A document that citations point to: a seed article or a publication."""

    id: str
    title: str
    kind: str = "publication"
    publisher: str = ""
    date: str = ""
    url: str = ""
    file: str = ""


@frozen
class Citation:
    """A pointer into a source; ``locator`` is e.g. ``p26`` (paragraph 26)."""

    source: str
    locator: str = ""

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read ``SOURCE`` or ``SOURCE#LOCATOR``."""
        source, _, locator = text.strip().partition("#")
        return cls(source.strip(), locator.strip())

    def __str__(self) -> str:
        return f"{self.source}#{self.locator}" if self.locator else self.source


@frozen
class ScriptVariant:
    """One traditional form of a term and the language tags it is written for."""

    text: str
    tags: tuple[str, ...]


@frozen
class ChineseTerm:
    """A Chinese term (simplified) with its pinyin and traditional forms."""

    text: str
    pinyin: str  # tone marks, syllables separated by spaces
    pinyin_written: str  # GB/T 16159 word-joined form
    traditional: tuple[ScriptVariant, ...] = ()
    type: TermType = TermType.FULL_FORM
    citations: tuple[Citation, ...] = ()

    @property
    def traditional_forms(self) -> tuple[str, ...]:
        """Distinct traditional forms, in tag order."""
        return tuple(variant.text for variant in self.traditional)


@frozen
class Rendering:
    """An English rendering of a concept with its status."""

    text: str
    status: Status
    citations: tuple[Citation, ...] = ()
    note: str = ""


@frozen
class Concept:
    """A concept: its Chinese terms (head term first) and English renderings."""

    id: str
    terms: tuple[ChineseTerm, ...] = field()
    renderings: tuple[Rendering, ...]
    subject: str = ""
    definition: str = ""
    note: str = ""

    @terms.validator
    def _has_head(self, _attribute: object, value: tuple[ChineseTerm, ...]) -> None:
        if not value:
            raise ValueError(f"concept {self.id!r} has no Chinese term")

    @property
    def head(self) -> ChineseTerm:
        """The head term: the form the concept is known by."""
        return self.terms[0]

    @property
    def zh(self) -> str:
        """The head term's simplified Chinese text."""
        return self.head.text

    @property
    def preferred(self) -> Rendering | None:
        """The preferred rendering, if the concept has one."""
        return next((r for r in self.renderings if r.status is Status.PREFERRED), None)

    def renderings_with(self, status: Status) -> tuple[Rendering, ...]:
        """Renderings of the given status, in glossary order."""
        return tuple(r for r in self.renderings if r.status is status)

    def terms_of(self, term_type: TermType) -> tuple[ChineseTerm, ...]:
        """Chinese terms of one type: abbreviations and full forms are linked through the concept."""
        return tuple(t for t in self.terms if t.type is term_type)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation of the concept, terms first, without repeats."""
        parts: list[ChineseTerm | Rendering] = [*self.terms, *self.renderings]
        return tuple(dict.fromkeys(c for part in parts for c in part.citations))


@frozen
class TMUnit:
    """A translation unit: a source sentence and its translation, with where and when it came from."""

    source: str
    target: str
    source_lang: str = "zh-CN"
    target_lang: str = "en"
    origin: str = ""  # document and paragraph, e.g. "henan-advanced-manufacturing#p26"
    created: datetime | None = None
    confidence: float = 1.0  # alignment confidence, 1.0 for units imported as they are
    properties: tuple[tuple[str, str], ...] = ()
    tuid: str = ""
    line: int = field(default=0, eq=False)  # where the unit starts in the file it was read from, 0 if unknown


@frozen
class Occurrence:
    """Where a text occurs in a draft."""

    text: str
    path: str
    line: int
    column: int


@frozen
class Finding:
    """One terminology problem in a draft, located in the draft's file (1-based line and column)."""

    check: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int = 1
    term: str = ""  # the Chinese term concerned
    concept: str = ""  # its concept id
    found: str = ""  # what the draft has
    expected: str = ""  # what it should have
    related: tuple[Occurrence, ...] = ()  # every occurrence concerned, for document-level findings
