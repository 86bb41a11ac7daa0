"""Translation units as a PO file, through polib: ``msgid`` the source, ``msgstr`` the target.

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
