"""The year of a once-in-a-life happening of a named person: "Marlow vanished in 1957" / "in 1958".

Some happenings befall a person once (being born, dying, vanishing from public
life), so a year given to one of them, with the person named right before the
verb and the year in the same clause ("In 1957, Marlow disappeared …";
"Marlow suddenly disappeared from the scene in 1958"), is the year of that one
happening. Two articles giving it different years disagree. Verbs that can
happen again (married, moved, won, retired) are not read, a year after "by",
"after", "since" or "until" only bounds the happening, and a pronoun does not
say who.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from generator.events.slotunits import Line, Reading, differing_pairs
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.factwords import ONCE_IN_A_LIFE_VERBS
from generator.text.lexicon import STOPWORDS

LIFE_YEAR = "life-year"

_NAME = r"(?P<name>(?:[A-Z][a-z’'-]+\s+){0,2}[A-Z][a-z’'-]+)"
_VERB = r"(?P<verb>" + "|".join(sorted(w for group in ONCE_IN_A_LIFE_VERBS for w in group)) + r")"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_ADVERB = r"(?:(?:was|had|suddenly|quietly|later|then|finally|reportedly)\s+){0,2}"
_AFTER = re.compile(
    r"\b" + _NAME + r"\s+" + _ADVERB + _VERB + r"\b(?P<gap>[^,;:()\"“”]{0,60}?)\s+in\s+" + _YEAR
)
_OPENING = re.compile(r"^\s*In\s+" + _YEAR + r"\s*,\s+" + _NAME + r"\s+" + _ADVERB + _VERB + r"\b")
# Both patterns read a year: a sentence without one is not scanned name by name.
_ANY_YEAR = re.compile(_YEAR)
_BOUNDS = re.compile(r"\b(?:by|after|since|until|till|before)\b", re.I)


def life_year_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different years given to one person's once-in-a-life happening.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    found: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for line in lines:
        if not _ANY_YEAR.search(line.text):
            continue
        for match in (*_AFTER.finditer(line.text), *_OPENING.finditer(line.text)):
            gap = match.groupdict().get("gap") or ""
            if _BOUNDS.search(gap):
                continue  # "vanished from view by 1958 and after 1957": a bound, not the year
            person = _person(match.group("name"))
            if not person:
                continue
            verb = _happening(match.group("verb"))
            year = match.group("year")
            reading = Reading(
                line.article_id,
                LIFE_YEAR,
                year,
                year,
                line.text,
                line.line,
                f"{match.group('name')} {match.group('verb')}",
                verb,
            )
            found[(person, verb)].append(reading)
    return [pair for key in sorted(found) for pair in differing_pairs(found[key])]


def _person(name: str) -> str:
    """The surname of a named subject, lower-cased; "" for a pronoun or a non-name."""
    words = [w for w in name.split() if w.lower() not in STOPWORDS]
    if not words:
        return ""
    last = words[-1].lower()
    if last in MONTHS or last in WEEKDAYS or len(last) < 3:
        return ""
    return last


def _happening(verb: str) -> str:
    """The happening a verb tells ("vanished" and "disappeared" are one)."""
    for group in ONCE_IN_A_LIFE_VERBS:
        if verb in group:
            return min(group)
    return verb
