"""Linting files from Python does what ``henan-terms lint`` does: configuration, glossaries, drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from henan_terms.errors import UsageError
from henan_terms.lint import lint_files


def _pair(folder: Path) -> tuple[Path, Path]:
    source, draft = folder / "zh.txt", folder / "en.txt"
    source.write_text("前瞻布局北斗应用。\n", encoding="utf-8")
    draft.write_text("We will plan Dipper applications.\n", encoding="utf-8")
    return source, draft


def test_the_nearest_configuration_and_its_glossary_are_used(tmp_path: Path) -> None:
    source, draft = _pair(tmp_path)
    (tmp_path / "terms.csv").write_text("zh,en,status\n北斗,Big Dipper,preferred\n", encoding="utf-8")
    (tmp_path / "henan-terms.toml").write_text('glossaries = ["terms.csv"]\n', encoding="utf-8")
    run = lint_files([draft], source=source, start=tmp_path)
    assert run.config.path == tmp_path / "henan-terms.toml" and len(run.glossary) == 1
    assert [(f.check, f.expected) for f in run.report.findings] == [("missing-rendering", "Big Dipper")]


def test_given_glossaries_and_checks_win_over_the_configuration(tmp_path: Path) -> None:
    source, draft = _pair(tmp_path)
    (tmp_path / "henan-terms.toml").write_text('select = ["number-mismatch"]\n', encoding="utf-8")
    run = lint_files([draft], source=source, start=tmp_path, select=["deprecated-rendering"])
    assert [(f.check, f.found) for f in run.report.findings] == [("deprecated-rendering", "Dipper")]
    assert run.report.checks == ("deprecated-rendering",)


def test_no_draft_or_a_source_with_two_drafts_is_a_usage_error(tmp_path: Path) -> None:
    source, draft = _pair(tmp_path)
    with pytest.raises(UsageError, match="give a draft"):
        lint_files([])
    with pytest.raises(UsageError, match="exactly one draft"):
        lint_files([draft, draft], source=source)
