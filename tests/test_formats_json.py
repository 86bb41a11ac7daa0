"""JSON: the export read back.

The export carries everything but the head term's own citations, which it merges into the concept's
``sources``; the reader gives the head term a prefix of that list (see henan_terms/formats/json_import.py).
Only the sources that are cited are described, so only those come back.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from henan_terms import Glossary, GlossaryError, bundled_files, load_glossary
from henan_terms.errors import FormatError
from henan_terms.formats.json import write_json
from henan_terms.formats.json_import import read_json

from .strategies import glossaries

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _json_text(glossary: Glossary) -> str:
    stream = io.StringIO()
    write_json(glossary.concepts, glossary.sources, stream)
    return stream.getvalue()


def _read(text: str) -> Glossary:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.json"
        path.write_text(text, encoding="utf-8")
        return read_json(path)


def _check_same(read: Glossary, written: Glossary) -> None:
    assert list(read) == list(written)
    cited = {c.source for concept in written for c in concept.citations}
    assert dict(read.sources) == {key: source for key, source in written.sources.items() if key in cited}


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_survive(glossary: Glossary) -> None:
    _check_same(_read(_json_text(glossary)), glossary)


def test_bundled_glossary_survives(glossary: Glossary) -> None:
    _check_same(_read(_json_text(glossary)), glossary)


def test_invalid_json_names_the_line() -> None:
    with pytest.raises(FormatError) as caught:
        _read('[\n  {"id": "a",\n   "zh": }\n]\n')
    assert caught.value.problem.line == 3


def test_structure_errors_name_the_concept_and_its_line(glossary: Glossary) -> None:
    records = json.loads(_json_text(glossary))
    records[1]["en"][0]["status"] = "prefered"
    text = json.dumps(records, ensure_ascii=False, indent=2)
    with pytest.raises(FormatError) as caught:
        _read(text)
    line = text.splitlines()[caught.value.problem.line - 1]
    assert line.strip() == f'"id": "{records[1]["id"]}",' and "bad status 'prefered'" in str(caught.value)


def test_invalid_content_lists_every_problem() -> None:
    manufacturing = load_glossary(next(p for p in bundled_files() if p.name == "manufacturing-base.toml"))
    records = json.loads(_json_text(manufacturing))
    records[0]["pinyin"] = "lian4"
    records[2] |= {key: records[3][key] for key in ("zh", "pinyin", "pinyin_written", "traditional_by_tag")}
    with pytest.raises(GlossaryError) as caught:
        _read(json.dumps(records, ensure_ascii=False, indent=2))
    messages = [p.message for p in caught.value.problems]
    assert "1 syllables for the 5 characters" in messages[0] and "generated pinyin is used instead" in messages[0]
    assert "is already a term of concept" in messages[1]
    assert messages[2:] == [f"concept {records[3]['id']!r} not imported: no valid Chinese term"]
    assert all(p.line > 1 for p in caught.value.problems)
