"""Chinese→English policy terminology: a curated Henan glossary, lookup, a linter for draft
translations, a translation memory and exchange formats.

The linter, the memory and the format readers and writers are exported here too, imported on first
use, so that ``import henan_terms`` stays quick for a script that only looks terms up.

>>> from henan_terms import load_glossary
>>> glossary = load_glossary()
>>> [hit.concept.zh for hit in glossary.lookup("lian4 zhang3 zhi4")]
['链长制']
"""

from .errors import GlossaryError, HenanTermsError, Problem
from .glossary import Glossary, bundled_files
from .loader import load_glossary
from .lookup import Hit, TermIndex
from .model import (
    ChineseTerm,
    Citation,
    Concept,
    Finding,
    Occurrence,
    Rendering,
    Script,
    ScriptVariant,
    Severity,
    Source,
    Status,
    TermType,
    TMUnit,
)
from .version import __version__  # first: every module that signs its output reads it

__all__ = [
    "ChineseTerm",
    "Citation",
    "Concept",
    "Finding",
    "Glossary",
    "GlossaryError",
    "HenanTermsError",
    "Hit",
    "Linter",
    "Occurrence",
    "Problem",
    "Rendering",
    "Script",
    "ScriptVariant",
    "Severity",
    "Source",
    "Status",
    "TMUnit",
    "TermIndex",
    "TermType",
    "__version__",
    "bundled_files",
    "export_glossary",
    "import_glossary",
    "load_glossary",
    "open_tm",
    "read_units",
]

_LAZY = {
    "Linter": "henan_terms.lint",
    "open_tm": "henan_terms.tm",
    "import_glossary": "henan_terms.exchange",
    "export_glossary": "henan_terms.exchange",
    "read_units": "henan_terms.formats.units",
}


def __getattr__(name: str) -> object:
    """The exports that pull in heavier modules, imported when first asked for."""
    if name not in _LAZY:
        raise AttributeError(f"module 'henan_terms' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name]), name)
