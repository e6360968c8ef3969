"""The Document: an article body as blocks, sentences and tokens, built once.

Every stage reads the same sentences: the actor pages and the event pages quote
a sentence with the same boundaries and the same line. A sentence keeps its
text as written (for quoting), its offsets in the body (for the actors' name
matching) and its normalised text (for the comparisons).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.text.blocks import HEADING, LIST, PROSE, TABLE, Block, blocks
from generator.text.normalise import mask_urls, normalise
from generator.text.sentences import sentence_spans
from generator.text.tokens import Token, tokenize

__all__ = [
    "HEADING",
    "LIST",
    "PROSE",
    "TABLE",
    "CharSpan",
    "Document",
    "LineIndex",
    "Sentence",
    "document",
]

# A closing quote left at the start of a sentence belongs to the one before.
_LEADING_CLOSER = re.compile(r"[\"”'’]\s+")
_HAS_WORD = re.compile(r"[A-Za-z0-9]")
_CELL = re.compile(r"[^|]+")
# Documents are memoised so that the stages of one build share them; bounded so a
# very large corpus cannot hold every body's analysis at once.
_CACHED_DOCUMENTS = 4096


@dataclass(frozen=True, slots=True)
class CharSpan:
    """Characters ``body[start:end]`` of a body."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article body.

    Attributes:
        index: 0-based position among the article's sentences.
        text: The sentence as written (whitespace collapsed, list marks removed).
        norm: The normalised text that the comparisons read.
        line: 1-based line of the seed file on which the sentence starts.
        paragraph: 0-based index of the block (paragraph, list item, row) it belongs to.
        kind: ``prose``, ``list``, ``heading`` or ``table``.
        start: Offset of its first character in the body.
        end: Offset just after its last character.
    """

    index: int
    text: str
    norm: str
    line: int
    paragraph: int
    kind: str
    start: int = 0
    end: int = 0

    @property
    def span(self) -> CharSpan:
        """The sentence's characters in the body."""
        return CharSpan(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Document:
    """An article body read once: blocks, then sentences, then tokens.

    Attributes:
        body: The body as written.
        body_line: 1-based line of the seed file on which the body starts.
        masked: The body with URLs and link targets blanked out (same offsets).
        blocks: Paragraphs, headings, list items and table rows.
        sentences: The sentences, in reading order.
    """

    body: str
    body_line: int
    masked: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The words of ``body[start:end]``, classified for naming (URLs masked)."""
        return tokenize(self.masked, start, end)

    def cells(self, sentence: Sentence) -> list[CharSpan]:
        """The parts of a sentence between table bars (the sentence itself outside tables)."""
        if sentence.kind != TABLE:
            return [sentence.span]
        out = []
        for match in _CELL.finditer(self.body, sentence.start, sentence.end):
            text = match.group(0)
            start = match.start() + len(text) - len(text.lstrip())
            end = match.end() - (len(text) - len(text.rstrip()))
            if end > start:
                out.append(CharSpan(start, end))
        return out


class LineIndex:
    """Map offsets of a body onto 1-based file lines."""

    __slots__ = ("_first", "_starts")

    def __init__(self, body: str, first_line: int) -> None:
        """Index the line starts of ``body``, whose first line is ``first_line``."""
        self._first = first_line
        self._starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def line(self, offset: int) -> int:
        """Return the file line holding ``offset``."""
        return self._first + bisect_right(self._starts, offset) - 1


@functools.lru_cache(maxsize=_CACHED_DOCUMENTS)
def document(body: str, body_line: int = 1) -> Document:
    """Read a body into its blocks and sentences.

    Args:
        body: The article text (Markdown or plain text).
        body_line: 1-based line of the seed file on which ``body`` starts.

    Returns:
        The document; equal bodies give the same (shared) document.
    """
    found = blocks(body)
    out: list[Sentence] = []
    for paragraph, block in enumerate(found):
        if block.kind in (HEADING, TABLE):
            spans = [(block.start, block.end)]
        else:
            spans = sentence_spans(body, block.start, block.end)
        for start, end in spans:
            closer = _LEADING_CLOSER.match(body, start, end)
            if closer:
                start = closer.end()
            piece = body[start:end]
            if not _HAS_WORD.search(piece):
                continue
            line = body_line + block.line + body.count("\n", block.start, start)
            text = " ".join(piece.split())
            out.append(
                Sentence(len(out), text, normalise(text), line, paragraph, block.kind, start, end)
            )
    return Document(body, body_line, mask_urls(body), tuple(found), tuple(out))
