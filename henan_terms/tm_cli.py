"""``henan-terms tm …``: build, search and exchange a translation memory."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.text import Text

from .cli_options import glossary_option
from .english import counted
from .errors import HenanTermsError, Problem
from .formats.bilingual import BilingualDocument, read_bilingual, read_parallel
from .formats.units import read_units
from .loader import load_glossary
from .model import TMUnit
from .output import check_output, replacing
from .tm.align import Aligner, Alignment, Bead
from .tm.build import build_memory
from .tm.protocol import DEFAULT_WAIT
from .tm.results import Match
from .tm.store import open_tm, sqlite_file

__all__ = [
    "build",
    "export_",
    "history",
    "import_",
    "search",
    "tm",
]

_db_option = click.option("--db", required=True, help="Memory: an SQLite file path, sqlite:///…, or postgresql://…")
_wait_option = click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=DEFAULT_WAIT,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another process writing to the memory before giving up (nothing is added then).",
)


@click.group()
def tm() -> None:
    """Translation memory: build from bilingual documents, fuzzy search, rendering history, TMX/PO."""


@tm.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--parallel",
    nargs=2,
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="ZH EN",
    help="A Chinese file and its English translation, aligned line by line (repeatable).",
)
@_db_option
@_wait_option
@glossary_option
@click.option("--threshold", type=float, default=0.5, show_default=True, help="Lowest bead confidence stored.")
def build(
    files: tuple[Path, ...],
    parallel: tuple[tuple[Path, Path], ...],
    db: str,
    wait: float,
    glossaries: tuple[Path, ...],
    threshold: float,
) -> None:
    """Align bilingual documents (FILES, in the seed format, or --parallel pairs) sentence by sentence
    and store the aligned pairs.

    Beads below the confidence threshold are not stored; they are listed for review, as are sentences
    and lines without a counterpart and paragraphs that could not be aligned. The summary counts the
    sentences not stored.
    """
    if not files and not parallel:
        raise click.UsageError("give bilingual FILES or --parallel ZH EN")
    aligner = Aligner(load_glossary(*glossaries), threshold=threshold)
    documents = [read_bilingual(path, aligner.plausible) for path in files]
    documents += [read_parallel(zh, en) for zh, en in parallel]
    console = Console(stderr=True, soft_wrap=True)  # long lines stay whole, for grep

    with open_tm(db, wait=wait) as memory, _progress(console) as progress:
        task = progress.add_task("aligning", total=sum(len(d.pairs) for d in documents))

        def review(document: BilingualDocument, alignment: Alignment) -> None:
            for line in document.unpaired:
                console.print(f"{document.path}:{line.line}: unpaired: {line.text[:60]}", markup=False)
            for bead, reason in alignment.unstored:
                text = " ".join(bead.zh)[:40] or " ".join(bead.en)[:60]
                console.print(f"{bead.origin}: not stored ({reason}): {_sentences(bead)}: {text}", markup=False)
            for problem in alignment.problems:
                console.print(f"{problem.path}:{problem.line}: not aligned: {problem.message}", markup=False)

        report = build_memory(documents, memory, aligner, review, lambda: progress.advance(task))
    zh, en = report.unstored_sentences
    click.echo(
        f"{counted(len(documents), 'document')}, {counted(report.paragraphs, 'paragraph pair')}, "
        f"{counted(report.beads, 'bead')}, {report.rejected} rejected for review, "
        f"{report.unpaired} without a counterpart; {zh} Chinese and {en} English sentences not stored; "
        f"stored {counted(report.counts.added, 'unit')} ({report.counts.duplicates} already there)"
    )


def _progress(console: Console | None = None) -> Progress:
    """A progress display on standard error, shown only on a terminal and gone when the work ends."""
    console = console or Console(stderr=True)
    return Progress(console=console, transient=True, disable=not console.is_terminal)


def _sentences(bead: Bead) -> str:
    """Which sentences of its paragraph pair a bead holds: ``Chinese 3-4, English 3``."""
    sides = [
        (name, start, len(side))
        for name, start, side in (("Chinese", bead.zh_start, bead.zh), ("English", bead.en_start, bead.en))
    ]
    return ", ".join(
        f"{name} {start + 1}" + (f"-{start + count}" if count > 1 else "") for name, start, count in sides if count
    )


@tm.command()
@click.argument("text")
@_db_option
@click.option("--min-score", type=float, default=75, show_default=True)
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--concordance", is_flag=True, help="Units whose source contains TEXT, instead of fuzzy matches.")
@click.option(
    "--fragments/--no-fragments",
    default=True,
    show_default=True,
    help="Also units sharing a long stretch with TEXT, after the fuzzy matches.",
)
@glossary_option
def search(
    text: str,
    db: str,
    min_score: float,
    limit: int,
    as_json: bool,
    concordance: bool,
    fragments: bool,
    glossaries: tuple[Path, ...],
) -> int:
    """Find earlier translations of a Chinese sentence: exact and fuzzy matches, with what differs
    marked and numbers and glossary terms adapted, then fragment matches, with the English of the
    shared stretch where glossary terms and numbers place it (or, with --concordance, every unit
    holding a phrase). Exit 1 when nothing is found; the best score is shown when nothing scores high
    enough."""
    best = None
    glossary = load_glossary(*glossaries) if glossaries else None
    with open_tm(db, create=False) as memory:
        if concordance:
            matches = [Match(unit, 100.0, "concordance") for unit in memory.concordance(text, limit=limit)]
        else:
            matches = memory.search(text, min_score=min_score, limit=limit, fragments=fragments, glossary=glossary)
            if not matches:
                best = next(iter(memory.search(text, min_score=0, limit=1)), None)
    if as_json:
        click.echo(json.dumps([_match_record(m) for m in matches], ensure_ascii=False, indent=2))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for match in matches:
            _print_match(console, text, match, concordance)
    if not matches:
        what = "no unit holds it" if concordance else f"no match scores {min_score:g} or more"
        what += " and no unit shares a fragment" if fragments and not concordance else ""
        if best is not None:
            what += f"; the best scores {best.score:.1f}: {best.unit.source[:60]} (try --concordance)"
        click.echo(f"not found: {what}", err=True)
    return 0 if matches else 1


def _match_record(match: Match) -> dict[str, object]:
    """A match for JSON: score, kind, the unit, and the differences, adaptation or fragment (spans
    as [start, end) character offsets of the query as given and the source as stored)."""
    record: dict[str, object] = {"score": round(match.score, 2), "kind": match.kind, **_unit_record(match.unit)}
    record["differences"] = [{"query": list(d.query), "source": list(d.source)} for d in match.differences]
    record["adapted"] = (
        {"target": match.adapted.target, "score": round(match.adapted.score, 2)} if match.adapted else None
    )
    found = match.fragment
    record["fragment"] = (
        {"query": list(found.query), "source": list(found.source), "english": found.english} if found else None
    )
    return record


_STYLES = {"-": "bold red strike", "+": "bold green", "=": "bold yellow"}
_PLAIN = {"-": ("[-", "-]"), "+": ("{+", "+}"), "=": ("{=", "=}")}


def _print_match(console: Console, query: str, match: Match, concordance: bool) -> None:
    """A match as text: score, kind, the stored source with what differs from the query (or what it
    shares with it) highlighted, its translation, its adaptation or fragment English, its origin.

    On a terminal the marks are colours; otherwise plain: ``[-stored-]{+query+}`` for a difference,
    ``{=shared=}`` for a fragment's stretch."""
    styled = console.is_terminal
    line = Text(f"{match.score:5.1f}  " + ("" if concordance else f"{match.kind:<8}  "))
    marks: list[tuple[int, int, str, str]] = [(*d.source, "-", query[slice(*d.query)]) for d in match.differences]
    if match.fragment is not None:
        marks.append((*match.fragment.source, "=", ""))
    position = 0
    for start, end, kind, inserted in sorted(marks):
        line.append(match.unit.source[position:start])
        for mark, piece in ((kind, match.unit.source[start:end]), ("+", inserted)):
            if piece and styled:
                line.append(piece, _STYLES[mark])
            elif piece:
                line.append(_PLAIN[mark][0] + piece + _PLAIN[mark][1])
        position = end
    line.append(match.unit.source[position:])
    console.print(line)
    indent = " " * 7
    console.print(Text(indent + match.unit.target))
    if match.adapted is not None:
        console.print(Text(f"{indent}adapted ({match.adapted.score:.1f} without the numbers): {match.adapted.target}"))
    if match.fragment is not None and match.fragment.english is not None:
        console.print(Text(f"{indent}the stretch in English: {match.fragment.english}"))
    console.print(Text(indent + match.unit.origin))


def _unit_record(unit: TMUnit) -> dict[str, object]:
    return {
        "source": unit.source,
        "target": unit.target,
        "source_lang": unit.source_lang,
        "target_lang": unit.target_lang,
        "origin": unit.origin,
        "confidence": unit.confidence,
        "created": unit.created.isoformat() if unit.created else None,
    }


@tm.command()
@click.argument("term")
@_db_option
@glossary_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Other renderings shown.")
def history(term: str, db: str, glossaries: tuple[Path, ...], as_json: bool, limit: int) -> int:
    """How a glossary term has been rendered in the memory, with counts and an example of each."""
    glossary = load_glossary(*glossaries)
    with open_tm(db, create=False) as memory:
        entries = memory.history(glossary, term)
        found = [h for h in entries if h.units]
    if not entries:
        click.echo(f"not found: {term} is not a glossary term (tm search --concordance finds any text)", err=True)
    elif not found:
        click.echo(f"not found: no unit of the memory holds {term}", err=True)
    if as_json:
        records = [
            {
                "concept": h.concept.id,
                "zh": h.concept.zh,
                "units": h.units,
                "renderings": [
                    {
                        "text": u.text,
                        "status": u.status.value if u.status else None,
                        "count": u.count,
                        "examples": [_unit_record(e) for e in u.examples],
                    }
                    for u in (*h.renderings, *h.others[:limit])
                ],
            }
            for h in found
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    for entry in [] if as_json else found:
        click.echo(f"{entry.concept.zh} ({entry.concept.id}): {counted(entry.units, 'unit')}")
        for use in entry.renderings:
            click.echo(f"  {use.count:4d}  {use.text}  [{use.status.value if use.status else 'other'}]")
            for example in use.examples[:1]:
                click.echo(f"        e.g. {example.origin}: {example.target[:100]}")
        for use in entry.others[:limit]:
            click.echo(f"  {use.count:4d}  (no glossary rendering) {use.text[:80]}")
        if len(entry.others) > limit:
            click.echo(f"        … and {len(entry.others) - limit} more targets without a glossary rendering")
    return 0 if found else 1


@tm.command(name="export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["tmx", "po"]), default="tmx", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--force", is_flag=True, help="Replace an existing output file.")
def export_(db: str, fmt: str, output: Path, force: bool) -> None:
    """Write the memory as TMX 1.4b or PO."""
    check_output(output, force=force)
    with (
        open_tm(db, create=False) as memory,
        replacing(output, force=force) as temporary,
        _progress() as progress,
    ):
        total = len(memory)
        count = memory.export(temporary, fmt, lambda units: progress.track(units, total, description="exporting"))
    click.echo(f"wrote {counted(count, 'unit')} to {output}")


@tm.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@_db_option
@_wait_option
def import_(file: Path, db: str, wait: float) -> None:
    """Add the units of a TMX or XLIFF file (written by any tool) to the memory."""
    skipped: list[Problem] = []
    units = read_units(file, skipped=skipped)  # a missing or unreadable file is refused before a memory is made
    new = sqlite_file(db)
    new = new if new is not None and not new.exists() else None
    try:
        with open_tm(db, wait=wait) as memory, _progress() as progress:
            counts = memory.add(progress.track(units, description="importing"))
    except HenanTermsError:
        if new is not None:  # a refused import leaves no empty memory behind
            for debris in (new, new.with_name(new.name + "-wal"), new.with_name(new.name + "-shm")):
                debris.unlink(missing_ok=True)
        raise
    click.echo(f"added {counted(counts.added, 'unit')}, {counts.duplicates} already there, {counts.empty} without text")
    for problem in skipped:
        click.echo(f"not imported: {problem}", err=True)
