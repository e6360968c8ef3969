"""Blocks of a body: the one line classifier, and the two ways lines group.

Every line is classified once, by :func:`line_kind`: blank, thematic break,
heading, list item, table row or text. Text lines then group into blocks.
:func:`blocks` gives the blocks of the :class:`~generator.text.document.Document`
(one per paragraph, heading, list item or table row, with body offsets);
:func:`paragraphs` is the coarser view metadata inference reads (it also ends a
paragraph at a line that ends a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROSE = "prose"
LIST = "list"
HEADING = "heading"
TABLE = "table"

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
# "Q:" and "A:" open the lines of a question-and-answer section; like a list mark,
# they are not part of the sentence.
_FAQ_MARK = re.compile(r"[QA]:\s+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*\s*$")
# A thematic break (``---``, ``***``, ``___``) separates blocks; it is not text.
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# A setext heading underline: "Title" on one line, "=====" or "-----" below it.
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)[ \t]*$")
# A label line ("Recent Attacks Against US Forces") in text without blank lines.
_LABEL_MAX_WORDS = 10
_LABEL_CAPITALISED_SHARE = 0.6
_OPEN_ENDING = re.compile(r"[,;:(\[{“‘\"'–—-]\s*$")
# A hard-wrapped paragraph: a line continues the one before when that one does not
# end a sentence and the line starts in lower case or follows a long line.
_WRAP_MIN_WORDS = 12
_CLOSED = ".!?\"'”’:)"


def line_kind(line: str) -> str:
    """Classify one line: ``blank``, ``rule``, ``heading``, ``list``, ``table`` or ``text``."""
    if not line.strip():
        return "blank"
    if _RULE.match(line):
        return "rule"
    if _HEADING.match(line):
        return HEADING
    if _LIST_MARK.match(line):
        return LIST
    if line.count("|") >= 2 or _TABLE_SEPARATOR.match(line):
        return TABLE
    return "text"


def list_mark(line: str) -> int:
    """Length of the list mark (with its white space) opening ``line``, or 0."""
    match = _LIST_MARK.match(line)
    return match.end() if match else 0


def is_label(line: str) -> bool:
    """Whether a line reads like a heading written without Markdown.

    A label is short, does not end a sentence or open a clause, and most of its
    words are capitalised ("Recent Attacks Against US Forces"). Hard-wrapped
    prose rarely has lines like that, so they are safe to keep apart.
    """
    text = line.strip()
    tokens = [w for w in text.split() if w[:1].isalpha()]
    if not tokens or len(text.split()) > _LABEL_MAX_WORDS:
        return False
    if _SENTENCE_END.search(text) or _OPEN_ENDING.search(text):
        return False
    capitalised = sum(1 for w in tokens if w[:1].isupper())
    return capitalised >= _LABEL_CAPITALISED_SHARE * len(tokens) and tokens[0][:1].isupper()


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, list item or table row: ``body[start:end]``.

    Attributes:
        kind: ``prose``, ``heading``, ``list`` or ``table``.
        line: 0-based line of the body the block starts on.
        start: Offset in the body of its first character (after any list or heading mark).
        end: Offset just after its last character.
    """

    kind: str
    line: int
    start: int
    end: int


def blocks(body: str) -> list[Block]:
    """Group the lines of ``body`` into blocks.

    A label line (see :func:`is_label`) with text after it is a heading; a
    prose line joins the one before when that one is hard-wrapped.
    """
    out: list[Block] = []
    lines = body.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    first: int | None = None
    for number, raw in enumerate(lines):
        kind = _block_kind(raw, lines[number + 1] if number + 1 < len(lines) else "")
        if first is not None and (kind != "text" or not _continues(lines[number - 1], raw)):
            out.append(_block(body, PROSE, first, offsets[first], offsets[number] - 1))
            first = None
        if kind in ("blank", "rule"):
            continue
        if kind != "text":
            out.append(_block(body, kind, number, offsets[number], offsets[number + 1] - 1))
        elif first is None:
            first = number
    if first is not None:
        out.append(_block(body, PROSE, first, offsets[first], len(body)))
    return [b for b in out if b.end > b.start]


def _block_kind(line: str, following: str) -> str:
    kind = line_kind(line)
    if kind == "text" and following.strip() and is_label(line):
        return HEADING
    return kind


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence on ``previous`` (a hard-wrapped paragraph)."""
    before, text = previous.strip(), line.strip()
    if before[-1] in _CLOSED:
        return False
    return text[0].islower() or len(before.split()) >= _WRAP_MIN_WORDS


def _block(body: str, kind: str, line: int, start: int, end: int) -> Block:
    """A block without surrounding blanks and without its list or heading mark."""
    end = min(end, len(body))
    while start < end and body[start].isspace():
        start += 1
    if kind in (LIST, HEADING):
        start += list_mark(body[start:end])
        while start < end and body[start] == "#":
            start += 1
    while start < end and body[start].isspace():
        start += 1
    faq = _FAQ_MARK.match(body, start, end)
    if faq:
        start = faq.end()
    while end > start and body[end - 1].isspace():
        end -= 1
    return Block(kind, line, start, end)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text with the 1-based line (within the body) it starts on."""

    text: str
    line: int
    kind: str  # "text", "heading", "list" or "table"; thematic breaks are dropped


def paragraphs(body: str) -> list[Paragraph]:
    """Split a body into paragraphs, headings, list items and table rows.

    Plain-text seeds often have one paragraph per line and no blank lines, so a
    new paragraph also starts after a line that ends a sentence, and a short
    title-case line without a full stop (a label such as "Recent Attacks"),
    followed by a line that starts with a capital, is a paragraph of its own
    instead of being glued to the next line. Setext headings are headings.
    """
    result: list[Paragraph] = []
    current: list[str] = []
    start = 0

    def flush(kind: str = "text") -> None:
        if current:
            result.append(Paragraph(" ".join(s.strip() for s in current), start, kind))
            current.clear()

    lines = body.split("\n")
    for number, line in enumerate(lines, start=1):
        kind = line_kind(line)
        if _SETEXT.match(line) and len(current) == 1:
            flush("heading")
        elif kind in ("blank", "rule"):
            flush()
        elif kind != "text":
            flush()
            text = _HEADING.sub(r"\g<text>", line).strip() if kind == HEADING else line.strip()
            result.append(Paragraph(text, number, kind))
        else:
            if not current:
                start = number
            current.append(line)
            following = lines[number] if number < len(lines) else ""
            if _SENTENCE_END.search(line) or (
                len(current) == 1 and is_label(line) and following.strip()[:1].isupper()
            ):
                flush()
    flush()
    return result
