"""A synthetic Chinese translation memory and queries for the lookup benchmark.

Units recombine the clauses of the seed articles' Chinese paragraphs (split at ，；、 and the
sentence ends) with words from jieba's dictionary: each unit joins two to four clauses, in about
half of which a word of the dictionary replaces or joins two characters. The queries are of five
kinds: ``exact`` (a stored source), ``edited`` (one to three characters changed), ``clause`` (one
clause of a stored source replaced by another seed clause), ``novel`` (a fresh recombination) and
``cutoff`` (a stored source edited to a score near the 75 cut-off).

    python benchmarks/generate_tm.py 100000 memory.tmx     # units as TMX, queries as JSON beside it
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import jieba
from attrs import frozen

from henan_terms.formats.bilingual import read_bilingual
from henan_terms.formats.tmx import write_tmx
from henan_terms.model import TMUnit

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("henan-advanced-manufacturing.txt", "henan-industry-carriers.txt")
_CLAUSE_END = re.compile(r"[，；、,;。！？!?]")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_SEPARATORS = "，，，；、"


@frozen
class Seeds:
    """The material units are made of: seed clauses, dictionary words, English words."""

    clauses: tuple[str, ...]
    words: tuple[str, ...]
    english: tuple[str, ...]


@frozen
class Query:
    """A benchmark query and how it was made."""

    kind: str
    text: str


def shared_corpus() -> Path:
    """The seed corpus folder: ``$HENAN_TERMS_SHARED/corpus`` or ``../shared/corpus``."""
    return Path(os.environ.get("HENAN_TERMS_SHARED", ROOT.parent / "shared")) / "corpus"


def load_seeds(corpus: Path | None = None, min_frequency: int = 50) -> Seeds:
    """Seed clauses of the Chinese paragraphs, jieba's frequent two- to four-character words,
    and the English words of the seed paragraphs."""
    folder = corpus or shared_corpus()
    documents = [read_bilingual(folder / name) for name in ARTICLES]
    chinese = [pair.zh.text for document in documents for pair in document.pairs]
    english = [pair.en.text for document in documents for pair in document.pairs]
    clauses = sorted({c.strip() for text in chinese for c in _CLAUSE_END.split(text) if len(c.strip()) >= 4})
    words = []
    with jieba.get_dict_file() as dictionary:
        for line in dictionary:
            word, frequency, *_ = line.decode("utf-8").split()
            if int(frequency) >= min_frequency and _HAN_WORD.match(word):
                words.append(word)
    english_words = sorted({w for text in english for w in re.findall(r"[A-Za-z]{3,}", text)})
    return Seeds(tuple(clauses), tuple(words), tuple(english_words))


def _vary(clause: str, seeds: Seeds, rng: random.Random) -> str:
    if len(clause) < 4 or rng.random() < 0.5:
        return clause
    at = rng.randrange(len(clause) - 2)
    word = rng.choice(seeds.words)
    return clause[:at] + word + clause[at + (2 if rng.random() < 0.5 else 0) :]


def sentence(seeds: Seeds, rng: random.Random) -> str:
    """One synthetic Chinese sentence."""
    clauses = [_vary(rng.choice(seeds.clauses), seeds, rng) for _ in range(rng.randint(2, 4))]
    text = clauses[0]
    for clause in clauses[1:]:
        text += rng.choice(_SEPARATORS) + clause
    return text + "。"


def translation(source: str, seeds: Seeds) -> str:
    """A stand-in English target, the same for the same source."""
    rng = random.Random(source)
    return " ".join(rng.choice(seeds.english) for _ in range(rng.randint(8, 20))).capitalize() + "."


def generate(count: int, seeds: Seeds, seed: int = 0) -> Iterator[TMUnit]:
    """``count`` synthetic units (a repeated sentence is a duplicate and may be skipped by a store)."""
    rng = random.Random(seed)
    for number in range(count):
        source = sentence(seeds, rng)
        yield TMUnit(source, translation(source, seeds), origin=f"synthetic#{number}")


def _edit(text: str, edits: int, seeds: Seeds, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(edits):
        at = rng.randrange(len(chars))
        operation = rng.choice(("substitute", "insert", "delete") if len(chars) > 1 else ("insert",))
        if operation == "substitute":
            chars[at] = rng.choice(rng.choice(seeds.words))
        elif operation == "insert":
            chars.insert(at, rng.choice(rng.choice(seeds.words)))
        else:
            del chars[at]
    return "".join(chars)


def _replace_clause(text: str, seeds: Seeds, rng: random.Random) -> str:
    parts = re.split(r"([，；、])", text)
    at = rng.randrange(0, len(parts), 2)
    parts[at] = rng.choice(seeds.clauses) + ("。" if parts[at].endswith("。") else "")
    return "".join(parts)


def queries(stored: list[str], seeds: Seeds, seed: int = 1, per_kind: int = 50) -> list[Query]:
    """``5 × per_kind`` queries made from stored sources (and, for ``novel``, fresh sentences)."""
    rng = random.Random(seed)
    made = [Query("exact", rng.choice(stored)) for _ in range(per_kind)]
    made += [Query("edited", _edit(rng.choice(stored), rng.randint(1, 3), seeds, rng)) for _ in range(per_kind)]
    made += [Query("clause", _replace_clause(rng.choice(stored), seeds, rng)) for _ in range(per_kind)]
    made += [Query("novel", sentence(seeds, rng)) for _ in range(per_kind)]
    for _ in range(per_kind):
        text = rng.choice(stored)
        edits = max(1, round(len(text) * 0.25) + rng.choice((-1, 0, 0, 1)))
        made.append(Query("cutoff", _edit(text, edits, seeds, rng)))
    return made


def main() -> None:
    """Write a synthetic memory as TMX and its queries as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", type=int)
    parser.add_argument("output", type=Path)
    arguments = parser.parse_args()
    seeds = load_seeds()
    units = list(generate(arguments.units, seeds))
    with arguments.output.open("wb") as stream:
        write_tmx(units, stream)
    made = queries([unit.source for unit in units], seeds)
    query_path = arguments.output.with_suffix(".queries.json")
    query_path.write_text(json.dumps([[q.kind, q.text] for q in made], ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(units)} units → {arguments.output}, {len(made)} queries → {query_path}")


if __name__ == "__main__":
    main()
