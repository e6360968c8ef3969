"""One person's first name told two ways: "Dana Marlow's 1982 novel The Tide" / "Derek Marlow's".

Two articles that write the same surname with different first names usually
name two people (a sister, a namesake), so the evidence must be strong before
the two are taken for one person:

- each article writes the surname with one first name only, and no article of
  the event writes it with both;
- the first names start with the same letter and are not a short form and its
  full form ("Dave" / "David", "Mike" / "Michael");
- the two sentences share a rarer capitalised word besides the name (the work,
  the place, the body that makes the role: "The Tide") and another content word,
  so they tell the same role.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from generator.events.slotunits import Line, Reading
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.factwords import SHORT_FIRST_NAMES
from generator.text.lexicon import RANKS, STOPWORDS, TITLE_WORDS

FIRST_NAME = "first name"

FIRST_NAME_SHARED = 3
"""Two first names sharing this many first letters are a short and a full form ("Dave",
"David"), not two names."""

FIRST_NAME_RARE_SHARE = 0.5
"""A capitalised word ties two sentences to one role when at most this share of the event's
articles write it."""

_FULL = re.compile(
    r"([A-Z](?<![\w.’'-].)[a-z]{2,})\s+([A-Z][a-z]{2,})(?:['’]s?)?(?![\w-])(?!\s+[A-Z])"
)
# "No name character before the first name", asserted after its capital (over two
# characters): a pattern opening with a class is found by a fast scan for it, one opening
# with a lookbehind is tried at every position (twice as slow over an event).
_BEFORE = re.compile(r"([A-Z][\w.’'-]*)\s+$")
_CAPITAL = re.compile(r"\b[A-Z][a-z]{3,}\b")


def first_name_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different first names written with one surname for the same role.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    firsts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    uses: dict[str, list[tuple[str, Reading, Line]]] = defaultdict(list)
    for line in lines:
        for match in _FULL.finditer(line.text):
            first, surname = match.group(1), match.group(2)
            before = _BEFORE.search(line.text, 0, match.start())
            if before is not None and _given(before.group(1).rstrip(".")):
                continue  # a longer name ("Anna Mae Marlow"): its last two words are not one
            if not _given(first) or not _given(surname):
                continue
            firsts[surname.lower()][line.article_id].add(first.lower())
            full = f"{first} {surname}"
            reading = Reading(
                line.article_id,
                FIRST_NAME,
                full,
                full.lower(),
                line.text,
                line.line,
                f"… {surname}",
            )
            uses[surname.lower()].append((first.lower(), reading, line))
    articles = len({line.article_id for line in lines})
    # Each article's capitalised words are read only when a pair gets that far (rarely).
    capitals: dict[str, set[str]] = {}
    out: list[tuple[Reading, Reading]] = []
    for surname in sorted(uses):
        by_article = firsts[surname]
        if any(len(names) > 1 for names in by_article.values()):
            continue  # an article naming two people of that surname: relatives, namesakes
        group = uses[surname]
        for x, (fa, a, la) in enumerate(group):
            for fb, b, lb in group[x + 1 :]:
                if a.article_id == b.article_id or fa == fb or not _variants(fa, fb):
                    continue
                if not capitals:
                    capitals = _capitals_by_article(lines)
                skip = {surname, fa, fb}
                shared = _capitalised(la) & _capitalised(lb) - skip
                rare = {
                    w
                    for w in shared
                    if sum(w in c for c in capitals.values()) <= FIRST_NAME_RARE_SHARE * articles
                }
                others = la.content & lb.content - skip - rare
                if rare and others:
                    out.append((a, b))
    return out


def _capitals_by_article(lines: Sequence[Line]) -> dict[str, set[str]]:
    """Article id → the capitalised words (four letters or more) it writes, lower-cased."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        out[line.article_id].update(w.lower() for w in _CAPITAL.findall(line.text))
    return out


def _given(word: str) -> bool:
    """Whether a capitalised word can be part of a person's name."""
    low = word.lower()
    return not (
        low in STOPWORDS or low in MONTHS or low in WEEKDAYS or low in RANKS or low in TITLE_WORDS
    )


def _variants(a: str, b: str) -> bool:
    """Whether two different first names may be one person's, told wrongly by one article."""
    if a[0] != b[0] or a[:FIRST_NAME_SHARED] == b[:FIRST_NAME_SHARED]:
        return False
    return not any({a, b} <= names for names in SHORT_FIRST_NAMES)


def _capitalised(line: Line) -> set[str]:
    """The capitalised words of a sentence after its first word, lower-cased."""
    words = _CAPITAL.findall(line.text)
    first = line.text.split(maxsplit=1)[0] if line.text.split() else ""
    return {w.lower() for w in words if w != first}
