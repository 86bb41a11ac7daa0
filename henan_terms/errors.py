"""Exceptions of the library. Every one derives from HenanTermsError."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "ConfigError",
    "FormatError",
    "GlossaryError",
    "HenanTermsError",
    "Problem",
    "TranslationMemoryError",
    "UsageError",
]


class HenanTermsError(Exception):
    """Base class of every error the library raises on bad input."""


@frozen
class Problem:
    """One problem found in an input file, with its location."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class GlossaryError(HenanTermsError):
    """A glossary file is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(HenanTermsError):
    """A configuration file has bad keys or values; ``problems`` lists every one with its line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class TranslationMemoryError(HenanTermsError):
    """A translation memory cannot be opened, read or written; the message names the memory."""


class UsageError(HenanTermsError):
    """Arguments that do not fit together or a value out of range, given by a caller."""


class FormatError(HenanTermsError):
    """An input file cannot be read in its format; names the file and, where known, the line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.problem = Problem(path, line, message)
        super().__init__(str(self.problem))
