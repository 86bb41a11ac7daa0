"""Options shared by the command groups."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = [
    "glossary_option",
]

glossary_option = click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossary file (TOML, CSV, TBX, …); repeatable. Default: the bundled glossary.",
)
