"""Term spotting: glossary terms in Chinese source text and their renderings in English text.

Source side: one Aho–Corasick automaton over every Chinese form of every concept (simplified,
traditional, abbreviations), leftmost-longest matches, and only matches that begin and end on word
boundaries of the sentence. Target side: one automaton over the stemmed words of every rendering,
whole words only, case-, hyphen- and inflection-insensitive, overlapping matches resolved to the
longest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ahocorasick
from attrs import frozen

from . import english
from .chinese import Segmenter
from .model import Concept, Rendering, Status

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
    """A rendering of a concept found in target text at character offsets ``[start, end)``."""

    concept: Concept
    rendering: Rendering
    start: int
    end: int


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
        """The matches that stand inside a longer word of the text (by jieba's own dictionary, without
        the glossary's terms), each with that word: 新能源 in 新能源车."""
        return []


class TargetSpotter:
    """Finds renderings in English text."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        renderings: dict[str, list[tuple[Concept, Rendering]]] = {}
        for concept in concepts:
            for rendering in concept.renderings:
                renderings.setdefault(english.fold(rendering.text), []).append((concept, rendering))
        self._automaton = ahocorasick.Automaton()
        for key, holders in renderings.items():
            if key:
                pattern = f" {key} "
                self._automaton.add_word(pattern, (len(pattern), key.count(" ") + 1, tuple(holders)))
        self._automaton.make_automaton()

    def spot(self, text: str, needs: Mapping[str, int]) -> list[TargetMatch]:
        """Renderings standing for the source's terms: ``needs`` maps each concept id to its number
        of occurrences in the source, and each occurrence takes at most one rendering.

        The longest renderings are taken first, then preferred before admitted before deprecated,
        then in reading order; a rendering overlapping one already taken is not counted (so "BeiDou
        applications" is one rendering, not also "BeiDou"), and a surplus occurrence of a long
        rendering leaves the words inside it free for a shorter one.
        """
        tokens = english.token_spans(text)
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
        return sorted(found, key=lambda m: m.start)

    def near(self, text: str, concepts: Iterable[Concept]) -> list[TargetMatch]:
        """Phrases of the text close to an accepted rendering of each concept."""
        return []
