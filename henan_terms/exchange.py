"""Export a glossary to, and import one from, every exchange format, chosen by name."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from attrs import evolve

from .assembly import ConceptPlaces, GlossaryParts
from .errors import FormatError, Problem, UsageError
from .formats.cedict import read_cedict
from .formats.csv import CSV_OPTIONAL, CSV_REQUIRED, read_csv_glossary, write_csv
from .formats.imports import Imported
from .formats.json import write_json
from .formats.json_import import read_json
from .formats.memoq import read_memoq, write_memoq
from .formats.omegat import read_omegat, write_omegat
from .formats.po import read_po, write_po
from .formats.tbx import read_tbx, write_tbx, write_tbx2008
from .formats.toml import read_toml_glossary, write_toml
from .glossary import Glossary
from .model import Source, Status

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "export_glossary",
    "guess_format",
    "import_glossary",
    "read_contents",
    "read_placed",
    "without_deprecated",
]

EXPORT_FORMATS = ("tbx", "tbx2008", "csv", "tsv-omegat", "csv-memoq", "po", "json", "toml")
IMPORT_FORMATS = ("tbx", "csv", "csv-memoq", "tsv-omegat", "po", "json", "cedict", "toml")
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
    if not include_deprecated:
        glossary = without_deprecated(glossary)
    if fmt == "tbx":
        write_tbx(glossary, stream, include_deprecated=include_deprecated)
    elif fmt == "tbx2008":
        write_tbx2008(glossary, stream, include_deprecated=include_deprecated)
    elif fmt in _TEXT_WRITERS:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="" if fmt.startswith(("csv", "tsv")) else None)
        if fmt == "tsv-omegat":
            write_omegat(glossary, text, deprecated=include_deprecated)
        elif fmt == "csv":
            write_csv(glossary, text, bom=bom)
        elif fmt == "csv-memoq":
            write_memoq(glossary, text, bom=bom)
        else:
            _TEXT_WRITERS[fmt](glossary, text)
        text.flush()
        text.detach()
    else:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def without_deprecated(glossary: Glossary) -> Glossary:
    """The glossary with its deprecated renderings left out (a concept with nothing else keeps them)."""
    concepts = []
    for concept in glossary:
        kept = tuple(r for r in concept.renderings if r.status is not Status.DEPRECATED)
        concepts.append(evolve(concept, renderings=kept) if kept else concept)
    return evolve(glossary, concepts=tuple(concepts))


def _json(glossary: Glossary, stream: TextIO) -> None:
    write_json(glossary.concepts, glossary.sources, stream)


_TEXT_WRITERS: dict[str, Callable[[Glossary, TextIO], None]] = {
    "csv": write_csv,
    "tsv-omegat": write_omegat,
    "csv-memoq": write_memoq,
    "po": write_po,
    "json": _json,
    "toml": write_toml,
}


def guess_format(path: str | Path) -> str:
    """The import format of a file from its name; a ``.csv`` is the project's CSV when its header has
    a ``status`` column, or ``zh`` beside another of the project's columns, else memoQ-style (whose
    columns are language names). A project CSV with a bad header is thus reported, not reread."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            with path.open(encoding="utf-8-sig", errors="replace") as stream:
                columns = {column.strip() for column in stream.readline().split(",")}
        except OSError as error:
            raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
        ours = columns & {*CSV_REQUIRED, *CSV_OPTIONAL}
        return "csv" if "status" in ours or ("zh" in ours and len(ours) > 1) else "csv-memoq"
    if suffix not in _BY_SUFFIX:
        raise UsageError(f"{path}: cannot tell the format from the name; give --format")
    return _BY_SUFFIX[suffix]


def import_glossary(path: str | Path, fmt: str | None = None) -> Imported:
    """Read a file of any import format; what could not be kept is in ``skipped``.

    The project's own formats (TOML, CSV) are read strictly: any problem raises GlossaryError.
    """
    fmt = fmt or guess_format(path)
    if not Path(path).is_file():
        raise FormatError(str(path), 0, "no such file" if not Path(path).exists() else "not a file")
    if fmt in _STRICT:
        data = read_contents(path)
        parts = GlossaryParts()
        parts.add(*read_placed(Path(path), fmt, parts.problems, data))
        digest = hashlib.sha256(data if isinstance(data, bytes) else b"").hexdigest()
        return Imported(parts.glossary(Path(path).stem, digest))
    if fmt == "tbx":
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
    if fmt in _STRICT:
        if isinstance(data, OSError):
            problems.append(Problem(str(path), 0, f"cannot read: {data.strerror}"))
            return [], {}
        return _STRICT[fmt](str(path), data, problems)
    imported = import_glossary(path, fmt).glossary
    where = f"{path}:0"
    placed = [
        ConceptPlaces(c, where, tuple(where for _ in c.terms), tuple(where for _ in c.renderings)) for c in imported
    ]
    return placed, {key: (source, where) for key, source in imported.sources.items()}


_STRICT = {"toml": read_toml_glossary, "csv": read_csv_glossary}
