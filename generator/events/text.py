"""Sentences with their line numbers, and the token-level helpers shared by the analyses.

Text is analysed in a *normalised* form that undoes the damage of tokenised
corpora ("170, 000" → "170,000", "U. S." → "U.S.", "6.1 - magnitude" →
"6.1-magnitude") while every sentence keeps its text as written, for quoting.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.events.lexicon import (
    ABBREVIATIONS,
    IRREGULAR_PLURALS,
    MONTHS,
    STOPWORDS,
)

PROSE = "prose"
LIST = "list"
HEADING = "heading"
TABLE = "table"

_LIST_MARK = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
# Brackets excluded inside: with them, "[[[[…" backtracks quadratically.
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\[\]]*\)")
_URL = re.compile(r"https?://\S+")
_INITIALS = re.compile(r"\b([A-Za-z])\. ([A-Za-z])\.")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:, \d{3})+)(?![\d])")
_SPACED_COLON = re.compile(r"(?<=\d) : (?=\d)")
_SPACED_HYPHEN = re.compile(r"(?<=[0-9A-Za-z]) - (?=[0-9a-z])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) ([,;:!?])(?= )")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:[\"'“‘(\[]\s*)?[A-Z0-9])")
_LEADING_CLOSER = re.compile(r"^[\"”'’]\s+")
TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|[A-Z]+(?:-[A-Z0-9]+)+[a-z]?"
    r"|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*"
    r"|\S"
)
"""Tokens: numbers, dotted initials, codes like AC-130, hyphenated words, punctuation."""
_WORD = re.compile(r"[a-z0-9]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article body.

    Attributes:
        index: 0-based position among the article's sentences.
        text: The sentence as written (whitespace collapsed, list marks removed).
        norm: The normalised text that the analyses read.
        line: 1-based line of the seed file on which the sentence starts.
        paragraph: 0-based index of the block (paragraph, list item, row) it belongs to.
        kind: ``prose``, ``list``, ``heading`` or ``table``.
    """

    index: int
    text: str
    norm: str
    line: int
    paragraph: int
    kind: str


def normalise(text: str) -> str:
    """Return ``text`` with Markdown and tokenisation artefacts removed.

    Args:
        text: A sentence or short passage.

    Returns:
        The same words with numbers, initials and hyphens rejoined.
    """
    out = _MD_LINK.sub(r"\1", text)
    out = _URL.sub("", out)
    out = out.replace("**", "").replace("__", "").replace("`", "")
    out = out.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    out = out.replace("''", '"')
    for _ in range(3):
        out = _INITIALS.sub(r"\1.\2.", out)
    out = _THOUSANDS.sub(_join_thousands, out)
    out = _SPACED_COLON.sub(":", out)
    out = _SPACED_HYPHEN.sub("-", out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    return re.sub(r"\s+", " ", out).strip()


def _join_thousands(match: re.Match[str]) -> str:
    """Join ``170, 000`` unless the first group is a day of a month ("May 17, 200")."""
    before = match.string[: match.start()].rstrip().rsplit(" ", 1)[-1].lower().rstrip(".")
    if before in MONTHS:
        return match.group(0)
    return match.group(1) + match.group(2).replace(" ", "")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of normalised text."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def tokens(text: str) -> list[str]:
    """Split normalised text into word, number and punctuation tokens."""
    return TOKEN_RE.findall(text)


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Return a crude singular, lower-case form of a noun (good enough for matching)."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if len(low) <= 3 or (not low.isalpha() and "-" not in low):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")):
        return low[:-1]
    return low


def content_words(text: str) -> list[str]:
    """Return the lemmas of the content words of normalised text, in order."""
    out: list[str] = []
    for tok in tokens(text):
        low = tok.lower()
        if not _WORD.match(low) or low in STOPWORDS:
            continue
        for part in low.split("-") if "-" in low else (low,):
            if part and part not in STOPWORDS and _WORD.match(part):
                out.append(lemma(part))
    return out


def split_sentences(body: str, body_line: int = 1) -> tuple[Sentence, ...]:
    """Split an article body into sentences, keeping each one's line number.

    Args:
        body: The article text (Markdown or plain text).
        body_line: 1-based line of the seed file on which ``body`` starts.

    Returns:
        The sentences in reading order.
    """
    out: list[Sentence] = []
    for paragraph, (kind, start, text) in enumerate(_blocks(body)):
        pieces = [text] if kind in (HEADING, TABLE) else _split_block(text)
        for piece in pieces:
            clean = _LEADING_CLOSER.sub("", piece.strip())
            if not _WORD.search(clean.lower()):
                continue
            offset = text.find(piece)
            line = body_line + start + text[: max(offset, 0)].count("\n")
            flat = " ".join(clean.split())
            out.append(Sentence(len(out), flat, normalise(flat), line, paragraph, kind))
    return tuple(out)


def _blocks(body: str) -> list[tuple[str, int, str]]:
    """Group the lines of ``body`` into blocks: (kind, 0-based first line, text)."""
    blocks: list[tuple[str, int, str]] = []
    current: list[str] = []
    first = 0
    lines = body.split("\n")
    for number, raw in enumerate(lines):
        line = raw.strip()
        kind = _line_kind(line, lines[number + 1].strip() if number + 1 < len(lines) else "")
        if current and (not line or kind != PROSE or not _continues(current[-1], line)):
            blocks.append((PROSE, first, "\n".join(current)))
            current = []
        if not line:
            continue
        if kind != PROSE:
            blocks.append((kind, number, _LIST_MARK.sub("", line).lstrip("#").strip()))
            continue
        if not current:
            first = number
        current.append(line)
    if current:
        blocks.append((PROSE, first, "\n".join(current)))
    return [b for b in blocks if b[2]]


def _line_kind(line: str, following: str) -> str:
    """Classify one stripped line."""
    if line.startswith("#"):
        return HEADING
    if line.count("|") >= 2:
        return TABLE
    if _LIST_MARK.match(line):
        return LIST
    words = line.split()
    if (
        following
        and 0 < len(words) <= 10
        and line[-1] not in ".!?:;,\"'”’)"
        and sum(w[0].isupper() for w in words if w[0].isalpha()) >= max(1, len(words) // 2)
    ):
        return HEADING
    return PROSE


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence on ``previous`` (a hard-wrapped paragraph)."""
    if previous[-1] in ".!?\"'”’:)":
        return False
    return line[0].islower() or len(previous.split()) >= 12


def _split_block(text: str) -> list[str]:
    """Split a block of prose at sentence boundaries."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    # Only the last word matters; a bounded window keeps long blocks linear.
    word = re.split(r"[\s(\"“‘]", text[max(0, dot - 64) : dot])[-1].lower()
    if len(word) == 1 and word.isalpha():
        return True
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS
