"""The one glossary loader: any supported format in, one valid glossary out, or every problem of every
file at once, each with its file and line (clashes between files included, naming both places).

The project's own formats (TOML, CSV) are read strictly: any problem is an error. Files of exchange
formats (TBX, JSON, PO, OmegaT, memoQ, CC-CEDICT) are read as ``import`` reads them; what their
readers skip is left out, as on import.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .assembly import ConceptPlaces, check_across, problem_at
from .cache import cache_key, cached, remember
from .errors import FormatError, GlossaryError, HenanTermsError, Problem
from .exchange import guess_format, read_placed
from .glossary import BUNDLED_NAME, Glossary, bundled_files
from .model import Source

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
    key = None
    if cache:
        try:
            key = cache_key(name, files, [path.read_bytes() for path in files])
        except OSError:
            key = None  # reported with its file below
        if key is not None and (found := cached(key)) is not None:
            return found
    glossary = _load(files, name)
    if key is not None:
        remember(key, glossary)
    return glossary


def _load(files: list[Path], name: str) -> Glossary:
    problems: list[Problem] = []
    drafts: list[ConceptPlaces] = []
    sources: dict[str, tuple[Source, str]] = {}
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update(path.read_bytes())
            file_drafts, file_sources = read_placed(path, guess_format(path), problems)
        except OSError as error:
            problems.append(Problem(str(path), 0, f"cannot read: {error.strerror}"))
            continue
        except GlossaryError as error:
            problems += error.problems
            continue
        except FormatError as error:
            problems.append(error.problem)
            continue
        except HenanTermsError as error:
            problems.append(Problem(str(path), 0, str(error).removeprefix(f"{path}: ")))
            continue
        drafts += file_drafts
        for key, (source, where) in file_sources.items():
            known = sources.setdefault(key, (source, where))
            if known[0] != source:
                problems.append(problem_at(where, f"source {key!r} differs from its declaration at {known[1]}"))
    problems += check_across(drafts)
    if problems:
        raise GlossaryError(problems)
    return Glossary(
        name=name,
        concepts=tuple(d.concept for d in drafts),
        sources={key: source for key, (source, _) in sources.items()},
        digest=digest.hexdigest(),
    )
