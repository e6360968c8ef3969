"""The one sentence splitter, with the one abbreviation list.

Sentences end at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by white space and a capital, a digit or an opening quote,
except after an initial ("J."), a dotted abbreviation ("U.S."), a listed
abbreviation ("Adm.", "Jan.") or, before a number only, "No." and "Fig.".

pysbd was measured as the alternative: on dev-events it took 11 s for the
bodies (the whole export takes about 19 s) and splits the same way on the cases
that matter here, so the pipeline keeps this splitter.
"""

from __future__ import annotations

import itertools
import re

from generator.text.lexicon import ABBREVIATIONS, NAME_STOPWORDS, NUMBER_ABBREVIATIONS, TITLE_WORDS

# Tokenised corpora write a closing quote as a spaced "''" ("he said. '' Then"): it
# still closes the sentence before it.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?: '')?(?=\s)")
_OPENERS = "\"'“‘(["
# Only the last word before a full stop matters; a bounded window keeps long blocks linear.
_WINDOW = 64
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_WORD_BREAK = re.compile(r"[\s(\"“‘\[]")


def sentence_cuts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets in ``text`` just after each sentence-ending mark in ``text[start:end]``.

    Args:
        text: Any text (a block of a body, or the body itself).
        start: Where to start looking.
        end: Where to stop (default: the end of ``text``).

    Returns:
        Cut offsets in increasing order; a sentence runs from one cut to the next.
    """
    stop = len(text) if end is None else end
    cuts = []
    for match in _BOUNDARY.finditer(text, start, stop):
        following = _next_visible(text, match.end(), stop)
        if following is None or not (text[following].isupper() or text[following].isdigit()):
            continue
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), following):
            continue
        cuts.append(match.end())
    return cuts


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text[start:end]``, blanks trimmed."""
    stop = len(text) if end is None else end
    bounds = [start, *sentence_cuts(text, start, stop), stop]
    spans = []
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if b - trail > a + lead:
            spans.append((a + lead, b - trail))
    return spans


def sentences(text: str) -> list[str]:
    """Split plain text into sentences."""
    return [text[a:b] for a, b in sentence_spans(text)]


def _next_visible(text: str, index: int, stop: int) -> int | None:
    """Index of the first character after white space and opening quotes, if any."""
    i = index
    while i < stop and (text[i].isspace() or text[i] in _OPENERS):
        i += 1
    return i if i < stop else None


def _opens_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` is one that opens sentences rather than names."""
    match = _NEXT_WORD.match(text, index)
    word = match.group(0).lower() if match else ""
    return word in NAME_STOPWORDS or (word in TITLE_WORDS and word in ABBREVIATIONS)


def _is_abbreviation(text: str, dot: int, following: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an initial or an abbreviation."""
    word = _WORD_BREAK.split(text[max(0, dot - _WINDOW) : dot])[-1].lower().rstrip(".")
    last = word.rsplit(".", 1)[-1]
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Robert S. Mueller"
    # A dotted abbreviation ("U.S.", "L.A.", but not "3.5.") goes on into a name
    # ("L.A. Times", "A.J. Smith") but not into a word that opens sentences
    # ("in the U.S. The", "to the F.B.I. Nothing", "N.Y. Mr. Gowdy").
    if len(last) == 1 and last.isalpha():
        return not _opens_sentence(text, following)
    if word in ABBREVIATIONS:
        return True
    return word in NUMBER_ABBREVIATIONS and text[following].isdigit()
