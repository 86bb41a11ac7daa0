"""A cache of what is costly to build and read on every start, so that a command started from a
pre-commit hook or CI does not build every term again (pinyin checks, script forms, word division)
when the glossary files have not changed. A glossary's entry holds what is derived from its terms
too: the lookup index and the linter's term spotters (automatons, English base forms of every
rendering); ``english`` keeps the base forms of lemminflect's dictionary here.

A glossary's entry is keyed by the library's version, the definition of its records and the names
and contents of the files, so it is never used across versions or after any file changed. Entries
live in the user's cache folder (or in ``$HENAN_TERMS_CACHE_DIR``); an entry that cannot be read is
rebuilt, and a folder that cannot be written is left alone: the cache never makes a load fail.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from .version import __version__

__all__ = ["cache_folder", "cache_key", "cached", "remember"]


_PICKLED = ("model.py", "glossary.py", "lookup.py", "match.py", "chinese.py")
_RECORDS = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes() for name in _PICKLED)).digest()
"""The definition of the classes a cached glossary holds (records, index, spotters, segmenter): an
entry written by another one is not used, even by the same version of the library."""


def cache_folder() -> Path:
    """``$HENAN_TERMS_CACHE_DIR``, else the user's cache folder for henan-terms."""
    return Path(os.environ.get("HENAN_TERMS_CACHE_DIR") or platformdirs.user_cache_dir("henan-terms"))


def cache_key(name: str, files: Sequence[Path], contents: Sequence[bytes]) -> str:
    """The key of a glossary loaded from these files: version, glossary name, file names and contents."""
    digest = hashlib.sha256(f"{__version__}\0{name}\0".encode() + _RECORDS)
    for path, content in zip(files, contents, strict=True):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def cached(name: str) -> object:
    """The value stored under a name, or None when there is none or it cannot be read."""
    try:
        with (cache_folder() / f"{name}.pickle").open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # a missing, truncated or foreign entry: the caller builds it again
        return None


def remember(name: str, value: object) -> None:
    """Store a value under a name, atomically; nothing happens when the folder cannot be written."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, folder / f"{name}.pickle")
    except OSError:
        if "stream" in locals():
            Path(stream.name).unlink(missing_ok=True)
