"""PO: the glossary as a gettext catalogue, valid for ``msgfmt -c``, and software catalogues read as glossaries.

A catalogue written by write_po carries ids, terms (text, pinyin, type, curated written pinyin and
traditional forms, citations), renderings (text, status, note, citations), subject, definition and
concept note. It does not carry the sources' declarations (titles, publishers …).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings

from henan_terms import Citation, Glossary, Status
from henan_terms.errors import FormatError
from henan_terms.formats.imports import Imported
from henan_terms.formats.po import read_po, read_po_units, write_po
from henan_terms.formats.toml import curated_traditional

from .conftest import shared_path
from .strategies import glossaries

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATE = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(
    MSGFMT is None, reason="msgfmt not found: install GNU gettext (apt-get install gettext) to check PO files"
)


def _po_text(glossary: Glossary) -> str:
    stream = io.StringIO()
    write_po(glossary, stream, revision_date=DATE)
    return stream.getvalue()


def _read(text: str) -> Imported:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.po"
        path.write_text(text, encoding="utf-8")
        return read_po(path)


def _msgfmt_check(text: str) -> subprocess.CompletedProcess[str]:
    assert MSGFMT is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.po"
        path.write_text(text, encoding="utf-8")
        return subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False)


@HYPOTHESIS
@given(glossaries())
def test_generated_glossaries_survive_unchanged(glossary: Glossary) -> None:
    read = _read(_po_text(glossary))
    assert read.skipped == ()
    assert read.glossary.concepts == glossary.concepts


def test_bundled_glossary_survives_unchanged(glossary: Glossary) -> None:
    text = _po_text(glossary)
    read = _read(text)
    assert read.skipped == ()
    assert read.glossary.concepts == glossary.concepts
    assert read.glossary.sources == {}  # declarations are not carried


def test_layout_of_an_entry(glossary: Glossary) -> None:
    text = _po_text(glossary)
    assert '"Language: en\\n"' in text and '"PO-Revision-Date: 2024-05-01 12:00+0000\\n"' in text
    entry = text[text.index("#. pinyin: běi dǒu") :].split("\n\n")[0]
    assert entry.splitlines()[:3] == ["#. pinyin: běi dǒu", "#. pinyin_written: Běidǒu", "#. type: full-form"]
    assert "#. preferred: BeiDou\n" in entry and "#. deprecated: Dipper\n" in entry
    assert entry.endswith('msgid "北斗"\nmsgstr "BeiDou"')
    assert text.count("msgid ") == 1 + sum(len(c.terms) for c in glossary)


@needs_msgfmt
def test_msgfmt_accepts_the_bundled_glossary(glossary: Glossary) -> None:
    result = _msgfmt_check(_po_text(glossary))
    assert (result.returncode, result.stderr) == (0, "")


@needs_msgfmt
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_msgfmt_accepts_generated_glossaries(glossary: Glossary) -> None:
    result = _msgfmt_check(_po_text(glossary))
    assert (result.returncode, result.stderr) == (0, "")


@needs_msgfmt
def test_a_term_in_two_concepts_gives_two_messages(glossary: Glossary) -> None:
    """Imported glossaries are not checked across concepts: msgctxt keeps their messages apart."""
    beidou = glossary.lookup("北斗")[0].concept
    twice = Glossary("twice", (beidou, evolve(beidou, id="beidou-again")))
    text = _po_text(twice)
    assert text.count('msgid "北斗"') == 2
    result = _msgfmt_check(text)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_rendering_typed_into_msgstr_is_kept(glossary: Glossary) -> None:
    text = _po_text(glossary).replace('msgstr "BeiDou"', 'msgstr "Beidou system"', 1)
    beidou = next(c for c in _read(text).glossary if c.zh == "北斗")
    assert [(r.text, r.status) for r in beidou.renderings][-1] == ("Beidou system", Status.ADMITTED)


# Software catalogues translated into Chinese ------------------------------------------------------


def test_grep_zh_cn_catalogue() -> None:
    """Translated short messages are terms; sentences with placeholders, usage texts and obsolete ones are not."""
    path = shared_path("realworld/po/gnu-grep_zh_CN.po")
    imported = read_po(path)
    by_zh = {c.zh: c for c in imported.glossary}
    assert [r.text for r in by_zh["程序错误"].renderings] == ["program error"]
    assert by_zh["程序错误"].head.pinyin == "chéng xù cuò wù"
    assert by_zh["程序错误"].head.citations[0].source == "gnu-grep-zh-cn"
    assert len(imported.glossary) == 42
    reasons = [p.message.rsplit("not imported: ", 1)[-1] for p in imported.skipped]
    assert (reasons.count("obsolete entry"), reasons.count("a message of several lines")) == (36, 39)
    assert (reasons.count("a format string"), reasons.count("a message with placeholders")) == (15, 2)
    assert all(p.line > 0 for p in imported.skipped)


def test_traditional_catalogue_keeps_its_forms() -> None:
    imported = read_po(shared_path("realworld/po/ayatana-datetime_zh_TW.po"))
    clock = next(c for c in imported.glossary if c.renderings[0].text == "Clock")
    assert clock.zh == "时钟"
    assert [(v.text, v.tags) for v in clock.head.traditional] == [("時鐘", ("zh-Hant", "zh-TW", "zh-HK"))]
    args = next(c for c in read_po(shared_path("realworld/po/gnu-grep_zh_TW.po")).glossary if c.zh == "有效的引数为：")
    assert "zh-TW" in {v.text: v.tags for v in args.head.traditional}["有效的引數為："]


def test_every_realworld_catalogue_imports_or_is_refused_clearly() -> None:
    for name, concepts in [
        ("ayatana-datetime_zh_CN.po", 8),
        ("ayatana-datetime_zh_TW.po", 8),
        ("gnu-grep_zh_TW.po", 42),
    ]:
        assert len(read_po(shared_path(f"realworld/po/{name}")).glossary) == concepts, name
    path = shared_path("realworld/po/ayatana-datetime_zh_LATN@pinyin.po")
    with pytest.raises(FormatError) as caught:
        read_po(path)
    assert (caught.value.problem.line, "romanised" in caught.value.problem.message) == (15, True)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\nmsgid "Clock"\nmsgstr "时钟"\nstray text\n', "utf-8")
    with pytest.raises(FormatError) as caught:
        read_po(path)
    assert caught.value.problem.path == str(path) and caught.value.problem.line == 7


def test_citations_of_a_catalogue_point_at_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "ui.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\nmsgid "Clock"\nmsgstr "时钟"\n', encoding="utf-8")
    (clock,) = read_po(path).glossary
    assert clock.renderings[0].citations == (Citation("ui", "L5"),)


HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
UNTERMINATED = {
    "msgstr": 'msgid "Clock"\nmsgstr "時鐘\n',
    "escaped quote": 'msgid "Clock"\nmsgstr "時鐘\\"\n',
    "continuation": 'msgid "Clock"\nmsgstr ""\n"時鐘\n',
    "obsolete": '#~ msgid "Clock"\n#~ msgstr "時鐘\n',
}
TERMINATED = {
    "escaped quote and backslash": 'msgid "Clock \\"C:\\\\\\\\\\""\nmsgstr "時鐘 \\"C:\\\\\\\\\\""\n',
    "continuation": 'msgid "Clock"\nmsgstr ""\n"時鐘"\n',
    "comment with a quote": '# see "Clock\nmsgid "Clock"\nmsgstr "時鐘"\n',
    "Big5, whose 許 holds a backslash byte": 'msgid "Allow"\nmsgstr "許可"\n',
}


def _catalogue(tmp_path: Path, entries: str, charset: str = "UTF-8") -> Path:
    path = tmp_path / "ui.po"
    path.write_bytes((HEADER.format(charset=charset) + entries).encode(charset))
    return path


def _msgfmt_accepts(path: Path) -> bool:
    assert MSGFMT is not None
    return subprocess.run([MSGFMT, "-o", "/dev/null", str(path)], capture_output=True).returncode == 0


@needs_msgfmt
@pytest.mark.parametrize("entries", UNTERMINATED.values(), ids=UNTERMINATED.keys())
def test_a_string_without_its_closing_quote_is_refused_naming_file_and_line(entries: str, tmp_path: Path) -> None:
    path = _catalogue(tmp_path, entries)
    assert not _msgfmt_accepts(path)
    for read in (read_po, read_po_units):
        with pytest.raises(FormatError) as caught:
            read(path)
        line = 6 + entries.count("\n") - 1
        assert str(caught.value) == f"{path}:{line}: a string without its closing quote (end of line within the string)"


@needs_msgfmt
@pytest.mark.parametrize("entries", TERMINATED.values(), ids=TERMINATED.keys())
def test_strings_closed_as_msgfmt_reads_them_are_read(entries: str, tmp_path: Path) -> None:
    # the near miss: escaped quotes and backslashes, comments and Big5 bytes that look like a backslash
    charset = "Big5" if "許" in entries else "UTF-8"
    path = _catalogue(tmp_path, entries, charset)
    assert _msgfmt_accepts(path)
    [unit] = read_po_units(path)
    assert unit.source.startswith(("時鐘", "許可"))


def test_a_msgid_in_traditional_characters_is_imported_as_its_simplified_form(tmp_path: Path) -> None:
    path = tmp_path / "terms.po"
    entries = 'msgid "頭雁"\nmsgstr "leading geese"\n\nmsgid "链长制"\nmsgstr "chain leader system"\n'
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n{entries}', encoding="utf-8")
    imported = read_po(path)
    by_zh = {concept.zh: concept.head for concept in imported.glossary}
    assert set(by_zh) == {"头雁", "链长制"} and imported.skipped == ()
    assert curated_traditional(by_zh["头雁"]) == {} and by_zh["头雁"].traditional_forms == ("頭雁",)
    # the near miss: a simplified msgid is kept as it is
    assert curated_traditional(by_zh["链长制"]) == {} and by_zh["链长制"].traditional_forms == ("鏈長制",)
