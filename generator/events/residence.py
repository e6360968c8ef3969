"""Where a named person lives: "Marlow, 59, of Cedar Point" / "Marlow, who lived in Oak Hollow".

Crime and accident reports give a person's home in two set phrases: the name,
the age and "of" a place, or "who lived (…) in" a place. Two articles giving the
same person different homes disagree, but a home is often told at different
scales (a borough, then a neighbourhood in it), so only names of two words or
more are compared (a neighbourhood, a town: rarely a container of the other),
and never a state, a big city or a county, nor when either place is written
anywhere in the other article or one name holds the other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from generator.events.slotunits import Line, Reading, differing_pairs
from generator.text.factwords import WIDE_PLACE_HEADS, WIDE_PLACES

RESIDENCE = "residence"

_PLACE = r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\b(?!\s*[A-Z])"
_AGE_OF = re.compile(r"\b(?P<name>[A-Z][\w’'-]+),\s+\d{1,3},\s+of\s+" + _PLACE)
_LIVED = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+),\s+who\s+(?:had\s+)?(?:lived|lives)\b[^,.;]{0,30}?\bin\s+" + _PLACE
)
_EITHER = re.compile(r",\s+(?:\d{1,3},\s+of|who)\s")
# What either pattern needs after the name (", 59, of " or ", who "): one scan for a comma
# rules out most sentences before the two patterns try every capital.


def residence_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different homes given to one named person in different articles.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    texts: dict[str, list[str]] = defaultdict(list)
    found: dict[str, list[Reading]] = defaultdict(list)
    for line in lines:
        texts[line.article_id].append(line.text)
        if _EITHER.search(line.text) is None:
            continue
        for pattern in (_AGE_OF, _LIVED):
            for match in pattern.finditer(line.text):
                name, place = match.group("name"), match.group("place")
                if _wide(place):
                    continue
                reading = Reading(
                    line.article_id,
                    RESIDENCE,
                    place,
                    place.lower(),
                    line.text,
                    line.line,
                    f"home of {name}",
                    name.lower(),
                )
                found[name.lower()].append(reading)
    whole = {a: " ".join(t) for a, t in texts.items()}
    out: list[tuple[Reading, Reading]] = []
    for name in sorted(found):
        for a, b in differing_pairs(found[name]):
            if a.key in b.key or b.key in a.key:
                continue  # "Cedar Point" / "North Cedar Point": one place told more fully
            if a.value in whole[b.article_id] or b.value in whole[a.article_id]:
                continue  # an article that writes both places knows how they relate
            out.append((a, b))
    return out


def _wide(place: str) -> bool:
    """Whether a place name holds many others (a state, a big city, a county)."""
    low = place.lower()
    return low in WIDE_PLACES or low.split()[-1] in WIDE_PLACE_HEADS
