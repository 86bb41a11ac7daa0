"""Term spotting and linting speed on distinct text, side by side in one run.

Glossaries of 1k, 10k and 100k CC-CEDICT headwords plus the bundled glossary; text: 10,000 distinct
segment pairs made from the aligned sentence pairs of the two seed articles by joining the first
clauses of one to the last clauses of another (cut at the same share of the clauses on both sides),
no segment pair repeated, so that nothing is measured of a cache of repeated segments. Measured per
glossary:

(a) translate-toolkit's ``terminologymatcher`` spotting the same glossary in the same source text
    (on the first segments only where it is slow; its rate is per segment either way),
(b) a bare pyahocorasick scan of the source text (every match collected),
(c) the full lint (``Linter.lint``: spotting on both sides, word boundaries, all five checks),
and two of its stages alone, for where the time goes: (s) spotting the Chinese terms (automaton
and word boundaries) and (t) reading the English words (tokens and base forms).

Prints rates in segments per second and the ratios the project's targets are stated in, and recall
each way: the share of (a)'s term matches that (c) also finds (the same term, or a longer term
containing it), and the share of (c)'s that (a) finds (the same term, or a term inside it).

Run: python benchmarks/bench_lint.py [--segments 10000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import time
from pathlib import Path

import ahocorasick
from translate.search.match import terminologymatcher
from translate.storage import po

from henan_terms import ChineseTerm, Concept, Rendering, ScriptVariant, Status, english, load_glossary
from henan_terms.chinese import has_han
from henan_terms.formats.bilingual import read_bilingual
from henan_terms.glossary import Glossary
from henan_terms.lint import Linter, SegmentPair
from henan_terms.match import SourceSpotter
from henan_terms.tm.align import align_document, units

ROOT = Path(__file__).resolve().parent.parent
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")


def cedict_concepts(path: Path, count: int, taken: set[str]) -> list[Concept]:
    """The first ``count`` distinct simplified headwords of CC-CEDICT not already taken, as concepts."""
    concepts: list[Concept] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            match = _ENTRY.match(line.strip())
            if not match or line.startswith("#"):
                continue
            traditional, simplified, pinyin, senses = match.groups()
            if simplified in taken or not has_han(simplified):
                continue
            taken.add(simplified)
            variants = (ScriptVariant(traditional, ("zh-Hant",)),) if traditional != simplified else ()
            renderings = tuple(
                Rendering(sense, Status.PREFERRED if i == 0 else Status.ADMITTED)
                for i, sense in enumerate(s for s in senses.split("/") if s)
            )
            term = ChineseTerm(simplified, pinyin, pinyin, variants)
            concepts.append(Concept(f"cedict-{number}", (term,), renderings))
            if len(concepts) == count:
                break
    return concepts


_ZH_CLAUSE = re.compile(r"(?<=[，；：,;:])")
_EN_CLAUSE = re.compile(r"(?<=[,;:]) ")


def aligned_sentences(shared: Path, glossary: Glossary) -> list[SegmentPair]:
    """The aligned sentence pairs of the two seed articles."""
    pairs = []
    for name in ("henan-advanced-manufacturing", "henan-industry-carriers"):
        alignment = align_document(read_bilingual(shared / "corpus" / f"{name}.txt"), glossary)
        pairs += [SegmentPair(unit.source, unit.target, name) for unit in units(alignment)]
    return pairs


def segment_pairs(sentences: list[SegmentPair], count: int, seed: int = 15) -> list[SegmentPair]:
    """``count`` distinct pairs: the first clauses of one sentence pair joined to the last clauses of
    another, the English cut at the same share of its clauses as the Chinese."""
    split = [(_ZH_CLAUSE.split(p.source), _EN_CLAUSE.split(p.target)) for p in sentences]
    combinations = [
        (a, i, b, k)
        for a, b in itertools.permutations(range(len(split)), 2)
        for i in range(1, len(split[a][0]) + 1)
        for k in range(len(split[b][0]))
    ]
    random.Random(seed).shuffle(combinations)
    made: dict[str, SegmentPair] = {}
    for a, i, b, k in combinations:
        (zh_a, en_a), (zh_b, en_b) = split[a], split[b]
        en_i = min(max(1, round(i * len(en_a) / len(zh_a))), len(en_a))
        en_k = min(round(k * len(en_b) / len(zh_b)), len(en_b) - 1)
        source = "".join(zh_a[:i] + zh_b[k:])
        made.setdefault(source, SegmentPair(source, " ".join(en_a[:en_i] + en_b[en_k:]), "distinct", len(made) + 1))
        if len(made) == count:
            break
    return list(made.values())


def forms(glossary: Glossary) -> list[tuple[str, str]]:
    return [(form, c.id) for c in glossary for t in c.terms for form in (t.text, *t.traditional_forms)]


def rate(seconds: float, segments: int) -> float:
    return segments / seconds if seconds else float("inf")


def bench_toolkit(glossary: Glossary, pairs: list[SegmentPair], budget: float) -> tuple[float, list[set[str]]]:
    store = po.pofile()
    for concept in glossary:
        for term in concept.terms:
            unit = store.addsourceunit(term.text)
            unit.target = concept.renderings[0].text if concept.renderings else ""
    matcher = terminologymatcher(store)
    found: list[set[str]] = []
    start = time.perf_counter()
    for pair in pairs:
        found.append({unit.source for unit in matcher.matches(pair.source)})
        if time.perf_counter() - start > budget:
            break
    return rate(time.perf_counter() - start, len(found)), found


def bench_automaton(glossary: Glossary, pairs: list[SegmentPair]) -> float:
    automaton = ahocorasick.Automaton()
    for form, concept_id in forms(glossary):
        automaton.add_word(form, (form, concept_id))
    automaton.make_automaton()
    start = time.perf_counter()
    for pair in pairs:
        list(automaton.iter(pair.source))
    return rate(time.perf_counter() - start, len(pairs))


def bench_lint(glossary: Glossary, pairs: list[SegmentPair]) -> tuple[float, Linter, float]:
    built = time.perf_counter()
    linter = Linter(glossary)
    build = time.perf_counter() - built
    start = time.perf_counter()
    linter.lint(pairs)
    return rate(time.perf_counter() - start, len(pairs)), linter, build


def bench_stages(glossary: Glossary, pairs: list[SegmentPair]) -> tuple[float, float]:
    """Rates of (s) Chinese term spotting and (t) English tokens with base forms, each alone."""
    spotter = SourceSpotter(glossary)
    start = time.perf_counter()
    for pair in pairs:
        spotter.spot(pair.source)
    source_rate = rate(time.perf_counter() - start, len(pairs))
    start = time.perf_counter()
    for pair in pairs:
        english.token_spans(pair.target)
    return source_rate, rate(time.perf_counter() - start, len(pairs))


def recall(linter: Linter, pairs: list[SegmentPair], toolkit: list[set[str]]) -> tuple[float, float]:
    """Share of the toolkit's (segment, term) matches that the lint spots (the term or a longer one
    containing it), and share of the lint's that the toolkit finds (the term or one inside it)."""
    ours_found = toolkit_found = ours_total = toolkit_total = 0
    for pair, terms in zip(pairs, toolkit, strict=False):
        ours = {m.form for m in linter.analyse(pair).sources}
        toolkit_total += len(terms)
        ours_found += sum(any(term in form for form in ours) for term in terms)
        ours_total += len(ours)
        toolkit_found += sum(any(term in form for term in terms) for form in ours)
    return ours_found / toolkit_total if toolkit_total else 1.0, toolkit_found / ours_total if ours_total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("HENAN_TERMS_SHARED", ROOT.parent / "shared"))
    )
    parser.add_argument("--toolkit-seconds", type=float, default=20.0, help="time budget of (a) per glossary")
    args = parser.parse_args()
    bundled = load_glossary()
    pairs = segment_pairs(aligned_sentences(args.shared, bundled), args.segments)
    assert len({p.source for p in pairs}) == len(pairs), "a segment repeated"
    print(f"{os.cpu_count()} cores; {len(pairs):,} distinct segment pairs, {sum(len(p.source) for p in pairs):,} chars")
    print(
        f"{'terms':>8} {'(a) toolkit':>12} {'(b) automaton':>14} {'(c) lint':>10} {'c/a':>8} {'c/b':>6} "
        f"{'(c) finds of (a)':>16} {'(a) finds of (c)':>16} {'lint setup s':>12} {'(s) source':>11} "
        f"{'(t) tokens':>11}"
    )
    lint_rates = {}
    for size in (0, 1_000, 10_000, 100_000):
        extra = cedict_concepts(args.shared / "data" / "cedict_ts.u8", size, {c.zh for c in bundled}) if size else []
        glossary = Glossary(f"cedict-{size}+henan", bundled.concepts + tuple(extra), bundled.sources)
        toolkit_rate, toolkit_found = bench_toolkit(glossary, pairs, args.toolkit_seconds)
        automaton_rate = bench_automaton(glossary, pairs)
        lint_rate, linter, setup = bench_lint(glossary, pairs)
        lint_rates[size] = lint_rate
        ours, theirs = recall(linter, pairs, toolkit_found)
        source_rate, tokens_rate = bench_stages(glossary, pairs)
        print(
            f"{size:>8,} {toolkit_rate:>12,.0f} {automaton_rate:>14,.0f} {lint_rate:>10,.0f} "
            f"{lint_rate / toolkit_rate:>8,.1f} {lint_rate / automaton_rate:>6.3f} {ours:>16.1%} {theirs:>16.1%}"
            f" {setup:>12.1f} {source_rate:>11,.0f} {tokens_rate:>11,.0f}"
        )
    print(f"lint rate at 100k terms / at 1k terms: {lint_rates[100_000] / lint_rates[1_000]:.2f}")
    print("targets: c/a >= 50 at 10k terms with at least (a)'s recall, 100k/1k >= 0.5; rates in segments per second")
    print("terms: CC-CEDICT headwords added to the bundled glossary (0: the bundled glossary alone)")


if __name__ == "__main__":
    main()
