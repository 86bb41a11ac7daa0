"""Cold start: whole ``henan-terms`` processes beside translate-toolkit's ``pofilter``, side by side in one run.

Cases: ``henan-terms lint`` on a seed article, ``henan-terms lint --sample`` (the bundled sample draft)
and ``henan-terms lookup 链长制``; the peer is ``pofilter`` (all its checks) on the same draft made into
a PO file from the very segment pairs the linter reads (the lookup is set beside pofilter on the
article). Each round runs ours and the peer back to back, in alternating order; the table gives the
median wall time of each and the median of the paired ratios, and the CPU time (user + system) of
each, which a busy machine inflates less.

Warm: the cache folder (``$HENAN_TERMS_CACHE_DIR``) already holds the glossary and the base-form
table, as for every run after the first. Cold: every run gets an empty cache folder, so it builds the
glossary, its indexes and the base-form table, and stores them.

Run: python benchmarks/bench_startup.py [--rounds 15] [--cold-rounds 3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib

from henan_terms.cli import SAMPLE_DRAFT
from henan_terms.lint import read_draft

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def draft_as_po(draft: Path, po_path: Path) -> int:
    """The segment pairs the linter reads from a draft, as a PO file (Chinese msgid, English msgstr)."""
    read = read_draft(draft)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for pair in read.pairs:
        catalogue.append(polib.POEntry(msgid=pair.source, msgstr=pair.target, occurrences=[(draft.name, pair.line)]))
    catalogue.save(str(po_path))
    return len(read.pairs)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process; its output is discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(
    ours: list[str], peer: list[str], rounds: int, env_for: Callable[[], dict[str, str]]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """``rounds`` pairs of runs, ours first in even rounds and the peer first in odd ones."""
    mine, theirs = [], []
    for round_number in range(rounds):
        env = env_for()
        if round_number % 2:
            theirs.append(timed(peer, env))
            mine.append(timed(ours, env))
        else:
            mine.append(timed(ours, env))
            theirs.append(timed(peer, env))
    return mine, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="paired runs per warm case")
    parser.add_argument("--cold-rounds", type=int, default=3, help="paired runs per cold case")
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("HENAN_TERMS_SHARED", ROOT.parent / "shared"))
    )
    args = parser.parse_args()
    article = args.shared / "corpus" / "henan-advanced-manufacturing.txt"
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    article_po, sample_po = work / "article.po", work / "sample.po"
    article_pairs, sample_pairs = draft_as_po(article, article_po), draft_as_po(SAMPLE_DRAFT, sample_po)
    ours, pofilter = str(BIN / "henan-terms"), str(BIN / "pofilter")
    cases = [
        (f"lint {article.name} ({article_pairs} pairs)", [ours, "lint", str(article)], article_po),
        (f"lint --sample ({sample_pairs} pairs)", [ours, "lint", "--sample"], sample_po),
        ("lookup 链长制", [ours, "lookup", "链长制"], article_po),
    ]
    warm = work / "warm-cache"
    timed([ours, "lint", "--sample"], {**os.environ, "HENAN_TERMS_CACHE_DIR": str(warm)})  # fills the cache
    counter = iter(range(1_000_000))

    def warm_env() -> dict[str, str]:
        return {**os.environ, "HENAN_TERMS_CACHE_DIR": str(warm)}

    def cold_env() -> dict[str, str]:
        return {**os.environ, "HENAN_TERMS_CACHE_DIR": str(work / f"cold-{next(counter)}")}

    load = os.getloadavg()
    print(f"{os.cpu_count()} cores, load average {load[0]:.1f} at the start; wall and CPU seconds, medians")
    print("| case | cache | runs | henan-terms wall | pofilter wall | ratio (median of pairs) | CPU: ours / pofilter |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, command, po_file in cases:
        peer = [pofilter, "--progress=none", str(po_file), str(work / "out.po")]
        for cache, rounds, env_for in (("warm", args.rounds, warm_env), ("cold", args.cold_rounds, cold_env)):
            mine, theirs = paired(command, peer, rounds, env_for)
            ratio = statistics.median(m[0] / t[0] for m, t in zip(mine, theirs, strict=True))
            print(
                f"| {label} | {cache} | {rounds} | {statistics.median(m[0] for m in mine):.2f} "
                f"| {statistics.median(t[0] for t in theirs):.2f} | {ratio:.1f} × "
                f"| {statistics.median(m[1] for m in mine):.2f} / {statistics.median(t[1] for t in theirs):.2f} |"
            )
    print("goal: ratio <= 1.0, bar <= 3.0 (warm)")


if __name__ == "__main__":
    main()
