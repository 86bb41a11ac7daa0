"""Each kind of bad input raises its own subclass of HenanTermsError, so scripts can tell them apart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from henan_terms import Glossary, HenanTermsError, load_glossary
from henan_terms.errors import ConfigError, FormatError, GlossaryError, TranslationMemoryError, UsageError
from henan_terms.exchange import import_glossary
from henan_terms.lint import Linter, load_config
from henan_terms.tm import open_tm


def test_the_kinds_of_error(tmp_path: Path, glossary: Glossary) -> None:
    bad_glossary = tmp_path / "g.csv"
    bad_glossary.write_text("zh,en,status\n北斗,BeiDou,prefered\n", encoding="utf-8")
    bad_config = tmp_path / "henan-terms.toml"
    bad_config.write_text('select = "x"\n', encoding="utf-8")
    bad_tbx = tmp_path / "g.tbx"
    bad_tbx.write_text("<tbx", encoding="utf-8")
    not_memory = tmp_path / "other.db"
    sqlite3.connect(not_memory).execute("CREATE TABLE t (x)").connection.close()
    cases = [
        (GlossaryError, lambda: load_glossary(bad_glossary)),
        (ConfigError, lambda: load_config(bad_config)),
        (FormatError, lambda: import_glossary(bad_tbx)),
        (TranslationMemoryError, lambda: open_tm(not_memory)),
        (TranslationMemoryError, lambda: open_tm(tmp_path / "none.db", create=False)),
        (UsageError, lambda: Linter(glossary).lint([], select=["no-such-check"])),
        (UsageError, lambda: import_glossary(tmp_path / "g.unknown")),
    ]
    for kind, call in cases:
        with pytest.raises(kind) as caught:
            call()
        assert isinstance(caught.value, HenanTermsError) and str(caught.value)
    assert not (tmp_path / "none.db").exists()
