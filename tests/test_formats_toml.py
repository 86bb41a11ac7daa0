"""The TOML writer: what it writes, load_glossary reads back unchanged; imported glossaries become valid."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from attrs import evolve
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from henan_terms import Citation, Glossary, Source, load_glossary
from henan_terms.cli import cli
from henan_terms.errors import GlossaryError
from henan_terms.formats.cedict import read_cedict
from henan_terms.formats.toml import ID_PATTERN, concept_ids, curated_written, slug, write_toml
from henan_terms.lint import Linter, SegmentPair

from .conftest import shared_path
from .strategies import glossaries

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _round_trip(glossary: Glossary, source: Source | None = None) -> tuple[Glossary, str]:
    stream = io.StringIO()
    write_toml(glossary, stream, source=source)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "written.toml"
        path.write_text(stream.getvalue(), encoding="utf-8")
        return load_glossary(path), stream.getvalue()


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_survive_unchanged(glossary: Glossary) -> None:
    """TOML carries everything: concepts compare equal, sources too."""
    read, _ = _round_trip(glossary)
    assert read.concepts == glossary.concepts
    assert dict(read.sources) == dict(glossary.sources)


def test_bundled_glossary_survives_unchanged(glossary: Glossary) -> None:
    read, text = _round_trip(glossary)
    assert read.concepts == glossary.concepts
    assert dict(read.sources) == dict(glossary.sources)
    assert text.split("\n", 2)[2] == _round_trip(read)[1].split("\n", 2)[2]  # stable, but for the title


def test_output_reads_like_the_curated_files(glossary: Glossary) -> None:
    """Only what the loader would not generate is written: pinyin always, the rest where curated."""
    _, text = _round_trip(glossary)
    assert text.startswith('[glossary]\ntitle = "henan"\n\n[sources.')
    assert '\n[sources.advanced-manufacturing]\nkind = "seed"\n' in text
    block = text[text.index('id = "technological-transformation"') :].split("\n\n[[concept]]")[0]
    assert 'zh = "技术改造"\npinyin = "jì shù gǎi zào"\n' in block
    assert '[[concept.form]]\nzh = "技改"\npinyin = "jì gǎi"\ntype = "abbreviation"\n' in block
    assert "traditional" not in block  # OpenCC's forms are not repeated
    curated = [t.text for c in glossary for t in c.terms if curated_written(t)]
    assert 20 < len(curated) == text.count("pinyin_written = ")  # the curated written forms, and only those
    assert max(len(line) for line in text.splitlines()) < 400


def test_csv_glossary_gets_valid_ids_and_a_source_to_cite(tmp_path: Path) -> None:
    """A CSV without ids or citations: ids come from the English, uncited parts cite the glossary."""
    path = tmp_path / "my-terms.csv"
    path.write_text(
        "zh,en,status\n北斗,BeiDou,preferred\n北斗,Dipper,deprecated\n链长制,Chain (leader) system,admitted\n"
        "链主,BeiDou,admitted\n",
        encoding="utf-8",
    )
    imported = load_glossary(path)
    assert [c.id for c in imported] == ["北斗", "链长制", "链主"]
    read, text = _round_trip(imported)
    assert [c.id for c in read] == ["beidou", "chain-leader-system", "beidou-2"]
    assert '[sources.my-terms]\nkind = "publication"\ntitle = "Glossary my-terms, imported without citations"' in text
    assert all(part.citations == (Citation("my-terms"),) for c in read for part in (*c.terms, *c.renderings))
    assert [[(r.text, r.status) for r in c.renderings] for c in read] == [
        [(r.text, r.status) for r in c.renderings] for c in imported
    ]


def test_free_text_citations_are_declared(tmp_path: Path) -> None:
    path = tmp_path / "cited.csv"
    path.write_text(
        "zh,en,status,source\n北斗,BeiDou,preferred,MIIT 2021\n链主,chain owner,admitted,seed#p3\n", "utf-8"
    )
    read, text = _round_trip(load_glossary(path), source=Source("mine", "My notes"))
    assert '[sources."MIIT 2021"]\nkind = "publication"\ntitle = "MIIT 2021"' in text
    assert "[sources.seed]" in text and "[sources.mine]" not in text
    assert read.concepts[1].renderings[0].citations == (Citation("seed", "p3"),)


def test_ids_are_unique_and_valid(glossary: Glossary) -> None:
    assert slug("Industrial chain (leader) système") == "industrial-chain-leader-systeme"
    concept = glossary.concepts[0]
    ids = concept_ids(
        [evolve(concept, id=i) for i in ["ok-id", "北斗", "ok-id", "x y", "chain-based-cluster-development"]]
    )
    assert ids[0] == "ok-id" and ids[-1] == "chain-based-cluster-development"
    assert len(set(ids)) == 5 and all(ID_PATTERN.match(i) for i in ids)


def test_cedict_sample_survives_unchanged() -> None:
    """CEDICT's curated forms (names' written pinyin, traditional forms OpenCC does not give) are kept."""
    imported = read_cedict(shared_path("data/cedict_ts.u8"), limit=1500).glossary
    read, text = _round_trip(imported)
    assert read.concepts == imported.concepts
    assert dict(read.sources) == dict(imported.sources)
    names = [c for c in read if any(t.pinyin_written[:1].isupper() for t in c.terms)]
    assert names and text.count("pinyin_written = ") >= len(names)


def test_imported_pinyin_that_was_generated_stays_a_guess(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    rows = "锻长板,forge longer boards,preferred,\n链长制,chain system,preferred,liàn zhǎng zhì\n"
    source.write_text("zh,en,status,pinyin\n" + rows, "utf-8")
    target = tmp_path / "terms.toml"
    assert CliRunner().invoke(cli, ["import", str(source), "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert 'pinyin = "liàn zhǎng zhì"' in text  # given: curated
    assert "# pinyin generated, to check: duàn" in text and 'pinyin = "duàn' not in text  # a guess stays a guess
    assert [c.zh for c in load_glossary(target)] == ["锻长板", "链长制"]


WORDING = """
[glossary]
title = "Base words"
wording = "free"

[sources.gwr]
title = "Report on the Work of the Government"

[[concept]]
id = "consumption"
zh = "消费"
source = "gwr"
[[concept.en]]
text = "consumption"
status = "preferred"
source = "gwr"
[[concept.en]]
text = "consumerism"
status = "deprecated"
source = "gwr"

[[concept]]
id = "chain-leader-system"
zh = "链长制"
source = "gwr"
wording = "fixed"
[[concept.en]]
text = "industrial chain leader system"
status = "preferred"
source = "gwr"
"""


def test_a_free_wording_is_read_written_and_spares_missing_renderings_only(tmp_path: Path) -> None:
    path = tmp_path / "base.toml"
    path.write_text(WORDING, encoding="utf-8")
    glossary = load_glossary(path)
    assert [c.free_wording for c in glossary] == [True, False]  # the file's wording, unless the concept says
    out = io.StringIO()
    write_toml(glossary, out)
    again = tmp_path / "again.toml"
    again.write_text(out.getvalue(), encoding="utf-8")
    assert [c.free_wording for c in load_glossary(again)] == [True, False]

    def checks(source: str, target: str) -> list[str]:
        return [f.check for f in Linter(glossary).lint([SegmentPair(source, target)]).findings]

    assert checks("扩大消费", "boost spending") == []  # free: any word the sentence needs
    assert checks("扩大消费", "boost consumtion") == []  # and no near miss of one of its renderings
    assert checks("扩大消费", "boost consumerism") == ["deprecated-rendering"]  # still wrong
    assert checks("推行链长制", "apply a new system") == ["missing-rendering"]  # fixed: reported
    assert checks("推行链长制", "apply the industrial chain leader sistem") == ["variant-rendering"]


def test_an_unknown_wording_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(WORDING.replace('wording = "fixed"', 'wording = "loose"'), encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path)
    [problem] = raised.value.problems
    assert problem.line == 26 and "wording must be 'fixed' or 'free', not 'loose'" in problem.message
