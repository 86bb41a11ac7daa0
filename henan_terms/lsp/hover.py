"""What the glossary says of the term under the cursor: for a Chinese term its pinyin, its renderings
with their status and citations; for an English rendering the concept it renders, the same way.

Terms are spotted as the linter spots them (on word boundaries, inflection-tolerant in English), in the
line under the cursor.
"""

from __future__ import annotations

from ..chinese import HAN, to_simplified
from ..glossary import Glossary
from ..model import Concept, Status
from .documents import Project

__all__ = ["describe"]


def describe(project: Project, line: str, column: int) -> str | None:
    """Markdown for the glossary terms at ``column`` (in code points) of a line; None when there is none."""
    if column < len(line) and HAN.match(line[column]):
        simplified = to_simplified(line)
        text = simplified if len(simplified) == len(line) else line
        concepts = [m.concept for m in project.source_spotter.spot(text) if m.start <= column < m.end]
        return "\n\n---\n\n".join(_concept(project.glossary, c) for c in concepts) or None
    latin = HAN.sub(" ", line)  # the English of the line, columns kept
    needs = {concept.id: len(line) for concept in project.glossary}
    described = []
    for match in project.target_spotter.spot(latin, needs):
        if match.start <= column < match.end:
            found = line[match.start : match.end]
            rendering, concept = match.rendering, match.concept
            advice = ""
            if rendering.status is Status.DEPRECATED and concept.preferred:
                advice = f"; use **{concept.preferred.text}**"
            head = f"*{found}*: {rendering.status.value} rendering of **{concept.zh}**{advice}"
            described.append(f"{head}\n\n{_concept(project.glossary, concept)}")
    return "\n\n---\n\n".join(described) or None


def _concept(glossary: Glossary, concept: Concept) -> str:
    """A concept as Markdown: its terms with pinyin and traditional forms, renderings with status and
    citations, note."""
    blocks = []
    for term in concept.terms:
        traditional = [form for form in term.traditional_forms if form != term.text]
        kind = "" if term is concept.head else f" ({term.type.value})"
        blocks.append(f"**{term.text}**{kind} {term.pinyin}" + "".join(f" · {form}" for form in traditional))
    blocks[0] += f" · `{concept.id}`"
    renderings = []
    for rendering in concept.renderings:
        text = f"~~{rendering.text}~~" if rendering.status is Status.DEPRECATED else f"**{rendering.text}**"
        cited = "".join(f" — {glossary.cite(c)}" for c in rendering.citations)
        note = f" — {rendering.note}" if rendering.note else ""
        renderings.append(f"- {text} — {rendering.status.value}{cited}{note}")
    blocks.append("\n".join(renderings))
    shown = {c for r in concept.renderings for c in r.citations}
    others = [glossary.cite(c) for c in concept.citations if c not in shown]
    if others:
        blocks.append(f"Cited: {'; '.join(others)}")
    if concept.note:
        blocks.append(concept.note)
    return "\n\n".join(blocks)
