"""One entry point for the bilingual files that hold translation units, chosen by suffix: the linter
reads drafts and the memory imports units through it, so both see the same pairs of a file.

TMX, XLIFF (1.2, 2.0, SDLXLIFF) and PO have readers of their own; Qt Linguist files are read by
translate-toolkit, the one maintained reader of that format. Each reader is imported when a file of
its kind is read, so that linting a plain-text draft loads no XML or PO library.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from ..chinese import has_han
from ..errors import FormatError, Problem
from ..model import TMUnit

__all__ = [
    "UNIT_SUFFIXES",
    "read_units",
]

UNIT_SUFFIXES = (".tmx", ".xlf", ".xliff", ".sdlxliff", ".po", ".pot", ".ts")


def read_units(
    path: str | Path,
    *,
    source_lang: str = "zh",
    target_lang: str = "en",
    skipped: list[Problem] | None = None,
    text: str | None = None,
) -> Iterator[TMUnit]:
    """The translated units of a bilingual file, Chinese side as source where the file says which side
    is Chinese; what cannot be read goes to ``skipped``. FormatError names the file for a file that
    cannot be read at all or whose suffix is not one of ``UNIT_SUFFIXES``.

    ``text`` is the file's content as an editor holds it, read by the same readers instead of the file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in UNIT_SUFFIXES:
        kind = suffix or "a file without suffix"
        raise FormatError(str(path), 0, f"cannot read {kind} as translation units; use {', '.join(UNIT_SUFFIXES)}")
    if text is None and not path.is_file():
        raise FormatError(str(path), 0, "no such file" if not path.exists() else "not a file")
    if suffix in (".po", ".pot"):
        from .po import read_po_units

        return iter(read_po_units(path, skipped, text))
    if suffix == ".ts":
        return _read_qt(path, text)
    source = path if text is None else _named_stream(text, path)
    if suffix == ".tmx":
        from .tmx import read_tmx

        return read_tmx(source, source_lang=source_lang, target_lang=target_lang, skipped=skipped)
    from .xliff import read_xliff

    return read_xliff(source, source_lang=source_lang, skipped=skipped)


def _named_stream(text: str, path: Path) -> io.BytesIO:
    """The UTF-8 bytes of an XML text, named as its file so that errors name the file."""
    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = str(path)
    return stream


def _read_qt(path: Path, text: str | None) -> Iterator[TMUnit]:
    """A Qt Linguist file (or its ``text``) through translate-toolkit, after the safe parser has checked
    its XML."""
    from translate.storage import factory

    from .xml import iterparse

    def opened() -> str | io.BytesIO:
        return str(path) if text is None else _named_stream(text, path)

    for _ in iterparse(opened()):
        pass
    try:
        store = factory.getobject(opened())
    except Exception as error:  # translate-toolkit raises many kinds on bad input
        raise FormatError(str(path), 0, f"cannot read as a Qt Linguist file: {error}") from None
    for unit in store.getunits():
        source, target = str(unit.source or ""), str(unit.target or "")
        if unit.isheader() or not target:
            continue
        if has_han(target) and not has_han(source):
            source, target = target, source
        line = getattr(getattr(unit, "xmlelement", None), "sourceline", None) or 0
        yield TMUnit(source, target, origin=f"{path.name}:{line}" if line else path.name, line=line)
