"""Term candidates written out: a line each for people, JSON for scripts, and a draft glossary (TOML
or CSV) citing where each candidate was found, to edit and merge."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from .assembly import make_term
from .errors import GlossaryError, UsageError
from .formats.csv import write_csv
from .formats.toml import slug, write_toml
from .glossary import Glossary
from .model import Citation, Concept, Rendering, Source, Status

if TYPE_CHECKING:  # extraction itself is imported only by the command that runs it
    from .extract import Candidate

__all__ = [
    "DRAFT_SOURCE",
    "FORMATS",
    "candidate_record",
    "draft_glossary",
    "evidence",
    "text_lines",
    "write_candidates",
]


FORMATS = ("text", "json", "csv", "toml")
DRAFT_SOURCE = Source(
    id="extracted",
    title="Term candidates extracted from bilingual documents by henan-terms extract; check before use",
)
"""The source a TOML draft cites, with the file and line of each candidate as the locator."""


def evidence(candidate: Candidate) -> str:
    """The evidence of a candidate in one line, for a draft glossary's note."""
    parts = [
        f"extracted: {candidate.frequency}× in {candidate.documents} document{'s' * (candidate.documents != 1)}",
        f"Dice {candidate.association:.2f}",
        f"score {candidate.score:.2f}",
        f"signals {', '.join(candidate.signals) or 'none'}",
        f"seen at {', '.join(e.location for e in candidate.examples)}",
    ]
    if candidate.alternatives:
        parts.append(f"other English n-grams: {'; '.join(candidate.alternatives)}")
    return "; ".join(parts)


def draft_glossary(candidates: Sequence[Candidate], *, csv: bool = False) -> Glossary:
    """Candidates as a glossary of admitted renderings citing where they were found: ``extracted#FILE:LINE``
    (TOML, with :data:`DRAFT_SOURCE` declared) or ``extracted from FILE:LINE`` (CSV)."""
    concepts = []
    used: set[str] = set()
    for candidate in candidates:
        if not candidate.en:
            continue
        location = candidate.location
        citation = Citation(f"extracted from {location}") if csv else Citation(DRAFT_SOURCE.id, location)
        try:
            term = make_term(candidate.zh, citations=(citation,), where=candidate.location)
        except GlossaryError:
            continue
        base = slug(candidate.en) or "term"
        concept_id, number = base, 1
        while concept_id in used:
            number += 1
            concept_id = f"{base}-{number}"
        used.add(concept_id)
        note = evidence(candidate)  # the CSV keeps a rendering's note, TOML the concept's
        rendering = Rendering(candidate.en, Status.ADMITTED, (citation,), note if csv else "")
        concepts.append(Concept(concept_id, (term,), (rendering,), note="" if csv else note))
    return Glossary("extracted", tuple(concepts), {} if csv else {DRAFT_SOURCE.id: DRAFT_SOURCE})


def candidate_record(candidate: Candidate) -> dict[str, object]:
    """A candidate as a JSON object."""
    return {
        "zh": candidate.zh,
        "pinyin": candidate.pinyin,
        "en": candidate.en,
        "score": candidate.score,
        "association": candidate.association,
        "frequency": candidate.frequency,
        "documents": candidate.documents,
        "signals": list(candidate.signals),
        "contains": list(candidate.contains),
        "alternatives": list(candidate.alternatives),
        "examples": [{"zh": e.zh, "en": e.en, "location": e.location} for e in candidate.examples],
    }


def text_lines(candidates: Sequence[Candidate]) -> Iterator[str]:
    """A readable listing: rank, pair, figures and signals, then the first example."""
    for rank, candidate in enumerate(candidates, start=1):
        signals = ", ".join(candidate.signals) or "-"
        yield (
            f"{rank:3d}. {candidate.zh}  {candidate.pinyin}  →  {candidate.en}   "
            f"[score {candidate.score:.2f}, Dice {candidate.association:.2f}, "
            f"{candidate.frequency}× in {candidate.documents} doc{'s' * (candidate.documents != 1)}; {signals}]"
        )
        for example in candidate.examples[:1]:
            yield f"     {example.location}: {_clip(example.zh, 50)} | {_clip(example.en, 90)}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_candidates(candidates: Sequence[Candidate], fmt: str, stream: TextIO) -> None:
    """Write candidates as ``text``, ``json``, or a draft glossary in ``csv`` or ``toml``."""
    if fmt == "json":
        stream.write(json.dumps([candidate_record(c) for c in candidates], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        write_csv(draft_glossary(candidates, csv=True), stream)
    elif fmt == "toml":
        write_toml(draft_glossary(candidates), stream, title="Draft: extracted term candidates")
    elif fmt == "text":
        for line in text_lines(candidates):
            stream.write(line + "\n")
    else:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
