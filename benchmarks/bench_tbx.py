"""TBX export and import of the whole CC-CEDICT, beside translate-toolkit's TBX writer and reader.

CC-CEDICT becomes a glossary once, by ``henan_terms.formats.cedict.read_cedict`` (a concept per
simplified headword, CC-CEDICT's pinyin, every English sense a rendering); then each task runs in a
process of its own, so that its time and its peak resident memory (over the process at rest, the
glossary loaded) are its own. Run it by hand (Linux):

    python benchmarks/bench_tbx.py                 # the full dictionary, about 119,000 entries
    python benchmarks/bench_tbx.py --limit 5000    # a quick look

The CEDICT file is ``data/cedict_ts.u8`` of the shared material (``../shared`` or ``$HENAN_TERMS_SHARED``).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from henan_terms import Glossary
from henan_terms.assembly import make_term
from henan_terms.formats.cedict import read_cedict
from henan_terms.formats.tbx import iter_tbx, read_tbx, write_tbx, write_tbx2008

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HENAN_TERMS_SHARED", ROOT.parent / "shared"))
GLOSSARY, TBX, TBX2008 = "glossary.pickle", "cedict.tbx", "cedict-2008.tbx"


# The glossary -------------------------------------------------------------------------------------


def build(folder: Path, limit: int | None) -> tuple[int, float]:
    """Build the glossary and pickle it into the folder; its size and the seconds it took."""
    start = time.perf_counter()
    glossary = read_cedict(SHARED / "data" / "cedict_ts.u8", limit=limit).glossary
    with (folder / GLOSSARY).open("wb") as stream:
        pickle.dump(glossary, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return len(glossary), time.perf_counter() - start


# Tasks, each run in a process of its own -----------------------------------------------------------


class Measure:
    """Time and peak resident memory from ``start()`` to ``result()``, over the memory at ``start()``.

    Linux: ``start()`` resets the process's high-water mark (``/proc/self/clear_refs``), so that
    ``VmHWM`` is the peak of the task alone, long calls into C included.
    """

    def start(self) -> None:
        Path("/proc/self/clear_refs").write_text("5")
        self.base = _status("VmRSS")
        self.time = time.perf_counter()

    def result(self, size: int) -> dict[str, float]:
        seconds = time.perf_counter() - self.time
        return {"seconds": seconds, "peak_mb": (_status("VmHWM") - self.base) / 1024, "size": size}


def _status(key: str) -> int:
    """A memory figure of this process, in KiB."""
    found = re.search(rf"^{key}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
    return int(found.group(1)) if found else 0


Task = Callable[[Path, Measure], int]


def _load(folder: Path) -> Glossary:
    with (folder / GLOSSARY).open("rb") as stream:
        glossary: Glossary = pickle.load(stream)
    return glossary


def _write(writer: Callable[..., None], name: str) -> Task:
    def task(folder: Path, measure: Measure) -> int:
        glossary = _load(folder)
        with (folder / name).open("wb") as stream:
            measure.start()
            writer(glossary, stream)
        return (folder / name).stat().st_size

    return task


def _toolkit_write(folder: Path, measure: Measure) -> int:
    """translate-toolkit's tbxfile: one unit per concept, its head term and first rendering."""
    from translate.storage.tbx import tbxfile

    glossary = _load(folder)
    measure.start()
    store = tbxfile(sourcelanguage="zh", targetlanguage="en")
    for concept in glossary:
        unit = store.addsourceunit(concept.zh)
        if concept.renderings:
            unit.target = concept.renderings[0].text
    with (folder / "toolkit.tbx").open("wb") as stream:
        store.serialize(stream)
    return (folder / "toolkit.tbx").stat().st_size


def _read(folder: Path, measure: Measure) -> int:
    make_term("链长制度建设")  # load the pinyin, OpenCC and segmenter dictionaries before measuring
    measure.start()
    return len(read_tbx(folder / TBX).glossary)


def _stream(folder: Path, measure: Measure) -> int:
    measure.start()
    return sum(1 for _entry in iter_tbx(folder / TBX))


def _toolkit_read(folder: Path, measure: Measure) -> int:
    from translate.storage.tbx import tbxfile

    measure.start()
    with (folder / TBX2008).open("rb") as stream:
        return len(tbxfile.parsefile(stream).units)


def _whole_tree(folder: Path, measure: Measure) -> int:
    from lxml import etree

    measure.start()
    return len(etree.parse(str(folder / TBX)).getroot()[1][0])


# (name, what it does, comparable translate-toolkit task)
TASKS: dict[str, tuple[str, Task, str]] = {
    "write_tbx": ("export TBX v3 (henan-terms `write_tbx`)", _write(write_tbx, TBX), "toolkit_write"),
    "write_tbx2008": ("export TBX 2008 (henan-terms `write_tbx2008`)", _write(write_tbx2008, TBX2008), "toolkit_write"),
    "toolkit_write": ("export TBX (translate-toolkit `tbxfile`)", _toolkit_write, ""),
    "read_tbx": ("import TBX v3 (henan-terms `read_tbx`)", _read, "toolkit_read"),
    "iter_tbx": ("stream TBX v3 entries, no glossary (henan-terms `iter_tbx`)", _stream, "toolkit_read"),
    "toolkit_read": ("import TBX 2008 (translate-toolkit `tbxfile.parsefile`)", _toolkit_read, ""),
    "whole_tree": ("parse TBX v3 into one tree (lxml `etree.parse`, reference)", _whole_tree, ""),
}


def run_task(name: str, folder: Path) -> dict[str, float]:
    """Run one task in a fresh interpreter; its measurements."""
    command = [sys.executable, __file__, "--task", name, "--folder", str(folder)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(output.splitlines()[-1])
    return result


def table(results: dict[str, dict[str, float]]) -> str:
    """A Markdown table with each henan-terms task's ratios to translate-toolkit's."""
    rows = [
        "| task | time (s) | peak memory (MB) | output (MB) | time ÷ toolkit | memory ÷ toolkit |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, (label, _task, peer) in TASKS.items():
        result = results[name]
        ratios = ["", ""]
        if peer:
            other = results[peer]
            ratios = [f"{result['seconds'] / other['seconds']:.2f}", f"{result['peak_mb'] / other['peak_mb']:.3g}"]
        size = f"{result['size'] / 2**20:.1f}" if name.startswith(("write", "toolkit_write")) else ""
        rows.append(f"| {label} | {result['seconds']:.1f} | {result['peak_mb']:.1f} | {size} | {' | '.join(ratios)} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N entries of CC-CEDICT")
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.task:
        measure = Measure()
        size = TASKS[arguments.task][1](arguments.folder, measure)
        print(json.dumps(measure.result(size)))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        concepts, seconds = build(folder, arguments.limit)
        print(f"CC-CEDICT glossary: {concepts} concepts, built in {seconds:.0f} s\n")
        results = {}
        for task in TASKS:
            results[task] = run_task(task, folder)
            print(f"{task}: {results[task]}", file=sys.stderr)
        print(table(results))


if __name__ == "__main__":
    main()
