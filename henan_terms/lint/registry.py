"""Checks as plain functions registered with a stable id, a default severity and a title."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from ..model import Finding, Severity

if TYPE_CHECKING:
    from .runner import LintContext

CheckFunction = Callable[["LintContext"], Iterable[Finding]]


@frozen
class Check:
    """A registered check."""

    id: str
    severity: Severity
    title: str
    function: CheckFunction


class CheckRegistry:
    """An ordered set of checks; usable as a decorator factory or by calling ``register`` directly."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def register(self, check_id: str, severity: Severity, title: str) -> Callable[[CheckFunction], CheckFunction]:
        """Register a function as the check ``check_id``."""

        def add(function: CheckFunction) -> CheckFunction:
            if check_id in self._checks:
                raise ValueError(f"check {check_id!r} is already registered")
            self._checks[check_id] = Check(check_id, severity, title, function)
            return function

        return add

    def __iter__(self) -> Iterator[Check]:
        return iter(self._checks.values())

    def __contains__(self, check_id: object) -> bool:
        return check_id in self._checks

    def __getitem__(self, check_id: str) -> Check:
        return self._checks[check_id]
