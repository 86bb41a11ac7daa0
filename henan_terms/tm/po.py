"""Translation units as a PO file, through polib: ``msgid`` the source, ``msgstr`` the target; read
back from any PO file (the comments written here restore origin, confidence, creation time and tuid).

Each entry carries the unit's origin, confidence, creation time and tuid as extracted comments
(``#. origin: …``); a source that comes again with another translation gets a ``msgctxt`` (its
tuid, origin or number), so that the file stays valid for ``msgfmt -c``. PO files hold one language
pair: the header's ``Language`` is the first unit's target language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import polib

from .. import __version__
from ..errors import FormatError, Problem
from ..model import TMUnit


def po_entry(unit: TMUnit, context: str | None = None) -> polib.POEntry:
    """The PO entry of a unit."""
    notes = [f"origin: {unit.origin}"] if unit.origin else []
    if unit.confidence != 1.0:
        notes.append(f"confidence: {unit.confidence!r}")
    if unit.created is not None:
        notes.append(f"created: {unit.created.isoformat()}")
    if unit.tuid:
        notes.append(f"tuid: {unit.tuid}")
    entry = polib.POEntry(msgid=unit.source, msgstr=unit.target, comment="\n".join(notes))
    if context is not None:
        entry.msgctxt = context
    return entry


def write_po(units: Iterable[TMUnit], path: str | Path) -> int:
    """Write units as a PO file; returns how many entries were written."""
    catalog = polib.POFile(wrapwidth=0)
    seen: set[tuple[str | None, str]] = set()
    language = ""
    for number, unit in enumerate(units, start=1):
        language = language or unit.target_lang
        context = None
        for candidate in (None, unit.tuid, unit.origin, str(number)):
            if (candidate is None or candidate) and (candidate, unit.source) not in seen:
                context = candidate
                break
        seen.add((context, unit.source))
        catalog.append(po_entry(unit, context))
    catalog.metadata = {
        "Project-Id-Version": "henan-terms translation memory",
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "henan-terms translation memory",
        "Language-Team": "henan-terms translation memory",
        "Language": language.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"henan-terms {__version__}",
    }
    catalog.save(str(path))
    return len(catalog)


def read_po(path: str | Path, skipped: list[Problem] | None = None) -> list[TMUnit]:
    """The translated entries of a PO file as units; untranslated, fuzzy and obsolete ones go to ``skipped``.

    A catalogue translated into Chinese (``Language: zh_CN``, as software catalogues are) gives units
    from Chinese: the ``msgstr`` is the source and the ``msgid`` the English target.
    """
    try:
        catalog = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise FormatError(str(path), 0, f"not a PO file: {error}") from None
    language = catalog.metadata.get("Language", "").replace("_", "-") or "en"
    units = []
    for entry in catalog:
        if not entry.msgstr or entry.fuzzy or entry.obsolete:
            why = "obsolete" if entry.obsolete else "fuzzy" if entry.fuzzy else "untranslated"
            if skipped is not None:
                skipped.append(Problem(str(path), entry.linenum, f"{why} entry not imported"))
            continue
        notes = dict(line.partition(": ")[::2] for line in entry.comment.splitlines() if ": " in line)
        created = notes.get("created")
        into_chinese = language.lower().startswith("zh")
        units.append(
            TMUnit(
                entry.msgstr if into_chinese else entry.msgid,
                entry.msgid if into_chinese else entry.msgstr,
                source_lang=language if into_chinese else "zh-CN",
                target_lang="en" if into_chinese else language,
                origin=notes.get("origin", f"{Path(path).name}#L{entry.linenum}"),
                created=datetime.fromisoformat(created) if created else None,
                confidence=float(notes.get("confidence", 1.0)),
                tuid=notes.get("tuid", ""),
            )
        )
    return units
