"""Term extraction on the held-out texts, beside translate-toolkit's poterminology.

    python benchmarks/extract_eval.py [--heldout benchmarks/heldout] [--top 50] [--dictionary FILE] [--texts 57-91]

The extractor is run twice: with the CC-CEDICT of the shared material (``data/cedict_ts.u8`` of
``$HENAN_TERMS_SHARED`` or ``../shared``, or ``--dictionary FILE``) as its word dictionary, when the
file is there (``henan-terms``), and without a dictionary (``henan-terms-no-dictionary``). Both
extractors read the same aligned sentence pairs of the held-out bilingual texts (poterminology
through one PO file per text, msgid Chinese, msgstr English). The top candidates of each are written to
``extract-candidates.csv``; ``extract-judgements.csv`` holds the judgement by hand of each (system, zh,
en): ``zh_right`` (the Chinese is a term a translator would look up, whole and no more) and ``en_right``
(the English is its rendering in the text); a judgement is of the pair, so it counts for both runs
of the extractor, and is written under ``henan-terms``. Precision@k counts candidates with both right; candidates
without a judgement are reported, never counted as right. Recall is over the entries of ``terms.csv``
whose Chinese the bundled glossary does not hold: the share proposed (the Chinese, anywhere in the list),
and the share proposed with an English that folds to the list's.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
import translate

from henan_terms import english, load_glossary
from henan_terms.extract import extract_terms, sentence_pairs
from henan_terms.formats.bilingual import BilingualDocument, read_bilingual
from henan_terms.glossary import Glossary

HERE = Path(__file__).resolve().parent
JUDGED = ("system", "rank", "zh", "en", "zh_right", "en_right")


def ours(docs: list[BilingualDocument], glossary: Glossary, dictionary: Path | None = None) -> list[tuple[str, str]]:
    return [(c.zh, c.en) for c in extract_terms(docs, glossary, dictionary=dictionary)]


def shared_cedict() -> Path | None:
    """CC-CEDICT of the shared material, if it is there."""
    shared = Path(os.environ.get("HENAN_TERMS_SHARED", HERE.parent.parent / "shared"))
    path = shared / "data" / "cedict_ts.u8"
    return path if path.exists() else None


def poterminology(docs: list[BilingualDocument], glossary: Glossary, empty_stoplist: bool) -> list[tuple[str, str]]:
    """Run poterminology on one PO file per text; candidates in its output order (frequency, dictionary,
    length), with the spaces it puts between the "words" of a Chinese term (its characters) taken out.

    The toolkit ships no Chinese stop list. Its English one, the default, drops every one-letter word,
    hence every Han character; with an empty stop list, terms of up to six characters are sought.
    """
    tool = shutil.which("poterminology") or str(Path(sys.executable).parent / "poterminology")
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for doc in docs:
            catalogue = polib.POFile()
            catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
            for pair in sentence_pairs([doc], glossary):
                entry = polib.POEntry(msgid=pair.zh, msgstr=pair.en, occurrences=[(pair.location, "")])
                if entry.msgid not in [e.msgid for e in catalogue]:
                    catalogue.append(entry)
            catalogue.save(str(inputs / (Path(doc.path).stem + ".po")))
        output = Path(folder) / "terms.po"
        stoplist = Path(translate.__file__).parent / "share" / "stoplist-en"
        options = ["-S", str(stoplist)]
        if empty_stoplist:
            stoplist = Path(folder) / "stoplist-empty"
            stoplist.write_text("# no stop words\n", encoding="utf-8")
            options = ["-S", str(stoplist), "--term-words", "6"]
        command = [tool, "--source-language", "zh", *options, "-i", str(inputs), "-o", str(output)]
        subprocess.run(command, check=True, capture_output=True)
        return [(_join_han(e.msgid), e.msgstr) for e in polib.pofile(str(output)) if e.msgid]


def _join_han(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)


def needed_terms(heldout: Path, glossary, texts: range) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with (heldout / "terms.csv").open(encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream) if int(row["file"][:2]) in texts]
    unique = {row["zh"]: row["en"] for row in rows}
    return [(zh, en) for zh, en in unique.items() if not glossary.lookup(zh)]


def recall(candidates: list[tuple[str, str]], needed: list[tuple[str, str]]) -> tuple[float, float]:
    proposed: dict[str, set[str]] = {}
    for zh, en in candidates:
        proposed.setdefault(zh, set()).add(english.fold(en))
    zh_hits = sum(zh in proposed for zh, _ in needed)
    pair_hits = sum(english.fold(en) in proposed.get(zh, ()) for zh, en in needed)
    return zh_hits / len(needed), pair_hits / len(needed)


def read_judgements(path: Path) -> dict[tuple[str, str, str], tuple[bool, bool]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as stream:
        return {
            (r["system"], r["zh"], r["en"]): (r["zh_right"] == "1", r["en_right"] == "1")
            for r in csv.DictReader(stream)
            if r["zh_right"] in ("0", "1") and r["en_right"] in ("0", "1")
        }


def precision(system: str, top: list[tuple[str, str]], judged: dict, k: int) -> tuple[float, float, int]:  # type: ignore[type-arg]
    """Share of the first k candidates with both sides right, with the Chinese right, and how many are unjudged."""
    right = zh_right = unjudged = 0
    for zh, en in top[:k]:
        verdict = judged.get((system, zh, en))
        if verdict is None:
            unjudged += 1
        else:
            right += all(verdict)
            zh_right += verdict[0]
    return right / k, zh_right / k, unjudged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", type=Path, default=HERE / "heldout")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--dictionary", type=Path, default=shared_cedict(), help="CC-CEDICT file")
    parser.add_argument("--texts", default="1-99", help="the texts to read, by number: 57-91")
    args = parser.parse_args()
    first, _, last = args.texts.partition("-")
    texts = range(int(first), int(last or first) + 1)
    glossary = load_glossary()
    paths = sorted(p for p in args.heldout.glob("*.txt") if p.name[:2].isdigit() and int(p.name[:2]) in texts)
    docs = [read_bilingual(path) for path in paths]
    runs = {
        "henan-terms": ours(docs, glossary, args.dictionary),
        "henan-terms-no-dictionary": ours(docs, glossary),
        "poterminology": poterminology(docs, glossary, empty_stoplist=False),
        "poterminology-no-stoplist": poterminology(docs, glossary, empty_stoplist=True),
    }
    with (args.heldout / "extract-candidates.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(JUDGED[:4])
        for system, found in runs.items():
            for rank, (zh, en) in enumerate(found[: args.top], start=1):
                writer.writerow([system, rank, zh, en])
    judged = read_judgements(args.heldout / "extract-judgements.csv")
    needed = needed_terms(args.heldout, glossary, texts)
    print(f"{len(docs)} texts, {len(needed)} listed terms not in the glossary ({len(glossary)} concepts)")
    print(f"dictionary: {args.dictionary.name if args.dictionary else 'none'}\n")
    print(
        "| extractor | candidates | P@20 | P@50 | P@20 zh only | P@50 zh only | recall zh | recall zh+en | unjudged |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for system, found in runs.items():
        judged_as = "henan-terms" if system.startswith("henan-terms") else system
        p20, z20, u20 = precision(judged_as, found, judged, 20)
        p50, z50, u50 = precision(judged_as, found, judged, args.top)
        zh_recall, pair_recall = recall(found, needed)
        print(
            f"| {system} | {len(found)} | {p20:.0%} | {p50:.0%} | {z20:.0%} | {z50:.0%} | "
            f"{zh_recall:.0%} | {pair_recall:.0%} | {max(u20, u50)} |"
        )


if __name__ == "__main__":
    main()
