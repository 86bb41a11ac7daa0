"""The glossary record: loaded, valid concepts, the sources they cite, and lookup over them.

Reading files is the loader's job (``henan_terms.loader``); this record knows no file format.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path

from attrs import field, frozen

from .lookup import Hit, TermIndex
from .model import Citation, Concept, Source

__all__ = [
    "BUNDLED_NAME",
    "Glossary",
    "bundled_files",
]

BUNDLED_NAME = "henan"


class _Derived:
    """What is built from a glossary's concepts when first needed: the lookup index, which holds the
    term spotters. A field of the glossary, so that a cached glossary brings it along."""

    index: TermIndex | None = None


@frozen(eq=False)
class Glossary:
    """A loaded, valid glossary: concepts, the sources they cite, and a lookup index; ``files`` names the
    file each concept was read from (by concept id), so that a glossary of several files can be shown
    file by file."""

    name: str
    concepts: tuple[Concept, ...]
    sources: Mapping[str, Source] = field(factory=dict)
    digest: str = ""  # sha256 of the files it was loaded from
    files: Mapping[str, str] = field(factory=dict)
    _derived: _Derived = field(factory=_Derived, init=False, repr=False)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError if there is none."""
        return self._by_id[concept_id]

    def lookup(self, query: str) -> list[Hit]:
        """Concepts matching a Chinese term (either script), pinyin (any style) or English rendering."""
        return self.index.lookup(query)

    def suggest(self, query: str, limit: int = 5) -> list[Hit]:
        """Near misses for a query that found nothing."""
        return self.index.suggest(query, limit)

    def cite(self, citation: Citation) -> str:
        """A citation as a reader wants it: publisher, title, date, locator and address of its source."""
        source = self.sources.get(citation.source)
        if source is None:
            return str(citation)
        parts = (source.publisher, source.title, source.date, citation.place(source.file))
        return ", ".join(part for part in parts if part) + (f" <{source.url}>" if source.url else "")

    @cached_property
    def _by_id(self) -> dict[str, Concept]:
        return {concept.id: concept for concept in self.concepts}

    @property
    def index(self) -> TermIndex:
        """The lookup index over the concepts, with the linter's term spotters: built on first use,
        or brought from the cache."""
        if self._derived.index is None:
            self._derived.index = TermIndex(self.concepts)
        return self._derived.index

    def prepare(self) -> Glossary:
        """Build everything derived from the concepts now (the index, both spotters), so that a glossary
        stored in the cache brings them along; returns the glossary."""
        self.index.prepare()
        return self


def bundled_files() -> list[Path]:
    """The glossary files shipped with the library."""
    folder = Path(__file__).parent / "glossaries"
    if not folder.is_dir():  # running from a source checkout
        folder = Path(__file__).parent.parent / "glossaries"
    return sorted(folder.glob("*.toml"))
