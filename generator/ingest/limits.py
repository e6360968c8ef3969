"""Input limits: what a seed or registry may hold before it is refused or neutralised.

Each limit is generous for real articles (the longest news article in the
evaluation corpora is under 100 KB, with paragraphs of a few thousand
characters and no nesting deeper than three) and keeps every later stage
linear: nothing here is a guess about content, only about size and depth.
The values, and what each means, are :class:`generator.thresholds.InputLimits`
(listed on the thresholds page); this module applies them.
"""

from __future__ import annotations

import re

import yaml

from generator.thresholds import INPUT_LIMITS as _LIMITS

_DELIMITER_RUN = re.compile(r"[*_~]+|[\[\]()]")
_MARKUP = re.compile(r"[*_~\[\]()`<>&\\!]")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def too_many_lines(text: str) -> int | None:
    """The number of lines when over the most lines (a final newline ends a line), or None."""
    count = text.count("\n") + (0 if text.endswith("\n") else 1)
    return count if count > _LIMITS.lines else None


def long_line(text: str) -> tuple[int, int] | None:
    """The first line longer than the longest line: (1-based line, length), or None."""
    if len(text) <= _LIMITS.line_chars:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > _LIMITS.line_chars:
            return number, len(line)
    return None


def yaml_too_deep(text: str) -> int | None:
    """0-based line where YAML nesting first exceeds the deepest YAML nesting, or None.

    Uses the event parser, which keeps its own stack instead of recursing, so
    this is safe on any input; syntax errors are left to the real loader.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _LIMITS.yaml_depth:
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

    Too deep: nesting beyond the deepest Markdown nesting; too dense: more than
    the most Markdown characters special characters.
    """
    if len(line) > _LIMITS.markup_chars and len(_MARKUP.findall(line)) > _LIMITS.markup_chars:
        return True
    return markdown_depth(line) > _LIMITS.markdown_depth


def clip(text: str) -> str:
    """``text`` cut to the longest inline value characters (with an ellipsis)."""
    return text if len(text) <= _LIMITS.inline_chars else text[: _LIMITS.inline_chars - 1] + "…"
