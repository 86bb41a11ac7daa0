"""Random text, bytes and XML given to every reader and to lint: a result or a HenanTermsError naming
the file, never another exception."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from henan_terms.errors import HenanTermsError
from henan_terms.exchange import IMPORT_FORMATS, import_glossary
from henan_terms.formats.bilingual import PairCheck, read_bilingual, read_parallel
from henan_terms.formats.units import read_units
from henan_terms.lint import load_config
from henan_terms.lint.inputs import read_draft
from henan_terms.lint.runner import Linter
from henan_terms.loader import load_glossary
from henan_terms.tm.align import Aligner

from .strategies import HAN, xml_documents


def _glossary(fmt: str) -> Callable[[Path], object]:
    return lambda path: import_glossary(path, fmt)


@cache
def _linting() -> tuple[PairCheck, Linter]:
    """The pairing check and linter of the bundled glossary, made once: lint_files makes them for each run."""
    glossary = load_glossary()
    return Aligner(glossary).plausible, Linter(glossary)


def _lint(path: Path) -> object:
    plausible, linter = _linting()
    return linter.lint(read_draft(path, plausible=plausible).pairs)


def _parallel(path: Path) -> object:
    english = path.with_name("english.txt")
    english.write_text("We will build an industrial chain.\n", encoding="utf-8")
    return read_parallel(path, english)


# Each reader with the suffix of the files it is given.
READERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    **{f"import {fmt}": (".in", _glossary(fmt)) for fmt in IMPORT_FORMATS},
    **{f"units {suffix}": (suffix, lambda path: list(read_units(path))) for suffix in (".tmx", ".xlf", ".po", ".ts")},
    "bilingual document": (".txt", read_bilingual),
    "parallel files": (".txt", _parallel),
    "lint configuration": (".toml", load_config),
    **{f"lint {suffix}": (suffix, _lint) for suffix in (".txt", ".md", ".tmx", ".xlf", ".po")},
}

_CHARACTERS = HAN + "，。；“”abc .,;\"'#=[]{}<>&:-\t\r\n0123456789\x00\x0b\ufeff"
_texts = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=200)
INPUTS = {
    "bytes": st.binary(max_size=300),
    "text": st.tuples(_texts, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "gb18030"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
    "xml": xml_documents(),
}


@pytest.mark.parametrize("kind", sorted(INPUTS))
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_reader_gives_a_result_or_a_clear_error(reader: str, kind: str) -> None:
    suffix, read = READERS[reader]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(INPUTS[kind])
    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            try:
                read(path)
            except HenanTermsError as error:
                assert str(path) in str(error), error

    check()
