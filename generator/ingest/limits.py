"""Input limits: what a seed or registry may hold before it is refused or neutralised.

Each limit is generous for real articles (the longest news article in the
evaluation corpora is under 100 KB, with paragraphs of a few thousand
characters and no nesting deeper than three) and keeps every later stage
linear: nothing here is a guess about content, only about size and depth.
The limits are listed on the methodology page.
"""

from __future__ import annotations

import re

import yaml

MAX_SEED_BYTES = 1_000_000
"""Largest seed file read (1 MB, ten times a long article); larger files are not decoded."""

MAX_LINE_CHARS = 100_000
"""Longest line (characters) in a seed; a seed with a longer line is refused."""

MAX_LINES = 10_000
"""Most lines in a seed; a seed with more is refused (each line can be a paragraph, and
Markdown's block parser slows down with the square of their number)."""

MAX_YAML_DEPTH = 20
"""Deepest nesting of lists and mappings in front matter and registries."""

MAX_MARKDOWN_DEPTH = 16
"""Deepest nesting of brackets, parentheses and emphasis in one line of a body; a deeper
line is shown as plain text (an indented code block, which Markdown does not parse)."""

MAX_MARKUP_CHARS = 1_000
"""Most Markdown and HTML special characters in one line of a body; a line with more is
shown as plain text too (Python-Markdown's inline pass is quadratic in their number)."""

MAX_INLINE_CHARS = 1_000
"""Longest seed-derived value (title, summary, name, tag) put on a page; longer ones are
cut with an ellipsis, for the same reason."""

_DELIMITER_RUN = re.compile(r"[*_~]+|[\[\]()]")
_MARKUP = re.compile(r"[*_~\[\]()`<>&\\!]")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def too_many_lines(text: str) -> int | None:
    """The number of lines when over :data:`MAX_LINES` (a final newline ends a line), or None."""
    count = text.count("\n") + (0 if text.endswith("\n") else 1)
    return count if count > MAX_LINES else None


def long_line(text: str) -> tuple[int, int] | None:
    """The first line longer than :data:`MAX_LINE_CHARS`: (1-based line, length), or None."""
    if len(text) <= MAX_LINE_CHARS:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return number, len(line)
    return None


def yaml_too_deep(text: str) -> int | None:
    """0-based line where YAML nesting first exceeds :data:`MAX_YAML_DEPTH`, or None.

    Uses the event parser, which keeps its own stack instead of recursing, so
    this is safe on any input; syntax errors are left to the real loader.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    mark = event.start_mark
                    return int(mark.line) if mark is not None else 0
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def markdown_depth(line: str) -> int:
    """How deeply brackets, parentheses and emphasis nest in one line (an upper bound).

    Emphasis runs count as opening when left-flanking and closing when
    right-flanking (CommonMark's rule, simplified); unmatched closers are ignored.
    """
    if not any(c in line for c in "*_~[("):
        return 0
    depth = deepest = 0
    for match in _DELIMITER_RUN.finditer(line):
        run = match.group()
        if run in "[(":
            depth += 1
        elif run in "])":
            depth = max(0, depth - 1)
        else:
            before = line[match.start() - 1] if match.start() else " "
            after = line[match.end()] if match.end() < len(line) else " "
            opens = not after.isspace() and (before.isspace() or before in _PUNCTUATION)
            closes = not before.isspace() and (after.isspace() or after in _PUNCTUATION)
            if opens and not closes:
                depth += len(run)
            elif closes and not opens:
                depth = max(0, depth - len(run))
        deepest = max(deepest, depth)
    return deepest


def too_deep(line: str) -> bool:
    """Whether a line's Markdown is too deep or too dense to be parsed.

    Too deep: nesting beyond :data:`MAX_MARKDOWN_DEPTH`; too dense: more than
    :data:`MAX_MARKUP_CHARS` special characters.
    """
    if len(line) > MAX_MARKUP_CHARS and len(_MARKUP.findall(line)) > MAX_MARKUP_CHARS:
        return True
    return markdown_depth(line) > MAX_MARKDOWN_DEPTH


def clip(text: str) -> str:
    """``text`` cut to :data:`MAX_INLINE_CHARS` characters (with an ellipsis)."""
    return text if len(text) <= MAX_INLINE_CHARS else text[: MAX_INLINE_CHARS - 1] + "…"
