"""Sentence alignment on the held-out hand alignment, beside NLTK's Gale–Church.

    python benchmarks/align_eval.py [--gold benchmarks/heldout/alignment-gold.jsonl] [--texts 57-80] [--verbose]

Needs NLTK (``pip install nltk``), which the project itself does not use.

The gold (``alignment-gold.jsonl``, described in ``alignment-gold.md``) names paragraph pairs of the
held-out texts and their beads as sets of sentence indices, over the sentences of the project's own
splitter (``tm.sentences``); the first words of each sentence are stored, and a gold line whose
sentences no longer match the splitter's stops the run. Every system aligns the same sentence lists:

- ``henan-terms``: the document as ``tm build`` reads and aligns it (``read_bilingual`` with the
  aligner's pairing check, then ``Aligner.align_document`` with the bundled glossary); every bead of the
  path counts, accepted or rejected;
- ``henan-terms, length only``: the same with every anchor weight at zero;
- ``nltk default``: ``nltk.translate.gale_church.align_blocks`` over the sentences' lengths in
  characters with its own parameters (``LanguageIndependent``: c = 1, s² = 6.8, its priors);
- ``nltk zh-en``: the same with c and s² set to the project's bundled zh→en length prior
  (``LengthModel()``), so that it is not handicapped by a ratio made for European languages.

Scores, summed over all paragraph pairs:

- links: a bead's links are its sentence pairs (every Chinese sentence with every English one), or its
  one sentence with "nothing" for 1-0 and 0-1 (for NLTK, a sentence in no link of its output);
  precision, recall and F1 of predicted links against gold links;
- strict beads: a predicted bead is right when exactly the same sentences form a gold bead.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from nltk.translate import gale_church  # type: ignore[import-untyped]

from henan_terms import load_glossary
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.tm.align import Aligner, LengthModel
from henan_terms.tm.sentences import split_chinese, split_english

HERE = Path(__file__).resolve().parent
GOLD = HERE / "heldout" / "alignment-gold.jsonl"

Bead = tuple[frozenset[int], frozenset[int]]
Link = tuple[int | None, int | None]
Case = tuple[str, int, list[str], list[str], list[Bead]]


def read_gold(path: Path) -> list[Case]:
    """(file, pair, Chinese sentences, English sentences, beads) for every gold line, checked against the
    splitter."""
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        blocks = [b for b in (path.parent / record["file"]).read_text(encoding="utf-8").split("\n\n") if b.strip()]
        en_text, zh_text = (s for s in blocks[record["pair"] - 1].splitlines() if s.strip())
        zh, en = split_chinese(zh_text), split_english(en_text)
        if [s[:8] for s in zh] != record["zh"] or [" ".join(s.split()[:4]) for s in en] != record["en"]:
            raise SystemExit(f"{path.name}:{number}: the splitter no longer gives the gold's sentences")
        beads = [(frozenset(z), frozenset(e)) for z, e in record["beads"]]
        cases.append((record["file"], record["pair"], zh, en, beads))
    return cases


def links(beads: Iterable[Bead]) -> set[Link]:
    found: set[Link] = set()
    for zh, en in beads:
        found.update((i, j) for i in zh for j in en)
        found.update((i, None) for i in zh if not en)
        found.update((None, j) for j in en if not zh)
    return found


def ours(aligner: Aligner) -> Callable[[str, int, list[str], list[str]], list[Bead]]:
    """The beads of the project's aligner for a paragraph pair, as ``tm build`` aligns its document."""
    done: dict[str, dict[int, list[Bead]]] = {}

    def align(file: str, pair: int, zh: list[str], en: list[str]) -> list[Bead]:
        if file not in done:
            document = read_bilingual(GOLD.parent / file, aligner.plausible)
            alignment = aligner.align_document(document)
            by_pair: dict[int, list[Bead]] = {}
            numbers = {p.zh.line: p.zh.number // 2 for p in document.pairs}  # Chinese: each pair's 2nd line
            for bead in (*alignment.accepted, *alignment.rejected):
                by_pair.setdefault(numbers[bead.line], []).append(
                    (
                        frozenset(range(bead.zh_start, bead.zh_start + len(bead.zh))),
                        frozenset(range(bead.en_start, bead.en_start + len(bead.en))),
                    )
                )
            done[file] = by_pair
        return done[file].get(pair, [])

    return align


def nltk(params: type | None = None) -> Callable[[str, int, list[str], list[str]], list[Bead]]:
    """The beads of NLTK's Gale–Church over character lengths: its links grouped into beads."""

    def align(_file: str, _pair: int, zh: list[str], en: list[str]) -> list[Bead]:
        found = gale_church.align_blocks(
            [len(s) for s in zh], [len(s) for s in en], **({"params": params} if params else {})
        )
        return _components(len(zh), len(en), found)

    return align


def _components(n: int, m: int, found: Sequence[tuple[int, int]]) -> list[Bead]:
    """Beads from links: connected groups of linked sentences, and a 1-0 or 0-1 bead for each sentence
    in no link."""
    parent = {("zh", i): ("zh", i) for i in range(n)} | {("en", j): ("en", j) for j in range(m)}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent[node] != node:
            node = parent[node]
        return node

    for i, j in found:
        parent[root(("zh", i))] = root(("en", j))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in parent:
        zh, en = groups.setdefault(root(node), (set(), set()))
        (zh if node[0] == "zh" else en).add(node[1])
    return [(frozenset(zh), frozenset(en)) for zh, en in groups.values()]


def _f1(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision, recall = right / predicted if predicted else 0.0, right / gold if gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(cases: list[Case], system: Callable[[str, int, list[str], list[str]], list[Bead]], verbose: str = "") -> str:
    counts: Counter[str] = Counter()
    for file, pair, zh, en, gold in cases:
        predicted = system(file, pair, zh, en)
        got, want = links(predicted), links(gold)
        counts.update(links_right=len(got & want), links_predicted=len(got), links_gold=len(want))
        counts.update(beads_right=len(set(predicted) & set(gold)), beads_predicted=len(predicted), beads_gold=len(gold))
        if verbose and set(predicted) != set(gold):
            print(f"  {verbose}: {file} pair {pair}: got {_show(predicted)}, gold {_show(gold)}")
    lp, lr, lf = _f1(counts["links_right"], counts["links_predicted"], counts["links_gold"])
    bp, br, bf = _f1(counts["beads_right"], counts["beads_predicted"], counts["beads_gold"])
    return f"{lp:.3f} | {lr:.3f} | {lf:.3f} | {bp:.3f} | {br:.3f} | {bf:.3f}"


def _show(beads: Iterable[Bead]) -> str:
    def side(indices: frozenset[int]) -> str:
        return ",".join(map(str, sorted(indices))) or "-"

    return " ".join(
        f"{side(z)}/{side(e)}" for z, e in sorted(beads, key=lambda b: (min(b[0], default=99), min(b[1], default=99)))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--texts",
        metavar="FIRST-LAST",
        help="only the gold's pairs of the held-out texts numbered FIRST to LAST (their names' first digits)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every paragraph pair a system gets wrong")
    args = parser.parse_args()
    cases = read_gold(args.gold)
    if args.texts:
        first, _, last = args.texts.partition("-")
        cases = [c for c in cases if int(first) <= int(c[0].partition("-")[0]) <= int(last or first)]
    kinds = Counter(f"{len(z)}-{len(e)}" for *_, beads in cases for z, e in beads)
    print(
        f"gold: {len(cases)} paragraph pairs of {len({c[0] for c in cases})} texts, "
        f"{sum(len(c[2]) for c in cases)} Chinese and {sum(len(c[3]) for c in cases)} English sentences, "
        f"{sum(kinds.values())} beads ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})"
    )
    glossary = load_glossary()
    prior = LengthModel()

    zh_en = type(
        "ZhEn",
        (gale_church.LanguageIndependent,),
        {"AVERAGE_CHARACTERS": prior.ratio, "VARIANCE_CHARACTERS": prior.variance},
    )
    no_anchors = dict.fromkeys(("term", "number", "latin", "quote"), 0.0)
    systems: list[tuple[str, Callable[[str, int, list[str], list[str]], list[Bead]]]] = [
        ("henan-terms", ours(Aligner(glossary))),
        ("henan-terms, length only", ours(Aligner(glossary, weights=no_anchors))),
        ("nltk default (c = 1, s² = 6.8)", nltk()),
        (f"nltk zh-en (c = {prior.ratio:g}, s² = {prior.variance:g})", nltk(zh_en)),
    ]
    rows = [f"| {name} | {score(cases, system, name if args.verbose else '')} |" for name, system in systems]
    print("| system | link P | link R | link F1 | strict bead P | strict bead R | strict bead F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
