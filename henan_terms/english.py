"""English text: tokens and inflection-tolerant keys for renderings.

lemminflect (and the numpy it brings) is imported when a word its dictionary does not know is first
met, or when the table of the words it knows is built for the cache.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache

__all__ = [
    "base_form",
    "counted",
    "derivation_key",
    "fold",
    "is_comparison",
    "is_short_form",
    "is_verb_form",
    "is_word_class_change",
    "token_spans",
    "word_forms",
]

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019&][A-Za-z0-9]+)*")
_ARTICLES = frozenset({"a", "an", "the"})


@lru_cache(maxsize=100_000)
def base_form(word: str) -> str:
    """The uninflected form of a lowercase word: a known noun's singular (enterprises → enterprise,
    industries → industry, building stays), else a known verb's base form (developed → develop),
    else the singular by lemminflect's rules for unknown words (smes → sme). Derivations are kept
    apart: industrial is not industry.

    The first two come from a table of every word lemminflect's dictionary knows as a noun or a
    verb, built once and kept in the cache: reading lemminflect's own tables takes longer than a
    whole lint of an article."""
    if word == word.lower():
        known = _dictionary_base_forms().get(word)
        return known if known is not None else _unknown_base_form(word)
    known = _dictionary_base_form(word)
    return known if known is not None else _unknown_base_form(word)


def is_comparison(word: str, adjective: str) -> bool:
    """Whether a word is the comparative or superlative of an adjective (higher, highest for high):
    a degree of the same word, not a changed one."""
    if not word.startswith(adjective[:2]) or word == adjective:
        return False
    from lemminflect import getLemma

    return adjective in getLemma(word, upos="ADJ", lemmatize_oov=False)


def is_short_form(rendering: str) -> bool:
    """A rendering written short in capitals (NEV, Q1, FTZ): another way of writing a longer one."""
    return rendering.isupper() and len(rendering) <= 6


def is_verb_form(word: str, verb: str) -> bool:
    """Whether a word is an inflected form of a verb (building, built, builds for build)."""
    if not word.startswith(verb[:2]):
        return False
    from lemminflect import getLemma

    return verb in getLemma(word, upos="VERB", lemmatize_oov=False)


def _dictionary_base_form(word: str) -> str | None:
    """A known noun's singular, else a known verb's base form, else None."""
    from lemminflect import getLemma

    for upos in ("NOUN", "VERB"):
        lemmas = getLemma(word, upos=upos, lemmatize_oov=False)
        if lemmas:
            return str(lemmas[0])
    return None


def _unknown_base_form(word: str) -> str:
    """The singular by lemminflect's rules for words its dictionary does not know, or the word."""
    from lemminflect import getAllLemmasOOV

    lemmas = getAllLemmasOOV(word, "NOUN").get("NOUN", ())
    return str(lemmas[0]) if lemmas else word


@cache
def _dictionary_base_forms() -> Mapping[str, str]:
    """:func:`_dictionary_base_form` of every lowercase word of lemminflect's dictionary (the only
    words its lookup reaches), from the cache, or built and stored there for this text of the
    module and this version of lemminflect."""
    import hashlib
    from importlib.metadata import version
    from pathlib import Path

    from .cache import cached, remember

    rules = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # this module's rules, as written
    name = f"base-forms-{rules}-lemminflect-{version('lemminflect')}"
    table = cached(name)
    if isinstance(table, dict):
        return table
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.codecs.OverridesCodec import OverridesCodec

    words = {*LemmaLUCodec.load(config.lemma_lu_fn), *OverridesCodec.load(config.lemma_overrides_fn)}
    table = {w: base for w in sorted(words) if w == w.lower() and (base := _dictionary_base_form(w)) is not None}
    remember(name, table)
    return table


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as (start, end, base): offsets into ``text``, base forms lowercase and uninflected.

    Hyphens, slashes and punctuation separate words; Chinese characters are not words; articles
    (a, an, the) are left out, so "the first edition of the software" reads as "first edition of software";
    a possessive is its noun ("Henan's" reads as "henan", "industries'" as "industry").
    """
    return [
        (m.start(), m.end(), base_form(_without_possessive(word)))
        for m in _TOKEN.finditer(text)
        if (word := m.group().lower()) not in _ARTICLES
    ]


def word_forms(text: str) -> list[str]:
    """The words of a text as :func:`token_spans` reads them before taking their base forms: lowercase,
    articles left out, possessives dropped ("the Leading Enterprises'" gives ``["leading", "enterprises"]``)."""
    return [_without_possessive(word) for m in _TOKEN.finditer(text) if (word := m.group().lower()) not in _ARTICLES]


def _without_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if "'" in word or "\u2019" in word else word


_POSSESSIVE = re.compile(r"(?<=[a-z0-9])['\u2019]s?$|(?<=s)['\u2019]$")
_SUFFIXES = (
    "izations",
    "ization",
    "isations",
    "isation",
    "izing",
    "ising",
    "ized",
    "ised",
    "izes",
    "ises",
    "ize",
    "ise",
    "ically",
    "ally",
    "ical",
    "ly",
    "ic",
    "al",
    "ity",
)
_VERBAL = re.compile(r"i[sz](?:e|es|ed|ing|ation|ations)$")


@lru_cache(maxsize=100_000)
def derivation_key(base: str) -> str:
    """A key shared by the derivations of one word: modern, modernize and modernization; industry,
    industrial and industrialize; strategic and strategically (suffixes stripped while at least four
    letters remain, a final y read as i)."""
    word = base
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                stripped = True
                break
    return word[:-1] + "i" if word.endswith("y") and len(word) > 4 else word


def is_word_class_change(word: str, other: str) -> bool:
    """Whether two words of one derivation key differ as official translations change a word class:
    a verb- or noun-forming suffix (-ize, -ization: modern / modernize / modernization), when they
    turn a noun phrase into a verb phrase, or an adjective and the noun it comes from (-al:
    educational / education, industrial / industry), when they use the noun as a modifier;
    "strategically" for "strategic" is neither."""
    if word == other:
        return False
    if _VERBAL.search(word) or _VERBAL.search(other):
        return True
    noun, adjective = sorted((word, other), key=len)
    return adjective in (noun + "al", noun[:-1] + "ial", noun[:-1] + "al")


def fold(text: str) -> str:
    """A key equal for case, hyphen/space and regular inflection variants of one rendering.

    >>> fold("Leading Enterprises") == fold("leading enterprise")
    True
    >>> fold("high-end") == fold("high end")
    True
    """
    return " ".join(stem for *_, stem in token_spans(unicodedata.normalize("NFKC", text)))


def counted(count: int, noun: str) -> str:
    """A count with its noun in the right number: ``1 segment``, ``2 segments``, ``2 clashes`` (regular
    plurals)."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}{'es' if noun.endswith(('s', 'sh', 'ch', 'x', 'z')) else 's'}"
