"""The translation-memory contract: what every backend (``sqlite.py``, the embedded default, and
``postgres.py``, for a team sharing one memory) implements, with the parts they share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from ..errors import Problem, TranslationMemoryError, UsageError
from ..formats.po import write_po_units
from ..formats.tmx import write_tmx
from ..formats.units import read_units
from ..glossary import Glossary
from ..match import SourceSpotter
from ..model import TMUnit
from .history import concepts_of, rendering_history
from .index import DEFAULT_MIN_SCORE, IndexReader
from .results import AddCounts, Match, TermHistory

__all__ = [
    "DEFAULT_WAIT",
    "TranslationMemory",
    "no_memory",
    "wait_ran_out",
]

DEFAULT_WAIT = 300.0  # seconds an add waits for another process writing to the memory


class TranslationMemory(IndexReader, Protocol):
    """A translation memory: units in, fuzzy matches, concordance and rendering history out."""

    def __len__(self) -> int:
        """The number of units stored."""
        ...

    def add(self, units: Iterable[TMUnit]) -> AddCounts:
        """Store units; a pair already stored (same normalised texts and languages) is skipped."""
        ...

    def search(
        self,
        text: str,
        min_score: float = DEFAULT_MIN_SCORE,
        limit: int | None = 10,
        fragments: bool = False,
        glossary: Glossary | None = None,
    ) -> list[Match]:
        """Units whose source scores at least ``min_score`` against the text, best first (``exact``,
        then ``fuzzy`` matches, with their differences and adapted numbers), then, with ``fragments``,
        units sharing a long stretch with the text (``fragment``), up to ``limit`` in all.

        Ties keep the order in which the units were stored; ``limit=None`` returns every match.
        ``glossary`` places a fragment's English in the unit's translation (the bundled one when None).
        One search for every backend, over the index each keeps (``IndexReader``).
        """
        from .lookup import lookup  # loads the fragment and adaptation machinery only for a search

        return lookup(self, text, min_score, limit, fragments, glossary)

    def concordance(self, term: str, limit: int | None = None) -> list[TMUnit]:
        """Units whose normalised source contains the normalised term, in the order stored."""
        ...

    def units(self) -> Iterator[TMUnit]:
        """Every unit, in the order stored."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def history(self, glossary: Glossary, term: str | None = None, examples: int = 3) -> list[TermHistory]:
        """The rendering history of every concept of the glossary, or of those a term looks up."""
        concepts = glossary.concepts if term is None else concepts_of(glossary, term)
        spotter = SourceSpotter(glossary)
        return [rendering_history(self, concept, spotter, examples) for concept in concepts]

    def export(
        self,
        path: str | Path,
        format: str = "tmx",
        watch: Callable[[Iterable[TMUnit]], Iterable[TMUnit]] | None = None,
    ) -> int:
        """Write every unit to a file as ``tmx`` (TMX 1.4b) or ``po``; returns how many. ``watch``
        wraps the units on their way to the file (a progress display counts them)."""
        if format not in ("tmx", "po"):
            raise UsageError(f"cannot export a translation memory as {format!r}: use tmx or po")
        units = self.units() if watch is None else watch(self.units())
        return write_tmx(units, path) if format == "tmx" else write_po_units(units, path)

    def import_file(
        self, path: str | Path, source_lang: str = "zh", target_lang: str = "en", skipped: list[Problem] | None = None
    ) -> AddCounts:
        """Add the units of a bilingual file (TMX, XLIFF, PO, Qt Linguist); skipped ones go to ``skipped``.
        Nothing is added when the file cannot be read (``add`` is one transaction)."""
        return self.add(read_units(path, source_lang=source_lang, target_lang=target_lang, skipped=skipped))

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def no_memory(where: str) -> TranslationMemoryError:
    """The error of opening, without creating, a file or database that holds no memory."""
    return TranslationMemoryError(f"{where}: no translation memory here (tm build or tm import makes one)")


def wait_ran_out(wait: float) -> str:
    """Why an add failed when another process kept the memory for longer than the add waits."""
    return f"another process kept writing to it for more than {wait:g} s (--wait SECONDS waits longer)"
