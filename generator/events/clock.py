"""When in the round a bout was stopped: "at the 1:40 mark" / "20 seconds into the fifth".

A stoppage is told as a clock reading ("stopping the fight at 2:56"), as time into
a round ("stopped the fight 20 seconds into the fifth round") or as time left in
it ("with two seconds remaining of the sixth round", read against a three-minute
round). Each article's first stoppage reading is its version; readings more than
``CLOCK_TOLERANCE`` seconds apart are two versions of one moment. A sentence that
names a year tells of another bout, and a clock followed by a.m./p.m. is the time
of day, not a round clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.events.document import Doc
from generator.events.model import Conflict, ConflictSide, Quote
from generator.events.numbers import find_quantities
from generator.text.document import HEADING, TABLE
from generator.text.tokens import tokens

CLOCK = "time"

ROUND_SECONDS = 180
"""Length of a round, for "with N seconds remaining" (professional boxing)."""

CLOCK_TOLERANCE = 1
"""Stoppage readings this many seconds apart or closer are one moment told with rounding."""

_STOPPED = re.compile(r"\b(?:stop(?:ped|ping|s)?|stoppage|waved\s+(?:it|the\s+\w+)\s+off)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MARK = re.compile(r"\bat\s+(?:the\s+)?(\d{1,2})\s?:\s?(\d\d)(?!\s*(?:a|p)\.?\s?m)\b", re.I)
_INTO = re.compile(r"\b([\w-]+(?:\s+[\w-]+)?)\s+seconds?\s+into\s+(?:the\s+)?\w+", re.I)
_LEFT = re.compile(r"\b([\w-]+(?:\s+[\w-]+)?)\s+seconds?\s+(?:remaining|left|to\s+go)\b", re.I)


def clock_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """Different moments given for the stoppage of one bout.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        At most one conflict; sides in article order, one per moment.
    """
    rank = {a: n for n, a in enumerate(order)}
    sides: list[tuple[int, list[Quote]]] = []
    for doc in sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id)):
        read = _first_stoppage(doc)
        if read is None:
            continue
        seconds, quote = read
        same = [s for s in sides if abs(s[0] - seconds) <= CLOCK_TOLERANCE]
        if same:
            same[0][1].append(quote)
        else:
            sides.append((seconds, [quote]))
    if len(sides) < 2:
        return []
    built = tuple(
        ConflictSide(
            f"{seconds // 60}:{seconds % 60:02d}",
            tuple(q.article_id for q in quotes),
            tuple(quotes),
        )
        for seconds, quotes in sides
    )
    listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in built)
    summary = f"The articles give different times in the round for the stoppage: {listed}."
    return [Conflict(CLOCK, None, summary, built)]


def _first_stoppage(doc: Doc) -> tuple[int, Quote] | None:
    """The first stoppage moment an article gives, in seconds into the round."""
    for sentence in doc.sentences:
        text = sentence.text
        if sentence.kind in (HEADING, TABLE) or _YEAR.search(text):
            continue
        for stop in _STOPPED.finditer(text):
            seconds = _moment(text[stop.end() : stop.end() + 90])
            if seconds is not None:
                return (seconds, Quote(doc.id, text, sentence.line))
    return None


def _moment(text: str) -> int | None:
    """Seconds into the round that a stoppage clause gives, else None."""
    mark = _MARK.search(text)
    if mark is not None:
        return int(mark.group(1)) * 60 + int(mark.group(2))
    into = _INTO.search(text)
    if into is not None:
        return _count(into.group(1))
    left = _LEFT.search(text)
    if left is not None:
        count = _count(left.group(1))
        return None if count is None or count > ROUND_SECONDS else ROUND_SECONDS - count
    return None


def _count(words: str) -> int | None:
    """The number written at the end of ``words`` ("44", "with two"), else None."""
    found = find_quantities(tokens(words))
    if not found or found[-1].low is None or found[-1].qualifier or found[-1].vague:
        return None
    return int(found[-1].low)
