"""Export a glossary to, and import one from, every exchange format, chosen by name."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from .errors import HenanTermsError
from .formats.cedict import read_cedict
from .formats.csv import read_memoq, read_omegat, write_csv, write_memoq, write_omegat
from .formats.imports import Imported
from .formats.json import write_json
from .formats.json_import import read_json
from .formats.po import read_po, write_po
from .formats.tbx import read_tbx, write_tbx, write_tbx2008
from .formats.toml import write_toml
from .glossary import CSV_REQUIRED, Glossary, load_glossary

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
    """Write the glossary in a format of ``EXPORT_FORMATS``; deprecated renderings may be left out
    (TBX, TBX 2008, OmegaT) for tools that ignore status; ``bom`` starts a CSV with a byte-order mark,
    so that Excel reads it as UTF-8."""
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
        raise HenanTermsError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


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
    """The import format of a file from its name; a ``.csv`` is the project's CSV when its header
    has the columns ``zh``, ``en`` and ``status``, else memoQ-style."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", errors="replace") as stream:
            columns = {column.strip() for column in stream.readline().split(",")}
        return "csv" if set(CSV_REQUIRED) <= columns else "csv-memoq"
    if suffix not in _BY_SUFFIX:
        raise HenanTermsError(f"{path}: cannot tell the format from the name; give --format")
    return _BY_SUFFIX[suffix]


def import_glossary(path: str | Path, fmt: str | None = None) -> Imported:
    """Read a file of any import format; what could not be kept is in ``skipped``."""
    fmt = fmt or guess_format(path)
    if fmt == "tbx":
        result = read_tbx(path)
        return Imported(result.glossary, result.problems)
    if fmt in ("csv", "toml"):
        return Imported(load_glossary(path))
    if fmt == "json":
        return Imported(read_json(path))
    readers: dict[str, Callable[[str | Path], Imported]] = {
        "csv-memoq": read_memoq,
        "tsv-omegat": read_omegat,
        "po": read_po,
        "cedict": read_cedict,
    }
    if fmt not in readers:
        raise HenanTermsError(f"unknown import format {fmt!r}; use one of {', '.join(IMPORT_FORMATS)}")
    return readers[fmt](path)


def load_any(*paths: str | Path) -> Glossary:
    """The glossaries of these files as one: TOML and CSV files are loaded and validated together,
    files of other formats (TBX, JSON, PO, …) imported; the bundled glossary when no file is given.

    A concept id or Chinese term found in two files is an error naming both.
    """
    native = [p for p in paths if Path(p).suffix.lower() in (".toml", ".csv")]
    glossaries = [load_glossary(*native)] if native or not paths else []
    glossaries += [import_glossary(p).glossary for p in paths if p not in native]
    if len(glossaries) == 1:
        return glossaries[0]
    owners: dict[str, str] = {}
    for glossary in glossaries:
        for concept in glossary:
            for key in (f"id {concept.id}", *(f"term {t.text}" for t in concept.terms)):
                if owners.setdefault(key, glossary.name) != glossary.name:
                    raise HenanTermsError(f"{key} is in both {owners[key]} and {glossary.name}")
    return Glossary(
        name="+".join(g.name for g in glossaries),
        concepts=tuple(c for g in glossaries for c in g.concepts),
        sources={key: source for g in glossaries for key, source in g.sources.items()},
        digest=hashlib.sha256("".join(g.digest for g in glossaries).encode()).hexdigest(),
    )
