"""Chinese→English policy terminology: a curated Henan glossary, lookup and exchange formats.

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
    "load_glossary",
]
