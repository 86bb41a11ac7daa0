"""CC-CEDICT import: ``TRAD SIMP [pin1 yin1] /sense/sense/`` lines, read one at a time.

The simplified headword is the term; its numbered pinyin becomes tone marks (``u:`` is ü, ``r5`` the
erhua 儿, ``xx5`` an unknown reading, which is then generated), with syllables read for digits and
Latin letters left out, as the glossary writes no syllables for non-Han characters. A capitalised
syllable starts a word of a name, so 北京大学 [Bei3 jing1 Da4 xue2] is written ``Běijīng Dàxué``. The
traditional headword is kept where it is none of OpenCC's forms (髮 for 发 'hair'). Each English sense
is an admitted rendering; classifiers (``CL:``), cross-references (``variant of``, ``see``) and
pronunciation notes go to the concept's note. Everything cites the dictionary with its line (``L123``).
The file is UTF-8 (a byte-order mark allowed) or UTF-16 with a byte-order mark: a line that is not
UTF-8 is a FormatError naming it, since the file is then in another encoding, while a line holding a
control character is skipped and reported.

Entries with the same simplified headword are one concept, whose id is ``cedict-`` and the line of the
entry that gives the head term: preferably not a name, with an English sense, and with a traditional
form that OpenCC gives (so 干 is read gàn, traditional 幹). Renderings from the other entries say in
their note how they differ (``read gān, traditional 乾``). Entries without Han characters, with pinyin
that does not fit the headword, or with no English sense are reported as not kept.

:func:`word_lexicon` reads the dictionary another way, for term extraction: each simplified headword
with the English words of its senses, as base forms, kept in the cache for the file's contents.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import IO

from attrs import frozen

from .. import chinese, english
from ..cache import cache_key, cached, remember
from ..errors import FormatError, Problem
from ..glossary import Glossary
from ..model import Citation, Rendering, Source, Status
from .imports import ConceptDraft, Imported, TermDraft, assemble
from .text import UTF16_WITHOUT_BOM, control_problem, looks_utf16

__all__ = [
    "SOURCE_ID",
    "Entry",
    "cedict_glossary",
    "read_cedict",
    "word_lexicon",
]

SOURCE_ID = "cc-cedict"
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
_NOT_A_SENSE = re.compile(
    r"^(?:CL:|see |also written |(?:also |Taiwan |old )?pr\. |(?:\w+ )?variant of |same as |used in )", re.IGNORECASE
)


@frozen
class Entry:
    """One CC-CEDICT entry, as written in the file."""

    line: int
    traditional: str
    simplified: str
    syllables: tuple[str, ...]  # numbered pinyin, one per character where the file aligns them
    senses: tuple[str, ...]

    @property
    def is_name(self) -> bool:
        """Whether the headword is a proper name: a syllable of its pinyin is capitalised (Bei3 jing1)."""
        return any(_is_capital(s) for s in self.syllables)

    @property
    def has_senses(self) -> bool:
        """Whether the entry has an English sense that is not a classifier, reference or pronunciation."""
        return any(sense.strip() and not _NOT_A_SENSE.match(sense.strip()) for sense in self.senses)


def read_cedict(path: str | Path, *, limit: int | None = None) -> Imported:
    """Import CC-CEDICT (or its first ``limit`` entries) as a glossary; unkept entries are reported."""
    source, entries, skipped, digest = _read_entries(Path(path), limit)
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.simplified, []).append(entry)
    drafts = (draft for group in groups.values() for draft in _group_drafts(group))
    return assemble(str(path), drafts, name=SOURCE_ID, sources={SOURCE_ID: source}, digest=digest, skipped=skipped)


def cedict_glossary(path: str | Path, entries: int) -> Glossary:
    """A glossary of the first ``entries`` entries of CC-CEDICT, for benchmarks."""
    return read_cedict(path, limit=entries).glossary


# A word lexicon ----------------------------------------------------------------------------------

_LEXICON_WORDS = 4
_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\]]*\]|^(?:abbr\. (?:for|of|to)|lit\.|fig\.|\(\w+\)) ")
_NOT_A_TRANSLATION = re.compile(r"^(?:surname |(?:Kangxi )?radical |classifier |abbr\.$|\(\w+\)$)", re.IGNORECASE)


def word_lexicon(path: str | Path) -> Mapping[str, str]:
    """Simplified headword → its English senses in the dictionary's order, each as the base forms
    (:func:`english.token_spans`) of its words, lowercase, in one string: senses separated by ``/``,
    words by spaces (``基地`` → ``base/industrial or military base/al qaeda``).
    Of each sense, parenthesised words are left out and only the first four words are read (a long
    sense describes rather than translates); classifiers, cross-references, pronunciation notes,
    surnames and radicals are not senses. Built once for the contents of a file and kept in the cache
    (:mod:`henan_terms.cache`), as strings, which load three times faster than sets."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
    readers = [Path(__file__), Path(english.__file__)]  # how the senses are read into words
    key = cache_key("cedict-lexicon", [*readers, path], [*(reader.read_bytes() for reader in readers), content])
    name = f"cedict-lexicon-{key[:32]}"
    found = cached(name)
    if isinstance(found, dict):
        return found
    lexicon = _word_lexicon(content.decode("utf-8", errors="replace"))
    remember(name, lexicon)
    return lexicon


def _word_lexicon(text: str) -> dict[str, str]:
    words: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = _ENTRY.match(line)
        if match is None or line.startswith("#"):
            continue
        found = words.setdefault(match.group(2), [])
        for sense in match.group(4).split("/"):
            sense = sense.strip()
            if sense and not _NOT_A_SENSE.match(sense) and not _NOT_A_TRANSLATION.match(sense):
                tokens = english.token_spans(_PARENTHESIS.sub(" ", sense))
                read = " ".join(base for _, _, base in tokens[:_LEXICON_WORDS] if base)
                if read and read not in found:
                    found.append(read)
    return {headword: "/".join(senses) for headword, senses in words.items() if senses}


# Reading lines ------------------------------------------------------------------------------------


def _read_entries(path: Path, limit: int | None) -> tuple[Source, list[Entry], list[Problem], str]:
    """The dictionary's source (from its header), its entries, its unreadable lines and the sha256 read.

    UTF-8 is read a line at a time (a byte-order mark allowed); UTF-16 with a byte-order mark as a
    whole. A file in neither is a FormatError naming the first line that is not UTF-8.
    """
    reader = _LineReader(str(path))
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
            stream.seek(0)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                data = stream.read()
                digest.update(data)
                lines: Iterable[str] = _utf16_lines(str(path), data)
            elif looks_utf16(head):
                raise FormatError(str(path), 0, UTF16_WITHOUT_BOM)
            else:
                lines = _utf8_lines(str(path), stream, digest.update)
            for number, line in enumerate(lines if limit is None or limit > 0 else (), start=1):
                reader.read(number, line.removeprefix("\ufeff") if number == 1 else line)
                if limit is not None and len(reader.entries) >= limit:
                    break  # before the next line is read (and added to the digest)
    except OSError as error:
        raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
    return _source(path, reader.header), reader.entries, reader.skipped, digest.hexdigest()


def _utf8_lines(path: str, stream: IO[bytes], digest: Callable[[bytes], object]) -> Iterator[str]:
    """The lines of a UTF-8 file as they are read, each given to ``digest``; FormatError names the
    first line that is not UTF-8."""
    offset = 0
    for number, raw in enumerate(stream, start=1):
        digest(raw)
        try:
            yield raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            message = f"not UTF-8: {error.reason} (byte {offset + error.start})"
            raise FormatError(path, number, message) from None
        offset += len(raw)


def _utf16_lines(path: str, data: bytes) -> list[str]:
    """The lines of a UTF-16 file with a byte-order mark; FormatError names the line of a bad byte."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        line = data[: error.start].decode("utf-16", errors="replace").count("\n") + 1
        raise FormatError(path, line, f"not UTF-16: {error.reason} (byte {error.start})") from None
    return [line.rstrip("\r") for line in text.split("\n")]


class _LineReader:
    """Sorts the lines of the file into header fields (``#! key=value``), entries and unreadable lines."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.header: dict[str, str] = {}
        self.entries: list[Entry] = []
        self.skipped: list[Problem] = []

    def read(self, number: int, line: str) -> None:
        if (problem := control_problem(self.path, line)) is not None:
            self.skipped.append(Problem(self.path, number, problem.message))
            return
        if line.startswith("#!"):
            key, _, value = line[2:].partition("=")
            self.header[key.strip()] = value.strip()
        elif match := _ENTRY.match(line):
            traditional, simplified, pinyin, senses = match.groups()
            self.entries.append(Entry(number, traditional, simplified, tuple(pinyin.split()), tuple(senses.split("/"))))
        elif line.strip() and not line.startswith("#"):
            self.skipped.append(
                Problem(self.path, number, "not a CC-CEDICT entry: TRADITIONAL SIMPLIFIED [pinyin] /sense/")
            )


def _source(path: Path, header: dict[str, str]) -> Source:
    return Source(
        id=SOURCE_ID,
        title="CC-CEDICT",
        publisher=header.get("publisher", "MDBG"),
        date=header.get("date", "")[:10],
        url="https://www.mdbg.net/chinese/dictionary?page=cc-cedict",
        file=path.name,
    )


# Entries to drafts --------------------------------------------------------------------------------


def _group_drafts(group: list[Entry]) -> Iterator[ConceptDraft]:
    """Drafts of the entries of one headword, the entry giving the head term first."""
    forms = {variant.text for variant in chinese.traditional_variants(group[0].simplified)}
    ordered = sorted(group, key=lambda e: (e.is_name, not e.has_senses, e.traditional not in forms, e.line))
    head = ordered[0]
    concept_id = f"cedict-{head.line}"
    for entry in ordered:
        yield _draft(entry, concept_id, forms, _difference(entry, head))


def _draft(entry: Entry, concept_id: str, forms: set[str], difference: str) -> ConceptDraft:
    citation = Citation(SOURCE_ID, f"L{entry.line}")
    senses = [sense.strip() for sense in entry.senses if sense.strip()]
    renderings = tuple(
        Rendering(sense, Status.ADMITTED, (citation,), difference) for sense in senses if not _NOT_A_SENSE.match(sense)
    )
    notes = [sense for sense in senses if _NOT_A_SENSE.match(sense)]
    return ConceptDraft(concept_id, entry.line, (_term(entry, forms, citation),), renderings, note="; ".join(notes))


def _term(entry: Entry, forms: set[str], citation: Citation) -> TermDraft:
    syllables = _han_syllables(entry.simplified, entry.syllables)
    if syllables is None or any(s.lower().startswith("xx") for s in syllables):
        pinyin, written = "", ""  # generated by make_term (and reported there if it does not fit)
    else:
        pinyin = " ".join(_marks(s) for s in syllables)
        written = _written(entry.simplified, syllables) if entry.is_name else ""
    traditional = {} if entry.traditional in forms else dict.fromkeys(chinese.TRADITIONAL_CONFIGS, entry.traditional)
    return TermDraft(entry.simplified, pinyin, written, traditional, citations=(citation,))


def _difference(entry: Entry, head: Entry) -> str:
    """How an entry's reading and traditional form differ from the head entry's, for its renderings' notes."""
    parts = []
    if [s.lower() for s in entry.syllables] != [s.lower() for s in head.syllables]:
        parts.append(f"read {' '.join(_marks(s) for s in entry.syllables)}")
    if entry.traditional != head.traditional:
        parts.append(f"traditional {entry.traditional}")
    return ", ".join(parts)


# Pinyin -------------------------------------------------------------------------------------------


def _han_syllables(headword: str, syllables: tuple[str, ...]) -> list[str] | None:
    """The syllables of the headword's Han characters; None where they cannot be told apart.

    CC-CEDICT writes one syllable per character, Latin letters and digits included (卡拉OK [ka3 la1 O K]),
    except where a number is read as several syllables (21三体综合症 [er4 shi2 yi1 san1 …]) or letters as
    fewer; with a single such run the Han syllables are those before and after it.
    """
    if len(syllables) == len(headword):
        return [s for s, char in zip(syllables, headword, strict=True) if chinese.has_han(char)]
    others = [index for index, char in enumerate(headword) if not chinese.has_han(char)]
    if not others or others != list(range(others[0], others[-1] + 1)):
        return None
    before, after = others[0], len(headword) - others[-1] - 1
    if before + after > len(syllables):
        return None
    return [*syllables[:before], *syllables[len(syllables) - after :]]


def _is_capital(syllable: str) -> bool:
    """A capitalised pinyin syllable (``Bei3``), as CC-CEDICT writes names; not a Latin letter (``K``)."""
    return syllable[:1].isupper() and syllable[-1:].isdigit()


@cache
def _marks(syllable: str) -> str:
    """Tone marks for one CC-CEDICT syllable: ``lu:4`` → ``lǜ``, ``r5`` (erhua 儿) → ``er``."""
    return chinese.to_marks(re.sub(r"^r(?=\d$)", "er", syllable, flags=re.IGNORECASE))


def _written(headword: str, syllables: list[str]) -> str:
    """The written form of a name: a capitalised syllable starts a word, each word capitalised."""
    words: list[tuple[str, list[str]]] = []
    for char, syllable in zip(chinese.han_chars(headword), syllables, strict=True):
        if _is_capital(syllable) or not words:
            words.append(("", []))
        text, marks = words[-1]
        words[-1] = (text + char, [*marks, _marks(syllable)])
    joined = (chinese.written_pinyin(text, " ".join(marks)) for text, marks in words)
    return " ".join(word[:1].upper() + word[1:] for word in joined)
