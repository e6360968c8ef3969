"""Text helpers shared by matching and discovery: folding, keys, sentences.

Folding maps a text onto a spelling-insensitive form while remembering where
each folded character came from, so matches found on the folded text can be
reported with the exact words the outlet wrote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from generator.actors.vocab import ABBREVIATIONS

HYPHENS = "-‐‑‒–—―"
APOSTROPHES = "'’‘`ʼʹ′"
# Transliterations of Arabic and Persian names swap these vowels freely
# (Kataib/Kataeb, Hezbollah/Hizbollah, Qasem/Qassem once doubles collapse).
_VOWEL_FOLD = {"e": "i", "o": "u"}

_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_LEAD_MARKER = re.compile(r"^(?:#{1,6}|[-*+>•–]|\d+[.)]|[QA]:)\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    """Return ``ch`` lower-cased with diacritics removed (possibly empty)."""
    if ch in HYPHENS or ch.isspace():
        return " "
    if ch in APOSTROPHES:
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` for spelling-insensitive matching.

    Lower-cases, strips diacritics, turns hyphens into spaces, unifies
    apostrophes, folds ``e``/``o`` onto ``i``/``u`` and collapses doubled
    letters and spaces.

    Args:
        text: Any text.

    Returns:
        The folded text and, for each of its characters, the index in
        ``text`` of the character it came from.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for b in _base(ch):
            c = _VOWEL_FOLD.get(b, b)
            if out and c == out[-1] and (c.isalpha() or c == " "):
                continue
            out.append(c)
            index.append(i)
    return "".join(out), tuple(index)


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Return the folded form of ``text``, trimmed."""
    return fold(text)[0].strip()


def light_key(text: str) -> str:
    """Return a key ignoring case, diacritics, hyphens and spacing only."""
    return " ".join("".join(_base(c) for c in text).split())


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return the key under which spellings of one name are grouped.

    The folded text with everything but letters and digits removed, so that
    "U.S.", "U. S." and "US", or "Kataeb Hezbollah" and "Kataib Hezbollah",
    share a key.
    """
    return "".join(c for c in fold(text)[0] if c.isalnum())


def is_acronym(text: str) -> bool:
    """Return True for an all-capital abbreviation such as "US", "U.S." or "ISIS"."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def mask_urls(text: str) -> str:
    """Blank out URLs and Markdown link targets, keeping every offset."""
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence of a body: ``body[start:end]``, markers and padding trimmed."""

    start: int
    end: int


def sentence_spans(body: str) -> list[Span]:
    """Split ``body`` into sentences, never across lines or table cells.

    Args:
        body: Article text (Markdown or plain).

    Returns:
        Sentence spans in reading order, without list or heading markers.
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n|]+", body):
        start = line.start()
        for cut in _sentence_cuts(line.group(0)):
            spans.extend(_trimmed(body, start, line.start() + cut))
            start = line.start() + cut
        spans.extend(_trimmed(body, start, line.end()))
    return spans


def _sentence_cuts(line: str) -> list[int]:
    """Return the offsets in ``line`` just after each sentence-ending mark."""
    cuts = []
    for m in _SENTENCE_END.finditer(line):
        rest = line[m.end() :].lstrip()
        if not rest or not (rest[0].isupper() or rest[0] in '"“‘(['):
            continue
        # Only the last word matters; a bounded window keeps long lines linear.
        before = _WORD_BEFORE.search(line[max(0, m.start() - 64) : m.start()])
        word = before.group(1) if before else ""
        if m.group(0).startswith(".") and _is_abbreviation(word):
            continue
        cuts.append(m.end())
    return cuts


def _is_abbreviation(word: str) -> bool:
    """Return True when a full stop after ``word`` is part of an abbreviation."""
    bare = word.rstrip(".")
    if len(bare) == 1 or "." in bare:
        return True
    return bare.lower() in ABBREVIATIONS


def _trimmed(body: str, start: int, end: int) -> list[Span]:
    """Return the span without surrounding blanks and leading markers, if non-empty."""
    text = body[start:end]
    lead = len(text) - len(text.lstrip())
    start += lead
    marker = _LEAD_MARKER.match(body[start:end])
    if marker:
        start += marker.end()
    end -= len(text) - len(text.rstrip())
    return [Span(start, end)] if end > start else []


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


def clean(text: str) -> str:
    """Collapse runs of whitespace into single spaces."""
    return " ".join(text.split())
