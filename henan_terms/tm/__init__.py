"""Translation memory: sentence alignment, stores, fuzzy lookup."""

from .align import Aligner, Alignment, Bead, align_document, units
from .build import BuildReport, build_memory
from .protocol import TranslationMemory
from .results import AddCounts, Match, RenderingUse, TermHistory
from .sentences import split_chinese, split_english
from .store import open_tm

__all__ = [
    "AddCounts",
    "Aligner",
    "Alignment",
    "Bead",
    "BuildReport",
    "Match",
    "RenderingUse",
    "TermHistory",
    "TranslationMemory",
    "align_document",
    "build_memory",
    "open_tm",
    "split_chinese",
    "split_english",
    "units",
]
