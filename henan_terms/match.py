"""Term spotting: glossary terms in Chinese source text and their renderings in English text.

Source side: one Aho–Corasick automaton over every Chinese form of every concept (simplified,
traditional, abbreviations), leftmost-longest matches, and only matches that begin and end on word
boundaries of the sentence. Target side: one automaton over the stemmed words of every rendering,
whole words only, case-, hyphen- and inflection-insensitive, overlapping matches resolved to the
longest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

import ahocorasick
from attrs import frozen
from rapidfuzz.distance import Levenshtein

from . import chinese, english
from .chinese import Segmenter
from .model import Concept, Rendering, Status

__all__ = [
    "SourceMatch",
    "SourceSpotter",
    "TargetMatch",
    "TargetSpotter",
]

_PRIORITY = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2}


@frozen
class SourceMatch:
    """A Chinese form of a concept found in source text at ``[start, end)``."""

    concept: Concept
    form: str
    start: int
    end: int


@frozen
class TargetMatch:
    """A rendering of a concept found in target text at character offsets ``[start, end)``.

    ``kind``: ``exact`` (the rendering, up to case, hyphens, articles and inflection),
    ``coordinated`` (sharing a head or a modifier with another phrase: "industrial and supply
    chains" for "industrial chain"), ``acronym`` ("NEV" for "new energy"), ``admitted-variant``
    (a derivation: "modernize the industrial system" for "modern industrial system"), or ``near``
    (a phrase close to the rendering, not accepted: "strategically emerging industries").
    """

    concept: Concept
    rendering: Rendering
    start: int
    end: int
    kind: str = "exact"
    how: str = ""  # for near matches: what differs


class SourceSpotter:
    """Finds glossary terms in Chinese text."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        forms: dict[str, list[Concept]] = {}
        for concept in concepts:
            for term in concept.terms:
                for form in (term.text, *term.traditional_forms):
                    holders = forms.setdefault(form, [])
                    if concept not in holders:
                        holders.append(concept)
        self._automaton = ahocorasick.Automaton()
        for form, holders in forms.items():
            self._automaton.add_word(form, (form, tuple(holders)))
        self._automaton.make_automaton()
        self._segmenter = Segmenter(forms)

    def concept_ids(self, text: str) -> Iterator[str]:
        """The concept of every form in a text, overlapping forms included (the aligner's anchors)."""
        if not len(self._automaton):  # a glossary without terms: an automaton never made
            return
        for _end, (_form, holders) in self._automaton.iter(text):
            yield from sorted({concept.id for concept in holders})

    def spot(self, text: str) -> list[SourceMatch]:
        """Terms in the text: longest first, never across a word boundary, never overlapping."""
        candidates = [(end + 1 - len(form), end + 1, holders) for end, (form, holders) in self._automaton.iter(text)]
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        found: list[SourceMatch] = []
        last_end = -1
        for start, end, holders in candidates:
            if start >= last_end and self._segmenter.is_word_span(text, start, end):
                found += [SourceMatch(concept, text[start:end], start, end) for concept in holders]
                last_end = end
        return found

    def compounds(self, text: str, matches: Iterable[SourceMatch]) -> list[tuple[SourceMatch, str]]:
        """The matches that stand inside a longer word of the text by jieba's own dictionary (without
        the glossary's terms), each with that word: a term that is a proper part of a compound."""
        spans = []
        position = 0
        for word in chinese.words(text):
            spans.append((position, position + len(word), word))
            position += len(word)
        found = []
        for match in matches:
            for start, end, word in spans:
                if start <= match.start and match.end <= end and end - start > match.end - match.start:
                    found.append((match, word))
                    break
        return found


class TargetSpotter:
    """Finds renderings in English text."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        concepts = list(concepts)
        renderings: dict[str, list[tuple[Concept, Rendering]]] = {}
        self._by_concept: dict[str, list[tuple[Rendering, tuple[str, ...]]]] = {}
        for concept in concepts:
            for rendering in concept.renderings:
                key = english.fold(rendering.text)
                renderings.setdefault(key, []).append((concept, rendering))
                if key and rendering.status is not Status.DEPRECATED:
                    self._by_concept.setdefault(concept.id, []).append((rendering, tuple(key.split())))
        self._keys = frozenset(renderings)
        self._concepts = {concept.id: concept for concept in concepts}
        self._last = _Read("")
        self._automaton = ahocorasick.Automaton()
        for key, holders in renderings.items():
            if key:
                pattern = f" {key} "
                self._automaton.add_word(pattern, (len(pattern), key.count(" ") + 1, tuple(holders)))
        self._automaton.make_automaton()

    def concept_ids(self, folded: str) -> Iterator[str]:
        """The concept of every rendering in a folded text (:func:`english.fold`, a space either side),
        overlapping renderings included (the aligner's anchors)."""
        if not len(self._automaton):
            return
        for _end, (_length, _words, holders) in self._automaton.iter(folded):
            yield from sorted({concept.id for concept, _ in holders})

    def spot(self, text: str, needs: Mapping[str, int]) -> list[TargetMatch]:
        """Renderings standing for the source's terms: ``needs`` maps each concept id to its number
        of occurrences in the source, and each occurrence takes at most one rendering.

        The longest renderings are taken first, then preferred before admitted before deprecated,
        then in reading order; a rendering overlapping one already taken is not counted (so "BeiDou
        applications" is one rendering, not also "BeiDou"), and a surplus occurrence of a long
        rendering leaves the words inside it free for a shorter one.
        """
        tokens = self._tokens(text)
        if not tokens:
            return []
        stems = " " + " ".join(stem for *_, stem in tokens) + " "
        token_at = {}
        position = 1
        for index, (*_, stem) in enumerate(tokens):
            token_at[position] = index
            position += len(stem) + 1
        candidates = []
        for end, (pattern_length, word_count, holders) in self._automaton.iter(stems):
            first = token_at[end + 2 - pattern_length]
            candidates += [
                (first, first + word_count, concept, rendering)
                for concept, rendering in holders
                if needs.get(concept.id)
            ]
        candidates.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[3].status], c[0]))
        remaining = dict(needs)
        taken = [False] * len(tokens)
        found = []
        for first, last, concept, rendering in candidates:
            if remaining[concept.id] and not any(taken[first:last]):
                remaining[concept.id] -= 1
                taken[first:last] = [True] * (last - first)
                found.append(TargetMatch(concept, rendering, tokens[first][0], tokens[last - 1][1]))
        unmet = [c for c, count in needs.items() if remaining.get(c, count) and c in self._by_concept]
        if unmet:
            read = self._read(text)
            for concept_id in unmet:
                found += self._weaker(read, self._concepts[concept_id], taken)
        return sorted(found, key=lambda m: m.start)

    def _weaker(self, read: _Read, concept: Concept, taken: list[bool]) -> list[TargetMatch]:
        """A coordinated, acronym or admitted-variant match for a concept with no exact rendering."""
        tokens = read.tokens
        for rendering, words in self._by_concept[concept.id]:
            coordinated = words[0] in read.index and words[-1] in read.index
            inflected = len(words) > 1 and words[-1] in read.index
            if not (inflected or read.acronyms or english.derivation_key(words[0]) in read.derived):
                continue  # nothing of the rendering in the text
            for kind, span in (
                ("coordinated", _coordinated(read, words) if coordinated else None),
                ("acronym", _acronym(read.acronyms, words)),
                ("admitted-variant", _derived(read, words, taken)),
                ("admitted-variant", _inflected_verb(read, words, taken) if inflected else None),
            ):
                if span is not None:
                    first, last = span
                    return [TargetMatch(concept, rendering, tokens[first][0], tokens[last - 1][1], kind)]
        return []

    def _tokens(self, text: str) -> list[tuple[int, int, str]]:
        """The tokens of the text, kept for the last text read (spot, then near, read the same one)."""
        return self._read(text).tokens

    def _read(self, text: str) -> _Read:
        if self._last.text != text:
            self._last = _Read(text)
        return self._last

    def near(self, text: str, concepts: Iterable[Concept]) -> list[TargetMatch]:
        """Phrases of the text close to an accepted rendering of each concept, that are not themselves
        a rendering in the glossary: one word changed by a typo or an affix ("strategically emerging
        industries"), two words run together ("14thFive-Year Plan")."""
        read = self._read(text)
        tokens = read.tokens
        found = []
        for concept in concepts:
            for rendering, words in self._by_concept.get(concept.id, []):
                hit = _near(read, words, _optional_words(rendering.text), _written(rendering.text, words))
                if hit is None:
                    continue
                first, last, how = hit
                start, end = tokens[first][0], tokens[last - 1][1]
                closing = rendering.text[len(rendering.text.rstrip(")]”’\"'")) :]
                if closing and text.startswith(closing, end):
                    end += len(closing)  # "(Zhengzhou)": the phrase ends where the rendering does
                if english.fold(text[start:end]) not in self._keys:
                    found.append(TargetMatch(concept, rendering, start, end, "near", how))
                    break
        return found


@lru_cache(maxsize=100_000)
def _optional_words(rendering: str) -> frozenset[str]:
    """The words a translation may leave out of a rendering: function words and its possessive words
    ("Party's"); read once per rendering, since every segment that lacks the rendering asks again."""
    possessives = {english.base_form(word.lower()) for word in _POSSESSIVE.findall(rendering)}
    return _FUNCTION_WORDS | possessives


_POSSESSIVE = re.compile(r"([A-Za-z]+)['\u2019]s\b")


class _Read:
    """An English text read once for all the renderings looked for in it: tokens, base forms,
    derivation keys, where each base form stands, and the acronyms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = english.token_spans(text) if text else []
        self.stems = [stem for *_, stem in self.tokens]
        self.keys = [english.derivation_key(stem) for stem in self.stems]
        self.derived = set(self.keys)
        self.index: dict[str, list[int]] = {}
        for position, stem in enumerate(self.stems):
            self.index.setdefault(stem, []).append(position)
        self.acronyms = _acronyms(text, self.tokens)


_AND = frozenset({"and", "or", "&"})


def _coordinated(read: _Read, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Token span of a coordination that contains the rendering with a shared head ("industrial and
    supply chains" for "industrial chain") or a shared modifier ("modern industries and services"
    for "modern services"); the other conjunct is one to three words."""
    stems = read.stems
    n = len(words)
    for split in range(1, n):
        modifier, head = words[:split], words[split:]
        for i in read.index.get(words[0], ()):
            if tuple(stems[i : i + split]) != modifier:
                continue
            after = i + split
            if after < len(stems) and stems[after] in _AND:  # X and Y head
                for other in range(1, 4):
                    start = after + 1 + other
                    if tuple(stems[start : start + len(head)]) == head:
                        return i, start + len(head)
            for other in range(1, 4):  # modifier X and head
                joint = after + other
                tail = joint + 1 + len(head)
                if joint < len(stems) and stems[joint] in _AND and tuple(stems[joint + 1 : tail]) == head:
                    return i, tail
    return None


def _acronyms(text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """All-capital words of up to six letters (a plural s or a possessive allowed: NEVs, ZAP's), by
    token index."""
    found = []
    for index, (start, end, _) in enumerate(tokens):
        written = _POSSESSIVE_END.sub("", text[start:end])
        written = written[:-1] if written.endswith("s") else written
        if written.isupper() and written.isalpha() and len(written) <= 6:
            found.append((index, written))
    return found


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _acronym(acronyms: list[tuple[int, str]], words: tuple[str, ...]) -> tuple[int, int] | None:
    """An acronym that begins with the rendering's initials ("NEV" for "new energy")."""
    initials = "".join(word[0] for word in words if word not in ("and", "of")).upper()
    if len(initials) < 2:
        return None
    for index, written in acronyms:
        if written.startswith(initials):
            return index, index + 1
    return None


def _derived(read: _Read, words: tuple[str, ...], taken: list[bool]) -> tuple[int, int] | None:
    """The rendering with a word changed in class as official translations do: by a verb- or
    noun-forming suffix ("modernize the industrial system", "modernization of the industrial system"
    for "modern industrial system"), or an adjective for its noun ("education system" for
    "educational system")."""
    stems, keys = read.stems, read.keys
    wanted = tuple(english.derivation_key(word) for word in words)
    if wanted[0] not in read.derived:
        return None
    n = len(words)
    for i in range(len(stems)):
        if keys[i] != wanted[0]:
            continue
        if n > 1 and i + 1 < len(stems) and stems[i + 1] == "of":  # "modernization of the industrial system"
            positions = [i, *range(i + 2, i + n + 1)]
        else:
            positions = list(range(i, i + n))
        if positions[-1] >= len(stems) or any(taken[i : positions[-1] + 1]):
            continue
        if tuple(keys[p] for p in positions) != wanted:
            continue
        changed = [(stems[p], r) for p, r in zip(positions, words, strict=True) if stems[p] != r]
        if changed and all(english.is_word_class_change(w, r) for w, r in changed):
            return i, positions[-1] + 1
    return None


def _inflected_verb(read: _Read, words: tuple[str, ...], taken: list[bool]) -> tuple[int, int] | None:
    """A rendering that begins with a verb, with that verb inflected as the sentence needs ("building
    a modern socialist country" for "build a modern socialist country"). The inflected verb is written
    in small letters, or begins a sentence: a capital inside a sentence marks a name, whose wording is
    fixed ("Economic Working Conference" is not "work conference")."""
    stems, n = read.stems, len(words)
    for i in read.index.get(words[1], ()):
        first = i - 1
        if first < 0 or tuple(stems[i : i + n - 1]) != words[1:] or any(taken[first : first + n]):
            continue
        start = read.tokens[first][0]
        in_name = read.text[start].isupper() and read.text[:start].rstrip()[-1:] not in ("", ".", "!", "?")
        if not in_name and stems[first] != words[0] and english.is_verb_form(stems[first], words[0]):
            return first, first + n
    return None


_FUNCTION_WORDS = frozenset(
    {"and", "or", "of", "for", "in", "on", "to", "with", "by", "at", "from", "&"}
    | {"its", "their", "our", "his", "her", "this", "that", "these", "those"}
)
"""Words a translation may leave out of a rendering without changing it."""


@lru_cache(maxsize=100_000)
def _written(rendering: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The rendering's words as written, in small letters (Fuxi, not its base form), to name them;
    read once per rendering, like its optional words."""
    written = tuple(rendering[start:end].lower() for start, end, _ in english.token_spans(rendering))
    return written if len(written) == len(words) else words


def _near(
    read: _Read,
    words: tuple[str, ...],
    optional: frozenset[str] = _FUNCTION_WORDS,
    written: tuple[str, ...] | None = None,
) -> tuple[int, int, str] | None:
    """A token span one edit away from the rendering: one word changed by an affix or a typo, two
    words written as one, or a word inside the rendering left out (not one of ``optional``, and not
    found elsewhere in the text); the other words equal. ``written`` names the rendering's words in
    the message (default: their base forms)."""
    written = written or words
    n = len(words)
    if n < 2:
        return None
    stems, index = read.stems, read.index
    joined_first = words[0] + words[1]
    if sum(1 for word in words if word in index) < max(1, n - 2) and joined_first not in index:
        return None  # all but the changed or joined words must be in the text
    starts = {*index.get(words[0], ()), *(p - 1 for p in index.get(words[1], ())), *index.get(joined_first, ())}
    for i in sorted(p for p in starts if p >= 0):
        window = tuple(stems[i : i + n])
        if len(window) == n:
            differing = [k for k in range(n) if window[k] != words[k]]
            if len(differing) == 1:
                k = differing[0]
                how = _word_change(window[k], words[k], _token_text(read, i + k), written[k])
                if how:
                    return i, i + n, how
        shorter = tuple(stems[i : i + n - 1])
        if len(shorter) != n - 1:
            continue
        for k in range(n - 1):
            expected = (*words[:k], words[k] + words[k + 1], *words[k + 2 :])
            if shorter == expected:
                return i, i + n - 1, f"{written[k]!r} and {written[k + 1]!r} written as one word"
        for k in range(1, n - 1):  # a word inside the rendering left out: "new productive forces"
            if words[k] in optional or words[k] in index:  # a word the text has elsewhere: another word order
                continue
            if shorter == (*words[:k], *words[k + 1 :]):
                return i, i + n - 1, f"{written[k]!r} left out"
    return None


def _token_text(read: _Read, index: int) -> str:
    start, end, _ = read.tokens[index]
    return read.text[start:end].lower()


def _word_change(found: str, expected: str, found_written: str = "", expected_written: str = "") -> str:
    """How a word differs from the expected one, when it is a near miss: "" when it is another word
    or a degree of the same adjective ("higher-standard opening up" is as official as "high-standard").
    The words are compared by their base forms and named as written."""
    named = f"{found_written or found!r} for {expected_written or expected!r}"
    if english.is_comparison(found, expected):
        return ""
    if english.derivation_key(found) == english.derivation_key(expected):
        return f"{named}: a changed affix"
    if found.startswith(expected) and found[len(expected) :] in _INFLECTIONS:
        return f"{named}: a changed affix"
    if min(len(found), len(expected)) >= 5 and Levenshtein.distance(found, expected) <= (
        2 if len(expected) >= 8 else 1
    ):
        return f"{named}: a misspelling"
    return ""


_INFLECTIONS = frozenset({"ing", "ed", "er", "s", "es"})
"""Endings that make another word of a base form ("working" for "work"), which base forms keep apart."""
