"""Writing output files safely: the path is checked before any work starts, an existing file is kept
unless the caller forces it, and the file is written beside its place and renamed over it, so that it is
either the old file or the complete new one, never a partial one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UsageError

__all__ = ["check_output", "replacing"]


def check_output(path: Path, *, force: bool = False) -> None:
    """Raise UsageError naming the path when it cannot be written, or exists and ``force`` is false."""
    folder = path.parent
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file to write")
    if path.exists() and not force:
        raise UsageError(f"{path}: exists; give --force to replace it (nothing was written)")
    if not folder.is_dir():
        raise UsageError(f"{path}: no folder {folder} to write into")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{path}: the folder {folder} cannot be written")


@contextmanager
def replacing(path: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends without
    an error, removed when it ends with one."""
    check_output(path, force=force)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if path.exists() and not force:  # appeared while we worked
            raise UsageError(f"{path}: exists; give --force to replace it (nothing was written)")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
