"""The one glossary loader: any supported format in, one valid glossary out, or every problem of every
file at once, each with its file and line (clashes between files included, naming both places).

The project's own formats (TOML, CSV) are read strictly: any problem is an error. Files of exchange
formats (TBX, JSON, PO, OmegaT, memoQ, CC-CEDICT) are read as ``import`` reads them; what their
readers skip is left out, as on import.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .assembly import GlossaryParts
from .cache import cache_key, cached, remember
from .errors import FormatError, GlossaryError, HenanTermsError, Problem
from .exchange import guess_format, read_contents, read_placed
from .glossary import BUNDLED_NAME, Glossary, bundled_files

__all__ = [
    "load_glossary",
]


def load_glossary(*paths: str | Path, cache: bool = True) -> Glossary:
    """Load glossary files of any supported format into one glossary; the bundled one when none are given.

    Raises GlossaryError listing every problem of every file, clashes between files included. A
    glossary loaded before from the same files by the same version comes from the cache
    (``henan_terms.cache``) unless ``cache`` is false.
    """
    files = [Path(p) for p in paths] or bundled_files()
    name = BUNDLED_NAME if not paths else "+".join(f.stem for f in files)
    contents = [read_contents(path) for path in files]  # read once: for the cache key, the digest and the readers
    readable = [c for c in contents if isinstance(c, bytes)]
    key = f"glossary-{cache_key(name, files, readable)}" if cache and len(readable) == len(files) else None
    if key is not None and isinstance(found := cached(key), Glossary):
        return found
    glossary = _load(files, contents, name)
    if key is not None:
        remember(key, glossary.prepare())  # the cached glossary brings its index and spotters along
    return glossary


def _load(files: list[Path], contents: list[bytes | OSError], name: str) -> Glossary:
    parts = GlossaryParts()
    digest = hashlib.sha256()
    for path, data in zip(files, contents, strict=True):
        if isinstance(data, OSError):
            parts.problems.append(Problem(str(path), 0, f"cannot read: {data.strerror}"))
            continue
        digest.update(data)
        try:
            parts.add(*read_placed(path, guess_format(path), parts.problems, data))
        except OSError as error:
            parts.problems.append(Problem(str(path), 0, f"cannot read: {error.strerror}"))
        except GlossaryError as error:
            parts.problems += error.problems
        except FormatError as error:
            parts.problems.append(error.problem)
        except HenanTermsError as error:
            parts.problems.append(Problem(str(path), 0, str(error).removeprefix(f"{path}: ")))
    return parts.glossary(name, digest.hexdigest())
