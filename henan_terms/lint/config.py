"""Linter configuration: ``[tool.henan-terms]`` in pyproject.toml, or a henan-terms.toml file.

Validated as strictly as a glossary: every unknown key and bad value is reported at once, with the
file and the line of its key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from attrs import field, frozen

from ..errors import ConfigError, FormatError, Problem
from ..formats.text import read_text
from ..model import Severity

__all__ = [
    "CONFIG_FILES",
    "LintConfig",
    "find_config",
    "load_config",
]

CONFIG_FILES = ("henan-terms.toml", ".henan-terms.toml", "pyproject.toml")
PAIRS = {".en.md": ".zh.md", ".en.txt": ".zh.txt"}
"""The default naming rule of drafts and their sources: the ending of a draft, the ending of its source."""
_LIST_KEYS = ("glossaries", "select", "ignore")
_KEYS = {*_LIST_KEYS, "severity", "fail-on", "tm", "pair"}
_LEVELS = ", ".join(s.value for s in Severity)


@frozen
class LintConfig:
    """Glossary files (relative to the config file), enabled checks, severities and the failing level."""

    glossaries: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(factory=dict)
    fail_on: Severity = Severity.WARNING
    tm: str | None = None  # a translation memory: a path relative to the config file, or a URL
    pair: dict[str, str] = field(factory=lambda: dict(PAIRS))  # draft ending → source ending (the editor's)
    path: Path | None = None

    def source_of(self, draft: Path) -> Path | None:
        """The source a draft is paired with by the naming rule, None when its name follows none."""
        for ending, source in self.pair.items():
            if draft.name.endswith(ending) and len(draft.name) > len(ending):
                return draft.with_name(draft.name.removesuffix(ending) + source)
        return None


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upwards: henan-terms.toml, or a pyproject.toml with
    a ``[tool.henan-terms]`` table."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _read(candidate)[0] is not None):
                return candidate
    return None


def _read(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The configuration table of a file (None when a pyproject.toml has none) and the file's text."""
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FormatError(str(path), getattr(error, "lineno", 0), f"invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("henan-terms") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError([Problem(str(path), _line_of(text, "henan-terms"), "tool.henan-terms must be a table")])
        return table, text
    return data, text


def _line_of(text: str, key: str) -> int:
    """The line where ``key`` is first set or opened as a table, 0 if it cannot be found."""
    pattern = re.compile(rf'^\s*(?:\[[^\]]*\b{re.escape(key)}\]|"?{re.escape(key)}"?\s*=)')
    return next((n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)), 0)


def load_config(path: Path) -> LintConfig:
    """Read a config file; raises ConfigError listing every unknown key and bad value."""
    table, text = _read(path)
    table = table or {}
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(str(path), _line_of(text, key), f"{key}: {message}"))

    for key in sorted(set(table) - _KEYS):
        bad(key, f"unknown key; the keys are {', '.join(sorted(_KEYS))}")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            bad(key, f'must be a list of strings, e.g. {key} = ["…"], not {value!r}')
        else:
            lists[key] = tuple(value)
    severities: dict[str, Severity] = {}
    table_value = table.get("severity", {})
    if not isinstance(table_value, dict):
        bad("severity", f"must be a table of check = level, e.g. [tool.henan-terms.severity], not {table_value!r}")
    else:
        for check, level in table_value.items():
            if level in Severity._value2member_map_:
                severities[check] = Severity(level)
            else:
                bad(check, f"severity {level!r} is not a level; levels are {_LEVELS}")
    fail_on = table.get("fail-on", Severity.WARNING.value)
    if fail_on not in Severity._value2member_map_:
        bad("fail-on", f"{fail_on!r} is not a level; levels are {_LEVELS}")
    memory = table.get("tm")
    if memory is not None and not isinstance(memory, str):
        bad("tm", f"must be a path or URL of a translation memory, not {memory!r}")
    pair = table.get("pair", PAIRS)
    if not isinstance(pair, dict) or not all(isinstance(v, str) and v for v in (*pair, *pair.values())):
        bad("pair", f'must be a table of draft ending = source ending, e.g. ".en.md" = ".zh.md", not {pair!r}')
    elif set(pair) & set(pair.values()):
        bad("pair", f"an ending cannot name both drafts and sources: {sorted(set(pair) & set(pair.values()))}")
    if problems:
        raise ConfigError(problems)
    return LintConfig(
        glossaries=tuple(path.parent / g for g in lists["glossaries"]),
        select=lists["select"] if "select" in table else None,
        ignore=lists["ignore"],
        severities=severities,
        fail_on=Severity(fail_on),
        tm=memory if memory is None or "://" in memory else str(path.parent / memory),
        pair=dict(pair),
        path=path,
    )
