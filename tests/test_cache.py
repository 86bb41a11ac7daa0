"""The glossary cache: the same files load from it, a change or a new version rebuilds, a broken
entry or an unwritable folder never makes a load fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from henan_terms import GlossaryError, cache, load_glossary, loader, lookup
from henan_terms.lint import Linter, SegmentPair

TERMS = "zh,en,status\n北斗,BeiDou,preferred\n"


def _refuse_to_build(*_: object) -> None:
    raise AssertionError("built again instead of taken from the cache")


@pytest.fixture
def terms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HENAN_TERMS_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "terms.csv"
    path.write_text(TERMS, encoding="utf-8")
    return path


def test_the_same_files_load_from_the_cache(terms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_glossary(terms)
    monkeypatch.setattr(loader, "_load", _refuse_to_build)
    again = load_glossary(terms)
    assert again.concepts == first.concepts and again.digest == first.digest
    with pytest.raises(AssertionError, match="built again"):
        load_glossary(terms, cache=False)


def test_a_changed_file_is_loaded_again(terms: Path) -> None:
    assert [c.zh for c in load_glossary(terms)] == ["北斗"]
    terms.write_text(TERMS + "链长制,chain leader system,preferred\n", encoding="utf-8")
    assert [c.zh for c in load_glossary(terms)] == ["北斗", "链长制"]


def test_another_version_does_not_use_the_entry(terms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_glossary(terms)
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    monkeypatch.setattr(loader, "_load", _refuse_to_build)
    with pytest.raises(AssertionError, match="built again"):
        load_glossary(terms)


def test_a_broken_entry_is_rebuilt_and_replaced(terms: Path) -> None:
    load_glossary(terms)
    (entry,) = cache.cache_folder().glob("glossary-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert [c.zh for c in load_glossary(terms)] == ["北斗"]
    assert entry.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_folder_is_left_alone(terms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = terms.parent / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("HENAN_TERMS_CACHE_DIR", str(blocker / "cache"))
    assert [c.zh for c in load_glossary(terms)] == ["北斗"]
    assert list(terms.parent.glob("**/.glossary-*")) == []


def test_an_invalid_glossary_is_never_cached(terms: Path) -> None:
    terms.write_text("zh,en,status\n北斗,BeiDou,prefered\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="bad status"):
        load_glossary(terms)
    assert list(cache.cache_folder().glob("glossary-*")) == []


def test_a_cached_glossary_brings_its_term_spotters(terms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [SegmentPair("前瞻布局北斗应用", "We will plan Dipper applications.")]
    fresh = Linter(load_glossary(terms)).lint(pairs)  # built, then stored with its spotters
    assert [f.check for f in fresh.findings] == ["missing-rendering"]
    for name in ("SourceSpotter", "TargetSpotter"):
        monkeypatch.setattr(lookup, name, _refuse_to_build)
    assert Linter(load_glossary(terms)).lint(pairs).findings == fresh.findings
    with pytest.raises(AssertionError, match="built again"):
        Linter(load_glossary(terms, cache=False))


def test_an_entry_of_other_class_definitions_is_not_used(terms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_glossary(terms)
    monkeypatch.setattr(cache, "_RECORDS", b"another definition of the records or the index")
    monkeypatch.setattr(loader, "_load", _refuse_to_build)
    with pytest.raises(AssertionError, match="built again"):
        load_glossary(terms)
