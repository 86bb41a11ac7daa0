"""Sentence splitting of Chinese and English paragraphs, by rules.

Chinese: a sentence ends at 。！？ (and their forms ``｡ ! ?``), or at ``.`` written after a Han
character or a closing quote; with ``semicolons=True`` also at ；and ``;``, for callers that want
clauses (by default a clause ending in ；stays inside its sentence). A run of
terminators and the closing quotes and brackets after it stay with the sentence (``？！”）``).
Inside a book title 《》 nothing ends a sentence; inside quotes “” 「」 『』 ‘’ ``"…"`` a ？ or ！
does not end it (a quoted slogan or question is part of the sentence that quotes it), while 。 does.
Only quotes and title marks that are closed within the paragraph count. An ellipsis (…… or ...)
does not end a sentence. A piece without a letter, digit or Han character (``……``) is no sentence.

English: the rules of the Moses sentence splitter (Koehn's ``split-sentences.perl``). A sentence
may end at ``.``, ``?`` or ``!`` (closing quotes and brackets following it stay with it) when the next
word starts, after any opening quotes or brackets, with an upper-case letter or a digit. A full
stop does not end a sentence after a known abbreviation (``Dr.``, ``e.g.``; not ``etc.``, which
mostly closes its sentence), after a single capital (the initials ``J. R. R.``), after a dotted
capital acronym (``U.S.``), or after ``No.``, ``Art.``, ``pp.`` and the like when a number follows
(``No. 5``). Decimals (``3.5``) and ellipses never end a sentence.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "split_chinese",
    "split_english",
]

_ZH_TERMINATORS = "。！？｡!?"
_ZH_CLAUSE_TERMINATORS = "；;"
_ZH_TITLE_MARKS = {"《": "》", "〈": "〉"}
_ZH_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
_ZH_CLOSERS = "”’」』）》〉】〕)]\"'"
_ELLIPSIS = "…⋯"
_HAN_OR_CLOSER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff”’」』）》〉】]")

_NONBREAKING_PREFIXES = """
Adj Adm Adv Asst Bart Bldg Brig Bros Capt Cmdr Col Comdr Con Corp Cpl DR Dr Drs Ens Gen Gov Hon Hosp Insp Lt MM MR
MRS MS Maj Messrs Mlle Mme Mr Mrs Ms Msgr Op Ord Pfc Ph Prof Pvt Rep Reps Res Rev Rt Sen Sens Sfc Sgt Sr St Supt Surg
Jr Mt Ft Inc Ltd Co Dept Univ Assn Ave Blvd Rd v vs i.e e.g cf al viz approx est ca
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
"""
_NUMERIC_ONLY_PREFIXES = "No Nos Nr Art pp p Vol vol Fig Figs fig Ch ch Sec sec Para para Tab"
_EN_NONBREAKING = frozenset(_NONBREAKING_PREFIXES.split())
_EN_NUMERIC_ONLY = frozenset(_NUMERIC_ONLY_PREFIXES.split())
_EN_TOKEN = re.compile(r"\S+")
_EN_END = re.compile(r"^(?P<prefix>.*?)(?P<punct>[.?!…]+)(?P<closers>[\"'”’)\]]*)$")
_EN_OPENERS = "\"'“‘(["
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def split_chinese(text: str, *, semicolons: bool = False) -> list[str]:
    """The sentences of a Chinese paragraph; see the module documentation for the rules.

    >>> split_chinese("今日推出第1期:《看河南如何换道领跑?》。他说：“走！”然后出发。")
    ['今日推出第1期:《看河南如何换道领跑?》。', '他说：“走！”然后出发。']
    """
    titles, quotes = _enclosed(text, _ZH_TITLE_MARKS), _enclosed(text, _ZH_QUOTES)
    enders = _ZH_TERMINATORS + (_ZH_CLAUSE_TERMINATORS if semicolons else "")
    sentences: list[str] = []
    start = index = 0
    while index < len(text):
        char = text[index]
        ends = char in enders or (char == "." and _is_chinese_full_stop(text, index))
        if ends and not titles[index] and not (quotes[index] and char in "！？!?"):
            index = _after_terminator(text, index, enders)
            _keep(sentences, text[start:index])
            start = index
        else:
            index += 1
    _keep(sentences, text[start:])
    return sentences


def _is_chinese_full_stop(text: str, index: int) -> bool:
    """An ASCII full stop ends a Chinese sentence after a Han character or closing quote, not inside 3.5."""
    after = text[index + 1 : index + 2]
    return index > 0 and bool(_HAN_OR_CLOSER.match(text[index - 1])) and not (after.isascii() and after.isalnum())


def _after_terminator(text: str, index: int, enders: str) -> int:
    """Where a sentence ending at ``index`` stops: after further terminators and closing quotes."""
    index += 1
    while index < len(text) and (text[index] in enders or text[index] in _ZH_CLOSERS or text[index] in _ELLIPSIS):
        index += 1
    return index


def _enclosed(text: str, pairs: dict[str, str]) -> list[bool]:
    """For each position, whether it lies inside a pair of marks closed within the text.

    A closing mark closes the nearest open mark it matches and every mark opened after that one.
    """
    inside = [False] * len(text)
    closers = set(pairs.values())
    openers: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        closed = _open_match(openers, pairs, char) if char in closers else None
        if closed is not None:
            _mark(inside, openers[closed][1], index)
            del openers[closed:]
        elif char in pairs:
            openers.append((char, index))
    return inside


def _open_match(openers: list[tuple[str, int]], pairs: dict[str, str], closer: str) -> int | None:
    """Index of the innermost open mark that ``closer`` closes, if any."""
    return next((k for k in range(len(openers) - 1, -1, -1) if pairs[openers[k][0]] == closer), None)


def _mark(inside: list[bool], opening: int, closing: int) -> None:
    for position in range(opening + 1, closing):
        inside[position] = True


def _keep(sentences: list[str], piece: str) -> None:
    """Add a piece of text as a sentence if it has a letter, digit or Han character."""
    if any(char.isalnum() for char in piece):
        sentences.append(piece.strip())


def split_english(text: str) -> list[str]:
    """The sentences of an English paragraph; see the module documentation for the rules.

    >>> split_english("Dr. J. R. Smith met U.S. officials. Output rose 3.5 percent, see No. 5. Good.")
    ['Dr. J. R. Smith met U.S. officials.', 'Output rose 3.5 percent, see No. 5.', 'Good.']
    """
    tokens = list(_EN_TOKEN.finditer(text))
    sentences: list[str] = []
    start = 0
    for token, following in itertools.pairwise(tokens):
        if _ends_english_sentence(token.group(), following.group()):
            _keep(sentences, text[start : token.end()])
            start = following.start()
    _keep(sentences, text[start:])
    return sentences


def _ends_english_sentence(word: str, following: str) -> bool:
    """Whether a sentence ends after ``word``, given the word that follows it."""
    match = _EN_END.match(word)
    if match is None:
        return False
    prefix, punct, closers = match.group("prefix").lstrip(_EN_OPENERS), match.group("punct"), match.group("closers")
    start = following.lstrip(_EN_OPENERS)[:1]
    if not (start.isupper() or start.isdigit()) or "…" in punct or ".." in punct:
        return False
    if punct != "." or closers:
        return True
    return not _is_abbreviation(prefix, start.isdigit())


def _is_abbreviation(prefix: str, before_number: bool) -> bool:
    """Whether a word written with a full stop is an abbreviation that does not end the sentence."""
    if prefix in _EN_NONBREAKING or _DOTTED_CAPITALS.fullmatch(prefix):
        return True
    if len(prefix) == 1 and prefix.isupper():
        return True
    return before_number and prefix in _EN_NUMERIC_ONLY
