"""Chinese→English policy terminology: a curated Henan glossary, lookup and exchange formats.

>>> from henan_terms import load_glossary
>>> glossary = load_glossary()
>>> [hit.concept.zh for hit in glossary.lookup("lian4 zhang3 zhi4")]
['链长制']
"""

from .errors import GlossaryError, HenanTermsError, Problem
from .glossary import Glossary, bundled_files, load_glossary
from .lookup import Hit, TermIndex
from .model import (
    ChineseTerm,
    Citation,
    Concept,
    Rendering,
    Script,
    ScriptVariant,
    Source,
    Status,
    TermType,
)

__version__ = "0.1.0"

__all__ = [
    "ChineseTerm",
    "Citation",
    "Concept",
    "Glossary",
    "GlossaryError",
    "HenanTermsError",
    "Hit",
    "Problem",
    "Rendering",
    "Script",
    "ScriptVariant",
    "Source",
    "Status",
    "TermIndex",
    "TermType",
    "__version__",
    "bundled_files",
    "load_glossary",
]
