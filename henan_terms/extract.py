"""Term extraction: zh→en term candidates from bilingual documents that the glossary does not hold yet.

Chinese candidates are n-grams of segmenter words (rjieba, with the glossary's terms added to its
dictionary) inside runs of Han characters, so that a term of several words (先进制造业强省) is one
candidate. A candidate must not begin or end with a function word or a policy verb (加快, 推动 …), nor be
a number, a date or a form already in the glossary. Each candidate says which signals proposed it:

- ``quoted``: the whole content of a Chinese quotation “…”;
- ``formula``: a numbered formula (四基, 三个一批, 十大战略);
- ``compound``: a glossary term with words added (先进制造业强省 holds 先进制造业);
- ``recurrent``: an n-gram of two or more words seen at least twice;
- ``capitalised``: its English counterpart is written as a capitalised phrase (a name).

English counterparts are word n-grams of the aligned English sentences that do not begin or end with a
function word, lemmatised (:func:`english.base_form`) so that plurals meet. Each Chinese candidate gets
the English n-gram of best association over the aligned sentence pairs: the Dice coefficient of the
pairs holding both against the pairs holding either, raised by the share of the English words that
translate a part of the candidate and by the share of the Chinese that the English translates, by a
quotation on both sides and by standing where the Chinese stands in its sentence, and lowered as the
English length strays from the length the Chinese predicts. The parts are the glossary forms inside
the candidate, with their renderings, and its segmenter words, with their senses in a dictionary
(CC-CEDICT, :func:`~henan_terms.formats.cedict.word_lexicon`) when one is given and their pinyin.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from attrs import field, frozen

from . import chinese, english
from .formats.bilingual import BilingualDocument, read_bilingual
from .formats.units import UNIT_SUFFIXES, read_units
from .glossary import Glossary
from .model import TMUnit
from .tm.align import Aligner

__all__ = [
    "MAX_CHARS",
    "MAX_EN_WORDS",
    "MAX_WORDS",
    "SIGNALS",
    "Candidate",
    "Example",
    "Input",
    "SentencePair",
    "chinese_candidates",
    "english_phrases",
    "extract_from",
    "extract_terms",
    "is_formula",
    "read_inputs",
    "sentence_pairs",
]

SIGNALS = ("quoted", "formula", "compound", "capitalised", "recurrent")
"""The kinds of evidence that propose a candidate."""

MAX_WORDS = 5
MAX_CHARS = 12
MAX_EN_WORDS = 7


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ZH_QUOTE = re.compile(r"[“「]([\u3400-\u9fff]{2,12})[”」]")
_EN_QUOTE = re.compile(r"[\"“]([^\"“”]{2,80})[\"”]")
_NUMERAL = "〇零一二三四五六七八九十两百千万亿"
_FORMULA = re.compile(
    r"^[一二三四五六七八九十两]{1,3}[个大项条张批类化]?[^〇零百千万亿个项条张批类年月日号\W][\u4e00-\u9fff]{0,3}$"
)
_QUANTITY = re.compile(rf"^[{_NUMERAL}]+[个项条张批类家名位次年月日号期届件元度倍成]?$")
_MEASURES = set("个项条张批类家名位次年月日号期届件元亿万千百十度倍成")
_DATE_WORD = re.compile(
    rf"^[{_NUMERAL}]*(?:年|月|日|号|季度|周|年度|月份|时|分|今年|去年|明年|前年|当年|上半年|下半年)$"
)
_TIME_TAGS = {"t", "tg", "m", "mq", "q"}

# Words that begin or end no term: particles, pronouns, prepositions, conjunctions, adverbs, and the verbs
# that policy text puts before its objects.
_FUNCTION_TAGS = {"c", "cc", "d", "dg", "e", "f", "o", "p", "r", "rr", "rz", "u", "uj", "ul", "uz", "ud", "ug", "uv"}
_FUNCTION_TAGS |= {"x", "y", "zg", "w"}
_STOP_WORDS = _words(
    "的 了 和 与 及 暨 以及 或 在 是 为 等 对 将 把 被 从 以 到 也 都 并 并且 要 着 其 该 这 那 我 我们 我省 全省 "
    "本 各 各类 各地 一些 有关 相关 一个 这个 这些 那些 之 而 于 向 由 就 又 还 更 最 很 已 已经 正在 不断 进一步 "
    "加快 推动 推进 建设 打造 实施 培育 加强 提升 支持 促进 深化 做强 做大 做优 壮大 围绕 聚焦 坚持 全面 "
    "持续 积极 大力 着力 努力 重点 突出 强化 完善 优化 扩大 提高 增强 实现 形成 构建 布局 引进 引导 鼓励 "
    "新增 达到 超过 成为 作为 具有 进行 开展 落实 按照 通过 依托 立足 瞄准 抢抓 力争 确保 争取 已经 目前 "
    "当前 今年 去年 其中 同时 以上 以下 左右 多个 多家 一批 一系列 主要 重要 有效 不少 大量 等等 记者 "
    "介绍 表示 指出 认为 据 据了解"
)
_EN_STOP = _words(
    "a an the of and or to in for with on by as at from into its their our this that these those will would shall "
    "be is are was were been being has have had which who whom whose it we they he she you i also more most such "
    "other all each than not no so but if while when where there here about over under up out per via "
    "can could may might must should do does did very well new year years first second third last next "
    "both many much some any only own same further including include includes included among between through "
    "during since until after before within without toward towards around across according"
)
_EN_INNER = {"of", "and", "with", "for"}
_EN_VERBS = _words(
    "foster build expand strengthen accelerate support encourage grow increase enhance implement make take focus "
    "boost establish create cultivate deepen optimize optimise ensure achieve form attract guide improve develop "
    "promote speed push launch carry set put move become help give see reach rank account continue aim strive "
    "work play serve lay provide seize introduce upgrade transform extend consolidate"
)
_INNER_STOPS = _words("的 和 与 及 暨 等 或 并 向 为 在 对 以 从 把 被 之 而 于 到 也 都 是 了 着 将 又 还 就")
_END_STOPS = _words("发展 功能 能级 水平 能力 方向 领域 比重 工作 活动 情况 问题 方面 过程 作用 转型 升级")
_STOP_PREFIXES = tuple(_words("发展 健全 深入 盘活 大力 加快 积极 着力 全面 持续 进一步 特别 推动 推进 努力 不断"))

_EXAMPLES = 3


@frozen
class Example:
    """An aligned sentence pair a candidate comes from, and where it stands (``FILE:LINE`` or an origin)."""

    zh: str
    en: str
    location: str


@frozen
class Candidate:
    """A proposed term pair with its evidence.

    ``frequency`` counts occurrences in the Chinese sentences, ``documents`` the documents holding one;
    ``association`` is the Dice coefficient of the Chinese and the English over the aligned pairs,
    ``score`` the ranking score; ``contains`` names the glossary concepts inside a compound.
    """

    zh: str
    en: str
    score: float
    association: float
    frequency: int
    documents: int
    signals: tuple[str, ...]
    examples: tuple[Example, ...]
    alternatives: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    pinyin: str = field(default="")

    @property
    def location(self) -> str:
        """Where the candidate was first seen."""
        return self.examples[0].location if self.examples else ""


@frozen
class SentencePair:
    """A Chinese sentence and its English translation, with their document and location."""

    zh: str
    en: str
    document: str
    location: str


# Inputs -------------------------------------------------------------------------------------------


@runtime_checkable
class LocatedPair(Protocol):
    """A source and its translation with where the translation stands (the linter's segment pairs)."""

    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...


Input = BilingualDocument | TMUnit | LocatedPair | SentencePair


def sentence_pairs(items: Iterable[Input], glossary: Glossary) -> Iterator[SentencePair]:
    """Aligned sentence pairs of documents (aligned sentence by sentence with the glossary's anchors),
    memory units and segment pairs. A paragraph pair none of whose beads is accepted is kept whole."""
    aligner = _aligner(glossary)
    for item in items:
        if isinstance(item, SentencePair):
            yield item
        elif isinstance(item, TMUnit):
            yield SentencePair(item.source, item.target, item.document or "<memory>", item.origin or "<memory>")
        elif isinstance(item, BilingualDocument):
            yield from _document_pairs(item, aligner)
        else:
            yield SentencePair(item.source, item.target, item.path, f"{item.path}:{item.line}")


def _document_pairs(document: BilingualDocument, aligner: Aligner) -> Iterator[SentencePair]:
    alignment = aligner.align_document(document)
    aligned: set[int] = set()
    for bead in alignment.accepted:
        if bead.is_pair:
            aligned.add(bead.line)
            yield SentencePair("".join(bead.zh), " ".join(bead.en), document.path, bead.origin)
    for pair in document.pairs:
        if pair.zh.line not in aligned:
            yield SentencePair(pair.zh.text, pair.en.text, document.path, f"{document.path}:{pair.zh.line}")


# Chinese candidates -------------------------------------------------------------------------------


@frozen
class _Word:
    text: str
    tag: str
    start: int
    glossary: bool


class _ChineseSide:
    """Segments Chinese sentences and yields the n-grams that may be terms."""

    def __init__(self, glossary: Glossary) -> None:
        self.forms: dict[str, str] = {}
        for concept in glossary:
            for term in concept.terms:
                for form in (term.text, *term.traditional_forms):
                    self.forms.setdefault(form, concept.id)
        import rjieba

        self.tokenizer = rjieba.Jieba()
        for form in self.forms:
            self.tokenizer.add_word(form, None, "gl")

    def words(self, sentence: str) -> list[list[_Word]]:
        """The words of each Han run of a sentence."""
        runs = []
        for match in _HAN_RUN.finditer(sentence):
            start, words = match.start(), []
            for text, tag in self.tokenizer.tag(match.group()):
                words.append(_Word(text, tag, start, tag == "gl" or text in self.forms))
                start += len(text)
            runs.append(words)
        return runs

    def quoted(self, sentence: str) -> Iterator[tuple[str, int, tuple[str, ...]]]:
        """(quotation, start, glossary forms inside) for the short Chinese quotations of a sentence
        that are not glossary forms, numbers or dates."""
        for match in _ZH_QUOTE.finditer(sentence):
            text = match.group(1)
            words = [w for run in self.words(text) for w in run]
            if text not in self.forms and not _is_number_or_date(words):
                yield text, match.start(1), tuple(self.forms[w.text] for w in words if w.glossary)

    def ngrams(self, sentence: str) -> Iterator[tuple[str, int, tuple[str, ...]]]:
        """(n-gram, start, glossary forms inside) for every n-gram of words that may be a term."""
        for words in self.words(sentence):
            for i in range(len(words)):
                if not _may_begin(words[i]) or (i and _split_verb(words[i - 1], words[i])):
                    continue
                if not i and sentence[words[0].start - 1 : words[0].start].isdigit():
                    continue  # 144小时过境免签政策: the name's number stands before the Han run
                for j in range(i + 1, min(i + MAX_WORDS, len(words)) + 1):
                    part = words[i:j]
                    text = "".join(w.text for w in part)
                    if len(text) > MAX_CHARS:
                        break
                    if len(text) < 2 or not _may_end(part[-1]) or text in self.forms:
                        continue
                    if _is_number_or_date(part) or any(not _may_be_inside(w) for w in part[1:-1]):
                        continue
                    inside = tuple(self.forms[w.text] for w in part if w.glossary)
                    if len(part) == 1 and not _FORMULA.match(text) and not _is_name_word(part[0]):
                        continue  # single dictionary words are the segmenter's vocabulary, not new terms
                    yield text, words[i].start, inside


def _may_begin(word: _Word) -> bool:
    if word.glossary:
        return True
    if word.text in _STOP_WORDS or word.tag in _FUNCTION_TAGS or word.tag in ("q", "v", "vd", "vg"):
        return False
    return not any(word.text.startswith(prefix) for prefix in _STOP_PREFIXES)


def _is_name_word(word: _Word) -> bool:
    """A segmenter word of three or more characters that its dictionary tags as a name or fixed phrase."""
    return len(word.text) >= 3 and word.tag in ("nz", "nt", "j", "l")


def _split_verb(before: _Word, word: _Word) -> bool:
    """Whether a word is the second half of a verb pair the segmenter divided (做大 | 做强 → 做 大 做 强)."""
    return len(before.text) == 1 and before.tag.startswith("v") and len(word.text) == 1


def _may_be_inside(word: _Word) -> bool:
    if word.glossary:
        return True
    single_verb = len(word.text) == 1 and word.tag.startswith("v")
    return word.text not in _INNER_STOPS and word.tag not in _FUNCTION_TAGS and not single_verb and word.tag != "v"


def _may_end(word: _Word) -> bool:
    if word.glossary:
        return True
    if word.text in _STOP_WORDS or word.text in _END_STOPS or word.tag in _FUNCTION_TAGS:
        return False
    return not (word.tag == "v" or word.tag == "vd" or word.tag == "a" or word.tag == "ad")


def _is_number_or_date(words: Sequence[_Word]) -> bool:
    text = "".join(w.text for w in words)
    if is_formula(text):
        return False
    if all(ch in _NUMERAL or ch in _MEASURES for ch in text):
        return True
    if _DATE_WORD.match(text) or any(_DATE_WORD.match(w.text) and w.tag in _TIME_TAGS for w in words):
        return True
    # a number with a measure word in front or at the end: 三个, 1000亿元 (Han part), 两年
    return (words[0].tag in ("m", "mq") and not _FORMULA.match(text)) or words[-1].tag in ("m", "mq", "q")


def is_formula(text: str) -> bool:
    """Whether a Chinese term is a numbered formula: a numeral, then words (四基, 三个一批, 十大战略), not a
    mere quantity (三个, 两年, 一批)."""
    return bool(_FORMULA.match(text)) and not _QUANTITY.match(text)


# English counterparts -----------------------------------------------------------------------------


_BREAK = re.compile(r"[^\sA-Za-z0-9'’&-]")


def english_phrases(sentence: str) -> dict[str, bool]:
    """Lemmatised word n-grams of an English sentence that may be a term's rendering, each with
    whether it is written capitalised (every word but ``of``/``and`` begins with a capital).

    A phrase does not cross punctuation, nor begin or end inside a hyphenated word, nor begin or end
    with a function word; it does not begin with a verb's base form nor end with a word that cannot be
    a noun.
    """
    return {key: capital for key, (capital, _) in _phrase_places(sentence).items()}


def _phrase_places(sentence: str) -> dict[str, tuple[bool, float]]:
    """:func:`english_phrases` with where each phrase first stands: the relative position of its middle
    among the sentence's words (0 at the first word, 1 at the last)."""
    spans = english.token_spans(sentence)
    ends = [_may_end_en(sentence, span) for span in spans]
    phrases: dict[str, tuple[bool, float]] = {}
    for i in range(len(spans)):
        if not _may_begin_en(sentence, spans[i]):
            continue
        for j in range(i + 1, min(i + MAX_EN_WORDS, len(spans)) + 1):
            if j - 1 > i and _BREAK.search(sentence[spans[j - 2][1] : spans[j - 1][0]]):
                break
            part = spans[i:j]
            if part[-1][2] in _EN_STOP or part[-1][2] in _EN_INNER or not ends[j - 1]:
                continue
            if any(s[2] in _EN_STOP and s[2] not in _EN_INNER for s in part) or any(s[2].isdigit() for s in part):
                continue
            words = [sentence[s:e] for s, e, _ in part]
            key = " ".join(s[2] for s in part)
            capital = len(part) > 1 and all(w[0].isupper() for w in words if w.lower() not in _EN_INNER)
            capital = capital and (i > 0 or all(w[0].isupper() for w in words[1:] if w.lower() not in _EN_INNER))
            place = (i + j - 1) / 2 / max(1, len(spans) - 1)
            before = phrases.get(key)
            phrases[key] = (capital, place) if before is None else (before[0] or capital, before[1])
    return phrases


@lru_cache(maxsize=100_000)
def _kinds(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows a lowercase word as (empty for an unknown word)."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


def _may_begin_en(sentence: str, span: tuple[int, int, str]) -> bool:
    start, end, base = span
    if not base or base in _EN_STOP or base in _EN_INNER or base in _EN_VERBS or sentence[start - 1 : start] == "-":
        return False
    surface = sentence[start:end].lower()
    kinds = _kinds(surface)
    return not kinds or "NOUN" in kinds or "ADJ" in kinds or "PROPN" in kinds or surface.endswith(("ing", "ed"))


def _may_end_en(sentence: str, span: tuple[int, int, str]) -> bool:
    start, end, base = span
    if not base or sentence[end : end + 1] == "-":  # a word folded to nothing ("s" of "U.S.")
        return False
    surface = sentence[start:end]
    kinds = _kinds(surface.lower())
    noun = "NOUN" in kinds or "PROPN" in kinds or surface.endswith("ing")  # manufacturing, processing
    return not kinds or noun or surface[:1].isupper()


def _surface(sentences: Sequence[str], key: str) -> str:
    """The words that a lemmatised phrase stands for, as written in the first sentence holding them."""
    wanted = key.split()
    for sentence in sentences:
        spans = english.token_spans(sentence)
        for i in range(len(spans) - len(wanted) + 1):
            if [s[2] for s in spans[i : i + len(wanted)]] == wanted:
                text = sentence[spans[i][0] : spans[i + len(wanted) - 1][1]]
                return text if _is_name(text) else text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text
    return key


def _is_name(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _EN_INNER]
    return len(words) > 1 and all(w[0].isupper() for w in words)


# Extraction ---------------------------------------------------------------------------------------


@frozen
class _Seen:
    pair: int
    start: int


def extract_terms(
    units_or_docs: Iterable[Input],
    glossary: Glossary,
    *,
    min_frequency: int = 1,
    limit: int | None = None,
    examples: int = _EXAMPLES,
    dictionary: str | Path | Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Term candidates from bilingual documents, memory units or segment pairs, best first.

    Forms the glossary holds are never proposed. A candidate seen once must have a signal besides
    frequency (quoted, formula, compound, capitalised); ``min_frequency`` raises the bar for all.
    ``dictionary``, a CC-CEDICT file or its :func:`~henan_terms.formats.cedict.word_lexicon`, gives
    the English words of the Chinese words, which find the English counterpart where the glossary
    knows none of them.
    """
    if isinstance(dictionary, str | Path):
        from .formats.cedict import word_lexicon

        dictionary = word_lexicon(dictionary)
    pairs = list(sentence_pairs(units_or_docs, glossary))
    side = _chinese_side(glossary)
    seen: dict[str, list[_Seen]] = defaultdict(list)
    inside: dict[str, tuple[str, ...]] = {}
    quoted: Counter[str] = Counter()
    for index, pair in enumerate(pairs):
        quoted.update(m.group(1) for m in _ZH_QUOTE.finditer(pair.zh))
        found_here = {(text, start): forms for text, start, forms in side.ngrams(pair.zh)}
        found_here.update({(text, start): forms for text, start, forms in side.quoted(pair.zh)})
        for (text, start), forms in found_here.items():
            seen[text].append(_Seen(index, start))
            inside[text] = forms
    en_phrases = [_phrase_places(pair.en) for pair in pairs]
    en_count: Counter[str] = Counter(p for phrases in en_phrases for p in phrases)
    words = _WordTranslations(glossary, side, dictionary or {})
    options: dict[str, tuple[list[_Option], set[str]]] = {}
    for text in _maximal(seen):
        if len(seen[text]) < min_frequency:
            continue
        places_zh = {p.pair: (p.start + len(text) / 2) / max(1, len(pairs[p.pair].zh)) for p in reversed(seen[text])}
        options[text] = _counterparts(
            text, places_zh, pairs, en_phrases, en_count, words.units(text), words.renderings_inside(text)
        )
    linked = _link({text: scored for text, (scored, _) in options.items()}, seen)
    found = []
    for text, (scored, capitalised) in options.items():
        if not scored:
            continue
        places = seen[text]
        frequency = len(places)
        signals = _signals(text, frequency, quoted, inside[text], len(side.tokenizer.cut(text, False)))
        pair_ids = sorted({p.pair for p in places})
        quality, dice, best = scored[linked[text]]
        alternatives = [phrase for _, _, phrase in scored if phrase != best][:3]
        if best in capitalised and "capitalised" not in signals:
            signals = (*signals, "capitalised")
        if frequency < 2 and not signals:
            continue
        documents = len({pairs[i].document for i in pair_ids})
        shown = tuple(Example(pairs[i].zh, pairs[i].en, pairs[i].location) for i in pair_ids[:examples])
        en_text = _surface([pairs[i].en for i in pair_ids], best)
        score = _rank(frequency, documents, signals, quality)
        found.append(
            Candidate(
                zh=text,
                en=en_text,
                score=round(score, 3),
                association=round(dice, 3),
                frequency=frequency,
                documents=documents,
                signals=tuple(s for s in SIGNALS if s in signals),
                examples=shown,
                alternatives=tuple(alternatives),
                contains=tuple(dict.fromkeys(inside[text])),
                pinyin=chinese.generate_pinyin(text),
            )
        )
    found.sort(key=lambda c: (-c.score, -c.frequency, c.zh))
    return found[:limit] if limit is not None else found


def chinese_candidates(sentences: Iterable[str], glossary: Glossary) -> list[str]:
    """The distinct Chinese n-grams of some sentences that may be terms the glossary lacks (quotations
    and segmenter-word n-grams, as ``extract_terms`` sees them), longest first."""
    side = _chinese_side(glossary)
    found = {text for sentence in sentences for text, _, _ in (*side.ngrams(sentence), *side.quoted(sentence))}
    return sorted(found, key=lambda text: (-len(text), text))


def _maximal(seen: dict[str, list[_Seen]]) -> list[str]:
    """The n-grams seen at least once outside every longer candidate: 制造业强省, always inside
    先进制造业强省, is dropped; 先进制造业强省 stays."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for text, places in seen.items():
        for place in places:
            spans[place.pair].append((place.start, place.start + len(text), text))
    covered: Counter[str] = Counter()
    for pair_spans in spans.values():
        for start, end, text in pair_spans:
            if any(s <= start and end <= e and e - s > end - start for s, e, _ in pair_spans):
                covered[text] += 1
    return [text for text, places in seen.items() if covered[text] < len(places)]


def _signals(text: str, frequency: int, quoted: Counter[str], inside: tuple[str, ...], words: int) -> tuple[str, ...]:
    signals = []
    if quoted[text]:
        signals.append("quoted")
    if is_formula(text):
        signals.append("formula")
    if inside:
        signals.append("compound")
    if frequency >= 2 and words >= 2:
        signals.append("recurrent")
    return tuple(signals)


@lru_cache(maxsize=2)
def _aligner(glossary: Glossary) -> Aligner:
    """One aligner per glossary: the memory check extracts terms once per candidate."""
    return Aligner(glossary)


@lru_cache(maxsize=2)
def _chinese_side(glossary: Glossary) -> _ChineseSide:
    return _ChineseSide(glossary)


@lru_cache(maxsize=2)
def _lexicon(glossary: Glossary) -> Mapping[str, frozenset[str]]:
    """Chinese form → its renderings, folded (:func:`english.fold`)."""
    renderings: dict[str, set[str]] = defaultdict(set)
    for concept in glossary:
        folded = {english.fold(r.text) for r in concept.renderings}
        for term in concept.terms:
            renderings[term.text] |= folded
    return MappingProxyType({form: frozenset(found) for form, found in renderings.items()})


def _expected_words(text: str) -> float:
    return max(1.0, len(text) / 1.8)


@frozen
class _Unit:
    """A part of a Chinese candidate (a glossary form inside it or a segmenter word), where it stands,
    and the derivation keys (:func:`english.derivation_key`) of the English words that translate it."""

    start: int
    end: int
    keys: frozenset[str]
    renderings: tuple[frozenset[str], ...] = ()  # a glossary form's renderings, each as its keys
    known: bool = True  # translated by the glossary or the dictionary, not only by its pinyin


class _WordTranslations:
    """The English words of the parts of Chinese candidates: glossary renderings of the glossary forms
    inside, the dictionary's senses of each segmenter word (of its characters where the dictionary
    lacks the word), and the word's pinyin written as one word (郑州 Zhengzhou)."""

    def __init__(self, glossary: Glossary, side: _ChineseSide, dictionary: Mapping[str, str]) -> None:
        self.lexicon = _lexicon(glossary)
        self.side = side
        self.dictionary = dictionary
        self.known: dict[str, tuple[frozenset[str], bool]] = {}

    def units(self, text: str) -> tuple[_Unit, ...]:
        units = []
        for form, renderings in self.lexicon.items():
            if form in text:
                each = tuple(frozenset(_key(w) for w in r.split() if w not in _EN_STOP) for r in renderings)
                start = text.find(form)
                while start >= 0:
                    units.append(_Unit(start, start + len(form), frozenset().union(*each), each))
                    start = text.find(form, start + 1)
        glossary = [(u.start, u.end) for u in units]
        start = 0
        for word in self.side.tokenizer.cut(text, False):
            end = start + len(word)
            if not any(s <= start and end <= e for s, e in glossary):  # the glossary knows better
                keys, known = self.word(word)
                units.append(_Unit(start, end, keys, known=known))
            start = end
        return tuple(units)

    def renderings_inside(self, text: str) -> frozenset[str]:
        """The folded renderings of the glossary forms inside a Chinese candidate."""
        return frozenset(r for form, renderings in self.lexicon.items() if form in text for r in renderings)

    def pieces(self, word: str) -> Iterator[list[str]]:
        """The senses of the parts of a word the dictionary lacks: its longest dictionary words from the
        left (关键环节 → 关键 环节), and of a character that begins none, its first two senses."""
        start = 0
        while start < len(word):
            for end in range(min(len(word), start + 4), start, -1):
                senses = self.dictionary.get(word[start:end])
                if senses is not None and (end - start > 1 or senses):
                    break
            found = (senses or "").split("/")
            yield found if end - start > 1 else found[:2]
            start = end

    def word(self, word: str) -> tuple[frozenset[str], bool]:
        """The keys of the English words of a segmenter word, and whether the dictionary gave any."""
        found = self.known.get(word)
        if found is None:
            senses = self.dictionary.get(word, "").split("/")
            if senses == [""] and len(word) > 1:
                senses = [sense for piece in self.pieces(word) for sense in piece]
            keys = {_key(w) for sense in senses for w in sense.split() if w not in _EN_STOP}
            known = bool(keys)
            if chinese.has_han(word):
                with contextlib.suppress(ValueError):  # a character pypinyin cannot read
                    keys.add(chinese.pinyin_key(chinese.generate_pinyin(word)))
            found = self.known[word] = (frozenset(keys), known)
        return found


@lru_cache(maxsize=100_000)
def _key(word: str) -> str:
    return english.derivation_key(word)


_Option = tuple[float, float, str]
"""An English counterpart of a Chinese candidate: its score, its Dice coefficient, the phrase."""

_OPTIONS = 10  # counterparts kept for each candidate, for linking


def _counterparts(
    text: str,
    places: Mapping[int, float],
    pairs: Sequence[SentencePair],
    en_phrases: Sequence[dict[str, tuple[bool, float]]],
    en_count: Counter[str],
    units: Sequence[_Unit],
    inside: frozenset[str],
) -> tuple[list[_Option], set[str]]:
    """The English n-grams of best association with a Chinese candidate, best first, each with its score
    (Dice weighted by word overlap, length, position and form) and Dice; and those of them written
    capitalised. ``places`` gives, for each pair holding the candidate, where it stands in the Chinese;
    ``inside`` holds the renderings of the glossary terms inside it."""
    joint: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    position: dict[str, float] = defaultdict(float)
    en_quoted = False
    for i, zh_place in places.items():
        for phrase, (is_capital, en_place) in en_phrases[i].items():
            joint[phrase] += 1
            capital[phrase] += is_capital
            position[phrase] += 1 - abs(zh_place - en_place)
        en_quoted = en_quoted or bool(_EN_QUOTE.search(pairs[i].en))
    unknown = not any(unit.known for unit in units)
    expected = _expected_words(text)
    scored = []
    for phrase, both in joint.items():
        dice = 2 * both / (len(places) + en_count[phrase])
        words = phrase.split()
        content = [_key(w) for w in words if w not in _EN_INNER]
        overlap = (_en_cover(content, units) + _zh_cover(text, content, units)) / 2
        length = math.exp(-abs(math.log(len(words) / expected)))
        quote = 0.3 if en_quoted and any(_quoted_in(pairs[i].en, phrase) for i in places) else 0.0
        name = 0.2 if capital[phrase] * 2 > both and (overlap or unknown) else 0.0
        part = 0.3 if phrase in inside else 1.0  # a compound is more than the rendering of its glossary term
        near = 0.3 * position[phrase] / both
        scored.append((part * dice * (0.5 + overlap + 0.5 * length + quote + name + near), dice, phrase))
    scored.sort(key=lambda s: (-s[0], -len(s[2]), s[2]))
    kept = scored[:_OPTIONS]
    return kept, {phrase for _, _, phrase in kept if capital[phrase] * 2 > joint[phrase]}


def _link(options: Mapping[str, Sequence[_Option]], seen: Mapping[str, list[_Seen]]) -> dict[str, int]:
    """Which counterpart each candidate takes, by competitive linking (Melamed 2000): the links are
    taken best score first, and a phrase taken by one candidate is not taken by another that shares a
    sentence pair with it (a slogan beside a name does not get the name's English). A candidate whose
    every counterpart went to others keeps its best."""
    pairs_of = {text: {place.pair for place in seen[text]} for text in options}
    order = sorted(
        ((option[0], text, k) for text, scored in options.items() for k, option in enumerate(scored)),
        key=lambda link: (-link[0], link[1], link[2]),
    )
    chosen: dict[str, int] = {}
    holders: dict[str, list[str]] = defaultdict(list)
    for _, text, k in order:
        phrase = options[text][k][2]
        if text in chosen or any(_rivals(text, other, pairs_of) for other in holders[phrase]):
            continue
        chosen[text] = k
        holders[phrase].append(text)
    return {text: chosen.get(text, 0) for text in options}


def _rivals(text: str, other: str, pairs_of: Mapping[str, set[int]]) -> bool:
    """Whether two candidates compete for an English phrase: they share a sentence pair and neither
    holds the other (郑州机场海关 and a longer candidate holding it may both be rendered by its name)."""
    return bool(pairs_of[text] & pairs_of[other]) and text not in other and other not in text


def _en_cover(content: Sequence[str], units: Sequence[_Unit]) -> float:
    """Share of the content words of an English phrase that translate a part of the Chinese."""
    if not content:
        return 0.0
    known = set().union(*(unit.keys for unit in units)) if units else set()
    return sum(key in known for key in content) / len(content)


def _zh_cover(text: str, content: Sequence[str], units: Sequence[_Unit]) -> float:
    """Share of the characters of a Chinese candidate that the English phrase translates: those of a
    segmenter word one of whose English words it holds, and those of a glossary form in the measure
    of the words of its rendering it holds."""
    words = set(content)
    covered = [0.0] * len(text)
    for unit in units:
        if unit.renderings:  # a glossary form: the share of its best rendering's words
            share = max(len(r & words) / len(r) if r else 0.0 for r in unit.renderings)
        else:
            share = 1.0 if unit.keys & words else 0.0
        for i in range(unit.start, unit.end):
            covered[i] = max(covered[i], share)
    return sum(covered) / len(text)


def _quoted_in(sentence: str, phrase: str) -> bool:
    return any(english.fold(m.group(1)) == phrase for m in _EN_QUOTE.finditer(sentence))


def _rank(frequency: int, documents: int, signals: Sequence[str], quality: float) -> float:
    weights = {"quoted": 1.5, "formula": 1.5, "compound": 0.5, "capitalised": 1.0, "recurrent": 0.5}
    return math.log2(1 + frequency) + 0.5 * (documents - 1) + sum(weights[s] for s in signals) + 2 * quality


def read_inputs(paths: Iterable[str | Path]) -> list[Input]:
    """Documents of every format ``lint`` reads: bilingual text files as documents (to be aligned
    sentence by sentence), PO, XLIFF, TMX and Qt Linguist files as their units, located by file and line."""

    items: list[Input] = []
    for path in paths:
        if Path(path).suffix.lower() in UNIT_SUFFIXES:
            items.extend(SentencePair(u.source, u.target, str(path), f"{path}:{u.line}") for u in read_units(path))
        else:
            items.append(read_bilingual(path))
    return items


def extract_from(
    paths: Iterable[str | Path],
    glossary: Glossary,
    *,
    tm: str | None = None,
    limit: int | None = None,
    dictionary: str | Path | None = None,
) -> list[Candidate]:
    """Candidates from files (every format ``lint`` reads) and the units of a translation memory, with
    a CC-CEDICT file's words to find the English (``extract_terms``)."""
    items = read_inputs(paths)
    if tm is not None:
        from .tm.store import open_tm  # the stores and their index: only when a memory is read

        with open_tm(tm, create=False) as memory:
            items.extend(memory.units())
    return extract_terms(items, glossary, limit=limit, dictionary=dictionary)
