"""Text that is safe to print to a terminal or a CI log."""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), line and paragraph separators, and
# bidirectional and zero-width format characters: a file name or message that
# holds one could start a new line (a workflow command in CI), move the cursor,
# or hide or reorder what the reader sees.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def visible(value: str) -> str:
    """``value`` on one line, every unsafe character shown as an escape (ESC as x1b).

    Backslashes are doubled so that an escape in the output always means an
    unsafe character in the value.
    """

    def escaped(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escaped, value.replace("\\", "\\\\"))
