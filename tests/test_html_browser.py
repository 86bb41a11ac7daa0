"""The HTML export in a real browser: Debian's chromium, driven through chromium-driver by Selenium.

The page is loaded from a file, as a reader opens it; queries are typed into its search box. Skipped
with the reason where the browser is absent, and required in CI (``HENAN_TERMS_REQUIRE_BROWSER=1``).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lemminflect import getInflection

from henan_terms import Glossary, chinese
from henan_terms.cli import main
from henan_terms.model import Status

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
WIDTH, HEIGHT = 1200, 900


def _require_browser() -> None:
    missing = [name for name, path in (("chromium", CHROMIUM), ("chromedriver", DRIVER)) if path is None]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        message = f"browser tests need {' and '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("HENAN_TERMS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require_browser()
    folder = tmp_path_factory.mktemp("site") / "glossary"
    assert main(["export", "--format", "html", "-o", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def browser(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
        f"--window-size={WIDTH},{HEIGHT}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser: Any, site: Path) -> Any:
    """The page freshly loaded from its file (a blank page first, so that the same address loads again)."""
    browser.get("about:blank")
    browser.get((site / "index.html").as_uri())
    browser.get_log("browser")  # start each test with an empty console
    return browser


def _type(driver: Any, query: str) -> None:
    box = driver.find_element("id", "ht_search")
    box.clear()
    box.send_keys(query)


def _shown(driver: Any) -> set[str]:
    ids: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('article.concept:not([hidden])')].map(a => a.id)"
    )
    return set(ids)


def _exact(driver: Any) -> set[str]:
    ids: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('article.concept.exact:not([hidden])')].map(a => a.id)"
    )
    return set(ids)


CHAIN, LONGTOU = "industrial-chain-leader-system", "longtou-leading-enterprise"


@pytest.mark.parametrize(
    "query",
    [
        "链长制",  # simplified
        "鏈長制",  # traditional
        "鏈长制",  # mixed script
        "liàn zhǎng zhì",  # tone marks
        "lian4 zhang3 zhi4",  # tone numbers
        "lianzhangzhi",  # no tones, no spaces
        "Lian Zhang Zhi",
        "industrial chain leader systems",  # English, inflected
    ],
)
def test_every_form_of_a_term_finds_its_concept_as_typed(page: Any, query: str) -> None:
    _type(page, query)
    assert _exact(page) == {CHAIN}
    assert "beidou" not in _shown(page)
    status = page.find_element("id", "ht_status").text
    assert status.startswith(f"{len(_shown(page))} of ") and "1 exact" in status


def test_a_partly_typed_query_shows_what_contains_it_and_a_near_miss_shows_nothing(page: Any) -> None:
    _type(page, "lian4 zhang3")
    shown = _shown(page)
    assert CHAIN in shown and LONGTOU not in shown and not _exact(page)
    _type(page, "lian zhang zhi du")  # a syllable too many
    assert _shown(page) == set()
    assert page.find_element("id", "ht_none").is_displayed()


def test_english_in_any_inflection_finds_what_lookup_finds(page: Any, glossary: Glossary) -> None:
    _type(page, "Leading Enterprises")
    expected = {hit.concept.id for hit in glossary.lookup("leading enterprise")}
    assert LONGTOU in expected and _exact(page) == expected
    _type(page, "leading enterprise system")
    assert _shown(page) == set()


def _queries(glossary: Glossary) -> list[str]:
    """Every form of every term and rendering, in the styles a reader types, and near misses of them."""
    queries = []
    for concept in glossary:
        for term in concept.terms:
            queries += [term.text, *term.traditional_forms, term.pinyin, chinese.to_numbers(term.pinyin)]
            queries += [chinese.to_toneless(term.pinyin).replace(" ", ""), term.text[:-1], term.text + "区"]
        for rendering in concept.renderings:
            *words, last = rendering.text.split(" ")
            plural = " ".join([*words, getInflection(last, "NNS")[0] if getInflection(last, "NNS") else last])
            queries += [rendering.text, rendering.text.upper(), plural, "the " + rendering.text]
    return queries


def test_the_page_finds_exactly_what_lookup_finds_for_every_form(page: Any, glossary: Glossary) -> None:
    queries = _queries(glossary)
    found: list[list[str]] = page.execute_script(
        "return arguments[0].map(q => [...window.henanTerms.exact(q)].sort())", queries
    )
    differences = [
        (query, ids, sorted({hit.concept.id for hit in glossary.lookup(query)}))
        for query, ids in zip(queries, found, strict=True)
        if ids != sorted({hit.concept.id for hit in glossary.lookup(query)})
    ]
    assert differences == []
    assert sum(1 for ids in found if not ids) > len(glossary)  # the near misses find nothing, in both


def test_filters_by_domain_and_status(page: Any, glossary: Glossary) -> None:
    from selenium.webdriver.support.select import Select

    Select(page.find_element("id", "ht_domain")).select_by_value("technology")
    technology = {c.id for c in glossary if c.subject == "technology"}
    assert _shown(page) == technology and "beidou" in technology
    Select(page.find_element("id", "ht_state")).select_by_value("deprecated")
    deprecated = {c.id for c in glossary if c.renderings_with(Status.DEPRECATED)}
    assert _shown(page) == technology & deprecated and "beidou" in _shown(page)
    assert {c.id for c in glossary if c.subject == "technology" and not c.renderings_with(Status.DEPRECATED)}
    _type(page, "BeiDou")
    assert _shown(page) == {"beidou"}


def _in_view(driver: Any, concept_id: str) -> bool:
    script = """const box = document.getElementById(arguments[0]).getBoundingClientRect();
                return box.top >= 0 && box.top < innerHeight && !document.getElementById(arguments[0]).hidden"""
    return bool(driver.execute_script(script, concept_id))


def test_a_permalink_opens_its_concept_even_when_a_search_hides_it(page: Any, site: Path) -> None:
    page.get("about:blank")
    page.get((site / "index.html").as_uri() + "#beidou")
    assert page.execute_script("return document.querySelector(':target').id") == "beidou"
    assert _in_view(page, "beidou")
    _type(page, "链长制")
    page.execute_script(f"location.hash = '{CHAIN}'")
    assert _in_view(page, CHAIN) and "beidou" not in _shown(page) and not _in_view(page, "beidou")
    assert page.find_element("id", "ht_search").get_attribute("value") == "链长制"  # a shown concept keeps the search
    page.execute_script("location.hash = 'beidou'")
    assert _in_view(page, "beidou")
    assert page.find_element("id", "ht_search").get_attribute("value") == ""
    link = page.find_element("css selector", "#beidou a.permalink")
    assert link.get_attribute("href").endswith("index.html#beidou")


def test_no_console_errors_and_the_check_sees_one(page: Any) -> None:
    from selenium.webdriver.support.select import Select

    _type(page, "鏈長制")
    _type(page, "leading enterprises")
    Select(page.find_element("id", "ht_state")).select_by_value("admitted")
    page.execute_script("location.hash = 'beidou'")
    assert [entry for entry in page.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")] == []
    page.execute_script("console.error('a deliberate error')")
    assert [entry["level"] for entry in page.get_log("browser")] == ["SEVERE"]


def test_keyboard_and_labels(page: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.find_element("tag name", "h1").click()
    ActionChains(page).send_keys("/").perform()
    search = page.find_element("id", "ht_search")
    assert page.switch_to.active_element == search
    ActionChains(page).send_keys("beidou").perform()
    assert _shown(page) == {"beidou"}
    search.send_keys(Keys.ESCAPE)
    assert search.get_attribute("value") == "" and len(_shown(page)) > 1000
    unlabelled = page.execute_script(
        "return [...document.querySelectorAll('input, select')].filter(e => !e.labels.length"
        " || !e.labels[0].textContent.trim()).map(e => e.id)"
    )
    assert unlabelled == []


_CONTRAST = """
function rgb(text) { return text.match(/[\\d.]+/g).slice(0, 3).map(Number); }
function luminance(c) {
  const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const back = luminance(rgb(getComputedStyle(document.documentElement).backgroundColor));
return arguments[0].map(selector => {
  const fore = luminance(rgb(getComputedStyle(document.querySelector(selector)).color));
  return (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
});
"""


def test_text_contrast_is_at_least_four_and_a_half_to_one(page: Any) -> None:
    selectors = ["h1", "header p", "a", ".trad", ".pinyin", ".status.preferred", ".status.admitted"]
    selectors += [".status.deprecated", "del", ".note", "dt", "dd", "#ht_status"]
    ratios = page.execute_script(_CONTRAST, selectors)
    assert all(ratio >= 4.5 for ratio in ratios), dict(zip(selectors, ratios, strict=True))
    page.execute_script("document.querySelector('.note').style.color = '#aaaaaa'")  # near miss: too pale
    assert page.execute_script(_CONTRAST, [".note"])[0] < 4.5


def test_readable_on_a_phone(page: Any) -> None:
    page.set_window_size(390, 844)
    try:
        page.execute_script("location.hash = 'longtou-leading-enterprise'")
        widths = page.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1]  # nothing wider than the screen: no sideways scrolling
        fields = page.execute_script(
            "return [...document.querySelectorAll('#ht_controls .field')].map(f => f.getBoundingClientRect().width)"
        )
        assert all(width <= widths[1] for width in fields)
    finally:
        page.set_window_size(WIDTH, HEIGHT)


def test_print_leaves_the_controls_out_and_shows_every_concept(page: Any) -> None:
    displayed = "return getComputedStyle(document.getElementById(arguments[0])).display"
    assert page.execute_script(displayed, "ht_controls") != "none"
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert page.execute_script(displayed, "ht_controls") == "none"
        assert page.execute_script(displayed, "beidou") != "none"
        link = page.execute_script(
            "return getComputedStyle(document.querySelector('dd a[href^=http]'), '::after').content"
        )
        assert "http" in link  # the address of a cited page is printed
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def _ink(png: bytes) -> tuple[tuple[int, int], float, int]:
    """A screenshot's size, the share of its pixels that differ from its top-left one (the background),
    and its number of colours."""
    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = np.asarray(image).reshape(-1, 3)
    inked = (pixels != pixels[0]).any(axis=1).mean()
    return image.size, float(inked), len(np.unique(pixels, axis=0))


def test_a_screenshot_has_the_window_size_and_shows_the_page(page: Any) -> None:
    _type(page, "lianzhangzhi")
    size, ink, colours = _ink(page.get_screenshot_as_png())
    ratio = page.execute_script("return devicePixelRatio")
    inner = page.execute_script("return [innerWidth, innerHeight]")
    assert size == (round(inner[0] * ratio), round(inner[1] * ratio))
    assert ink > 0.05 and colours > 20
    page.get("about:blank")  # the near miss: a blank page fails the same check
    _, blank_ink, _ = _ink(page.get_screenshot_as_png())
    assert blank_ink < 0.01
