"""Building a memory from bilingual documents: align each document, store its accepted beads, and
keep what a reviewer should see (rejected beads, unaligned paragraphs, lines without a counterpart)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from attrs import frozen

from ..formats.bilingual import BilingualDocument
from .align import Aligner, Alignment, units
from .protocol import TranslationMemory
from .results import AddCounts

__all__ = [
    "BuildReport",
    "build_memory",
]


@frozen
class BuildReport:
    """What a build stored and what it left for review, per document."""

    documents: tuple[BilingualDocument, ...]
    alignments: tuple[Alignment, ...]
    counts: AddCounts

    @property
    def paragraphs(self) -> int:
        return sum(len(d.pairs) for d in self.documents)

    @property
    def beads(self) -> int:
        return sum(len(a.accepted) + len(a.rejected) for a in self.alignments)

    @property
    def rejected(self) -> int:
        return sum(len(a.rejected) for a in self.alignments)

    @property
    def unpaired(self) -> int:
        """Accepted 1-0 and 0-1 beads: sentences without a counterpart, stored in no unit."""
        return sum(len(a.unpaired) for a in self.alignments)

    @property
    def unstored_sentences(self) -> tuple[int, int]:
        """Chinese and English sentences stored in no unit: those of rejected beads and of 1-0 and 0-1
        beads (paragraphs that could not be aligned at all are in each alignment's problems)."""
        counts = [a.unstored_sentences for a in self.alignments]
        return sum(zh for zh, _ in counts), sum(en for _, en in counts)


def build_memory(
    documents: Iterable[BilingualDocument],
    memory: TranslationMemory,
    aligner: Aligner,
    on_document: Callable[[BilingualDocument, Alignment], None] | None = None,
    on_paragraph: Callable[[], None] | None = None,
) -> BuildReport:
    """Align every document and add its accepted pairs to the memory; ``on_document`` is called after
    each document (for reporting what was rejected as it happens), ``on_paragraph`` after each
    paragraph pair (for progress)."""
    done: list[BilingualDocument] = []
    alignments: list[Alignment] = []
    counts = AddCounts()
    for document in documents:
        alignment = aligner.align_document(document, on_paragraph=on_paragraph)
        counts += memory.add(units(alignment))
        done.append(document)
        alignments.append(alignment)
        if on_document is not None:
            on_document(document, alignment)
    return BuildReport(tuple(done), tuple(alignments), counts)
