"""Merge a draft glossary (as ``extract`` writes it, after editing) into a TOML glossary file.

Both files are validated first. A concept id, a Chinese term or a source key that the two files use
for different things is a clash; any clash refuses the whole merge and every clash is listed. The
merged file is written beside the target, validated again, and then renamed over it, so that the
target is either the old file or the complete new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from attrs import frozen

from .english import counted
from .errors import GlossaryError, HenanTermsError, Problem, UsageError
from .formats.toml import toml_lines
from .glossary import Glossary
from .loader import load_glossary

__all__ = [
    "MergeClash",
    "Merged",
    "merge_glossary",
]


class MergeClash(HenanTermsError):
    """The draft and the target glossary name different things alike; ``problems`` lists every clash."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{counted(len(self.problems), 'clash')}, nothing merged:\n{listed}")


@frozen
class Merged:
    """What a merge added to the target."""

    target: str
    concepts: int
    sources: int


def merge_glossary(draft: str | Path, into: str | Path) -> Merged:
    """Append the concepts of ``draft`` (TOML or CSV) to the TOML glossary ``into``.

    Raises GlossaryError when either file is invalid, MergeClash when they clash, HenanTermsError
    when ``into`` is not a TOML file; the target is then left as it was.
    """
    draft, into = Path(draft), Path(into)
    if into.suffix.lower() != ".toml":
        raise UsageError(f"{into}: merge writes into a TOML glossary (.toml)")
    new, old = load_glossary(draft), load_glossary(into)
    clashes = _clashes(new, old, str(draft))
    if clashes:
        raise MergeClash(clashes)
    lines = [line for line in toml_lines(Glossary(new.name, new.concepts, {**old.sources, **new.sources})) if line]
    old_headers = {line for key in old.sources for line in toml_lines(Glossary("", (), {key: old.sources[key]}))}
    blocks = _blocks(lines[2:])  # without the [glossary] table
    kept = [block for block in blocks if block[0] not in old_headers or not block[0].startswith("[sources.")]
    text = into.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += "".join("\n" + "\n".join(block) + "\n" for block in kept)
    _write_atomic(into, text)
    added_sources = sum(block[0].startswith("[sources.") for block in kept)
    return Merged(str(into), len(new), added_sources)


def _blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into tables, each from its header to the next."""
    blocks: list[list[str]] = []
    for line in lines:
        if line.startswith("[") or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _clashes(new: Glossary, old: Glossary, where: str) -> list[Problem]:
    problems = []
    old_ids = {concept.id for concept in old}
    old_terms = {term.text: concept.id for concept in old for term in concept.terms}
    for concept in new:
        if concept.id in old_ids:
            problems.append(Problem(where, 0, f"concept id {concept.id!r} is already used in {old.name}"))
        for term in concept.terms:
            if term.text in old_terms:
                problems.append(
                    Problem(where, 0, f"{term.text} ({concept.id}) is already in concept {old_terms[term.text]!r}")
                )
    for key, source in new.sources.items():
        if key in old.sources and old.sources[key] != source:
            problems.append(Problem(where, 0, f"source {key!r} is declared differently in {old.name}"))
    return problems


def _write_atomic(path: Path, text: str) -> None:
    """Write beside ``path``, check the result loads, then rename it over ``path``."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".toml")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        try:
            load_glossary(temporary)
        except GlossaryError as error:  # cannot happen for two valid files; kept as a guard
            raise HenanTermsError(f"the merged glossary would be invalid:\n{error}") from None
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
