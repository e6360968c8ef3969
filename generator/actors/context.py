"""Words around a name: compounds ("Iran-backed militias") and descriptors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text.lexicon import (
    COMPOUND_ROLES,
    DESCRIPTOR_STOP,
    HEAD_NOUNS,
    KIND_NOUNS,
    NAME_STOPWORDS,
    PERSON_NOUNS,
    TITLE_WORDS,
)
from generator.text.tokens import LOOSE_WORD, last_words

_COMPOUND = re.compile(r"[-‐‑](\w+)")
_NEXT = re.compile(r"[ \t]+([\w'’-]+)")
_NOUNS = HEAD_NOUNS | KIND_NOUNS | PERSON_NOUNS | TITLE_WORDS
_MAX_LEFT = 4
_LEFT_CHARS = 120
_MAX_RIGHT = 3
_POSSESSIVE = re.compile(r"['’]s?\b")


@dataclass(frozen=True, slots=True)
class Compound:
    """A hyphenated compound after a name, such as "-backed militias"."""

    role: str
    qualifies: str
    end: int


def compound_after(text: str, end: int, limit: int) -> Compound | None:
    """Return the compound that follows a name ending at ``end``, if any.

    Args:
        text: The body.
        end: Offset just after the name.
        limit: Offset the phrase may not cross (end of the sentence).

    Returns:
        The role the name plays ("backer" for "-backed") and the noun phrase
        it qualifies, or None when no relational compound follows.
    """
    m = _COMPOUND.match(text, end, limit)
    if not m:
        return None
    role = COMPOUND_ROLES.get(m.group(1).lower())
    if role is None:
        return None
    phrase, phrase_end = noun_phrase_after(text, m.end(), limit)
    return Compound(role, phrase, phrase_end)


def noun_phrase_after(text: str, pos: int, limit: int) -> tuple[str, int]:
    """Return the short noun phrase starting after ``pos`` and where it ends.

    The phrase runs to the last of the next few words that is a head noun
    ("Iraqi militia groups"); failing that it is the single next word.
    """
    words = []
    cursor = pos
    for _ in range(_MAX_RIGHT):
        m = _NEXT.match(text, cursor, limit)
        if not m or m.group(1).lower() in NAME_STOPWORDS:
            break
        words.append((m.group(1), m.end()))
        cursor = m.end()
    heads = [i for i, (w, _) in enumerate(words) if w.lower() in HEAD_NOUNS]
    if heads:
        last = heads[-1]
        return " ".join(w for w, _ in words[: last + 1]), words[last][1]
    if words and words[0][0][:1].islower():
        return words[0][0], words[0][1]
    return "", pos


def _left_words(text: str, limit: int, start: int) -> str:
    """Return the describing words just before a name, within its sentence.

    They must end in a noun or title next to the name ("militant group
    Hamas", "Prime Minister Mohammed ...") or be a possessive ("Lebanon's
    Hezbollah"); the phrase stops at a function word or a verb-like word.
    """
    before = text[max(limit, start - _LEFT_CHARS) : start]
    if before and not before[-1].isspace():
        return ""
    # At most _MAX_LEFT words are taken, each followed by white space only, and a
    # chunk without a word stops the walk as its gap does: the last _MAX_LEFT chunks
    # read the same as the whole window, for a fraction of the splitting.
    before = last_words(before, _MAX_LEFT)
    tokens = LOOSE_WORD.findall(before)
    gaps = LOOSE_WORD.split(before)
    taken: list[str] = []
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 1 - _MAX_LEFT), -1):
        word = tokens[i]
        if gaps[i + 1].strip() or word.lower().strip(".") in DESCRIPTOR_STOP:
            break
        if not any(c.isalpha() for c in word) or (word.islower() and word.endswith(("ed", "ing"))):
            break
        taken.append(word)
    if not taken or not _describes(taken[0]):
        return ""
    return " ".join(reversed(taken))


def _describes(word: str) -> bool:
    """Return True when the word next to a name can head a description of it."""
    return word.lower().strip(".") in _NOUNS or word.endswith(("'s", "’s", "s'", "s’"))


def descriptor(text: str, bounds: tuple[int, int], start: int, end: int) -> str:
    """Return the words around a name that describe it.

    Args:
        text: The body.
        bounds: (start, end) of the sentence holding the name.
        start: Offset of the name.
        end: Offset just after the name.

    Returns:
        "Iran-backed militias" for a compound, "Palestinian militant group
        Hamas" or "Kataib Hezbollah militia" otherwise; empty when nothing
        around the name describes it.
    """
    sentence_start, sentence_end = bounds
    name = " ".join(text[start:end].split())
    compound = compound_after(text, end, sentence_end)
    if compound is not None:
        return " ".join(text[start : compound.end].split())
    left = _left_words(text, sentence_start, start)
    right, _ = noun_phrase_after(text, _after_possessive(text, end), sentence_end)
    if right and (right.split()[-1].lower() not in HEAD_NOUNS or not right.islower()):
        right = ""
    if not left and not right:
        return ""
    return " ".join(part for part in (left, name + _possessive(text, end), right) if part)


def _possessive(text: str, end: int) -> str:
    """Return the possessive ending right after a name ("'s"), if any."""
    m = _POSSESSIVE.match(text, end)
    return m.group(0) if m else ""


def _after_possessive(text: str, end: int) -> int:
    """Return the offset after a name's possessive ending."""
    return end + len(_possessive(text, end))
