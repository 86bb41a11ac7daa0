"""Hypothesis strategies for generated glossaries, shared by the round-trip tests of every format."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st

from henan_terms import Citation, Concept, Rendering, Source, Status, TermType, english
from henan_terms.assembly import make_term
from henan_terms.glossary import Glossary

# Characters with one reading each, so generated pinyin is unambiguous; simplified and traditional
# forms differ for most of them.
HAN = "链制业产区园级质标新能源电数据网络关键农机绿色现代发展创造专精特头雁亩均盾构铜箔钢铝锌钛镁"
SOURCES = {
    "seed": Source("seed", "Seed article", kind="seed", publisher="dahe.cn", date="2023-03-23"),
    "pub": Source("pub", 'Policy "terms" & <notes>', publisher="Xinhua", url="https://example.org/a?b=1&c=2"),
}

chinese_texts = st.text(alphabet=HAN, min_size=1, max_size=6)
english_texts = (
    st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCXYZ-'\"&<>()/,.é")), min_size=1, max_size=40)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: bool(english.fold(s)))
)
notes = st.one_of(st.just(""), english_texts)
citations = st.lists(
    st.builds(Citation, st.sampled_from(sorted(SOURCES)), st.sampled_from(["", "p1", "p26"])),
    min_size=1,
    max_size=2,
    unique=True,
).map(tuple)


@st.composite
def concepts(draw: st.DrawFn, concept_id: str = "c") -> Concept:
    """A valid concept: 1–3 Chinese terms, 1–4 renderings of distinct text, at most one preferred."""
    texts = draw(st.lists(chinese_texts, min_size=1, max_size=3, unique=True))
    terms = tuple(
        make_term(
            text,
            term_type=TermType.FULL_FORM if i == 0 else draw(st.sampled_from(list(TermType))),
            citations=draw(citations),
        )
        for i, text in enumerate(texts)
    )
    renderings = draw(st.lists(english_texts, min_size=1, max_size=4, unique_by=english.fold))
    statuses = draw(
        st.lists(
            st.sampled_from([Status.ADMITTED, Status.DEPRECATED]), min_size=len(renderings), max_size=len(renderings)
        )
    )
    if draw(st.booleans()):
        statuses[0] = Status.PREFERRED
    return Concept(
        id=concept_id,
        terms=terms,
        renderings=tuple(
            Rendering(text, status, draw(citations), draw(notes))
            for text, status in zip(renderings, statuses, strict=True)
        ),
        subject=draw(st.sampled_from(["", "industrial policy", "manufacturing"])),
        definition=draw(notes),
        note=draw(notes),
    )


@st.composite
def glossaries(draw: st.DrawFn, max_concepts: int = 5) -> Glossary:
    """A valid glossary of generated concepts with distinct ids and distinct Chinese terms."""
    count = draw(st.integers(min_value=1, max_value=max_concepts))
    result: list[Concept] = []
    seen: set[str] = set()
    for index in range(count):
        concept = draw(concepts(concept_id=f"c{index}"))
        if seen.isdisjoint(t.text for t in concept.terms):
            seen.update(t.text for t in concept.terms)
            result.append(concept)
    return Glossary(name="generated", concepts=tuple(result), sources=dict(SOURCES))


# Random XML: elements of the exchange formats' vocabularies (TMX, XLIFF 1.2 and 2.0, TBX), nested at
# random, with their attributes and text, well formed or cut short.
_XML_NAMES = [
    "tmx",
    "header",
    "body",
    "tu",
    "tuv",
    "seg",
    "xliff",
    "file",
    "trans-unit",
    "unit",
    "segment",
    "source",
    "target",
    "tbx",
    "martif",
    "text",
    "termEntry",
    "conceptEntry",
    "langSec",
    "langSet",
    "termSec",
    "tig",
    "term",
    "descrip",
    "note",
]
_XML_ATTRIBUTES = [
    "xml:lang",
    "srclang",
    "version",
    "id",
    "type",
    "state",
    "trgLang",
    "srcLang",
    "source-language",
    "target-language",
]
_XML_VALUES = st.sampled_from(["zh", "zh-CN", "en", "en-US", "1.4", "1.2", "2.0", "", "x"]) | st.text(max_size=5)


@st.composite
def _xml_elements(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(_XML_NAMES))
    attributes = draw(st.dictionaries(st.sampled_from(_XML_ATTRIBUTES), _XML_VALUES, max_size=3))
    opening = name + "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    children = draw(st.lists(_xml_elements(depth + 1), max_size=0 if depth > 4 else 3))
    text = escape(draw(st.text(alphabet=HAN + "ab. 12<&\t\n", max_size=8) | st.text(max_size=4)))
    return f"<{opening}>{text}{''.join(children)}</{name}>"


@st.composite
def xml_documents(draw: st.DrawFn) -> bytes:
    """An XML document of exchange-format elements, now and then cut short or with a declaration."""
    body = draw(_xml_elements())
    head = draw(st.sampled_from(["", '<?xml version="1.0" encoding="UTF-8"?>\n', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">']))
    data = (head + body).encode("utf-8")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data
