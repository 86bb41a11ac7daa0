"""Sentence alignment inside the paragraph pairs of a bilingual document.

Each paragraph pair is split into sentences (:mod:`.sentences`) and aligned by dynamic programming
over beads 1-1, 1-2, 2-1, 1-3, 3-1, 1-4, 4-1, 2-2, 1-0 and 0-1. A bead costs, in nats,

- ``-log prior(bead type)``;
- for a bead with sentences on both sides, the Gale–Church length cost ``-log(2·(1 - Φ(|z|)))``,
  ``z = (c·zh - en) / sqrt(s²·(zh + en/c)/2)``, where ``zh`` and ``en`` are the bead's lengths in
  characters and ``c`` (English characters per Chinese character) and ``s²`` (variance per Chinese
  character) come from the bundled zh→en prior, moved a little by the document's paragraph pairs
  (:class:`LengthModel`), ``c`` then by the paragraph pair's own ratio; a small share of free renderings
  makes a large difference of length costly but not impossible; a 1-0 or 0-1 bead has nothing to
  compare its length with and costs no length cost;
- minus a reward for every lexical anchor found on both sides of the bead: a glossary concept (a Chinese
  term in the Chinese, one of its renderings in the English, compared through :func:`english.fold`), a
  number (Arabic or Chinese numerals, ``千亿`` = ``100 billion``), a Latin acronym (``5G``, ``ETDZ``) or a
  quotation (《》 and “” against English quotes). An anchor found in several sentences of the paragraph
  rewards each of them less. A 1-0 or 0-1 bead instead pays that reward for each of its anchors that the
  other side has in as many sentences as its own: a sentence whose number the other language carries
  has more likely been condensed into a neighbour's rendering than left out.

The best path is found by Viterbi; the confidence of each of its beads is the bead's posterior
probability, from the forward–backward sums over every path of the paragraph: how sure the model is of
that bead against every other way of aligning the paragraph (not whether the paragraphs translate each
other). Beads below a threshold are returned as rejected, for review. A paragraph pair is reported as a
problem when one side has no sentence, when no sentence pair is accepted, or when the paragraphs' lengths
are too far apart for a translation pair (then all its beads are rejected). 1-0 and 0-1 beads make no unit.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property

from attrs import evolve, field, frozen

from .. import english
from ..errors import Problem
from ..formats.bilingual import BilingualDocument, Paragraph, ParagraphPair
from ..glossary import Glossary
from ..loader import load_glossary
from ..model import TMUnit
from ..numbers import chinese_numbers, english_numbers
from .sentences import split_chinese, split_english

__all__ = [
    "ANCHOR_WEIGHTS",
    "BEAD_PRIORS",
    "DEFAULT_THRESHOLD",
    "Aligner",
    "Alignment",
    "AnchorFinder",
    "Bead",
    "LengthModel",
    "Span",
    "align_document",
    "units",
]

BEAD_PRIORS: Mapping[tuple[int, int], float] = {
    (1, 1): 0.80,
    (1, 2): 0.07,
    (2, 1): 0.05,
    (1, 3): 0.015,
    (3, 1): 0.01,
    (1, 4): 0.005,
    (4, 1): 0.003,
    (2, 2): 0.01,
    (1, 0): 0.015,
    (0, 1): 0.015,
}
"""Prior probability of each bead type (Chinese sentences, English sentences); normalised before use.

Chinese policy sentences are long chains of comma clauses that English translations often divide, so
1-2 is likelier than 2-1, and a long one is rendered as four English sentences often enough for 1-4 to
have a place; a loose translation leaves out more than the 1 % of Gale and Church's parliamentary
proceedings, so 1-0 and 0-1 have 1.5 % each. Two sentences rendered as two others with no one-to-one
link (2-2) are rare: none in the seed's 39 hand-aligned beads, one in the 122 of the held-out texts 01–56.
"""

ANCHOR_WEIGHTS: Mapping[str, float] = {"term": 1.5, "number": 3.0, "latin": 3.0, "quote": 1.5}
"""Reward, in nats, of an anchor of each kind found on both sides of a bead."""

DEFAULT_THRESHOLD = 0.5
"""Beads whose confidence is below this are rejected for review."""

MAX_SENTENCES = 1000
"""A paragraph with more sentences than this on one side is reported, not aligned: its lattice would
not fit in memory (a paragraph of a whole book, a file without paragraph breaks)."""

BAND = 20
"""Beyond 40 × 40 sentences, beads are looked for only this many sentences either side of the diagonal,
so the work grows with the paragraph's length, not with its square."""

_LONGEST = max(max(kind) for kind in BEAD_PRIORS)  # the most sentences of one side of a bead

_MAX_COST = 700.0  # -log of the smallest positive double, about 1e-304
_MAD_TO_SD = 1.4826  # standard deviation of a normal distribution per unit of median absolute deviation


# Length model -------------------------------------------------------------------------------------


@frozen
class LengthModel:
    """Gale–Church parameters: English characters per Chinese character and their variance per
    character, with a share of free renderings whose length varies more.

    The defaults are the bundled zh→en prior: ratio and variance fitted on the hand-aligned beads of
    the seed articles (39 beads: 5.02 English characters per Chinese character, variance 29.4 per
    character). A length difference is judged against a mixture: with probability ``1 - free`` the
    Gale–Church normal; with probability ``free`` a free rendering, whose English length is ``ratio``
    times the Chinese times a log-normal factor of spread ``free_spread`` (one standard deviation of
    0.4 is a factor of 1.5), for renderings that condense or expand (an editor's note cut to half its
    length). The seed, a close translation, cannot fit these two; they are set, not fitted.
    """

    ratio: float = 5.0
    variance: float = 29.0
    free: float = 0.02
    free_spread: float = 0.4

    @classmethod
    def estimate(
        cls, lengths: Iterable[tuple[int, int]], prior: LengthModel | None = None, weight: int = 5000
    ) -> LengthModel:
        """Estimate from (Chinese, English) lengths of aligned texts, shrunk towards ``prior``.

        The ratio is total English over total Chinese length, the prior counting as ``weight`` Chinese
        characters (about two articles, so that a short document barely moves it). The variance comes
        from the median deviation, so that a few mispaired texts do not inflate it, and the prior counts
        as twenty texts.
        """
        prior = prior or cls()
        pairs = [(zh, en) for zh, en in lengths if zh > 0]
        total_zh, total_en = sum(zh for zh, _ in pairs), sum(en for _, en in pairs)
        ratio = (total_en + weight * prior.ratio) / (total_zh + weight)
        if not pairs:
            return cls(ratio, prior.variance, prior.free, prior.free_spread)
        deviation = _MAD_TO_SD * statistics.median(abs(en - ratio * zh) / math.sqrt(zh) for zh, en in pairs)
        variance = (len(pairs) * deviation**2 + 20 * prior.variance) / (len(pairs) + 20)
        return cls(ratio, variance, prior.free, prior.free_spread)

    @classmethod
    def from_documents(cls, documents: Iterable[BilingualDocument], prior: LengthModel | None = None) -> LengthModel:
        """Estimate from the paragraph pairs of documents."""
        return cls.estimate(((len(p.zh.text), len(p.en.text)) for d in documents for p in d.pairs), prior)

    def within(self, zh: int, en: int, weight: float) -> LengthModel:
        """The model for the sentences of one paragraph pair of ``zh`` and ``en`` characters: the ratio
        is the pair's own, the model's counting as ``weight`` Chinese characters (``inf``: the model's)."""
        if math.isinf(weight) or zh + weight <= 0:
            return self
        return evolve(self, ratio=(en + weight * self.ratio) / (zh + weight))

    def z(self, zh: int, en: int) -> float:
        """How many standard deviations the English length lies from the one the Chinese length predicts."""
        if zh == 0 and en == 0:
            return 0.0
        return abs(self.ratio * zh - en) / math.sqrt(self.variance * (zh + en / self.ratio) / 2)

    def cost(self, zh: int, en: int) -> float:
        """``-log`` of the probability of a length difference at least as large as this one."""
        tail = (1 - self.free) * math.erfc(self.z(zh, en) / math.sqrt(2))
        if self.free and zh and en:
            tail += self.free * math.erfc(abs(math.log(en / (self.ratio * zh))) / (self.free_spread * math.sqrt(2)))
        return -math.log(tail) if tail > 0 else _MAX_COST


# Anchors ------------------------------------------------------------------------------------------

_EN_NUMERAL = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?")
_LATIN = re.compile(r"[A-Za-z0-9&]+")
_ZH_QUOTED = re.compile(r"《[^《》]+》|“[^“”]+”|「[^「」]+」")
_EN_QUOTED = re.compile(r"\"[^\"]+\"|“[^“”]+”")


def _is_acronym(word: str) -> bool:
    """Two capitals (``ETDZ``, ``R&D``) or letters mixed with digits (``5G``), but not an ordinal (``20th``)."""
    capitals = sum(char.isupper() for char in word)
    mixed = any(char.isdigit() for char in word) and any(char.isalpha() for char in word)
    return capitals >= 2 or (mixed and not _EN_NUMERAL.fullmatch(word))


@frozen(eq=False)
class AnchorFinder:
    """Finds the lexical anchors of Chinese and English sentences, with the automata of the glossary's
    term spotters (built with its index, or brought from the cache)."""

    glossary: Glossary

    def chinese(self, sentence: str) -> Counter[str]:
        """Anchors of a Chinese sentence: glossary concepts, numbers, Latin words, quotations."""
        found: Counter[str] = Counter(f"term:{i}" for i in self.glossary.index.source_spotter.concept_ids(sentence))
        found.update(f"number:{value:.12g}" for value, _, _ in chinese_numbers(sentence))
        found.update(f"latin:{word.upper()}" for word in _LATIN.findall(sentence) if not word.isdigit())
        found.update("quote" for _ in _ZH_QUOTED.finditer(sentence))
        return found

    def english(self, sentence: str) -> Counter[str]:
        """Anchors of an English sentence: glossary renderings, numbers, acronyms, quotations."""
        folded = f" {english.fold(sentence)} "
        found: Counter[str] = Counter(f"term:{i}" for i in self.glossary.index.target_spotter.concept_ids(folded))
        found.update(f"number:{value:.12g}" for value in english_numbers(sentence))
        found.update(
            f"latin:{word.upper()}" for word in _LATIN.findall(sentence) if not word.islower() and _is_acronym(word)
        )
        found.update("quote" for _ in _EN_QUOTED.finditer(sentence))
        return found


# Alignment records --------------------------------------------------------------------------------


@frozen
class Bead:
    """Consecutive Chinese sentences aligned with consecutive English sentences (either side may be empty)."""

    path: str  # the document
    line: int  # the line of its Chinese paragraph
    zh: tuple[str, ...]
    en: tuple[str, ...]
    confidence: float
    zh_start: int  # index of the first Chinese sentence within the paragraph
    en_start: int

    @property
    def origin(self) -> str:
        """Where the bead comes from, as lint findings say it: ``PATH:LINE`` of the Chinese paragraph."""
        return f"{self.path}:{self.line}"

    @property
    def kind(self) -> str:
        """The bead type, e.g. ``1-2``: Chinese sentences, then English sentences."""
        return f"{len(self.zh)}-{len(self.en)}"

    @property
    def is_pair(self) -> bool:
        """Whether both sides have sentences (1-0 and 0-1 beads are not pairs)."""
        return bool(self.zh and self.en)


@frozen
class Alignment:
    """The beads of a document, accepted or rejected for review, and the paragraphs that could not be aligned."""

    path: str
    accepted: tuple[Bead, ...]
    rejected: tuple[Bead, ...]
    problems: tuple[Problem, ...]
    model: LengthModel

    @property
    def unpaired(self) -> tuple[Bead, ...]:
        """The accepted 1-0 and 0-1 beads: sentences the model takes to have no counterpart, which no
        unit stores."""
        return tuple(bead for bead in self.accepted if not bead.is_pair)

    @property
    def unstored(self) -> tuple[tuple[Bead, str], ...]:
        """Every bead whose sentences no unit stores, in document order, with the reason: ``confidence
        0.42`` (below the threshold), ``its paragraph is reported`` (see ``problems``), ``no counterpart``
        (an accepted 1-0 or 0-1 bead). Paragraphs without any bead are in ``problems`` alone."""
        reported = {problem.line for problem in self.problems}
        found = [
            (bead, "its paragraph is reported" if bead.line in reported else f"confidence {bead.confidence:.2f}")
            for bead in self.rejected
        ]
        found += [(bead, "no counterpart") for bead in self.unpaired]
        return tuple(sorted(found, key=lambda item: (item[0].line, item[0].zh_start, item[0].en_start)))

    @property
    def unstored_sentences(self) -> tuple[int, int]:
        """How many Chinese and English sentences no unit stores (those of :attr:`unstored`)."""
        beads = [bead for bead, _ in self.unstored]
        return sum(len(bead.zh) for bead in beads), sum(len(bead.en) for bead in beads)


def units(alignment: Alignment) -> list[TMUnit]:
    """Translation units of the accepted beads that have sentences on both sides."""
    return [
        TMUnit("".join(bead.zh), " ".join(bead.en), origin=bead.origin, confidence=bead.confidence)
        for bead in alignment.accepted
        if bead.is_pair
    ]


# The aligner --------------------------------------------------------------------------------------


def _known_beads(_aligner: object, _attribute: object, priors: Mapping[tuple[int, int], float]) -> None:
    if unknown := sorted(set(priors) - set(BEAD_PRIORS)):
        raise ValueError(f"bead types the aligner cannot use: {unknown}")


Span = tuple[int, int, int, int]
"""A bead as (first Chinese sentence, Chinese count, first English sentence, English count)."""

_Groups = dict[tuple[int, int], tuple[int, Counter[str]]]
_Unpaired = tuple[dict[str, float], dict[str, float]]


@frozen(eq=False)
class Aligner:
    """Aligns the sentences of paragraph pairs; build one per glossary and reuse it across documents.

    ``threshold``: beads of lower confidence are rejected. ``max_paragraph_z``: a paragraph pair whose
    lengths lie further apart than this many standard deviations of the length model is probably not a
    translation pair, unless its English has at least three of the glossary terms and numbers of its
    Chinese and at least a third of them (a free translation); its beads are all rejected and the pair is
    reported. ``max_pairing_z``: neighbouring
    paragraphs without a common anchor whose lengths lie further apart than this (by the prior model)
    are not paired at all (:meth:`plausible`). ``paragraph_weight``: within a paragraph pair, the
    ratio of English to Chinese length is the pair's own (over the sentences a first pass pairs), the
    model's counting as this many Chinese characters; ``math.inf`` keeps the model's.
    ``unpaired_anchor_weight``: a sentence left without counterpart (1-0, 0-1) costs this many times
    the reward of each of its anchors that the other side has in as many sentences as its own side: a
    sentence whose number or term the other language carries is more likely condensed into a neighbour
    than left out.
    """

    glossary: Glossary
    threshold: float = DEFAULT_THRESHOLD
    priors: Mapping[tuple[int, int], float] = field(factory=lambda: dict(BEAD_PRIORS), validator=_known_beads)
    weights: Mapping[str, float] = field(factory=lambda: dict(ANCHOR_WEIGHTS))
    prior_model: LengthModel = field(factory=LengthModel)
    max_paragraph_z: float = 4.0
    max_pairing_z: float = 8.0
    paragraph_weight: float = 200.0
    unpaired_anchor_weight: float = 1.0

    @cached_property
    def anchors(self) -> AnchorFinder:
        """The anchor finder of the glossary."""
        return AnchorFinder(self.glossary)

    @cached_property
    def _prior_costs(self) -> dict[tuple[int, int], float]:
        total = sum(self.priors.values())
        return {kind: -math.log(p / total) for kind, p in self.priors.items() if p > 0}

    def plausible(self, zh: Paragraph, en: Paragraph) -> bool:
        """Whether two neighbouring paragraphs may translate each other, for pairing them
        (:func:`henan_terms.formats.bilingual.pair_paragraphs`).

        A pair that shares an anchor is plausible. One that shares none is not when each side has
        glossary terms or numbers the other lacks (different content), nor when its lengths lie more
        than ``max_pairing_z`` standard deviations of the prior length model apart. Latin words and
        quotations are found more loosely in Chinese than in English, so they only count when shared. A
        rendering that is not the glossary's leaves the English without anchors: still plausible, so
        that the linter can report it.
        """
        zh_anchors, en_anchors = self.anchors.chinese(zh.text), self.anchors.english(en.text)
        if zh_anchors.keys() & en_anchors.keys():
            return True
        if _has_content(zh_anchors) and _has_content(en_anchors):
            return False
        return self.prior_model.z(len(zh.text), len(en.text)) <= self.max_pairing_z

    def align_document(
        self,
        document: BilingualDocument,
        model: LengthModel | None = None,
        on_paragraph: Callable[[], None] | None = None,
    ) -> Alignment:
        """Align every paragraph pair of a document; the length model is estimated from it unless given.
        ``on_paragraph`` is called after each pair (progress through a long document)."""
        model = model or LengthModel.from_documents([document], self.prior_model)
        accepted: list[Bead] = []
        rejected: list[Bead] = []
        problems: list[Problem] = []
        for pair in document.pairs:
            beads, problem = self._align_pair(pair, document.path, model)
            kept = [] if problem else [b for b in beads if b.confidence >= self.threshold]
            accepted.extend(kept)
            rejected.extend(b for b in beads if problem or b.confidence < self.threshold)
            if not problem and not any(b.is_pair for b in kept):
                problem = f"no sentence pair aligned with confidence {self.threshold:g} or more"
            if problem:
                problems.append(Problem(document.path, pair.zh.line, f"paragraph {pair.zh.number}: {problem}"))
            if on_paragraph is not None:
                on_paragraph()
        return Alignment(document.path, tuple(accepted), tuple(rejected), tuple(problems), model)

    def _align_pair(self, pair: ParagraphPair, path: str, model: LengthModel) -> tuple[list[Bead], str]:
        """The beads of one paragraph pair, and why they cannot be trusted ("" when they can)."""
        zh, en = split_chinese(pair.zh.text), split_english(pair.en.text)
        if not zh or not en:
            return [], f"no {'Chinese' if not zh else 'English'} sentence to align"
        if max(len(zh), len(en)) > MAX_SENTENCES:
            return [], (
                f"too long to align ({len(zh)} Chinese and {len(en)} English sentences; at most "
                f"{MAX_SENTENCES} a side): check the paragraph breaks"
            )
        beads = [
            Bead(path, pair.zh.line, tuple(zh[i : i + di]), tuple(en[j : j + dj]), confidence, i, j)
            for (i, di, j, dj), confidence in self.align(zh, en, model)
        ]
        z = model.z(len(pair.zh.text), len(pair.en.text))
        if z > self.max_paragraph_z and not self._shares_content(pair):
            return beads, f"paragraph lengths do not match (z = {z:.1f}): check that they translate each other"
        return beads, ""

    def _shares_content(self, pair: ParagraphPair) -> bool:
        """Whether the English of a pair has at least three of the glossary terms and numbers of its
        Chinese, and at least a third of them: a free translation rather than a mispaired paragraph."""
        zh = {a for a in self.anchors.chinese(pair.zh.text) if a.startswith(("term:", "number:"))}
        shared = zh & self.anchors.english(pair.en.text).keys()
        return len(shared) >= max(3, len(zh) / 3)

    def align(self, zh: Sequence[str], en: Sequence[str], model: LengthModel | None = None) -> list[tuple[Span, float]]:
        """The best path of beads through two lists of sentences, each bead with its posterior probability.

        Two passes: the first with the model's ratio; the second with the ratio of the sentences the
        first paired (those it leaves without a counterpart do not count), the model's counting as
        ``paragraph_weight`` Chinese characters.
        """
        band = _Band(len(zh), len(en))
        model = model or self.prior_model
        groups = self._groups(zh, en)
        costs = self._bead_costs(groups, model, band)
        if not math.isinf(self.paragraph_weight):
            path = _viterbi(costs, band)
            paired = [(i, di, j, dj) for i, di, j, dj in path if di and dj]
            local = model.within(
                sum(len(s) for i, di, _, _ in paired for s in zh[i : i + di]),
                sum(len(s) for _, _, j, dj in paired for s in en[j : j + dj]),
                self.paragraph_weight,
            )
            if local != model:
                costs = self._bead_costs(groups, local, band)
        forward = _forward(costs, band)
        backward = _backward(costs, band)
        total = forward[len(zh), len(en)]
        return [
            (span, math.exp(min(0.0, total - forward[span[0], span[2]] - costs[span] - backward[_end(span)])))
            for span in _viterbi(costs, band)
        ]

    def _groups(self, zh: Sequence[str], en: Sequence[str]) -> tuple[_Groups, _Groups, dict[str, float], _Unpaired]:
        """Length and rewarded anchors of every run of up to four sentences on each side, the reward of
        each anchor, and the cost of leaving out a sentence with each anchor (Chinese, then English): its
        reward, when the other side has the anchor in as many sentences as this side (so that the other
        sentences with it cannot account for all of them)."""
        zh_found = [self.anchors.chinese(s) for s in zh]
        en_found = [self.anchors.english(s) for s in en]
        rewards = self._rewards(zh_found, en_found)
        in_zh = Counter(anchor for found in zh_found for anchor in found)
        in_en = Counter(anchor for found in en_found for anchor in found)
        unpaired = (  # what leaving out a sentence with the anchor costs, on either side
            {a: reward for a, reward in rewards.items() if in_en[a] >= in_zh[a]},
            {a: reward for a, reward in rewards.items() if in_zh[a] >= in_en[a]},
        )
        return _groups(zh, zh_found, rewards.keys()), _groups(en, en_found, rewards.keys()), rewards, unpaired

    def _bead_costs(
        self, groups: tuple[_Groups, _Groups, dict[str, float], _Unpaired], model: LengthModel, band: _Band
    ) -> dict[Span, float]:
        """The cost of every bead that fits in the lattice (inside the band)."""
        zh_groups, en_groups, rewards, unpaired = groups
        costs: dict[Span, float] = {}
        for (i, di), (zh_length, zh_anchors) in zh_groups.items():
            for j in band.columns(i):
                for dj in range(_LONGEST + 1):
                    if (j, dj) not in en_groups or (di, dj) not in self._prior_costs:
                        continue
                    if not band.holds(i + di, j + dj):
                        continue
                    en_length, en_anchors = en_groups[j, dj]
                    length = model.cost(zh_length, en_length) if di and dj else 0.0
                    if di and dj:
                        reward = sum(
                            rewards[a] * min(n, en_anchors[a]) for a, n in zh_anchors.items() if a in en_anchors
                        )
                    else:
                        lost = unpaired[0] if di else unpaired[1]
                        reward = -self.unpaired_anchor_weight * sum(lost.get(a, 0.0) for a in zh_anchors + en_anchors)
                    costs[i, di, j, dj] = self._prior_costs[di, dj] + length - reward
        return costs

    def _rewards(self, zh: Sequence[Counter[str]], en: Sequence[Counter[str]]) -> dict[str, float]:
        """Reward of each anchor found on both sides of the paragraph: its kind's weight divided by the
        larger number of sentences of one side it occurs in."""
        in_zh = Counter(anchor for found in zh for anchor in found)
        in_en = Counter(anchor for found in en for anchor in found)
        return {
            anchor: self.weights.get(anchor.partition(":")[0], 0.0) / max(in_zh[anchor], in_en[anchor])
            for anchor in in_zh.keys() & in_en.keys()
        }


def _has_content(anchors: Counter[str]) -> bool:
    """Whether anchors include a glossary term or a number, which both languages find alike."""
    return any(anchor.startswith(("term:", "number:")) for anchor in anchors)


def _groups(sentences: Sequence[str], found: Sequence[Counter[str]], kept: Collection[str]) -> _Groups:
    """Length and anchors (those in ``kept``) of every run of up to four sentences, by (first, count).

    A 1-0 or 0-1 bead has no counterpart to compare its length with: its length cost is left out.
    """
    kept_found = [Counter({anchor: n for anchor, n in anchors.items() if anchor in kept}) for anchors in found]
    return {
        (i, count): (sum(map(len, sentences[i : i + count])), sum(kept_found[i : i + count], Counter()))
        for i in range(len(sentences) + 1)
        for count in range(min(_LONGEST, len(sentences) - i) + 1)
    }


def _end(span: Span) -> tuple[int, int]:
    i, di, j, dj = span
    return i + di, j + dj


class _Band:
    """The points of an n × m lattice that beads may join: all of them for short paragraphs, those
    within ``BAND`` sentences of the diagonal for long ones."""

    def __init__(self, n: int, m: int) -> None:
        self.n, self.m = n, m
        self.width = BAND * max(n, m) if n * m > (2 * BAND) ** 2 else None

    def holds(self, i: int, j: int) -> bool:
        return self.width is None or abs(j * self.n - i * self.m) <= self.width

    def columns(self, i: int) -> range:
        """The j of row i inside the band."""
        if self.width is None or not self.n:
            return range(self.m + 1)
        low = max(0, -((self.width - i * self.m) // self.n))  # ceil((i·m − width) / n)
        high = min(self.m, (i * self.m + self.width) // self.n)
        return range(low, high + 1)

    def points(self) -> Iterator[tuple[int, int]]:
        """Every point inside the band, row by row."""
        for i in range(self.n + 1):
            for j in self.columns(i):
                yield i, j


def _viterbi(costs: Mapping[Span, float], band: _Band) -> list[Span]:
    """The cheapest path of beads from (0, 0) to (n, m)."""
    best: dict[tuple[int, int], tuple[float, Span | None]] = {(0, 0): (0.0, None)}
    for i, j in band.points():
        if (i, j) == (0, 0):
            continue
        options = [
            (best[i - di, j - dj][0] + costs[i - di, di, j - dj, dj], (i - di, di, j - dj, dj))
            for _i, di, _j, dj in _arrivals(costs, i, j)
        ]
        best[i, j] = min(options) if options else (math.inf, None)
    path: list[Span] = []
    point = (band.n, band.m)
    while (step := best[point][1]) is not None:
        path.append(step)
        point = (step[0], step[2])
    return path[::-1]


def _arrivals(costs: Mapping[Span, float], i: int, j: int) -> list[Span]:
    """The beads of the lattice that end at (i, j)."""
    return [
        (i - di, di, j - dj, dj)
        for di in range(min(i, _LONGEST) + 1)
        for dj in range(min(j, _LONGEST) + 1)
        if (i - di, di, j - dj, dj) in costs
    ]


def _departures(costs: Mapping[Span, float], i: int, j: int) -> list[Span]:
    """The beads of the lattice that start at (i, j)."""
    return [(i, di, j, dj) for di in range(_LONGEST + 1) for dj in range(_LONGEST + 1) if (i, di, j, dj) in costs]


def _forward(costs: Mapping[Span, float], band: _Band) -> dict[tuple[int, int], float]:
    """``-log`` of the summed probability of every path from (0, 0) to each point."""
    forward = {(0, 0): 0.0}
    for i, j in band.points():
        if (i, j) != (0, 0):
            forward[i, j] = _negative_log_sum(forward[s[0], s[2]] + costs[s] for s in _arrivals(costs, i, j))
    return forward


def _backward(costs: Mapping[Span, float], band: _Band) -> dict[tuple[int, int], float]:
    """``-log`` of the summed probability of every path from each point to (n, m)."""
    end = (band.n, band.m)
    backward = {end: 0.0}
    for i, j in reversed(list(band.points())):
        if (i, j) != end:
            backward[i, j] = _negative_log_sum(costs[s] + backward[_end(s)] for s in _departures(costs, i, j))
    return backward


def _negative_log_sum(costs: Iterable[float]) -> float:
    """``-log(Σ exp(-cost))``, computed stably; infinity for no cost."""
    values = list(costs)
    low = min(values, default=math.inf)
    if math.isinf(low):
        return math.inf
    return low - math.log(sum(math.exp(low - v) for v in values))


def align_document(
    document: BilingualDocument,
    glossary: Glossary | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    model: LengthModel | None = None,
) -> Alignment:
    """Align the sentences of every paragraph pair of a document (glossary: the bundled one by default)."""
    return Aligner(glossary or load_glossary(), threshold).align_document(document, model)
