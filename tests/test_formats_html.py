"""The HTML export without a browser: what the page holds, its search keys, and how its folder is written.
The page's behaviour in a browser is tested in test_html_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from henan_terms import Glossary, load_glossary
from henan_terms.cli import main
from henan_terms.errors import UsageError
from henan_terms.formats.html import ASSETS, PAGE, inflections, search_keys, write_html
from henan_terms.model import Status
from henan_terms.output import replacing_folder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def page(glossary: Glossary, tmp_path_factory: pytest.TempPathFactory) -> html.HtmlElement:
    folder = tmp_path_factory.mktemp("site")
    write_html(glossary, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([PAGE, *ASSETS])
    return html.parse(str(folder / PAGE)).getroot()


def test_every_concept_is_in_the_section_of_its_file(page: html.HtmlElement, glossary: Glossary) -> None:
    for concept in glossary:
        (article,) = page.xpath(f'//article[@id="{concept.id}"]')
        (section,) = article.xpath("ancestor::section")
        assert section.get("aria-labelledby") == f"part_{Path(glossary.files[concept.id]).stem}"
    assert len(page.xpath("//section[@class='part']")) == len({Path(f).stem for f in glossary.files.values()}) > 1


def test_a_concept_shows_both_scripts_pinyin_and_its_renderings_by_status(page: html.HtmlElement) -> None:
    (chain,) = page.xpath('//article[@id="industrial-chain-leader-system"]')
    assert chain.xpath(".//h3/span[@lang='zh-Hans']/text()") == ["链长制"]
    assert chain.xpath(".//h3/span[@lang='zh-Hant']/text()") == ["鏈長制"]
    assert chain.xpath(".//h3/span[@class='pinyin']/text()") == ["liàn zhǎng zhì"]
    assert chain.xpath(".//li[@class='preferred']/strong/text()") == ["industrial chain leader system"]
    assert chain.xpath(".//li[@class='admitted']/span[2]/text()") == ["chain chief system"]
    assert not chain.xpath(".//del")  # the near miss: nothing deprecated, nothing struck through
    assert chain.get("data-status") == "admitted preferred" and chain.get("data-subject") == "industrial policy"


def test_a_deprecated_rendering_is_struck_through_with_the_one_to_use(page: html.HtmlElement) -> None:
    (dipper,) = page.xpath('//article[@id="beidou"]//li[@class="deprecated"]')
    assert dipper.xpath("del/text()") == ["Dipper"] and dipper.xpath("ins/text()") == ["BeiDou"]
    assert "deprecated" in dipper.text_content() and "use BeiDou" in dipper.text_content()
    # 北斗 is written alike in both scripts: its traditional form is not repeated
    assert not page.xpath('//article[@id="beidou"]//h3/span[@lang="zh-Hant"]')


def test_citations_link_to_their_pages_and_name_seeds(page: html.HtmlElement, glossary: Glossary) -> None:
    concept = glossary.get("beidou")
    items = page.xpath('//article[@id="beidou"]//dt[.="Sources"]/following-sibling::dd[1]/ol/li')
    assert len(items) == len(concept.citations)
    for item, citation in zip(items, concept.citations, strict=True):
        source = glossary.sources[citation.source]
        assert source.title in item.text_content()
        assert item.xpath("a/@href") == ([source.url] if source.url else [])
    assert any(not glossary.sources[c.source].url for c in concept.citations)  # a seed: text, no link
    assert any(glossary.sources[c.source].url for c in concept.citations)


def test_the_search_keys_are_those_of_lookup(glossary: Glossary, page: html.HtmlElement) -> None:
    """Keys of both scripts, toneless pinyin and folded English (the browser tests check that the page
    finds what lookup finds for every form of every concept)."""
    assert search_keys(glossary.get("longtou-leading-enterprise")) == [
        ["龙头企业", "龍頭企業", "行业龙头", "行業龍頭"],
        ["longtouqiye", "hangyelongtou"],
        ["lead enterprise"],
    ]
    data = json.loads(page.xpath('//script[@id="ht_data"]/text()')[0])
    assert data["keys"]["industrial-chain-leader-system"] == [
        ["链长制", "鏈長制"],
        ["lianzhangzhi"],
        ["industrial chain leader system", "chain chief system"],
    ]
    assert data["simplified"]["鏈"] == "链" and "链" not in data["simplified"]


def test_the_inflection_table_maps_forms_to_base_forms_and_keeps_derivations_apart(glossary: Glossary) -> None:
    table = inflections(glossary)
    assert table["enterprises"] == "enterprise" and table["industries"] == "industry"
    assert table["led"] == "lead"
    assert "industrial" not in table and "enterprise" not in table  # a derivation, and a base form


def test_the_glossary_names_the_file_of_each_concept(tmp_path: Path) -> None:
    files = [ROOT / "glossaries" / "manufacturing-emerging.toml", ROOT / "glossaries" / "policy-carriers.toml"]
    glossary = load_glossary(*files, cache=False)
    assert glossary.files["beidou"] == str(files[0])
    assert {Path(f).name for f in glossary.files.values()} == {f.name for f in files}


def _run(*args: str) -> int:
    return main(list(args))


def test_export_writes_a_folder_and_replaces_an_earlier_export_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()  # an empty folder is written into
    assert _run("export", "--format", "html", "-o", str(site)) == 0
    (site / PAGE).write_text("edited", encoding="utf-8")
    capsys.readouterr()
    assert _run("export", "--format", "html", "-o", str(site)) == 2
    assert "is not empty; give --force" in capsys.readouterr().err
    assert (site / PAGE).read_text(encoding="utf-8") == "edited"
    assert _run("export", "--format", "html", "-o", str(site), "--force") == 0
    assert sorted(p.name for p in site.iterdir()) == sorted([PAGE, *ASSETS])
    assert "<article" in (site / PAGE).read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing left beside it


def test_export_never_replaces_a_folder_of_other_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert _run("export", "--format", "html", "-o", str(tmp_path), "--force") == 2
    assert "holds other files than this export writes (notes.txt)" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_export_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("export", "--format", "html") == 2
    assert "-o DIR" in capsys.readouterr().err
    file = tmp_path / "page.html"
    file.write_text("mine", encoding="utf-8")
    assert _run("export", "--format", "html", "-o", str(file), "--force") == 2
    assert "is a file" in capsys.readouterr().err and file.read_text(encoding="utf-8") == "mine"
    assert _run("export", "--format", "html", "-o", str(tmp_path / "no" / "site")) == 2
    assert "no folder" in capsys.readouterr().err


def test_no_deprecated_leaves_deprecated_renderings_off_the_page(tmp_path: Path) -> None:
    assert _run("export", "--format", "html", "--no-deprecated", "-o", str(tmp_path / "site")) == 0
    text = (tmp_path / "site" / PAGE).read_text(encoding="utf-8")
    assert "Dipper" not in text and "BeiDou" in text and "<del>" not in text


def test_a_failed_write_leaves_the_old_folder_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing_folder(site, force=True, ours=["old.html"]) as temporary:
        (temporary / PAGE).write_text("half", encoding="utf-8")
        raise RuntimeError("stopped halfway")
    assert [p.name for p in site.iterdir()] == ["old.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    with replacing_folder(site, force=True, ours=["old.html"]) as temporary:
        (temporary / PAGE).write_text("new", encoding="utf-8")
    assert [p.name for p in site.iterdir()] == [PAGE]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_filled_while_writing_is_not_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with pytest.raises(UsageError, match="not empty"), replacing_folder(site) as temporary:
        (temporary / PAGE).write_text("new", encoding="utf-8")
        site.mkdir()
        (site / "theirs.html").write_text("theirs", encoding="utf-8")
    assert [p.name for p in site.iterdir()] == ["theirs.html"]


def test_statuses_offered_by_the_filter_are_the_model_s(page: html.HtmlElement) -> None:
    values = page.xpath('//select[@id="ht_state"]/option/@value')
    assert values == ["", *[status.value for status in Status]]
