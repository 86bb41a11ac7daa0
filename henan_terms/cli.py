"""The ``henan-terms`` command: each subcommand maps its arguments to one library call.

Each command imports what it uses when it runs, so that ``lint`` from a pre-commit hook loads no
format, extractor or memory it does not need."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from .cli_options import glossary_option
from .english import counted
from .errors import HenanTermsError
from .exchange import EXPORT_FORMATS, FOLDER_FORMATS, IMPORT_FORMATS
from .extract_output import FORMATS as EXTRACT_FORMATS
from .model import Severity
from .output import check_folder, check_output, replacing, replacing_folder
from .version import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from .glossary import Glossary
    from .lookup import Hit

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "SAMPLE_DRAFT",
    "cli",
    "export",
    "extract",
    "import_",
    "lint",
    "lookup",
    "lsp",
    "main",
    "merge",
    "validate",
]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SAMPLE_DRAFT = Path(__file__).parent / "samples" / "draft.txt"


class _Cli(click.Group):
    """Decides every exit code: a command returns 0 or 1 (findings, nothing found); a library error
    becomes one clear line per problem on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            code = super().invoke(ctx)
        except HenanTermsError as error:
            for line in str(error).splitlines():
                click.echo(f"error: {line}", err=True)
            ctx.exit(EXIT_ERROR)
        ctx.exit(code or EXIT_OK)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The ``tm`` group is imported when it is run: the memory's stores and index load numpy."""
        if cmd_name == "tm":
            from .tm_cli import tm

            return tm
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), "tm"])


@click.group(cls=_Cli)
@click.version_option(__version__, prog_name="henan-terms")
def cli() -> None:
    """Chinese→English policy terminology: look up, validate and export glossaries."""


@cli.command()
@click.argument("query")
@glossary_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def lookup(query: str, glossaries: tuple[Path, ...], as_json: bool) -> int:
    """Look a term up by Chinese, pinyin or English; a compound or a whole sentence lists every glossary
    term inside it, and a near variant gets "did you mean" hits. Exit 1 when nothing is found."""
    from .loader import load_glossary
    from .lookup import EXACT, NEAR, PARTIAL, find

    if not query.strip():
        raise click.UsageError("give a QUERY: Chinese, pinyin or English")
    glossary = load_glossary(*glossaries)
    hits = find(glossary, query)
    found = [h for h in hits if h.kind != NEAR]
    if as_json:
        from .formats.json import concept_record

        records = [{**_hit_fields(h), **concept_record(h.concept, glossary.sources)} for h in hits]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        # piped or redirected: lines as long as they are, so that URLs and notes stay whole for grep
        console = Console() if sys.stdout.isatty() else Console(width=100_000)
        for hit in hits:
            if hit.kind == EXACT:
                _print_hit(console, glossary, hit)
            elif hit.kind == PARTIAL:
                _print_partial(query, hit)
        suggestions = ", ".join(
            f"{h.concept.zh} ({'' if h.matched == h.concept.zh else h.matched + ', '}{h.score:.0f})"
            for h in hits
            if h.kind == NEAR
        )
        if not found:
            click.echo(f"not found: {query}" + (f"; did you mean: {suggestions}" if suggestions else ""), err=True)
    return EXIT_OK if found else EXIT_FINDINGS


def _hit_fields(hit: Hit) -> dict[str, object]:
    return {
        "match": hit.kind,
        "matched_by": hit.field,
        "matched": hit.matched,
        "span": list(hit.span) if hit.span else None,
        "score": hit.score,
    }


def _print_partial(query: str, hit: Hit) -> None:
    start, end = hit.span or (0, len(query))
    concept = hit.concept
    preferred = concept.preferred or concept.renderings[0]
    term = next((t for t in concept.terms if hit.matched in (t.text, *t.traditional_forms)), concept.head)
    head = "" if term is concept.head else f" ({concept.zh})"
    click.echo(f"{hit.matched}{head}  {term.pinyin}  {preferred.text}  [partial {start}-{end}, {concept.id}]")


def _print_hit(console: Console, glossary: Glossary, hit: Hit) -> None:
    """One concept for reading; glossary text is escaped (a "[...]" in a note is not markup) and
    citations wrap rather than lose the end of their URL."""
    from rich.markup import escape
    from rich.table import Table

    concept = hit.concept
    head = concept.head
    console.print(f"[bold]{escape(head.text)}[/]  {head.pinyin}  ({head.pinyin_written})  [dim]{concept.id}[/]")
    for term in concept.terms:
        forms = ", ".join(f"{v.text} ({' '.join(v.tags)})" for v in term.traditional)
        label = "" if term is head else f"{term.type}: {term.text}  {term.pinyin}; "
        console.print(f"  {escape(label)}traditional: {escape(forms)}")
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column()
    table.add_column()
    table.add_column(overflow="fold")
    for rendering in concept.renderings:
        style = {"preferred": "green", "admitted": "", "deprecated": "red strike"}[rendering.status.value]
        text = escape(rendering.text)
        table.add_row(
            f"[{style}]{text}[/]" if style else text,
            rendering.status.value,
            escape("; ".join(glossary.cite(c) for c in rendering.citations)),
        )
    with console.capture() as captured:
        console.print(table)
    console.out("\n".join(line.rstrip() for line in captured.get().splitlines()), highlight=False)
    for label, value in (("subject", concept.subject), ("definition", concept.definition), ("note", concept.note)):
        if value:
            console.print(f"  {label}: {escape(value)}")
    for rendering in concept.renderings:
        if rendering.note:
            console.print(f"  note on {escape(repr(rendering.text))}: {escape(rendering.note)}")
    console.print(f"  [dim]matched {hit.field}: {escape(hit.matched)}[/]\n")


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate glossary files (default: the bundled glossary); every problem is listed."""
    from .loader import load_glossary

    glossary = load_glossary(*files)
    click.echo(f"ok: {counted(len(glossary), 'concept')} in {glossary.name}")


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice((*EXPORT_FORMATS, *FOLDER_FORMATS)), required=True, help="Output format."
)
@glossary_option
@click.option(
    "--deprecated/--no-deprecated",
    default=None,
    help="Keep or leave out deprecated renderings (default: left out of tsv-omegat and tbx2008, kept in the others).",
)
@click.option("--bom", is_flag=True, help="Start a CSV with a byte-order mark, for Excel.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (default: stdout); folder for html.")
@click.option("--force", is_flag=True, help="Replace an existing output file or folder.")
def export(
    fmt: str, glossaries: tuple[Path, ...], deprecated: bool | None, bom: bool, output: Path | None, force: bool
) -> None:
    """Write the whole glossary in an exchange format, or as a searchable web page (html: a folder)."""
    from .exchange import DEPRECATED_LEFT_OUT, export_folder, export_glossary, folder_files
    from .loader import load_glossary

    keep = deprecated if deprecated is not None else fmt not in DEPRECATED_LEFT_OUT

    folder = fmt in FOLDER_FORMATS
    if folder and output is None:
        raise click.UsageError(f"the {fmt} export is a folder of files: give it with -o DIR")
    if output is not None:
        if folder:
            check_folder(output, force=force, ours=folder_files(fmt))
        else:
            check_output(output, force=force)
    glossary = load_glossary(*glossaries)
    if output is None:
        export_glossary(glossary, fmt, sys.stdout.buffer, include_deprecated=keep, bom=bom)
    elif folder:
        with replacing_folder(output, force=force, ours=folder_files(fmt)) as temporary:
            export_folder(glossary, fmt, temporary, include_deprecated=keep)
    else:
        with replacing(output, force=force) as temporary, temporary.open("wb") as stream:
            export_glossary(glossary, fmt, stream, include_deprecated=keep, bom=bom)


@cli.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), help="Input format (default: from the name).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The TOML glossary to write.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
def import_(file: Path, fmt: str | None, output: Path, force: bool) -> None:
    """Import a glossary file (TBX, CSV, OmegaT, memoQ, PO, JSON, CC-CEDICT) as a TOML glossary."""
    from .exchange import import_glossary
    from .formats.toml import write_toml

    check_output(output, force=force)
    imported = import_glossary(file, fmt)
    with replacing(output, force=force) as temporary, temporary.open("w", encoding="utf-8") as stream:
        write_toml(imported.glossary, stream, title=f"Imported from {file.name}")
    renderings = sum(len(c.renderings) for c in imported.glossary)
    click.echo(
        f"imported {counted(len(imported.glossary), 'concept')}, {counted(renderings, 'rendering')} "
        f"from {file} into {output}"
    )
    for problem in imported.skipped:
        click.echo(f"not imported: {problem}", err=True)
    if imported.skipped:
        click.echo(f"{counted(len(imported.skipped), 'item')} not imported (listed above)", err=True)


@cli.command()
@click.argument("drafts", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--source",
    type=click.Path(path_type=Path),
    help="Chinese source of a single plain-text DRAFT, aligned line by line.",
)
@glossary_option
@click.option("--sample", is_flag=True, help="Lint the sample draft shipped with the library.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", help="Output format.")
@click.option("--select", multiple=True, help="Run only these checks (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these checks (repeatable).")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), help="Lowest severity that exits 1.")
@click.option("--fix", is_flag=True, help="Rewrite deprecated and near-miss renderings; show the diff.")
@click.option("--explain", "explain_check", metavar="CHECK", help="Print a check's documentation and exit.")
@click.option("--tm", "memory", help="Translation memory (path or URL) to check terms the glossary lacks against.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Configuration file."
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Report file (default: stdout).")
@click.option("--force", is_flag=True, help="Replace an existing report file.")
def lint(
    drafts: tuple[Path, ...],
    source: Path | None,
    glossaries: tuple[Path, ...],
    sample: bool,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    fix: bool,
    explain_check: str | None,
    memory: str | None,
    config_path: Path | None,
    output: Path | None,
    force: bool,
) -> int:
    """Lint draft translations: missing, deprecated and inconsistent renderings, untranslated Chinese,
    numbers. Exit 0 when clean, 1 with findings at or above --fail-on, 2 on bad input."""
    from .lint.checks import explain
    from .lint.files import lint_files
    from .lint.report import json_records, sarif_log, text_lines

    if explain_check:
        click.echo(explain(explain_check))
        return EXIT_OK
    if sample:
        drafts = (*drafts, SAMPLE_DRAFT)
    if output is not None:
        check_output(output, force=force)
    if fix:
        from .lint.fix import check_fixable

        for path in drafts:
            check_fixable(path)
    run = lint_files(
        drafts, source=source, glossaries=glossaries, config=config_path, select=select, ignore=ignore, tm=memory
    )
    report, read, linter, config = run.report, run.drafts, run.linter, run.config
    if fmt == "json":
        rendered = json.dumps(json_records(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "sarif":
        rendered = json.dumps(sarif_log(report, linter.registry), ensure_ascii=False, indent=2) + "\n"
    else:
        rendered = "".join(line + "\n" for line in text_lines(report))
    if output is None:
        click.echo(rendered, nl=False)
    else:
        with replacing(output, force=force) as temporary:
            temporary.write_text(rendered, encoding="utf-8")
    for draft in read:
        if draft.unpaired:
            lines = ", ".join(str(p.line) for p in draft.unpaired)
            count = f"{len(draft.unpaired)} line{'s' if len(draft.unpaired) != 1 else ''}"
            click.echo(f"note: {draft.path}: {count} without a counterpart, not checked: {lines}", err=True)
    if fix:
        from .lint.fix import fix_file

        for draft in read:
            click.echo(fix_file(draft.path, report.findings), nl=False, err=fmt != "text")
    threshold = Severity(fail_on) if fail_on else config.fail_on
    return EXIT_FINDINGS if report.fails(threshold) else EXIT_OK


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--tm", "memory", help="Also read the units of a translation memory (SQLite path or URL).")
@glossary_option
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many candidates, best first.")
@click.option(
    "--dictionary",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CC-CEDICT file whose English senses of Chinese words help find each candidate's English.",
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-", help="Output file.")
def extract(
    files: tuple[Path, ...],
    memory: str | None,
    glossaries: tuple[Path, ...],
    fmt: str,
    limit: int | None,
    dictionary: Path | None,
    output: TextIO,
) -> None:
    """Propose zh→en term pairs not yet in the glossary from bilingual documents (every format lint reads)
    or a memory, ranked, with their evidence; csv and toml write a draft glossary to edit and merge."""
    from .extract import extract_from
    from .extract_output import write_candidates
    from .loader import load_glossary

    if not files and memory is None:
        raise click.UsageError("give bilingual FILES or --tm DB")
    found = extract_from(files, load_glossary(*glossaries), tm=memory, limit=limit, dictionary=dictionary)
    write_candidates(found, fmt, output)


@cli.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.argument("into", type=click.Path(path_type=Path))
def merge(draft: Path, into: Path) -> None:
    """Add the concepts of a DRAFT glossary (TOML or CSV) to the TOML glossary INTO: both are validated,
    a clash of ids, terms or sources refuses the merge and is listed, and INTO is replaced in one step."""
    from .merge import merge_glossary

    merged = merge_glossary(draft, into)
    click.echo(f"merged {merged.concepts} concepts and {merged.sources} sources into {merged.target}")


@cli.command()
@click.option("--stdio", is_flag=True, help="Speak over stdin and stdout (the only way; editors may pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server: lint diagnostics as you type, the glossary on hover, fixes as code actions."""
    from .lsp.server import serve  # imported here: pygls is loaded only by the command that needs it

    serve()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: the process's arguments) and return its exit code;
    the console script and ``python -m henan_terms`` exit with it."""
    try:
        return int(cli.main(args=argv, prog_name="henan-terms", standalone_mode=False) or EXIT_OK)
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR if isinstance(error, click.UsageError) else error.exit_code
    except click.Abort:
        click.echo("aborted", err=True)
        return EXIT_ERROR
