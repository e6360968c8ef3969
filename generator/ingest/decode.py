"""Decode seed and registry bytes to clean text, or say why they cannot be.

UTF-8 (with or without a byte order mark) is read as it is; UTF-16 and UTF-32
with a byte order mark are converted with a warning; binary and empty files
are refused. Control and bidirectional-override characters are removed from
what is kept (:func:`neutralise`), so nothing hidden reaches a page.
"""

from __future__ import annotations

import codecs
import re

from generator.models import Problem, Severity
from generator.text.plurals import plural

# A control character other than tab/newline/CR/form feed is a strong sign of a
# binary file; text editors do not produce them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BINARY_CONTROL_SHARE = 0.05
_SAMPLE = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Characters no article needs and that can hide or reorder text: C0/C1 controls
# (tab and newline are kept) and the bidirectional embedding/override/isolate
# controls (U+202A-U+202E, U+2066-U+2069), which can make a title read backwards.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_CONTROLS = {"\x0b": " ", "\x0c": " "}


def decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode seed bytes to normalised text.

    A UTF-8 byte order mark is dropped; CRLF and CR line endings become LF.
    UTF-16 with a byte order mark is converted with a warning.

    Args:
        data: The raw file content.
        file: Path used in problem messages.

    Returns:
        The text (None for binary or empty files) and the problems found.
    """
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    if data.startswith(_UTF32_BOMS):
        return _decode_wide(data, "utf-32", file)
    if data.startswith(_UTF16_BOMS):
        return _decode_wide(data, "utf-16", file)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    content = data[bom:]
    if not content.strip():
        return None, [_empty(file)]
    if b"\x00" in content[:_SAMPLE] or _looks_binary(content[:_SAMPLE]):
        msg = "The file is binary, not text; it was skipped."
        return None, [Problem(file, 1, Severity.ERROR, "binary", msg)]
    problems: list[Problem] = []
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = content.decode("utf-8", errors="replace")
        problems.append(_encoding_problem(data, bom + exc.start, text.count("\ufffd"), file))
    return _finish(text, file, problems)


def _decode_wide(data: bytes, encoding: str, file: str) -> tuple[str | None, list[Problem]]:
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    label = encoding.upper()
    msg = f"The file is {label}, not UTF-8; it was converted. Save it as UTF-8."
    return _finish(text, file, [Problem(file, 1, Severity.WARNING, "encoding", msg)])


def _finish(text: str, file: str, problems: list[Problem]) -> tuple[str | None, list[Problem]]:
    """Normalise newlines, drop repeated BOMs, neutralise unsafe characters."""
    text = _normalise_newlines(text)
    if text.startswith("\ufeff"):
        # A second BOM (a file converted twice) would hide the front matter.
        text = text.lstrip("\ufeff")
        msg = "The file starts with more than one byte order mark; the extra ones were removed."
        problems.append(Problem(file, 1, Severity.WARNING, "double-bom", msg))
    text, unsafe = neutralise(text, file, 1)
    problems += unsafe
    if not text.strip():
        return None, [*problems, _empty(file)]
    return text, problems


def neutralise(text: str, file: str, first_line: int) -> tuple[str, list[Problem]]:
    """Remove control and bidirectional-override characters from seed text.

    Vertical tab and form feed become spaces (they separate words); the others
    are dropped. One warning names how many there were and the first one's line.

    Args:
        text: Text with newlines normalised to LF.
        file: Path used in the problem.
        first_line: File line of the text's first line.

    Returns:
        The cleaned text and at most one problem.
    """
    found = _UNSAFE_CHARS.search(text)
    if found is None:
        return text, []
    count = len(_UNSAFE_CHARS.findall(text))
    line = first_line + text.count("\n", 0, found.start())
    cleaned = _UNSAFE_CHARS.sub(lambda m: _WHITESPACE_CONTROLS.get(m.group(), ""), text)
    msg = (
        f"{plural(count, 'control or bidirectional-override character')} removed "
        f"(the first is U+{ord(found.group()):04X})."
    )
    return cleaned, [Problem(file, line, Severity.WARNING, "control-characters", msg)]


def _empty(file: str) -> Problem:
    return Problem(file, 1, Severity.ERROR, "empty", "The file is empty.")


def _encoding_problem(data: bytes, offset: int, bad: int, file: str) -> Problem:
    line = _normalise_newlines(data[:offset].decode("latin-1")).count("\n") + 1
    return Problem(
        file,
        line,
        Severity.WARNING,
        "encoding",
        f"The file is not valid UTF-8 (first bad byte at offset {offset}); "
        f"{plural(bad, 'undecodable byte sequence')} replaced with U+FFFD.",
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(sample: bytes) -> bool:
    text = sample.decode("latin-1")
    return len(_CONTROL.findall(text)) > _BINARY_CONTROL_SHARE * max(len(text), 1)
