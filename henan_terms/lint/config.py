"""Linter configuration: ``[tool.henan-terms]`` in pyproject.toml, or a henan-terms.toml file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from attrs import field, frozen

from ..errors import FormatError
from ..model import Severity

CONFIG_FILES = ("henan-terms.toml", ".henan-terms.toml", "pyproject.toml")
_KEYS = {"glossaries", "select", "ignore", "severity", "fail-on"}


@frozen
class LintConfig:
    """Glossary files (relative to the config file), enabled checks, severities and the failing level."""

    glossaries: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(factory=dict)
    fail_on: Severity = Severity.WARNING
    path: Path | None = None


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upwards: henan-terms.toml, or a pyproject.toml with
    a ``[tool.henan-terms]`` table."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _table(candidate) is not None):
                return candidate
    return None


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise FormatError(str(path), 0, f"cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise FormatError(str(path), 0, f"invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("henan-terms")
        return table if isinstance(table, dict) else None
    return data


def load_config(path: Path) -> LintConfig:
    """Read a config file; unknown keys and bad values are errors naming the file."""
    table = _table(path) or {}
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise FormatError(str(path), 0, f"unknown keys {unknown} in the henan-terms configuration")
    try:
        severities = {check: Severity(level) for check, level in table.get("severity", {}).items()}
        fail_on = Severity(table.get("fail-on", Severity.WARNING.value))
    except ValueError as error:
        raise FormatError(str(path), 0, f"{error}; levels are info, warning, error") from None
    select = table.get("select")
    return LintConfig(
        glossaries=tuple(path.parent / g for g in table.get("glossaries", [])),
        select=tuple(select) if select is not None else None,
        ignore=tuple(table.get("ignore", [])),
        severities=severities,
        fail_on=fail_on,
        path=path,
    )
