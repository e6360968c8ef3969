"""Text helpers shared by the inference stages: paragraphs, sentences, plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_ROW = re.compile(r"^\s*\|?.*\|.*$")
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*\s*$")
# Link text and target exclude brackets: with them, "[[[[…" backtracks quadratically.
_MD_LINK = re.compile(r"!?\[(?P<text>[^\[\]]*)\]\([^()\[\]]*\)")
_MD_MARKUP = re.compile(r"[*_`]+|^\s{0,3}#{1,6}\s+|^\s*>\s?", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A sentence may end at . ! ? followed by space and a capital, quote or digit...
# (The word is bounded so that a long run without spaces costs linear time.)
_BOUNDARY = re.compile(r"(?P<word>[\w.'’-]{0,40})[.!?…][\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
# ...but not after a title or a single initial ("Mr.", "U.S.", "J.").
_ABBREVIATIONS = frozenset(
    {
        *("mr", "ms", "mrs", "dr", "st", "jr", "sr", "vs", "mt", "prof", "rev", "approx", "est"),
        *("gen", "col", "lt", "sgt", "maj", "capt", "adm", "rep", "sen", "gov"),
        *("inc", "co", "corp"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
# These are abbreviations only before a number ("No. 5", "Fig. 2"); "said no." ends
# a sentence.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "vol", "pp"})
# A thematic break (``---``, ``***``, ``___``) separates blocks; it is not text.
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# A setext heading underline: "Title" on one line, "=====" or "-----" below it.
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)[ \t]*$")
# A label line ("Recent Attacks Against US Forces") in text without blank lines.
_LABEL_MAX_WORDS = 10
_LABEL_CAPITALISED_SHARE = 0.6
_OPEN_ENDING = re.compile(r"[,;:(\[{“‘\"'–—-]\s*$")


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
        kind = _line_kind(line)
        if _SETEXT.match(line) and len(current) == 1:
            flush("heading")
        elif kind in ("blank", "rule"):
            flush()
        elif kind != "text":
            flush()
            text = _HEADING.sub(r"\g<text>", line).strip() if kind == "heading" else line.strip()
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


def _line_kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _RULE.match(line):
        return "rule"
    if _HEADING.match(line):
        return "heading"
    if _LIST_ITEM.match(line):
        return "list"
    if "|" in line and _TABLE_ROW.match(line) and line.count("|") >= 2:
        return "table"
    return "text"


def first_heading(body: str) -> tuple[str, int] | None:
    """Return the first ATX Markdown heading's text and line, if any."""
    for number, line in enumerate(body.split("\n"), start=1):
        match = _HEADING.match(line)
        if match:
            return plain(match.group("text")), number
    return None


def plain(text: str) -> str:
    """Strip Markdown links and emphasis, and collapse whitespace."""
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    return " ".join(_MD_MARKUP.sub("", text).split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of plain text."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        word = match.group("word").rstrip(".").casefold()
        last = word.rsplit(".", 1)[-1]
        end = match.end()
        if word in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if word in _NUMBER_ABBREVIATIONS and text[end : end + 1].isdigit():
            continue
        spans.append((start, len(text[:end].rstrip())))
        start = end
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: str) -> list[str]:
    """Split plain text into sentences."""
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def words(text: str) -> list[str]:
    """Return the word tokens of plain text (numbers count as words)."""
    return _WORD.findall(text)


def iter_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield ``(file_line, text)`` for every line of a body starting at ``first_line``."""
    for offset, line in enumerate(body.split("\n")):
        yield first_line + offset, line
