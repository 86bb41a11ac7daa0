"""Translation-memory benchmark: lookup, build and TMX exchange against their peers, in one run.

For each memory size: the SQLite store's lookup (median, p95) next to a rapidfuzz brute-force scan
over every normalised source, recall@1 against that scan (the best score found is the best score
there is), and build time per 100k units; lookups with fragment matches of the novel queries, and
beside some of them a scan of every source for the longest fragment; at the first size also translate-toolkit's
``translate.search.match.matcher`` (on a subset when the whole memory takes too long to load) and
TMX write + parse against translate-toolkit's ``tmxfile``; with ``--postgres``, the PostgreSQL
store's build, lookup and recall on the same units and queries.

    python benchmarks/bench_tm.py --sizes 100000 1000000
    python benchmarks/bench_tm.py --postgres postgresql://user:password@localhost/database
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from translate.search.match import matcher
from translate.storage.tmx import tmxfile

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_tm import Query, Seeds, generate, load_seeds, queries

from henan_terms.formats.tmx import read_tmx, write_tmx
from henan_terms.model import TMUnit
from henan_terms.tm.fragments import shared_stretch
from henan_terms.tm.normalize import normalize, normalize_many
from henan_terms.tm.protocol import TranslationMemory
from henan_terms.tm.results import Match
from henan_terms.tm.store import open_tm

MIN_SCORE = 75.0
LIMIT = 5
FRAGMENT_SCANS = 10  # novel queries also scanned for their longest fragment (a scan takes seconds)


def timed(work: Callable[[], object]) -> tuple[float, object]:
    """Seconds taken by a call, and its result."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def summary(seconds: Sequence[float]) -> str:
    """Median and p95 in milliseconds."""
    ordered = sorted(seconds)
    return f"{1000 * statistics.median(ordered):.2f} / {1000 * ordered[int(0.95 * (len(ordered) - 1))]:.2f}"


def brute_force(query: str, sources: list[str]) -> float | None:
    """The best score over every source, or None below the cut-off."""
    best = process.extractOne(
        normalize(query), sources, scorer=Levenshtein.normalized_similarity, score_cutoff=MIN_SCORE / 100
    )
    return None if best is None else 100.0 * best[1]


def top_score(hits: object) -> float | None:
    """The best score a search found, or None when it found nothing."""
    return hits[0].score if isinstance(hits, list) and hits else None


def recall(tops: list[float | None], bests: list[float | None]) -> str:
    """recall@1: how often the best score found is the brute-force scan's."""
    agree = sum(top == best for top, best in zip(tops, bests, strict=True))
    return f"{agree / len(bests):.2f} ({agree}/{len(bests)})"


def build_row(units: list[TMUnit], folder: Path, builds: int) -> tuple[str, str]:
    """Build the SQLite store ``builds`` times, each in a new file: the median rate, and every one."""
    rates = []
    for number in range(builds):
        path = folder / f"memory-{len(units)}-{number}.sqlite"
        with open_tm(path) as tm:
            seconds, counts = timed(lambda tm=tm: tm.add(units))
        rates.append(seconds * 100_000 / len(units))
        if number < builds - 1:
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink()
    every = ", ".join(f"{rate:.2f}" for rate in rates)
    return "build (s per 100k units): median (every build)", f"{statistics.median(rates):.2f} ({every}; {counts})"


def lookup_rows(
    units: list[TMUnit], made: list[Query], folder: Path, builds: int
) -> tuple[list[tuple[str, str]], list[float | None]]:
    """Build the SQLite store, then time every query there and in a brute-force scan; the rows,
    and the best score of each query."""
    rows = [build_row(units, folder, builds)]
    tm = open_tm(folder / f"memory-{len(units)}-{builds - 1}.sqlite")
    sources = normalize_many([unit.source for unit in units])
    ours, scans, tops, bests = [], [], [], []
    for query in made:  # each query here and in the scan side by side, so that drift hits both alike
        seconds, hits = timed(lambda query=query: tm.search(query.text, MIN_SCORE, LIMIT))
        ours.append(seconds)
        tops.append(top_score(hits))
        scan_seconds, best = timed(lambda query=query: brute_force(query.text, sources))
        scans.append(scan_seconds)
        bests.append(best)
    rows.append(("SQLite lookup ms (median / p95)", summary(ours)))
    rows.append(("rapidfuzz brute force ms (median / p95)", summary(scans)))
    rows.append(("SQLite median / brute-force median", f"{statistics.median(ours) / statistics.median(scans):.3f}"))
    rows.append(("recall@1 vs brute force", recall(tops, bests)))
    by_kind: dict[str, list[float]] = {}
    for query, seconds in zip(made, ours, strict=True):
        by_kind.setdefault(query.kind, []).append(seconds)
    rows += [(f"SQLite lookup ms, {kind} queries", summary(times)) for kind, times in by_kind.items()]
    rows += fragment_rows(tm, sources, [query.text for query in made if query.kind == "novel"])
    tm.close()
    return rows, bests


def longest_fragment(query: str, sources: list[str], matched: set[str]) -> int:
    """The longest fragment a source (not one ``matched`` already) shares with the query, by scanning
    every source (0 for none)."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(normalize(query))
    longest = 0
    for source in sources:
        if source in matched:
            continue
        matcher.set_seq1(source)
        if stretch := shared_stretch(matcher, matcher.b, source):
            longest = max(longest, stretch[0][1] - stretch[0][0])
    return longest


def fragment_rows(tm: TranslationMemory, sources: list[str], novel: list[str]) -> list[tuple[str, str]]:
    """Lookups with fragments of the novel queries (fresh sentences of stored clauses), and, on the first
    ``FRAGMENT_SCANS`` of them, a scan of every source for the longest fragment beside them."""
    tm.search(novel[0], MIN_SCORE, LIMIT, fragments=True)  # the glossary's term spotters are built once
    ours, scans, agree = [], [], 0
    for number, query in enumerate(novel):
        seconds, hits = timed(lambda query=query: tm.search(query, MIN_SCORE, LIMIT, fragments=True))
        ours.append(seconds)
        if number < FRAGMENT_SCANS:
            listed = [hit for hit in hits if isinstance(hit, Match)] if isinstance(hits, list) else []
            matched = {normalize(hit.unit.source) for hit in listed if hit.kind != "fragment"}
            start = time.perf_counter()
            longest = longest_fragment(query, sources, matched)
            scans.append(time.perf_counter() - start)
            spans = [hit.fragment.query for hit in listed if hit.fragment]
            agree += (len(normalize(query[slice(*spans[0])])) if spans else 0) == longest
    return [
        ("SQLite lookup with fragments ms, novel queries (median / p95)", summary(ours)),
        (f"longest-fragment scan of every source ms, {len(scans)} novel queries (median / p95)", summary(scans)),
        ("longest fragment found = the scan's", f"{agree}/{len(scans)}"),
    ]


def postgres_rows(units: list[TMUnit], made: list[Query], bests: list[float | None], url: str) -> list[tuple[str, str]]:
    """Build the PostgreSQL store once, in a schema of its own dropped afterwards, and time every query."""
    import psycopg

    schema = f"bench_tm_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            separator = "&" if "?" in url else "?"
            with open_tm(f"{url}{separator}options=-csearch_path%3D{schema}") as tm:
                build, counts = timed(lambda: tm.add(units))
                times, tops = [], []
                for query in made:
                    seconds, hits = timed(lambda query=query: tm.search(query.text, MIN_SCORE, LIMIT))
                    times.append(seconds)
                    tops.append(top_score(hits))
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    return [
        ("PostgreSQL build (s per 100k units, one build)", f"{build * 100_000 / len(units):.2f} ({counts})"),
        ("PostgreSQL lookup ms (median / p95)", summary(times)),
        ("PostgreSQL recall@1 vs brute force", recall(tops, bests)),
    ]


def toolkit_rows(units: list[TMUnit], made: list[Query], subset: int) -> list[tuple[str, str]]:
    """translate-toolkit's matcher on the first ``subset`` units."""
    store = tmxfile()
    for unit in units[:subset]:
        store.addtranslation(unit.source, "zh-CN", unit.target, "en")
    load, tool = timed(lambda: matcher(store, max_candidates=LIMIT, min_similarity=int(MIN_SCORE)))
    times, crashed = [], 0
    for query in made:
        try:
            times.append(timed(lambda query=query: tool.matches(query.text))[0])  # type: ignore[attr-defined]
        except TypeError:  # equal similarities make its heap compare units, which cannot be ordered
            crashed += 1
    return [
        (f"translate-toolkit matcher load, {subset} units (s)", f"{load:.2f}"),
        (f"translate-toolkit matcher ms, {subset} units (median / p95)", summary(times) if times else "-"),
        ("translate-toolkit matcher: queries that crashed on ties", f"{crashed}/{len(made)}"),
    ]


def tmx_rows(units: list[TMUnit], folder: Path) -> list[tuple[str, str]]:
    """TMX write + parse of the units: ours (streaming) and translate-toolkit's tmxfile."""
    ours_path, theirs_path = folder / "ours.tmx", folder / "theirs.tmx"
    write, _ = timed(lambda: write_tmx(units, ours_path))
    parse, parsed = timed(lambda: sum(1 for _ in read_tmx(ours_path, source_lang="zh", target_lang="en")))

    def toolkit_write() -> None:
        store = tmxfile()
        for unit in units:
            store.addtranslation(unit.source, "zh-CN", unit.target, "en")
        theirs_path.write_bytes(bytes(store))

    their_write, _ = timed(toolkit_write)
    their_parse, their_store = timed(lambda: tmxfile.parsefile(str(theirs_path)))
    their_count = len(their_store.units)  # type: ignore[attr-defined]
    return [
        (f"TMX write + parse, {len(units)} units, ours (s)", f"{write:.2f} + {parse:.2f} = {write + parse:.2f}"),
        (
            f"TMX write + parse, {len(units)} units, translate-toolkit (s)",
            f"{their_write:.2f} + {their_parse:.2f} = {their_write + their_parse:.2f}",
        ),
        ("units read back (ours / translate-toolkit)", f"{parsed} / {their_count}"),
    ]


def run(sizes: list[int], toolkit_subset: int, builds: int, postgres: str | None, seeds: Seeds) -> None:
    """Print one table per memory size."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for number, size in enumerate(sizes):
            units = list(generate(size, seeds))
            made = queries([unit.source for unit in units], seeds)
            rows, bests = lookup_rows(units, made, folder, builds)
            if postgres:
                rows += postgres_rows(units, made, bests, postgres)
            if number == 0:
                rows += toolkit_rows(units, made, min(toolkit_subset, size))
                rows += tmx_rows(units, folder)
            print(f"\n### {size:,} units, {len(made)} queries, min_score {MIN_SCORE:g}, limit {LIMIT}\n")
            print("| measure | value |\n|---|---|")
            for measure, value in rows:
                print(f"| {measure} | {value} |")
            sys.stdout.flush()


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument(
        "--toolkit-units", type=int, default=100_000, help="memory size for translate-toolkit's matcher"
    )
    parser.add_argument("--builds", type=int, default=3, help="builds timed at each size (the machine's speed drifts)")
    parser.add_argument("--postgres", metavar="URL", help="also build and search a PostgreSQL memory on this server")
    arguments = parser.parse_args()
    run(arguments.sizes, arguments.toolkit_units, arguments.builds, arguments.postgres, load_seeds())


if __name__ == "__main__":
    main()
