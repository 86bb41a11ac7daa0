"""Export a glossary to, and import one from, every exchange format, chosen by name.

The reader or writer of a format is imported when that format is asked for: the command line reads the
format names here, and a command that exchanges nothing loads no XML, PO or TOML library."""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from attrs import evolve

from .errors import FormatError, Problem, UsageError
from .glossary import Glossary
from .model import Source, Status

if TYPE_CHECKING:
    from .assembly import ConceptPlaces
    from .formats.imports import Imported

__all__ = [
    "DEPRECATED_LEFT_OUT",
    "EXPORT_FORMATS",
    "FOLDER_FORMATS",
    "IMPORT_FORMATS",
    "export_folder",
    "export_glossary",
    "folder_files",
    "guess_format",
    "import_glossary",
    "read_contents",
    "read_placed",
    "without_deprecated",
]

EXPORT_FORMATS = ("tbx", "tbx2008", "csv", "tsv-omegat", "csv-memoq", "po", "json", "toml")
DEPRECATED_LEFT_OUT = ("tsv-omegat", "tbx2008")
"""Formats for OmegaT, whose glossary readers ignore status and offer every rendering they read as usable:
the command line leaves deprecated renderings out of them unless asked to keep them."""
FOLDER_FORMATS = ("html",)
"""Formats written as a folder, for people rather than tools, and not read back."""
IMPORT_FORMATS = ("tbx", "tbx2008", "csv", "csv-memoq", "tsv-omegat", "po", "json", "cedict", "toml")
_BY_SUFFIX = {
    ".tbx": "tbx",
    ".xml": "tbx",
    ".tsv": "tsv-omegat",
    ".txt": "tsv-omegat",
    ".po": "po",
    ".json": "json",
    ".u8": "cedict",
    ".toml": "toml",
}


def export_glossary(
    glossary: Glossary, fmt: str, stream: BinaryIO, *, include_deprecated: bool = True, bom: bool = False
) -> None:
    """Write the glossary in a format of ``EXPORT_FORMATS``; deprecated renderings may be left out, in
    every format, for tools that ignore status; ``bom`` starts a CSV with a byte-order mark, so that
    Excel reads it as UTF-8."""
    from .formats.csv import write_csv
    from .formats.memoq import write_memoq
    from .formats.omegat import write_omegat
    from .formats.tbx import write_tbx, write_tbx2008

    if not include_deprecated:
        glossary = without_deprecated(glossary)
    if fmt == "tbx":
        write_tbx(glossary, stream, include_deprecated=include_deprecated)
    elif fmt == "tbx2008":
        write_tbx2008(glossary, stream, include_deprecated=include_deprecated)
    elif fmt in _TEXT_FORMATS:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="" if fmt.startswith(("csv", "tsv")) else None)
        if fmt == "tsv-omegat":
            write_omegat(glossary, text, deprecated=include_deprecated)
        elif fmt == "csv":
            write_csv(glossary, text, bom=bom)
        elif fmt == "csv-memoq":
            write_memoq(glossary, text, bom=bom)
        else:
            _text_writers()[fmt](glossary, text)
        text.flush()
        text.detach()
    else:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def folder_files(fmt: str) -> tuple[str, ...]:
    """The files a format of ``FOLDER_FORMATS`` writes (a folder holding only these may be replaced)."""
    from .formats.html import ASSETS, PAGE

    if fmt not in FOLDER_FORMATS:
        raise UsageError(f"{fmt} is not written as a folder; use one of {', '.join(FOLDER_FORMATS)}")
    return (PAGE, *ASSETS)


def export_folder(glossary: Glossary, fmt: str, folder: Path, *, include_deprecated: bool = True) -> None:
    """Write the glossary in a format of ``FOLDER_FORMATS`` into an existing, empty folder."""
    from .formats.html import write_html

    if fmt not in FOLDER_FORMATS:
        raise UsageError(f"{fmt} is not written as a folder; use one of {', '.join(FOLDER_FORMATS)}")
    write_html(glossary if include_deprecated else without_deprecated(glossary), folder)


def without_deprecated(glossary: Glossary) -> Glossary:
    """The glossary with its deprecated renderings left out (a concept with nothing else keeps them)."""
    concepts = []
    for concept in glossary:
        kept = tuple(r for r in concept.renderings if r.status is not Status.DEPRECATED)
        concepts.append(evolve(concept, renderings=kept) if kept else concept)
    return evolve(glossary, concepts=tuple(concepts))


def _json(glossary: Glossary, stream: TextIO) -> None:
    from .formats.json import write_json

    write_json(glossary.concepts, glossary.sources, stream)


_TEXT_FORMATS = ("csv", "tsv-omegat", "csv-memoq", "po", "json", "toml")


def _text_writers() -> dict[str, Callable[[Glossary, TextIO], None]]:
    from .formats.po import write_po
    from .formats.toml import write_toml

    return {"po": write_po, "json": _json, "toml": write_toml}


def guess_format(path: str | Path) -> str:
    """The import format of a file from its name; a ``.csv`` is the project's CSV when its header has
    a ``status`` column, or ``zh`` beside another of the project's columns; else memoQ-style when its
    header names a Chinese and an English column as memoQ does (``Chinese (PRC)``, ``English``,
    ``zh-CN``, ``en``); else the project's CSV again. A CSV with a bad header is thus reported by the
    project's reader, never read as something else."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from .formats.csv import CSV_OPTIONAL, CSV_REQUIRED
        from .formats.memoq import names_languages

        try:
            with path.open("rb") as stream:
                head = stream.read(65536)
        except OSError as error:
            raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # as Excel saves "Unicode text"
        header = head.decode("utf-16" if utf16 else "utf-8-sig", errors="replace").partition("\n")[0]
        ours = {column.strip() for column in header.split(",")} & {*CSV_REQUIRED, *CSV_OPTIONAL}
        if "status" in ours or ("zh" in ours and len(ours) > 1):
            return "csv"
        return "csv-memoq" if names_languages(header) else "csv"
    if suffix not in _BY_SUFFIX:
        raise UsageError(f"{path}: cannot tell the format from the name; give --format")
    return _BY_SUFFIX[suffix]


def import_glossary(path: str | Path, fmt: str | None = None) -> Imported:
    """Read a file of any import format; what could not be kept is in ``skipped``.

    The project's own formats (TOML, CSV) are read strictly: any problem raises GlossaryError.
    """
    from .assembly import GlossaryParts
    from .formats.cedict import read_cedict
    from .formats.imports import Imported
    from .formats.json_import import read_json
    from .formats.memoq import read_memoq
    from .formats.omegat import read_omegat
    from .formats.po import read_po
    from .formats.tbx import read_tbx

    fmt = fmt or guess_format(path)
    if not Path(path).is_file():
        raise FormatError(str(path), 0, "no such file" if not Path(path).exists() else "not a file")
    if fmt in _STRICT:
        data = read_contents(path)
        parts = GlossaryParts()
        parts.add(*read_placed(Path(path), fmt, parts.problems, data))
        digest = hashlib.sha256(data if isinstance(data, bytes) else b"").hexdigest()
        return Imported(parts.glossary(Path(path).stem, digest))
    if fmt in ("tbx", "tbx2008"):  # one reader for both versions: it tells them by the root
        result = read_tbx(path)
        return Imported(result.glossary, result.problems)
    if fmt == "json":
        return Imported(read_json(path))
    readers: dict[str, Callable[[str | Path], Imported]] = {
        "csv-memoq": read_memoq,
        "tsv-omegat": read_omegat,
        "po": read_po,
        "cedict": read_cedict,
    }
    if fmt not in readers:
        raise UsageError(f"unknown import format {fmt!r}; use one of {', '.join(IMPORT_FORMATS)}")
    return readers[fmt](path)


def read_contents(path: str | Path) -> bytes | OSError:
    """The bytes of a file, or why it cannot be read (reported with the file by the reader)."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        return error


def read_placed(
    path: Path, fmt: str, problems: list[Problem], data: bytes | OSError
) -> tuple[list[ConceptPlaces], dict[str, tuple[Source, str]]]:
    """The concepts of one glossary file with the places they were read from, and its sources: the
    project's formats read ``data``, the file's bytes read once by the caller, and report their
    problems into ``problems``; other formats are imported, and the file is the place of all they hold."""
    from .assembly import ConceptPlaces
    from .formats.csv import read_csv_glossary
    from .formats.toml import read_toml_glossary

    if fmt in _STRICT:
        if isinstance(data, OSError):
            problems.append(Problem(str(path), 0, f"cannot read: {data.strerror}"))
            return [], {}
        return {"toml": read_toml_glossary, "csv": read_csv_glossary}[fmt](str(path), data, problems)
    imported = import_glossary(path, fmt).glossary
    where = f"{path}:0"
    placed = [
        ConceptPlaces(c, where, tuple(where for _ in c.terms), tuple(where for _ in c.renderings)) for c in imported
    ]
    return placed, {key: (source, where) for key, source in imported.sources.items()}


_STRICT = ("toml", "csv")  # the project's own formats, read strictly
