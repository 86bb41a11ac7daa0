"""Text files as every reader takes them: UTF-8 (a byte-order mark allowed) or UTF-16 with a byte-order
mark, and no control character but tab, line feed and carriage return.

The control characters refused are those XML 1.0 forbids, so what one reader accepts every writer can
write, and a NUL in a draft is the same error for ``lint`` as for ``tm build``: the file, the line and
the column, before any work is done.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import FormatError, Problem

__all__ = [
    "CONTROL",
    "control_problem",
    "decode",
    "looks_utf16",
    "read_text",
]

UTF16_WITHOUT_BOM = "UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""C0 control characters other than tab, line feed and carriage return."""


def control_problem(path: str, text: str | bytes) -> Problem | None:
    """The first control character of a text, or of the bytes of an ASCII-compatible encoding, located
    (for bytes, the column counts bytes)."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")  # one character per byte: the same places, the same control bytes
    found = CONTROL.search(text)
    if found is None:
        return None
    start = found.start()
    line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    message = f"control character U+{ord(found.group()):04X} at column {column}; only tab and line breaks are allowed"
    return Problem(path, line, message)


def decode(path: str, data: bytes) -> str:
    """The text of a file's bytes: UTF-8, or UTF-16 with a byte-order mark; FormatError names the line
    of an invalid byte or of a control character, and says so of UTF-16 without a byte-order mark."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and looks_utf16(data):
        raise FormatError(path, 0, UTF16_WITHOUT_BOM)
    try:
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        encoding = "UTF-16" if utf16 else "UTF-8"
        raise FormatError(path, line, f"not {encoding}: {error.reason} (byte {error.start})") from None
    if (problem := control_problem(path, text)) is not None:
        raise FormatError(problem.path, problem.line, problem.message)
    return text


def read_text(path: str | Path) -> str:
    """The text of a file (see :func:`decode`); FormatError names a file that cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FormatError(str(path), 0, f"cannot read: {error.strerror}") from None
    return decode(str(path), data)


def looks_utf16(data: bytes) -> bool:
    """Whether NUL bytes fill every other byte of the start, as in UTF-16 text of mostly ASCII."""
    head = data[:4096]
    half = len(head) // 2
    return half >= 2 and max(head[0::2].count(0), head[1::2].count(0)) >= half * 0.4
