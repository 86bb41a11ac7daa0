"""Checks as plain functions registered with a stable id and a default severity.

A check's title is the first line of its function's docstring and its documentation the whole
docstring (``henan-terms lint --explain CHECK``), so both live in one place. The registry knows
nothing of the built-in checks or of the runner.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator

from attrs import frozen

from ..model import Finding, Severity
from .context import LintContext

__all__ = [
    "Check",
    "CheckFunction",
    "CheckRegistry",
]

CheckFunction = Callable[[LintContext], Iterable[Finding]]


@frozen
class Check:
    """A registered check."""

    id: str
    severity: Severity
    function: CheckFunction

    @property
    def title(self) -> str:
        """The first line of the check's docstring, without its full stop."""
        return self.doc.split("\n", 1)[0].rstrip(".")

    @property
    def doc(self) -> str:
        """The check's docstring, dedented."""
        return inspect.cleandoc(self.function.__doc__ or self.id)


class CheckRegistry:
    """An ordered set of checks; usable as a decorator factory or by calling ``register`` directly."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def register(self, check_id: str, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
        """Register a function as the check ``check_id``; its docstring's first line is the title."""

        def add(function: CheckFunction) -> CheckFunction:
            if check_id in self._checks:
                raise ValueError(f"check {check_id!r} is already registered")
            if not (function.__doc__ or "").strip():
                raise ValueError(f"check {check_id!r} has no docstring: its first line is the check's title")
            self._checks[check_id] = Check(check_id, severity, function)
            return function

        return add

    def __iter__(self) -> Iterator[Check]:
        return iter(self._checks.values())

    def __contains__(self, check_id: object) -> bool:
        return check_id in self._checks

    def __getitem__(self, check_id: str) -> Check:
        return self._checks[check_id]
