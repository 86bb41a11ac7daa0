"""Shared fixtures: the bundled glossary and the read-only material in ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from henan_terms import Glossary, load_glossary

ROOT = Path(__file__).resolve().parent.parent


def shared_path(relative: str) -> Path:
    """A file of the shared material; skips the test when it is absent (fails in CI)."""
    base = Path(os.environ.get("HENAN_TERMS_SHARED", ROOT.parent / "shared"))
    path = base / relative
    if not path.exists():
        message = f"shared material not found: {path}"
        if os.environ.get("HENAN_TERMS_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session", autouse=True)
def _glossary_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Loaded glossaries are cached in a folder of the test session, never in the user's cache."""
    before = os.environ.get("HENAN_TERMS_CACHE_DIR")
    os.environ["HENAN_TERMS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["HENAN_TERMS_CACHE_DIR"]
    else:
        os.environ["HENAN_TERMS_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary()
