"""Render a lint report: ruff-style text, a JSON list of findings, or SARIF 2.1.0."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import english
from ..model import Finding, Severity
from .context import LintFinding
from .registry import CheckRegistry
from .runner import LintReport

__all__ = [
    "SARIF_SCHEMA",
    "finding_record",
    "json_records",
    "sarif_log",
    "text_lines",
]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def text_lines(report: LintReport) -> Iterator[str]:
    """``PATH:LINE:COL: CHECK-ID message`` per finding, then a summary with the report's signature."""
    for finding in report.findings:
        yield f"{finding.path}:{finding.line}:{finding.column}: {finding.check} {finding.message}"
    counts = {severity: 0 for severity in Severity}
    for finding in report.findings:
        counts[finding.severity] += 1
    tally = ", ".join(f"{n} {severity.value}{'s' if n != 1 else ''}" for severity, n in reversed(counts.items()) if n)
    found = f"Found {len(report.findings)} problem{'s' if len(report.findings) != 1 else ''}"
    yield (
        f"{found} ({tally or 'none'}) in {english.counted(report.segments, 'segment')}; glossary {report.glossary} "
        f"({report.concepts} concepts, sha256 {report.glossary_digest[:12]}); henan-terms {report.version}"
    )


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a JSON object."""
    record: dict[str, Any] = {
        "check": finding.check,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "term": finding.term,
        "concept": finding.concept,
        "message": finding.message,
        "found": finding.found,
        "expected": finding.expected,
    }
    if isinstance(finding, LintFinding) and (why := finding.why.record()):
        record["why"] = why
    if finding.related:
        renderings: dict[str, list[dict[str, Any]]] = {}
        for o in finding.related:
            renderings.setdefault(o.text, []).append({"path": o.path, "line": o.line, "column": o.column})
        record["renderings"] = [
            {"text": text, "count": len(places), "locations": places} for text, places in renderings.items()
        ]
    return record


def json_records(report: LintReport) -> list[dict[str, Any]]:
    """The findings as a JSON-ready list."""
    return [finding_record(f) for f in report.findings]


def sarif_log(report: LintReport, registry: CheckRegistry) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; rules are the checks that ran."""
    rule_ids = list(report.checks)
    rules = [
        {
            "id": check.id,
            "name": "".join(part.capitalize() for part in check.id.split("-")),
            "shortDescription": {"text": check.title},
            "fullDescription": {"text": " ".join(check.doc.split())},
            "defaultConfiguration": {"level": _SARIF_LEVEL[check.severity]},
        }
        for check in registry
        if check.id in rule_ids
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "henan-terms", "version": report.version, "rules": rules}},
                "results": [_sarif_result(f, rule_ids.index(f.check)) for f in report.findings],
                "properties": {
                    "glossary": report.glossary,
                    "glossarySha256": report.glossary_digest,
                    "concepts": report.concepts,
                    "segments": report.segments,
                },
            }
        ],
    }


def _location(path: str, line: int, column: int) -> dict[str, Any]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}


def _sarif_result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.line, finding.column)],
    }
    if isinstance(finding, LintFinding) and (why := finding.why.record()):
        result["properties"] = {"why": why}
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, **_location(o.path, o.line, o.column), "message": {"text": o.text}}
            for i, o in enumerate(finding.related)
        ]
    return result
