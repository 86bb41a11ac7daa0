"""The built-in checks. Each reads the analysed segments and yields findings; ids are stable."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .. import english
from ..chinese import HAN, has_han
from ..errors import UsageError
from ..model import Finding, Occurrence, Rendering, Severity, Status
from ..numbers import (
    EnglishNumber,
    Quantity,
    carries,
    chinese_quantities,
    english_quantities,
    is_cardinal,
    list_sizes,
)
from ..tm.align import DEFAULT_THRESHOLD as ALIGNMENT_THRESHOLD
from ..tm.sentences import split_chinese, split_english
from .context import LintContext, Segment, Why
from .registry import CheckRegistry

__all__ = [
    "PLACE",
    "default_registry",
    "deprecated_rendering",
    "explain",
    "inconsistent_rendering",
    "memory_inconsistency",
    "missing_rendering",
    "number_mismatch",
    "percentage_point",
    "untranslated_cjk",
    "variant_rendering",
]

_CJK_PUNCTUATION = "，。、《》：；！？（）【】「」『』"
_UNTRANSLATED = re.compile(
    rf"[“‘]?(?:{HAN.pattern}|[{_CJK_PUNCTUATION}])(?:{HAN.pattern}|[{_CJK_PUNCTUATION}“”‘’\s])*[”’]?"
)


def default_registry() -> CheckRegistry:
    """A new registry holding the built-in checks."""
    registry = CheckRegistry()
    registry.register("missing-rendering", Severity.INFO)(missing_rendering)
    registry.register("deprecated-rendering", Severity.ERROR)(deprecated_rendering)
    registry.register("inconsistent-rendering", Severity.WARNING)(inconsistent_rendering)
    registry.register("untranslated-cjk", Severity.ERROR)(untranslated_cjk)
    registry.register("number-mismatch", Severity.WARNING)(number_mismatch)
    registry.register("variant-rendering", Severity.WARNING)(variant_rendering)
    registry.register("memory-inconsistency", Severity.INFO)(memory_inconsistency)
    registry.register("percentage-point", Severity.WARNING)(percentage_point)
    return registry


def explain(check_id: str, registry: CheckRegistry | None = None) -> str:
    """A check's documentation: its id, default severity and docstring (``lint --explain CHECK``)."""
    registry = registry or default_registry()
    if check_id not in registry:
        known = ", ".join(check.id for check in registry)
        raise UsageError(f"unknown check {check_id!r}; known checks: {known}")
    check = registry[check_id]
    return f"{check.id} (default severity: {check.severity.value})\n\n{check.doc}"


def _accepted(renderings: list[Rendering]) -> str:
    return ", ".join(repr(r.text) for r in renderings)


PLACE = "place"
"""The subject of the glossary's place names."""


def missing_rendering(context: LintContext) -> Iterator[Finding]:
    """A glossary term of the source has no rendering.

    A term occurs in the source and no preferred or admitted rendering in the translation. Also
    accepted as renderings: a coordination sharing a head or a modifier ("industrial and supply
    chains" renders 产业链 and 供应链), an acronym beginning with the rendering's initials ("NEV"),
    and a derivation by -ize/-ization ("modernize the industrial system" for "modern industrial
    system", an admitted variant). One problem, one finding: silent where a deprecated rendering
    stands instead (deprecated-rendering), where a phrase close to a rendering stands instead
    (variant-rendering), and where the Chinese term is left in the translation (untranslated-cjk).
    Also silent for a term that is a proper part of a longer word of the source (新能源 in a compound
    the translation renders as a whole), and for a publisher's name followed by 推出/发布/报道 where
    the translation speaks of "we" (大河网推出 → "we are launching"). Place names (concepts whose subject
    is "place") are not reported missing: translations name a place by a shortened reference ("the
    city") or drop it before a longer name, and a place's spelling is checked by deprecated-rendering
    and variant-rendering. Nor are base words whose wording the glossary marks free (消费, 城镇化:
    ``wording = "free"``), which translations render by whatever word the sentence needs; of those,
    only a deprecated rendering is reported.

    An info by default: good translations render a term by a shortened reference, a synonym or a
    paraphrase far more often than they get it wrong, so a missing rendering is a place to look, not
    a fault. A team whose drafts must use the glossary's renderings raises it in the configuration
    (``[tool.henan-terms.severity] missing-rendering = "warning"``).

    A headline (a segment whose Chinese ends no sentence) is rewritten more freely than the body: a
    term it leaves out is not reported when the body of the same draft holds the term, where its
    rendering is checked.
    """
    in_body: dict[str, set[str]] = {}
    for segment in context.segments:
        if not _is_headline(segment.pair.source):
            in_body.setdefault(segment.pair.path, set()).update(segment.concepts)
    for segment in context.segments:
        headline = _is_headline(segment.pair.source)
        for concept_id, (concept, _) in segment.concepts.items():
            if concept.free_wording or concept.subject == PLACE or segment.used(concept_id):
                continue
            if _left_in_chinese(segment, concept_id):
                continue
            if headline and concept_id in in_body.get(segment.pair.path, ()):
                continue
            if segment.near_misses(concept_id) or segment.compound(concept_id):
                continue
            match = next(m for m in segment.sources if m.concept.id == concept_id)
            if _self_reference(segment, match.end):
                continue
            accepted = [r for r in concept.renderings if r.status is not Status.DEPRECATED]
            yield segment.finding(
                0,
                f"{match.form} ({concept.head.pinyin}) has no rendering in the translation; "
                f"expected {_accepted(accepted)}",
                Why(match.form, match.start, tuple(r.text for r in accepted), note="no rendering found"),
                term=match.form,
                concept=concept_id,
                expected=accepted[0].text if accepted else "",
            )


def memory_inconsistency(context: LintContext) -> Iterator[Finding]:
    """A term the glossary lacks is rendered otherwise than the translation memory renders it.

    With a memory (``lint --tm DB`` or ``tm`` in the configuration), the memory is the evidence;
    without one, when several drafts are linted together, the segments of the run itself. For each Chinese
    term of the source that the glossary does not hold (the n-grams term extraction considers), the
    evidence's rendering is the English that term extraction pairs with it over the units holding
    the term, when at least two of those units, and more than half of them, use it. A segment whose
    source holds the term and whose translation lacks that rendering is reported, with the count and
    one unit as an example. Nothing is said of terms rendered in more than one way.
    """
    for segment in context.segments:
        source = segment.pair.source
        found = [(zh, term, start) for zh, term in context.memory_terms.items() if (start := source.find(zh)) >= 0]
        target = f" {english.fold(segment.pair.target)} " if found else ""  # read only where a term stands
        for zh, term, start in found:
            if f" {english.fold(term.en)} " in target:
                continue
            yield segment.finding(
                0,
                f"{zh} is rendered {term.en!r} in {term.units} of the {term.of} {term.evidence} that hold it "
                f"(e.g. {term.example.origin or term.example.target[:60]!r}); the translation does not use it",
                Why(zh, start, (term.en,), note=f"{term.units} of {term.of} {term.evidence}"),
                term=zh,
                expected=term.en,
            )


_PUBLISHING = ("推出", "发布", "报道", "讯", "获悉", "出品", "独家")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def _self_reference(segment: Segment, end: int) -> bool:
    """A name followed by a verb of publishing, translated in the first person: the publisher."""
    following = segment.pair.source[end : end + 4]
    return following.startswith(_PUBLISHING) and _FIRST_PERSON.search(segment.pair.target) is not None


def _left_in_chinese(segment: Segment, concept_id: str) -> bool:
    return any(m.form in segment.pair.target for m in segment.sources if m.concept.id == concept_id)


def variant_rendering(context: LintContext) -> Iterator[Finding]:
    """A phrase close to a rendering stands where the rendering should.

    No accepted rendering of a term of the source is in the translation, but a phrase one edit
    away from one is: a word changed by an affix ("strategically emerging industries" for
    "strategic emerging industry"), a misspelt word, or two words written as one ("14thFive-Year
    Plan"), each a warning; or a word inside the rendering left out ("new productive forces"), an
    info, since names are often shortened in use ("Taihao Mausoleum", "carbon peaking"). The phrase
    is not itself a rendering in the glossary. The message gives the phrase found and the rendering
    to use; ``--fix`` replaces the phrase. Not for base words whose wording the glossary marks free:
    a phrase close to one of their renderings is another way of saying it.
    """
    for segment in context.segments:
        for concept_id, (concept, _) in segment.concepts.items():
            if segment.used(concept_id):
                continue
            for near in segment.near_misses(concept_id):
                found = segment.pair.target[near.start : near.end]
                source = next(m for m in segment.sources if m.concept.id == concept_id)
                yield segment.finding(
                    near.start,
                    f"{found!r} is close to {near.rendering.text!r}, the rendering of {concept.zh} ({near.how}); "
                    f"use {near.rendering.text!r}",
                    Why(source.form, source.start, (near.rendering.text,), found, near.how),
                    term=source.form,
                    concept=concept_id,
                    found=found,
                    expected=near.rendering.text,
                    **({"severity": Severity.INFO} if near.how.endswith(" left out") else {}),
                )


def deprecated_rendering(context: LintContext) -> Iterator[Finding]:
    """A deprecated rendering is used.

    The translation uses a deprecated rendering of a term of the source; the message names the
    preferred rendering, and ``--fix`` replaces it.
    """
    for segment in context.segments:
        for concept_id, (concept, _) in segment.concepts.items():
            for match in segment.used(concept_id):
                if match.rendering.status is not Status.DEPRECATED:
                    continue
                found = segment.pair.target[match.start : match.end]
                preferred = concept.preferred
                advice = f"; use {preferred.text!r}" if preferred else ""
                source = next(m for m in segment.sources if m.concept.id == concept_id)
                yield segment.finding(
                    match.start,
                    f"{found!r} is a deprecated rendering of {concept.zh}{advice}",
                    Why(
                        source.form,
                        source.start,
                        tuple(r.text for r in concept.renderings if r.status is not Status.DEPRECATED),
                        found,
                        match.rendering.note or "the glossary marks this rendering deprecated",
                    ),
                    term=concept.zh,
                    concept=concept_id,
                    found=found,
                    expected=preferred.text if preferred else "",
                )


def inconsistent_rendering(context: LintContext) -> Iterator[Finding]:
    """One source term is rendered in different ways.

    Across all the drafts linted together, and inside one segment. A short form in capitals beside a
    longer rendering ("new energy vehicles (NEVs)"; "Q1" in a headline, "first quarter" in the text)
    is that rendering written short, not a second way; a rendering inside a proper name ("Wansui
    Mountain Scenic Area") is the name's wording, not a way of rendering the term. Base words whose
    wording the glossary marks free are not checked.
    """
    uses: dict[str, list[tuple[Segment, int, int, str]]] = {}
    for segment in context.segments:
        for concept_id, (concept, _) in segment.concepts.items():
            if concept.free_wording:
                continue  # a base word takes whichever rendering the sentence needs
            for match in segment.used(concept_id):
                if (
                    match.rendering.status is not Status.DEPRECATED
                    and match.kind == "exact"
                    and not _inside_name(segment.pair.target, match.start, match.rendering.text)
                ):
                    uses.setdefault(concept_id, []).append((segment, match.start, match.end, match.rendering.text))
    for concept_id, occurrences in uses.items():
        if any(not english.is_short_form(r) for *_, r in occurrences):
            occurrences = [o for o in occurrences if not english.is_short_form(o[3])]
        counts: dict[str, int] = {}
        for *_, rendering in occurrences:
            counts[rendering] = counts.get(rendering, 0) + 1
        if len(counts) < 2:
            continue
        concept = occurrences[0][0].concepts[concept_id][0]
        preferred = concept.preferred
        use = preferred.text if preferred else max(counts, key=lambda r: counts[r])
        reason = "preferred" if preferred else "most frequent"
        odd = next(o for o in occurrences if o[3] != use) if use in counts else occurrences[0]
        segment, start, end, _ = odd
        related = tuple(
            Occurrence(s.pair.target[b:e], s.pair.path, s.pair.line, s.pair.column + b) for s, b, e, _ in occurrences
        )
        ways = "; ".join(f"{r!r} ×{n}" for r, n in counts.items())
        yield segment.finding(
            start,
            f"{concept.zh} is rendered {len(counts)} ways: {ways}; use {use!r} ({reason})",
            Why(concept.zh, -1, tuple(counts), ways, f"{use!r} is the {reason} rendering"),
            term=concept.zh,
            concept=concept_id,
            found=segment.pair.target[start:end],
            expected=use,
            related=related,
        )


def _inside_name(target: str, start: int, rendering: str) -> bool:
    """Whether a rendering written in small letters stands capitalised after a capitalised word:
    part of a proper name ("Wansui Mountain Scenic Area" for "scenic area"), whose wording its owner
    chose, or of a title in capitals."""
    if not rendering[:1].islower() or not target[start : start + 1].isupper():
        return False
    before = target[:start].rstrip()
    previous = before.split()[-1] if before.split() else ""
    return previous[:1].isupper() and not before.endswith((".", "!", "?", ":", ";"))


def untranslated_cjk(context: LintContext) -> Iterator[Finding]:
    """Chinese text or punctuation is left in the translation.

    Curly quotation marks count only around Chinese text: in English they are ordinary quotes.
    """
    for segment in context.segments:
        for match in _UNTRANSLATED.finditer(segment.pair.target):
            text = match.group().strip()
            yield segment.finding(
                match.start(),
                f"Chinese text left in the translation: {text!r}",
                Why(found=text, note="Chinese characters or punctuation in the English"),
                found=text,
            )


def number_mismatch(context: LintContext) -> Iterator[Finding]:
    """A number of the source is missing in the translation.

    Quantities are compared per aligned sentence where the aligner pairs the segment's sentences
    with confidence, else per segment; a quantity carried anywhere in the segment is not reported.
    A warning when the sentence's translation has a clearly different value instead (both shown),
    an info when the quantity is dropped. Read as the same: 四成 = 40 percent, 2倍 = twice or 100%
    more, 三分之一 = one third or 33%, 前三季度 = the first nine months, (二) = Part II, 70万 =
    700,000, numbers rounded in the English ("about 1.2 billion" for 12.46亿). Never reported:
    numerals inside a word (四川, 四基) or a short quoted name (“三个一批”), numerals inside glossary
    terms (十四五, 两区), approximate amounts (近两年 → "in recent years", 300余家), section numbers
    left out, and a small count the English expresses by listing the things counted (两个省 →
    "Henan and Shandong"). A number left out of a headline (a segment whose Chinese ends no
    sentence) is not reported when the translation of the same draft gives it elsewhere: headlines
    are rewritten, and the figures are in the body.
    """
    numbers_of_draft: dict[str, list[EnglishNumber]] = {}

    def in_draft(path: str, quantity: Quantity) -> bool:
        if path not in numbers_of_draft:
            targets = (s.pair.target for s in context.segments if s.pair.path == path)
            numbers_of_draft[path] = [n for target in targets for n in english_quantities(target)]
        return carries(quantity, numbers_of_draft[path]) is not None

    for segment in context.segments:
        if not has_han(segment.pair.source):
            continue
        yield from _number_findings(context, segment, in_draft)


_SENTENCE_END = re.compile("[。！？!?；;]")


def _is_headline(source: str) -> bool:
    """Whether a segment's Chinese ends no sentence: a headline, a title or a section heading."""
    return _SENTENCE_END.search(source) is None


def _sentence_units(context: LintContext, segment: Segment) -> list[tuple[int, str, int, str]]:
    """(source offset, source sentences, target offset, target sentences) of each aligned bead; the
    whole segment as one unit when it has one sentence a side or the alignment is not confident."""
    source, target = segment.pair.source, segment.pair.target
    whole = [(0, source, 0, target)]
    zh, en = split_chinese(source), split_english(target)
    if len(zh) < 2 and len(en) < 2:
        return whole
    beads = context.aligner.align(zh, en)
    if any(confidence < ALIGNMENT_THRESHOLD for _, confidence in beads):
        return whole
    zh_offsets, en_offsets = _offsets(source, zh), _offsets(target, en)
    units = []
    for (i, di, j, dj), _ in beads:
        zh_start = zh_offsets[i] if di else (zh_offsets[i] if i < len(zh) else len(source))
        en_start = en_offsets[j] if dj else (en_offsets[j] if j < len(en) else len(target))
        zh_end = zh_offsets[i + di - 1] + len(zh[i + di - 1]) if di else zh_start
        en_end = en_offsets[j + dj - 1] + len(en[j + dj - 1]) if dj else en_start
        units.append((zh_start, source[zh_start:zh_end], en_start, target[en_start:en_end]))
    return units


def _offsets(text: str, sentences: list[str]) -> list[int]:
    offsets, cursor = [], 0
    for sentence in sentences:
        found = text.find(sentence, cursor)
        offsets.append(found if found >= 0 else cursor)
        cursor = (found if found >= 0 else cursor) + len(sentence)
    return offsets


def _number_findings(
    context: LintContext, segment: Segment, in_draft: Callable[[str, Quantity], bool]
) -> Iterator[Finding]:
    pair = segment.pair
    headline = _is_headline(pair.source)
    terms = [(m.start, m.end) for m in segment.sources]
    quantities = chinese_quantities(pair.source, skip=terms)
    if not quantities:
        return
    everywhere = english_quantities(pair.target)
    if all(carries(q, everywhere) for q in quantities):
        return  # every quantity is carried somewhere in the segment: nothing to report
    units = []
    explained: set[int] = set()
    for zh_start, zh_text, en_start, en_text in _sentence_units(context, segment):
        here = [q for q in quantities if zh_start <= q.start < zh_start + len(zh_text)]
        local = [n for n in everywhere if en_start <= n.start < en_start + len(en_text)]
        missing = []
        for quantity in here:
            carrier = carries(quantity, [n for n in local if id(n) not in explained]) or carries(quantity, local)
            if carrier is None:
                missing.append(quantity)
            else:
                explained.add(id(carrier))
        units.append((en_start, en_text, local, missing))
    # English numbers no source quantity accounts for, outside the renderings of glossary terms
    rendered = [(m.start, m.end) for m in segment.targets]
    spare = [
        n
        for n in everywhere
        if id(n) not in explained and is_cardinal(n) and not any(s <= n.start < e for s, e in rendered)
    ]
    for en_start, en_text, local, missing in units:
        for quantity in missing:
            if carries(quantity, everywhere):
                continue  # carried by another sentence of the segment
            other = next((n for n in spare if n in local and _comparable(quantity, n)), None)
            if other is None and (quantity.approximate or quantity.section):
                continue
            if other is None and headline and in_draft(pair.path, quantity):
                continue  # a headline's figure, given in the body
            if (
                other is None
                and quantity.count
                and (_label(pair.source, quantity) or quantity.value in list_sizes(en_text))
            ):
                continue  # a count the translation lists (两个省 → "Henan and Shandong"), or a label (三大突破)
            shown = quantity.shown()
            same = quantity.text.replace(",", "") == shown.replace(",", "")
            spelled = quantity.text if same else f"{quantity.text} ({shown})"
            why = Why(
                source=quantity.text,
                source_start=quantity.start,
                looked_for=tuple(sorted(_shown(v) for v in quantity.accepts)),
                found=en_text.strip()[:200],
                note="compared with the aligned sentence" if len(units) > 1 else "compared with the segment",
            )
            if other is not None:
                spare.remove(other)
                yield segment.finding(
                    other.start,
                    f"source {spelled} vs translation {other.text}: a different value",
                    why,
                    term=quantity.text,
                    found=other.text,
                    expected=shown,
                    severity=Severity.WARNING,
                )
            else:
                yield segment.finding(
                    en_start,
                    f"source {spelled} is not in the translation",
                    why,
                    term=quantity.text,
                    expected=shown,
                    severity=Severity.INFO,
                )


def percentage_point(context: LintContext) -> Iterator[Finding]:
    """A change in percentage points is translated as a percentage.

    The source gives a difference of two rates (增速提高0.1个百分点) and the aligned sentence of the
    translation has the same value as a percentage ("a 0.1% acceleration"): a relative change, a
    different claim. Silent where the translation says "percentage points" or "points", and for a
    percentage of the source (增长5% → "5%").
    """
    for segment in context.segments:
        if "百分点" not in segment.pair.source:
            continue
        points = [q for q in chinese_quantities(segment.pair.source) if q.points]
        if not points:
            continue
        everywhere = english_quantities(segment.pair.target)
        for zh_start, zh_text, en_start, en_text in _sentence_units(context, segment):
            local = [n for n in everywhere if en_start <= n.start < en_start + len(en_text)]
            for quantity in (q for q in points if zh_start <= q.start < zh_start + len(zh_text)):
                if any(n.points and n.value == quantity.value for n in local):
                    continue
                wrong = next((n for n in local if n.percent and n.value == quantity.value), None)
                if wrong is None:
                    continue
                yield segment.finding(
                    wrong.start,
                    f"source {quantity.text} is a change of {_points(quantity.value)}; "
                    f"the translation says {wrong.text!r}, a relative change",
                    Why(quantity.text, quantity.start, (_points(quantity.value),), wrong.text),
                    term=quantity.text,
                    found=wrong.text,
                    expected=_points(quantity.value),
                )


def _points(value: float) -> str:
    return f"{_shown(value)} percentage point{'' if value == 1 else 's'}"


def _label(source: str, quantity: Quantity) -> bool:
    """A count with 大 (三大突破, 四大板块): a name for things the text lists, which translations drop
    ("major breakthroughs")."""
    return source[quantity.end : quantity.end + 1] == "大"


def _comparable(quantity: Quantity, number: EnglishNumber) -> bool:
    """Whether an English number could be the translation of a quantity: both percentages or
    neither, both years or neither, a Roman numeral only for a section number."""
    year = number.value == int(number.value) and 1900 <= number.value <= 2100
    roman = bool(number.text) and set(number.text) <= set("IVX")
    return quantity.percent == number.percent and quantity.year == year and roman == quantity.section


def _shown(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.4g}"
