"""What differs between a query and a stored source, as character spans of the texts as written.

The texts are compared in their normalised form (:mod:`.normalize`), the form the score is computed
on, so a traditional character, a full-width comma or a curly quote is never a difference; each span
is then carried back to the text as written through an alignment of the written text with its
normalised form (rapidfuzz's Levenshtein opcodes): most characters stand one for one (all of them
when normalisation kept the length and the spaces, the usual case), the spaces normalisation drops
stand for nothing, and a character NFKC expands covers its expansion.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from .results import Difference

__all__ = [
    "Written",
    "differences",
]

_NUMERAL = frozenset("0123456789.,零〇一二两三四五六七八九十百千万亿")


_SPACE = re.compile(r"\s")


def _spaces(text: str) -> list[int]:
    return [match.start() for match in _SPACE.finditer(text)]


class Written:
    """Maps spans of a normalised text back to the text it was normalised from."""

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self._starts: list[int] | range
        self._ends: list[int] | range
        if len(text) == len(norm) and _spaces(text) == _spaces(norm):
            self._starts, self._ends = range(len(text) + 1), range(1, len(text) + 2)  # one for one: most texts
            return
        self._starts = [len(text)] * (len(norm) + 1)
        self._ends = [len(text)] * (len(norm) + 1)
        for op in Levenshtein.opcodes(norm, text):
            tag, n1, n2, w1, w2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
            if tag == "insert":  # written characters normalisation dropped
                continue
            for k in range(n1, n2):
                if tag == "delete":  # normalised characters a written one expanded into
                    self._starts[k] = self._ends[k] = w1
                else:  # equal or replace: in proportion (one for one when the lengths agree)
                    self._starts[k] = w1 + (k - n1) * (w2 - w1) // (n2 - n1)
                    self._ends[k] = w1 + -(-(k - n1 + 1) * (w2 - w1) // (n2 - n1))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The written span of the normalised ``[start, end)``; an empty span stays empty."""
        first = self._starts[start]
        if end <= start:
            return first, first
        last = max(self._ends[end - 1], first)
        piece = self.text[first:last]
        if piece.strip():  # spaces the alignment put at an edge are not part of the span
            first += len(piece) - len(piece.lstrip())
            last -= len(piece) - len(piece.rstrip())
        return first, last


def differences(query: Written, query_norm: str, source: Written, source_norm: str) -> tuple[Difference, ...]:
    """The spans where the normalised query and source differ, on the written texts; adjacent edits
    are one difference, and one in a number covers the whole number (60 → 80, not 6 → 8)."""
    spans: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(query_norm, source_norm):
        if op.tag == "equal":
            continue
        q1, q2, s1, s2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if spans and spans[-1][1] == q1 and spans[-1][3] == s1:
            q1, s1 = spans[-1][0], spans[-1][2]
            spans.pop()
        spans.append((q1, q2, s1, s2))
    widened = [_whole_numbers(query_norm, source_norm, *span) for span in spans]
    return tuple(Difference(query.span(q1, q2), source.span(s1, s2)) for q1, q2, s1, s2 in widened)


def _whole_numbers(query: str, source: str, q1: int, q2: int, s1: int, s2: int) -> tuple[int, int, int, int]:
    """A difference touching a number, widened over the digits the two texts share around it."""
    if not any(c in _NUMERAL for c in query[q1:q2] + source[s1:s2]):
        return q1, q2, s1, s2
    while q1 and s1 and query[q1 - 1] in _NUMERAL:  # the texts are equal next to a difference
        q1, s1 = q1 - 1, s1 - 1
    while q2 < len(query) and s2 < len(source) and query[q2] in _NUMERAL:
        q2, s2 = q2 + 1, s2 + 1
    return q1, q2, s1, s2
