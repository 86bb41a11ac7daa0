"""How much of the held-out term list the bundled glossary knows.

    python benchmarks/glossary_coverage.py [--heldout benchmarks/heldout] [--markdown]

``terms.csv`` lists, for held-out bilingual texts that no glossary source used, the terms a translator
of those texts needs (chosen by hand from the texts alone). A term is covered when looking up its
Chinese (either script) finds a concept that holds it as a term: exactly, not inside a longer or
shorter one. For covered terms the script also reports whether the text's English is one of the
concept's renderings (folded for case, hyphens and inflection), which says how often the text and the
glossary agree, not how good either is.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from henan_terms import english, load_glossary

HERE = Path(__file__).resolve().parent
BATCHES = {
    "texts 01-13": (1, 13),
    "texts 14-26": (14, 26),
    "texts 27-41": (27, 41),
    "texts 42-56": (42, 56),
    "texts 57-71": (57, 71),
    "texts 72-80": (72, 80),
    "texts 81-91": (81, 91),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, default=HERE / "heldout")
    parser.add_argument("--markdown", action="store_true", help="Print the per-term table in Markdown.")
    args = parser.parse_args()
    glossary = load_glossary()
    with (args.heldout / "terms.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    covered: Counter[str] = Counter()
    agreeing = 0
    table = []
    for row in rows:
        concepts = [h.concept for h in glossary.lookup(row["zh"]) if h.field in ("zh", "traditional")]
        concept = next((c for c in concepts if any(row["zh"] in (t.text, *t.traditional_forms) for t in c.terms)), None)
        renderings = {english.fold(r.text): r for r in concept.renderings} if concept else {}
        used = renderings.get(english.fold(row["en"]))
        if concept:
            covered[row["layer"]] += 1
            agreeing += used is not None
        table.append((row, concept.id if concept else "", used.status.value if used else ""))
    layers = Counter(row["layer"] for row in rows)
    total = sum(covered.values())
    texts = len({row["file"] for row in rows})
    print(f"glossary: {len(glossary)} concepts; held-out terms: {len(rows)} from {texts} texts")
    print(f"covered: {total}/{len(rows)} = {total / len(rows):.1%}")
    for layer, count in sorted(layers.items()):
        print(f"  {layer:12} {covered[layer]:3d}/{count:3d} = {covered[layer] / count:.1%}")
    print(f"the text's English is a glossary rendering for {agreeing} of the {total} covered terms")
    for name, (low, high) in BATCHES.items():
        batch = [(row, concept_id) for row, concept_id, _ in table if low <= int(row["file"].split("-")[0]) <= high]
        found = sum(1 for _, concept_id in batch if concept_id)
        if batch:
            print(f"  {name}: {found}/{len(batch)} = {found / len(batch):.1%}")
    if args.markdown:
        print("\n| zh | English in the text | file | layer | concept | text's English in the glossary as |")
        print("|---|---|---|---|---|---|")
        for row, concept_id, status in table:
            cells = (row["zh"], row["en"], row["file"], row["layer"], concept_id or "—", status or "—")
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
