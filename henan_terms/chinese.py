"""Chinese text: pinyin, script variants and detection, word segmentation.

The only module that imports pypinyin, OpenCC and the segmenter, rjieba (jieba-rs: jieba's
dictionary and algorithm, compiled; the tests check it cuts as jieba does). Each is imported by the
functions that use it, when first called: linting a simplified text with a cached glossary needs no
pinyin and no conversion, and a command that spots no term inside a run of Chinese loads no
dictionary. Nothing here changes the process-wide state of those libraries: converters and
segmenters with extra words are private instances, and curated readings are applied on top of
pypinyin's output, never loaded into its dictionaries.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .model import Script, ScriptVariant

if TYPE_CHECKING:
    import rjieba

__all__ = [
    "HAN",
    "TRADITIONAL_CONFIGS",
    "Segmenter",
    "convert",
    "detect_script",
    "generate_pinyin",
    "han_chars",
    "has_han",
    "has_tone",
    "is_syllable",
    "lexical_words",
    "pinyin_key",
    "readings",
    "syllables",
    "taiwan_phrasing",
    "to_marks",
    "to_numbers",
    "to_simplified",
    "to_toneless",
    "tone_readings",
    "traditional_variants",
    "words",
    "written_pinyin",
]

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

TRADITIONAL_CONFIGS: Mapping[str, str] = {"zh-Hant": "s2t", "zh-TW": "s2tw", "zh-HK": "s2hk"}
"""Language tag of each traditional script variant and the OpenCC conversion producing it."""

_TONE_MARKS = "\u0304\u0301\u030c\u0300"  # macron, acute, caron, grave on NFD vowels
_HAN_RUN = re.compile(f"(?:{HAN.pattern})+")
_SANDHI_FREE = {"一": "yī", "不": "bù"}
_INITIAL_VOWEL = re.compile(r"^[aoeāáǎàōóǒòēéěè]")


def han_chars(text: str) -> list[str]:
    """The Han characters of a text, in order."""
    return HAN.findall(text)


def has_han(text: str) -> bool:
    """Whether the text contains a Han character."""
    return HAN.search(text) is not None


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(f"{config}.json")


def convert(text: str, config: str) -> str:
    """Convert text with an OpenCC configuration such as ``s2t`` or ``t2s``."""
    return str(_converter(config).convert(text))


def to_simplified(text: str) -> str:
    """Simplified form of a traditional or mixed text."""
    return convert(text, "t2s")


def traditional_variants(text: str) -> tuple[ScriptVariant, ...]:
    """The distinct traditional forms of a simplified term, each with the tags it serves."""
    tags_by_form: dict[str, list[str]] = {}
    for tag, config in TRADITIONAL_CONFIGS.items():
        tags_by_form.setdefault(convert(text, config), []).append(tag)
    return tuple(ScriptVariant(form, tuple(tags)) for form, tags in tags_by_form.items())


def taiwan_phrasing(text: str) -> str | None:
    """OpenCC's Taiwan vocabulary rewrite (s2twp), where it differs from the plain s2tw form.

    Only a suggestion: it replaces words, not characters (智能化 → 智慧化).
    """
    phrased = convert(text, "s2twp")
    return phrased if phrased != convert(text, "s2tw") else None


def detect_script(text: str) -> Script:
    """Whether a text is written in simplified, traditional or mixed characters.

    A text has simplified characters when every traditional conversion changes it (链), and
    traditional ones when the simplified conversion changes it (鏈). Whole texts are converted, so
    that phrases decide (北斗 stays 北斗), and characters some traditional standards keep (群, which
    s2t alone turns into 羣) decide nothing.
    """
    simplified = all(convert(text, config) != text for config in TRADITIONAL_CONFIGS.values())
    traditional = to_simplified(text) != text
    if simplified and traditional:
        return Script.MIXED
    if simplified:
        return Script.SIMPLIFIED
    if traditional:
        return Script.TRADITIONAL
    return Script.NEUTRAL


# Pinyin -------------------------------------------------------------------------------------------


def generate_pinyin(text: str) -> str:
    """Pinyin in tone marks for the Han characters of a text, by pypinyin's phrase dictionary.

    Neutral-tone syllables are replaced by the character's own tone, as careful (dictionary)
    pinyin writes them: 电子 → diàn zǐ; and 一 and 不 keep their original tones (yī, bù), not
    pypinyin's sandhi forms. Raises ValueError naming the characters pypinyin has no reading for.
    """
    from pypinyin import Style, lazy_pinyin

    guessed = lazy_pinyin(text, style=Style.TONE, errors="ignore")
    if len(guessed) != len(han_chars(text)):
        unknown = "".join(c for c in han_chars(text) if not lazy_pinyin(c, style=Style.TONE, errors="ignore"))
        raise ValueError(f"no pinyin reading is known for {unknown or text}; give the pinyin")
    return " ".join(
        _SANDHI_FREE.get(char) or (syllable if has_tone(syllable) else _own_tone(char, syllable))
        for syllable, char in zip(guessed, han_chars(text), strict=True)
    )


def _own_tone(char: str, neutral: str) -> str:
    from pypinyin import Style, pinyin
    from pypinyin.contrib.tone_convert import to_normal

    toned = (r for r in pinyin(char, style=Style.TONE, heteronym=True)[0] if has_tone(r))
    return next((r for r in toned if to_normal(r) == neutral), neutral)


def has_tone(syllable: str) -> bool:
    """Whether a syllable in tone marks carries a tone mark."""
    return any(mark in unicodedata.normalize("NFD", syllable) for mark in _TONE_MARKS)


def syllables(pinyin_text: str) -> list[str]:
    """The syllables of pinyin written with spaces between syllables."""
    return pinyin_text.split()


def to_marks(pinyin_text: str) -> str:
    """Tone marks from pinyin in tone marks or tone numbers (``lian4`` → ``liàn``)."""
    from pypinyin.contrib.tone_convert import to_tone

    return " ".join(to_tone(s.lower().replace("u:", "v")) for s in syllables(pinyin_text))


def to_numbers(pinyin_marks: str) -> str:
    """Tone numbers from tone marks (``liàn zhǎng`` → ``lian4 zhang3``)."""
    from pypinyin.contrib.tone_convert import to_tone3

    return " ".join(to_tone3(s, v_to_u=True) for s in syllables(pinyin_marks))


@lru_cache(maxsize=100_000)
def to_toneless(pinyin_marks: str) -> str:
    """Pinyin without tones (``liàn zhǎng`` → ``lian zhang``)."""
    from pypinyin.contrib.tone_convert import to_normal

    return " ".join(to_normal(s, v_to_u=True) for s in syllables(pinyin_marks))


def pinyin_key(text: str) -> str:
    """A lookup key for pinyin in any style: toneless, no spaces, ü folded to u.

    ``liàn zhǎng zhì``, ``lian4 zhang3 zhi4`` and ``LianZhangZhi`` share the key ``lianzhangzhi``.
    """
    bare = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if c.isascii())
    return re.sub(r"[^a-z]", "", bare.replace("u:", "u").replace("v", "u"))


@cache
def _toneless_syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    distinct = {reading for readings in PINYIN_DICT.values() for reading in readings.split(",")}
    return frozenset(to_normal(reading, v_to_u=True) for reading in distinct)


@cache
def is_syllable(syllable: str) -> bool:
    """Whether a syllable (tone marks) is a syllable of Mandarin pinyin."""
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=True) in _toneless_syllables()


@cache
def readings(char: str) -> frozenset[str]:
    """Every toneless reading pypinyin knows for a character."""
    from pypinyin import pinyin
    from pypinyin.contrib.tone_convert import to_normal

    return frozenset(to_normal(r, v_to_u=True) for r in pinyin(char, heteronym=True)[0])


@cache
def tone_readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for a character, in tone marks (基: jī)."""
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, heteronym=True, style=Style.TONE)[0])


# Segmentation -------------------------------------------------------------------------------------


def words(text: str) -> Iterator[str]:
    """Words of a text by jieba's default dictionary (no new-word guessing).

    This and :func:`lexical_words` cut with the segmenter rjieba builds when imported, its dictionary
    as shipped, rather than loading the dictionary a second time; nothing here adds a word to it."""
    import rjieba

    return iter(rjieba.cut(text, False))


def lexical_words(text: str) -> Iterator[str]:
    """Words of a text, with dictionary compounds of four or more characters divided into their
    own words (技术改造 → 技术 | 改造), as GB/T 16159 divides them."""
    import rjieba

    for word in words(text):
        parts = {w for w in rjieba.cut_for_search(word, False) if len(w) < len(word)}
        yield from (_tile(word, parts) if len(word) >= 4 else None) or [word]


def _tile(word: str, parts: set[str]) -> list[str] | None:
    """Cover a word with parts, longest first from the left; None if they do not cover it."""
    tiles, start = [], 0
    while start < len(word):
        end = next((e for e in range(len(word), start, -1) if word[start:e] in parts), None)
        if end is None:
            return None
        tiles.append(word[start:end])
        start = end
    return tiles


class Segmenter:
    """Word boundaries by jieba's dictionary and algorithm (compiled, through rjieba), with extra
    words (a glossary's terms) added to a private dictionary.

    Only runs of Han characters are segmented, each when first asked about; the edges of a run
    are always boundaries. The segmentation of the last text asked about is kept, nothing more.
    The dictionary is loaded when a boundary inside a run is first asked about, and a pickled
    segmenter keeps only its extra words (the cache stores it with its glossary).
    """

    def __init__(self, extra_words: Iterable[str]) -> None:
        self._extra_words = tuple(extra_words)
        self._jieba: rjieba.Jieba | None = None
        self._text = ""
        self._runs: list[tuple[int, int]] = []
        self._run_starts: list[int] = []
        self._offsets: dict[int, frozenset[int]] = {}

    def __reduce__(self) -> tuple[type[Segmenter], tuple[tuple[str, ...]]]:
        return Segmenter, (self._extra_words,)

    @property
    def _tokenizer(self) -> rjieba.Jieba:
        if self._jieba is None:
            import rjieba

            self._jieba = rjieba.Jieba()
            for word in self._extra_words:
                self._jieba.add_word(word, None, None)
        return self._jieba

    def is_word_span(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` begins and ends on word boundaries (产业链长期: 链长 does not)."""
        if text is not self._text:
            self._text = text
            self._runs = [m.span() for m in _HAN_RUN.finditer(text)]
            self._run_starts = [run_start for run_start, _ in self._runs]
            self._offsets = {}
        return self._is_boundary(start) and self._is_boundary(end)

    def _is_boundary(self, position: int) -> bool:
        index = bisect.bisect_right(self._run_starts, position) - 1
        if index < 0:
            return True
        run_start, run_end = self._runs[index]
        if position <= run_start or position >= run_end:
            return True
        offsets = self._offsets.get(run_start)
        if offsets is None:
            words = self._tokenizer.cut(self._text[run_start:run_end], False)
            offsets = self._offsets[run_start] = frozenset(itertools.accumulate(len(w) for w in words))
        return position - run_start in offsets


def written_pinyin(text: str, pinyin_marks: str) -> str:
    """The GB/T 16159 written form: syllables of one word joined, words separated by spaces.

    Terms of up to three characters are one word (链长制 → liànzhǎngzhì); longer ones are divided
    into lexical words (技术改造 → jìshù gǎizào). An apostrophe separates a syllable starting with
    a, o or e.
    """
    remaining = iter(syllables(pinyin_marks))
    text_words = [text] if len(han_chars(text)) <= 3 else list(lexical_words(text))
    written = []
    for word in text_words:
        joined = ""
        for _ in han_chars(word):
            syllable = next(remaining)
            if joined and _INITIAL_VOWEL.match(syllable):
                joined += "'"
            joined += syllable
        if joined:
            written.append(joined)
    return " ".join(written)
