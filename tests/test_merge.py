from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from henan_terms import GlossaryError, HenanTermsError, load_glossary
from henan_terms.cli import cli
from henan_terms.merge import MergeClash, merge_glossary

TARGET = """\
[glossary]
title = "Team glossary"

[sources.team]
title = "Team decisions"

[[concept]]
id = "chain-leader-system"
zh = "链长制"
pinyin = "liàn zhǎng zhì"
source = "team"

[[concept.en]]
text = "chain leader system"
status = "preferred"
source = "team"
"""

DRAFT = """\
[glossary]
title = "Draft"

[sources.extracted]
title = "Term candidates extracted from bilingual documents"

[[concept]]
id = "three-batches"
zh = "三个一批"
pinyin = "sān gè yī pī"
source = "extracted#henan.txt:2"
note = "extracted: 2× in 1 document"

[[concept.en]]
text = "Three Batches"
status = "admitted"
source = "extracted#henan.txt:2"
"""


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "team.toml"
    path.write_text(TARGET, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_merge_appends_concepts_and_sources(tmp_path: Path, target: Path) -> None:
    merged = merge_glossary(write(tmp_path, "draft.toml", DRAFT), target)
    assert (merged.concepts, merged.sources) == (1, 1)
    glossary = load_glossary(target)
    assert [c.id for c in glossary] == ["chain-leader-system", "three-batches"]
    assert glossary.get("three-batches").note == "extracted: 2× in 1 document"
    assert set(glossary.sources) == {"team", "extracted"}
    assert target.read_text(encoding="utf-8").startswith(TARGET)  # the old text is kept as it was
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_merge_twice_from_the_same_source_declares_it_once(tmp_path: Path, target: Path) -> None:
    merge_glossary(write(tmp_path, "draft.toml", DRAFT), target)
    second = DRAFT.replace("three-batches", "four-bases").replace("三个一批", "四基").replace("sān gè yī pī", "sì jī")
    merged = merge_glossary(write(tmp_path, "second.toml", second.replace("Three Batches", "Four Bases")), target)
    assert merged.sources == 0
    assert target.read_text(encoding="utf-8").count("[sources.extracted]") == 1
    assert len(load_glossary(target)) == 3


def test_merge_takes_a_csv_draft(tmp_path: Path, target: Path) -> None:
    draft = write(
        tmp_path,
        "draft.csv",
        "zh,en,status,id,source\n四基,four bases,admitted,four-bases,extracted from henan.txt:9\n",
    )
    merge_glossary(draft, target)
    assert load_glossary(target).get("four-bases").renderings[0].text == "four bases"


def test_every_clash_is_listed_and_nothing_is_written(tmp_path: Path, target: Path) -> None:
    clashing = DRAFT.replace('id = "three-batches"', 'id = "chain-leader-system"').replace("三个一批", "链长制")
    clashing = clashing.replace("sān gè yī pī", "liàn zhǎng zhì")
    clashing = clashing.replace('title = "Term candidates', 'title = "Other')
    clashing = clashing.replace("[sources.extracted]", "[sources.team]").replace("extracted#", "team#")
    with pytest.raises(MergeClash) as raised:
        merge_glossary(write(tmp_path, "draft.toml", clashing), target)
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 3
    assert "concept id 'chain-leader-system' is already used" in messages[0]
    assert "链长制 (chain-leader-system) is already in concept 'chain-leader-system'" in messages[1]
    assert "source 'team' is declared differently" in messages[2]
    assert target.read_text(encoding="utf-8") == TARGET


def test_an_invalid_draft_is_refused(tmp_path: Path, target: Path) -> None:
    with pytest.raises(GlossaryError):
        merge_glossary(write(tmp_path, "draft.toml", DRAFT.replace('status = "admitted"', 'status = "ok"')), target)
    assert target.read_text(encoding="utf-8") == TARGET


def test_only_a_toml_target(tmp_path: Path) -> None:
    draft = write(tmp_path, "draft.toml", DRAFT)
    other = write(tmp_path, "team.csv", "zh,en,status\n链长制,chain leader system,preferred\n")
    with pytest.raises(HenanTermsError, match="TOML"):
        merge_glossary(draft, other)


def test_cli_merge_and_its_exit_codes(tmp_path: Path, target: Path) -> None:
    draft = write(tmp_path, "draft.toml", DRAFT)
    result = CliRunner().invoke(cli, ["merge", str(draft), str(target)])
    assert result.exit_code == 0 and "merged 1 concepts and 1 sources" in result.output
    result = CliRunner().invoke(cli, ["merge", str(draft), str(target)])  # now every term clashes
    assert result.exit_code == 2 and "clashes, nothing merged" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["merge", str(tmp_path / "missing.toml"), str(target)])
    assert result.exit_code == 2 and "cannot read" in result.output
