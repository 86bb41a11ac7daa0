"""Precision of the linter on held-out bilingual texts, against hand judgements.

Runs the linter with the bundled glossary over every text of benchmarks/heldout/ (English paragraph
line, then its Chinese paragraph line) and matches each finding to a judgement of
benchmarks/heldout/lint-judgements.csv by (file, line, check, source term): a key that stays stable
as the glossary grows. Columns: file, line, check, term, verdict (true: a reviewer would want to see
the finding; false: noise), reason.

Prints the findings with their verdicts, precision over the judged findings (those at or above the
default ``--fail-on`` level, warning, which a reviewer is asked to act on; and all of them, infos
included; and per check), the findings not judged yet (as CSV rows to fill in), and the
false-positive patterns (the reasons of the false verdicts, counted).

Run: python benchmarks/lint_precision.py [--texts benchmarks/heldout] [--judgements FILE] [--numbers 27-41]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from henan_terms import load_glossary
from henan_terms.lint import Linter, read_draft
from henan_terms.model import Severity

ROOT = Path(__file__).resolve().parent
Key = tuple[str, int, str, str]


def read_judgements(path: Path) -> dict[Key, tuple[bool, str]]:
    """Judgements by key; a verdict other than true/false is an error naming the row."""
    judged: dict[Key, tuple[bool, str]] = {}
    if not path.exists():
        return judged
    with path.open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream), start=2):
            verdict = row["verdict"].strip().lower()
            if verdict not in ("true", "false"):
                raise SystemExit(f"{path}:{number}: verdict must be true or false, not {row['verdict']!r}")
            key = (row["file"], int(row["line"]), row["check"], row["term"])
            judged[key] = (verdict == "true", row["reason"])
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--texts", type=Path, default=ROOT / "heldout")
    parser.add_argument("--judgements", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true", help="Only the figures and the unjudged findings.")
    parser.add_argument(
        "--numbers",
        default="1-999",
        help="Only the texts whose file number is in this range, e.g. 27-41 (a batch: see heldout/SOURCES.md).",
    )
    args = parser.parse_args()
    judgements = read_judgements(args.judgements or args.texts / "lint-judgements.csv")
    linter = Linter(load_glossary())
    low, _, high = args.numbers.partition("-")
    texts = [t for t in sorted(args.texts.glob("*.txt")) if int(low) <= int(t.name.split("-")[0]) <= int(high or low)]
    judged: list[tuple[Key, bool, str, str, bool]] = []
    unjudged: list[tuple[Key, str]] = []
    for text in texts:
        draft = read_draft(text)
        for finding in linter.lint(draft.pairs).findings:
            key = (text.name, finding.line, finding.check, finding.term or finding.found)
            if key in judgements:
                verdict, reason = judgements[key]
                judged.append((key, verdict, reason, finding.message, finding.severity.rank >= Severity.WARNING.rank))
            else:
                unjudged.append((key, finding.message))
    if not args.quiet:
        for (name, line, check, term), verdict, reason, message, _ in judged:
            print(f"{'TRUE ' if verdict else 'FALSE'} {name}:{line} {check} {term}: {message}  [{reason}]")
    true = sum(1 for _, verdict, *_ in judged if verdict)
    print(f"\n{len(texts)} texts; {len(judged) + len(unjudged)} findings, {len(judged)} judged, {true} true")
    warned = [verdict for _, verdict, _, _, warning in judged if warning]
    if warned:
        print(f"precision at warning and above {sum(warned) / len(warned):.2f} ({sum(warned)}/{len(warned)})")
    if judged:
        print(f"precision of all findings, infos included {true / len(judged):.2f} ({true}/{len(judged)})")
    per_check: dict[str, list[bool]] = {}
    for (_, _, check, _), verdict, *_ in judged:
        per_check.setdefault(check, []).append(verdict)
    for check, verdicts in sorted(per_check.items()):
        print(f"  {check}: {sum(verdicts)}/{len(verdicts)} true")
    patterns = Counter(reason for _, verdict, reason, *_ in judged if not verdict)
    if patterns:
        print("\nfalse positives by reason:")
        for reason, count in patterns.most_common():
            print(f"  {count} × {reason}")
    if unjudged:
        print(f"\n{len(unjudged)} findings not judged (file,line,check,term,verdict,reason; message):")
        writer = csv.writer(sys.stdout, lineterminator="\n")
        for (name, line, check, term), message in unjudged:
            writer.writerow([name, line, check, term, "", f"# {message}"])


if __name__ == "__main__":
    main()
