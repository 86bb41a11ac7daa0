"""Translation memory: sentence alignment, stores, fuzzy lookup.

The exports are imported on first use, so that a module needing one part (the linter reads the
sentence splitter) does not load the stores and their index.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_MODULES = {
    "Aligner": "align",
    "Alignment": "align",
    "Bead": "align",
    "align_document": "align",
    "units": "align",
    "BuildReport": "build",
    "build_memory": "build",
    "TranslationMemory": "protocol",
    "AddCounts": "results",
    "Match": "results",
    "RenderingUse": "results",
    "TermHistory": "results",
    "split_chinese": "sentences",
    "split_english": "sentences",
    "open_tm": "store",
}


def __getattr__(name: str) -> object:
    """An export, imported from its module when first asked for."""
    if name not in _MODULES:
        raise AttributeError(f"module 'henan_terms.tm' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
