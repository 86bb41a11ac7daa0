"""A cache of loaded glossaries, so that a command started from a pre-commit hook or CI does not build
every term again (pinyin checks, script forms, word division) when the glossary files have not changed.
An entry holds what is derived from the terms too: the lookup index and the linter's term spotters
(automatons, English base forms of every rendering).

An entry is keyed by the library's version, the definition of its records and the names and contents
of the files, so it is never used across versions or after any file changed. It lives in the user's cache folder (or in
``$HENAN_TERMS_CACHE_DIR``); an entry that cannot be read is rebuilt, and a folder that cannot be
written is left alone: the cache never makes a load fail.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from . import model
from .glossary import Glossary
from .version import __version__

__all__ = ["cache_folder", "cache_key", "cached", "remember"]


_RECORDS = hashlib.sha256(Path(model.__file__).read_bytes()).digest()
"""The definition of the records a cached glossary holds: an entry written by another one is not used."""


def cache_folder() -> Path:
    """``$HENAN_TERMS_CACHE_DIR``, else the user's cache folder for henan-terms."""
    return Path(os.environ.get("HENAN_TERMS_CACHE_DIR") or platformdirs.user_cache_dir("henan-terms"))


def cache_key(name: str, files: Sequence[Path], contents: Sequence[bytes]) -> str:
    """The key of a glossary loaded from these files: version, glossary name, file names and contents."""
    digest = hashlib.sha256(f"{__version__}\0{name}\0".encode() + _RECORDS)
    for path, content in zip(files, contents, strict=True):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def cached(key: str) -> Glossary | None:
    """The glossary stored under a key, or None when there is none or it cannot be read."""
    try:
        with (cache_folder() / f"glossary-{key}.pickle").open("rb") as stream:
            glossary = pickle.load(stream)
    except Exception:  # a missing, truncated or foreign entry: build the glossary again
        return None
    return glossary if isinstance(glossary, Glossary) else None


def remember(key: str, glossary: Glossary) -> None:
    """Store a glossary under its key, atomically; nothing happens when the folder cannot be written."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".glossary-", delete=False) as stream:
            pickle.dump(glossary, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, folder / f"glossary-{key}.pickle")
    except OSError:
        if "stream" in locals():
            Path(stream.name).unlink(missing_ok=True)
