"""A real CAT tool reads what we write: Debian's OmegaT 3.6 translates from the memory's TMX export and
reads the glossary's TBX 2008 and OmegaT exports with its own glossary readers.

One OmegaT project serves the module: ``tm/auto/`` holds the memory's export, ``source/`` a Chinese
file made from the memory's units, and ``omegat --mode=console-translate`` writes ``target/``. The
glossary readers, which console mode never calls, run in ``omegat/ReadGlossaries.java`` (the JDK's
source launcher, OmegaT.jar on the class path) on the same project. The tests skip with their reason
where OmegaT or Java is absent, and are required in CI (``HENAN_TERMS_REQUIRE_OMEGAT=1``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from henan_terms import Glossary
from henan_terms.cli import cli
from henan_terms.model import Status, TMUnit
from henan_terms.tm.sentences import split_chinese
from henan_terms.tm.store import open_tm

from .conftest import shared_path

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")  # where Debian's omegat package puts it
READER = Path(__file__).parent / "omegat" / "ReadGlossaries.java"
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>source/</source_dir>
    <source_dir_excludes/>
    <target_dir>target/</target_dir>
    <tm_dir>tm/</tm_dir>
    <glossary_dir>glossary/</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary/</dictionary_dir>
    <source_lang>zh-CN</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
INLINE_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
 adminlang="en" srclang="zh-CN" datatype="html"/><body>
<tu><tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>头雁<ept i="1">&lt;/b&gt;</ept>企业带动产业链发展。</seg></tuv>
<tuv xml:lang="en-US">
<seg><bpt i="1">&lt;b&gt;</bpt>Lead-goose<ept i="1">&lt;/b&gt;</ept> enterprises drive the chain.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>亩均效益<ph x="1">&lt;br/&gt;</ph>评价改革持续深化。</seg></tuv>
<tuv xml:lang="en-US"><seg>Per-mu<ph x="1">&lt;br/&gt;</ph> benefit evaluation reform deepens.</seg></tuv></tu>
</body></tmx>
"""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNSTORED = "这句话不在记忆库里。"  # the near miss: OmegaT must leave it untranslated


def _require_omegat() -> None:
    missing = [name for name in ("omegat", "java") if shutil.which(name) is None]
    if not OMEGAT_JAR.is_file():
        missing.append(str(OMEGAT_JAR))
    if missing:
        message = f"OmegaT or Java missing ({', '.join(missing)}): apt-get install omegat default-jdk-headless"
        if os.environ.get("HENAN_TERMS_REQUIRE_OMEGAT") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _units() -> list[TMUnit]:
    """Units with what a memory may hold besides text: properties, notes, dates, traditional script."""
    return [
        TMUnit(
            "坚持以链长制为抓手，推动产业链提质增效。",
            "Use the chain leader system to make industrial chains better and more efficient.",
            origin="test#p1",
            confidence=0.8,
            created=datetime(2023, 3, 23, tzinfo=UTC),
            properties=(("aligner", "gale-church"), ("note", "checked"), ("target:note", "reviewed")),
            tuid="p1-1",
        ),
        TMUnit(
            "全面推行鏈長制，推進技改。",
            "Apply the chain leader system in full and push technical upgrades.",
            source_lang="zh-TW",
        ),
        TMUnit("“四基”<产业>&配套能力不断增强。", "The “four basics” <industries> & support keep growing stronger."),
    ]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project, translated by OmegaT; its memory is the seed memory plus the units above."""
    _require_omegat()
    base = tmp_path_factory.mktemp("omegat")
    db = str(base / "memory.db")
    seeds = [shared_path(f"corpus/henan-{name}.txt") for name in ("advanced-manufacturing", "industry-carriers")]
    runner = CliRunner()
    assert runner.invoke(cli, ["tm", "build", *map(str, seeds), "--db", db]).exit_code == 0
    (base / "codes.tmx").write_text(INLINE_CODES, encoding="utf-8")
    with open_tm(db) as memory:
        memory.add(_units())
        memory.import_file(base / "codes.tmx")
    root = base / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):  # OmegaT needs them all
        (root / folder).mkdir(parents=True)
    (root / "omegat.project").write_text(PROJECT, encoding="utf-8")
    result = runner.invoke(cli, ["tm", "export", "--db", db, "-o", str(root / "tm/auto/memory.tmx")])
    assert result.exit_code == 0, result.output
    with open_tm(db) as memory:
        stored = list(memory.units())
    (root / "source/memory.txt").write_text(
        "\n\n".join([*(unit.source for unit in stored), UNSTORED]) + "\n", encoding="utf-8"
    )
    (base / "stored.txt").write_text("\n\n".join(unit.target for unit in stored) + "\n", encoding="utf-8")
    home = base / "home"  # OmegaT writes its preferences and logs into the user's home
    home.mkdir()
    done = subprocess.run(
        ["omegat", "--mode=console-translate", str(root)],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def _paragraphs(path: Path) -> list[str]:
    return [part.strip() for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]


def _outcomes(project: Path) -> list[tuple[str, str, str]]:
    """(stored source, stored target, OmegaT's target) for every stored unit, in order."""
    sources = _paragraphs(project / "source/memory.txt")
    stored = _paragraphs(project.parent / "stored.txt")
    translated = _paragraphs(project / "target/memory.txt")
    assert len(sources) == len(translated) == len(stored) + 1
    assert translated[-1] == UNSTORED  # a sentence the memory lacks stays Chinese
    return list(zip(sources, stored, translated, strict=False))


def test_every_stored_sentence_comes_out_with_our_english(project: Path) -> None:
    sentences = [(target, out) for source, target, out in _outcomes(project) if len(split_chinese(source)) == 1]
    assert len(sentences) > 40
    assert [out for _, out in sentences] == [target for target, _ in sentences]


def test_units_of_several_sentences_are_segmented_by_omegat_and_not_matched(project: Path) -> None:
    """OmegaT's sentence segmentation splits a unit the aligner made of two Chinese sentences (2:1), and
    it matches whole segments only: neither half is translated."""
    merged = [(source, out) for source, _, out in _outcomes(project) if len(split_chinese(source)) > 1]
    assert merged
    assert all(out.replace(" ", "") == source.replace(" ", "") for source, out in merged)


def test_the_export_holds_what_the_project_is_meant_to_test(project: Path) -> None:
    stored = set(_paragraphs(project.parent / "stored.txt"))
    assert {unit.target for unit in _units()} <= stored
    assert "Lead-goose enterprises drive the chain." in stored  # inline codes left out on import
    assert "Per-mu benefit evaluation reform deepens." in stored
    tmx = etree.parse(str(project / "tm/auto/memory.tmx"))
    [unit] = tmx.xpath("//tu[@tuid='p1-1']")
    assert [(p.get("type"), p.text) for p in unit.iterfind("prop")] == [
        ("x-origin", "test#p1"),
        ("x-confidence", "0.8"),
        ("aligner", "gale-church"),
    ]
    assert unit.findtext("note") == "checked" and unit.findtext("tuv[2]/note") == "reviewed"
    assert tmx.xpath("//tu[@srclang='zh-TW']/tuv[1]/seg/text()") == ["全面推行鏈長制，推進技改。"]


# Glossary ---------------------------------------------------------------------------------------------

EXPORTS = {  # file name: export options; the TSV reader takes *.utf8 as UTF-8 and guesses the encoding of *.txt
    "default.tbx": ["--format", "tbx2008"],
    "default.utf8": ["--format", "tsv-omegat"],
    "default.txt": ["--format", "tsv-omegat"],
    "everything.tbx": ["--format", "tbx2008", "--deprecated"],
    "everything.utf8": ["--format", "tsv-omegat", "--deprecated"],
}


@pytest.fixture(scope="module")
def offered(project: Path) -> dict[str, list[tuple[str, str]]]:
    """The (source, target) entries OmegaT's glossary readers find in each export, read in a C locale
    (where Java's default charset is ASCII), after loading the project through OmegaT's API."""
    folder = project.parent / "glossaries"
    folder.mkdir()
    for name, options in EXPORTS.items():
        result = CliRunner().invoke(cli, ["export", *options, "-o", str(folder / name)])
        assert result.exit_code == 0, result.output
    done = subprocess.run(
        ["java", "-cp", str(OMEGAT_JAR), str(READER), str(project), *(str(folder / name) for name in EXPORTS)],
        env={**os.environ, "HOME": str(project.parent / "home"), "LC_ALL": "C"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    entries: dict[str, list[tuple[str, str]]] = {name: [] for name in EXPORTS}
    for line in done.stdout.splitlines():  # OmegaT logs to standard output too
        name, *fields = line.split("\t")
        if name in entries:
            entries[name].append((fields[0], fields[1]))
    return entries


def _tbx_pairs(path: Path) -> int:
    """Chinese terms in either script times English terms, summed over the entries: what OmegaT lists."""
    count = 0
    for entry in etree.parse(str(path)).iterfind("text/body/termEntry"):
        sections = [(section.get(XML_LANG, ""), len(section.findall("tig"))) for section in entry.iterfind("langSet")]
        chinese = sum(n for lang, n in sections if lang.startswith("zh"))
        count += chinese * sum(n for lang, n in sections if lang == "en")
    return count


def _pairs(glossary: Glossary, *statuses: Status) -> set[tuple[str, str]]:
    return {(t.text, r.text) for c in glossary for t in c.terms for r in c.renderings if r.status in statuses}


def test_omegat_reads_every_line_of_our_tsv(offered: dict[str, list[tuple[str, str]]], glossary: Glossary) -> None:
    everything = sum(len(c.terms) * len(c.renderings) for c in glossary)
    assert len(offered["everything.utf8"]) == everything
    usable = _pairs(glossary, Status.PREFERRED, Status.ADMITTED)
    for name in ("default.utf8", "default.txt"):
        assert set(offered[name]) == usable, name
        assert len(offered[name]) == sum(
            len(c.terms) * sum(r.status is not Status.DEPRECATED for r in c.renderings) for c in glossary
        )


def test_omegat_reads_every_term_of_our_tbx(project: Path, offered: dict[str, list[tuple[str, str]]]) -> None:
    folder = project.parent / "glossaries"
    for name in ("default.tbx", "everything.tbx"):
        assert len(offered[name]) == _tbx_pairs(folder / name) > 0, name
    sources = {source for source, _ in offered["default.tbx"]}
    assert {"链长制", "鏈長制"} <= sources  # traditional forms are source terms too (zh-Hant, zh-TW, zh-HK)


def test_no_deprecated_rendering_is_offered_by_default(
    offered: dict[str, list[tuple[str, str]]], glossary: Glossary
) -> None:
    deprecated = _pairs(glossary, Status.DEPRECATED)
    assert ("北斗", "Dipper") in deprecated
    for name in ("default.tbx", "default.utf8", "default.txt"):
        assert not deprecated & set(offered[name]), name
        assert ("北斗", "BeiDou") in offered[name], name
    for name in ("everything.tbx", "everything.utf8"):  # the near miss: OmegaT offers all it is given
        assert ("北斗", "Dipper") in offered[name], name
