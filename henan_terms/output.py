"""Writing output files safely: the path is checked before any work starts, an existing file is kept
unless the caller forces it, and the file is written beside its place and renamed over it, so that it is
either the old file or the complete new one, never a partial one. The temporary's name holds the
writer's process id, so that the next write of the same output removes what a killed writer left."""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UsageError

__all__ = ["check_folder", "check_output", "replacing", "replacing_folder"]


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
    _remove_left_behind(path)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if path.exists() and not force:  # appeared while we worked
            raise UsageError(f"{path}: exists; give --force to replace it (nothing was written)")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def check_folder(path: Path, *, force: bool = False, ours: Collection[str] = ()) -> None:
    """Raise UsageError naming the path when a folder cannot be written there, or it is a folder with
    files in it and ``force`` is false; even with ``force``, a folder holding anything but the files
    named ``ours`` (those an earlier run wrote) is never replaced, so that a mistyped path such as the
    home folder is not lost."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: is a file; give a folder to write")
    names = {child.name for child in path.iterdir()} if path.is_dir() else set()
    if names and not force:
        raise UsageError(f"{path}: is not empty; give --force to replace it (nothing was written)")
    if others := sorted(names - set(ours)):
        shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
        raise UsageError(f"{path}: holds other files than this export writes ({shown}); nothing was written")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: no folder {path.parent} to write into")
    if not os.access(path.parent, os.W_OK):
        raise UsageError(f"{path}: the folder {path.parent} cannot be written")


@contextmanager
def replacing_folder(path: Path, *, force: bool = False, ours: Collection[str] = ()) -> Iterator[Path]:
    """A temporary folder beside ``path`` to write to; put in the place of ``path`` when the block ends
    without an error (the folder replaced, checked as :func:`check_folder` does, is removed only then),
    removed when it ends with one."""
    path = path.absolute()
    check_folder(path, force=force, ours=ours)
    _remove_left_behind(path)
    temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp"))
    old = path.parent / f"{temporary.name}.old"
    try:
        yield temporary
        check_folder(path, force=force, ours=ours)  # filled while we worked
        temporary.chmod(0o755)
        if path.exists():
            os.replace(path, old)
        os.replace(temporary, path)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def _remove_left_behind(path: Path) -> None:
    """Remove the temporaries of ``path`` (``.NAME.PID.*.tmp`` and a folder's ``.tmp.old``) whose
    writer is no longer running: a writer killed before it could clean up."""
    for left in path.parent.glob(f".{glob.escape(path.name)}.*.tmp*"):
        pid = left.name[len(path.name) + 2 :].split(".", 1)[0]
        if not left.name.endswith((".tmp", ".tmp.old")) or not pid.isdigit() or _running(int(pid)):
            continue
        if left.is_dir() and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)
        else:
            left.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if os.name != "posix":  # no harmless signal to ask with: leave the temporary
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
