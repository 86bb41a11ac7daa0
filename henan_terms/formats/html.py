"""The glossary as a static web page: every concept written out in HTML (readable and printable without
script), with the search keys of :mod:`henan_terms.lookup` beside it, so that the page's search as you
type matches as ``henan-terms lookup`` does. The page and its stylesheet and script are self-contained:
nothing is fetched, and it works from ``file://`` as from any static host."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from lemminflect import getAllInflections, getAllInflectionsOOV
from lxml import html
from lxml.html import builder as E

from .. import chinese, english
from ..glossary import Glossary
from ..model import ChineseTerm, Citation, Concept, Rendering, Source, Status
from ..version import __version__

__all__ = [
    "ASSETS",
    "PAGE",
    "inflections",
    "search_data",
    "search_keys",
    "write_html",
]

PAGE = "index.html"
ASSETS = ("glossary.css", "glossary.js")
_ASSET_FOLDER = files(__package__) / "html_assets"


def write_html(glossary: Glossary, folder: Path) -> None:
    """Write the page and its assets into ``folder``, which exists (the caller makes it, atomically)."""
    for name in ASSETS:
        (folder / name).write_bytes((_ASSET_FOLDER / name).read_bytes())
    page = html.tostring(_page(glossary), doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    (folder / PAGE).write_text(page + "\n", encoding="utf-8")


def search_keys(concept: Concept) -> list[list[str]]:
    """The keys :class:`~henan_terms.lookup.TermIndex` files a concept under: Chinese in both scripts,
    pinyin (toneless, without spaces) and folded English."""
    chinese_keys = [form for term in concept.terms for form in (term.text, *term.traditional_forms)]
    pinyin_keys = [chinese.pinyin_key(term.pinyin) for term in concept.terms]
    english_keys = [english.fold(rendering.text) for rendering in concept.renderings]
    return [list(dict.fromkeys(keys)) for keys in (chinese_keys, pinyin_keys, english_keys)]


def inflections(concepts: Iterable[Concept]) -> dict[str, str]:
    """The words of the renderings and every inflected form of their base forms (by lemminflect), each
    mapped to its base form as :func:`henan_terms.english.fold` reads it, where that differs: the page
    folds a typed word with this table, so that "leading enterprises" finds "leading enterprise" as
    lookup does."""
    words = {word for concept in concepts for r in concept.renderings for word in english.word_forms(r.text)}
    forms = set(words)
    for base in {english.base_form(word) for word in words}:
        for table in (getAllInflections(base), getAllInflectionsOOV(base, upos="NOUN")):
            forms |= {form.lower() for group in table.values() for form in group}
    return {form: base for form in sorted(forms) if (base := english.base_form(form)) != form}


def search_data(glossary: Glossary) -> dict[str, Any]:
    """What the page's script searches: each concept's keys, the inflection table, and the simplified
    form of each traditional character of the glossary (so that a query in mixed script is matched)."""
    simplified = {
        traditional: simple
        for concept in glossary
        for term in concept.terms
        for form in term.traditional_forms
        if len(form) == len(term.text)
        for traditional, simple in zip(form, term.text, strict=True)
        if traditional != simple
    }
    return {
        "keys": {concept.id: search_keys(concept) for concept in glossary},
        "inflections": inflections(glossary),
        "simplified": simplified,
    }


def _page(glossary: Glossary) -> html.HtmlElement:
    groups: dict[str, list[Concept]] = {}
    for concept in glossary:
        name = Path(glossary.files.get(concept.id, glossary.name)).stem
        groups.setdefault(re.sub(r"\s+", "-", name), []).append(concept)
    subjects = sorted({concept.subject for concept in glossary if concept.subject}, key=str.casefold)
    data = json.dumps(search_data(glossary), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    title = f"Glossary {glossary.name}: Chinese–English policy terms"
    return E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content=f"henan-terms {__version__}"),
            E.TITLE(title),
            E.LINK(rel="stylesheet", href=ASSETS[0]),
        ),
        E.BODY(
            E.A("Skip to the glossary", href="#ht_main", **{"class": "skip"}),
            E.HEADER(
                E.H1(title),
                E.P(
                    f"{len(glossary)} concepts in {len(groups)} parts. Search any form: Chinese in either script, "
                    "pinyin with tone marks, tone numbers or none, English in any inflection.",
                ),
                _controls(subjects),
                E.NAV(
                    E.H2("Parts", id="ht_parts_title"),
                    E.UL(*[E.LI(E.A(_heading(name), href=f"#part_{name}")) for name in groups]),
                    **{"aria-labelledby": "ht_parts_title"},
                ),
            ),
            E.MAIN(
                *[_section(name, concepts, glossary.sources) for name, concepts in groups.items()],
                E.P("No concept matches.", id="ht_none", hidden="hidden"),
                id="ht_main",
            ),
            E.SCRIPT(data, type="application/json", id="ht_data"),
            E.SCRIPT(src=ASSETS[1]),
        ),
        lang="en",
    )


def _controls(subjects: list[str]) -> html.HtmlElement:
    domains = [E.OPTION("every domain", value=""), *[E.OPTION(s, value=s) for s in subjects]]
    statuses = [E.OPTION("any status", value="")] + [
        E.OPTION(f"has a {status.value} rendering", value=status.value) for status in Status
    ]
    return E.FORM(
        E.DIV(
            E.LABEL("Search", **{"for": "ht_search"}),
            E.INPUT(
                type="search",
                id="ht_search",
                name="q",
                autocomplete="off",
                spellcheck="false",
                placeholder="链长制, 鏈長制, lian4 zhang3, leading enterprises …",
                **{"aria-describedby": "ht_status", "aria-controls": "ht_main"},
            ),
            **{"class": "field search"},
        ),
        E.DIV(E.LABEL("Domain", **{"for": "ht_domain"}), E.SELECT(*domains, id="ht_domain"), **{"class": "field"}),
        E.DIV(E.LABEL("Status", **{"for": "ht_state"}), E.SELECT(*statuses, id="ht_state"), **{"class": "field"}),
        E.P(id="ht_status", role="status", **{"aria-live": "polite"}),
        role="search",
        id="ht_controls",
        hidden="hidden",  # shown by the script; without it the page is a plain list
    )


def _heading(name: str) -> str:
    return name.replace("-", " ").capitalize()


def _section(name: str, concepts: list[Concept], sources: Mapping[str, Source]) -> html.HtmlElement:
    return E.SECTION(
        E.H2(_heading(name), E.SPAN(f" ({len(concepts)})", **{"class": "count"}), id=f"part_{name}"),
        E.DIV(*[_concept(concept, sources) for concept in concepts], **{"class": "concepts"}),
        **{"aria-labelledby": f"part_{name}", "class": "part"},
    )


def _concept(concept: Concept, sources: Mapping[str, Source]) -> html.HtmlElement:
    head = concept.head
    statuses = " ".join(sorted({r.status.value for r in concept.renderings}))
    article = E.ARTICLE(
        E.H3(
            *_chinese(head),
            " ",
            E.A("#", href=f"#{concept.id}", title="Link to this concept", **{"class": "permalink"}),
            E.SPAN(f"link to {head.text}", **{"class": "visually-hidden"}),
        ),
        E.UL(*[_rendering(r, concept) for r in concept.renderings], **{"class": "renderings"}),
        id=concept.id,
        **{"class": "concept", "data-subject": concept.subject, "data-status": statuses},
    )
    details = E.DL(
        E.DT("Id"),
        E.DD(E.CODE(concept.id)),
        E.DT("Type"),
        E.DD(head.type.value),
    )
    if len(concept.terms) > 1:
        details.extend([E.DT("Other forms"), E.DD(*_other_terms(concept.terms[1:]))])
    for label, text in (("Domain", concept.subject), ("Definition", concept.definition), ("Note", concept.note)):
        if text:
            details.extend([E.DT(label), E.DD(text)])
    citations = concept.citations
    if citations:
        details.extend([E.DT("Sources"), E.DD(E.OL(*[E.LI(*_citation(c, sources)) for c in citations]))])
    article.append(details)
    return article


def _chinese(term: ChineseTerm) -> list[Any]:
    """A term in simplified characters, then its traditional forms where they differ, then its pinyin."""
    parts: list[Any] = [E.SPAN(term.text, lang="zh-Hans", **{"class": "zh"})]
    for variant in term.traditional:
        if variant.text != term.text:
            title = f"traditional: {', '.join(variant.tags)}"
            parts += [" ", E.SPAN(variant.text, lang=variant.tags[0], title=title, **{"class": "zh trad"})]
    return [*parts, " ", E.SPAN(term.pinyin, lang="zh-Latn-pinyin", **{"class": "pinyin"})]


def _other_terms(terms: Iterable[ChineseTerm]) -> list[Any]:
    parts: list[Any] = []
    for term in terms:
        if parts:
            parts.append("; ")
        parts += [*_chinese(term), f" ({term.type.value})"]
    return parts


def _rendering(rendering: Rendering, concept: Concept) -> html.HtmlElement:
    """A rendering with its status in words; a deprecated one struck through, with the one to use."""
    status = rendering.status
    parts: list[Any] = [E.SPAN(status.value, **{"class": f"status {status.value}"}), " "]
    if status is Status.DEPRECATED:
        parts.append(E.DEL(rendering.text))
        use = concept.preferred or next(iter(concept.renderings_with(Status.ADMITTED)), None)
        if use is not None:
            parts += [" — use ", E.INS(use.text)]
    else:
        parts.append(E.STRONG(rendering.text) if status is Status.PREFERRED else E.SPAN(rendering.text))
    if rendering.note:
        parts.append(E.SPAN(f" {rendering.note}", **{"class": "note"}))
    return E.LI(*parts, **{"class": status.value})


def _citation(citation: Citation, sources: Mapping[str, Source]) -> list[Any]:
    source = sources.get(citation.source)
    if source is None:
        return [str(citation)]
    title: Any = E.A(source.title, href=source.url) if source.url.startswith(("http://", "https://")) else source.title
    parts: list[Any] = [title]
    parts += [f", {part}" for part in (source.publisher, source.date) if part]
    if citation.locator:
        parts.append(f" ({citation.place(source.file)})")
    return parts
