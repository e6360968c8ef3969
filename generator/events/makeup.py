"""The make-up of a counted group: "23 Tamran sailors" / "12 Tamran and 11 Veloran sailors".

One article counts a group under one capitalised origin word (a nationality, a
party, a team); another splits the same total between two such words. When the
split adds up to the single article's total and names its word, both count one
group, and the single article (which never writes the other word anywhere) tells
its make-up differently. A total that the split does not add up to counts
another group (a part of it) and is not compared; "23 Tamran and Veloran sailors"
states no make-up and is compatible with any split.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.events.names import word_forms
from generator.events.numbers import format_number
from generator.events.slotunits import NUMBER, Line, Reading, Unit
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.lexicon import STOPWORDS

MAKEUP = "make-up"

_JOINS = frozenset({"and", "&"})
_NOT_ORIGINS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def makeup_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs (single origin, split) that tell the make-up of one counted group two ways.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    splits: list[tuple[Reading, float, frozenset[str]]] = []
    singles: list[tuple[Reading, float, str]] = []
    for line in lines:
        if line.background:
            continue
        units = line.units
        # Both readings open on a count: only the number units are tried.
        for n in (n for n, unit in enumerate(units) if unit.kind == NUMBER):
            found = _split_at(line, units, n)
            if found is not None:
                splits.append(found)
                continue
            single = _single_at(line, units, n)
            if single is not None:
                singles.append(single)
    out: list[tuple[Reading, Reading]] = []
    # Each article's capitalised words, read only once a single and a split meet (rarely).
    words: dict[str, set[str]] = {}
    for one, total, origin in singles:
        for split, whole, origins in splits:
            if one.article_id == split.article_id or total != whole:
                continue
            if not any(word_forms(origin, o) for o in origins):
                continue
            others = [o for o in origins if not word_forms(origin, o)]
            # An article that writes the other origin anywhere may well know the split.
            words = words or _capitalised_words(lines)
            told = words[one.article_id]
            if not others or any(_akin(o, w) for o in others for w in told):
                continue
            frame = f"{format_number(total)} {one.noun}"
            out.append((_framed(one, frame), _framed(split, frame)))
    return out


def _capitalised_words(lines: Sequence[Line]) -> dict[str, set[str]]:
    """Article id → the forms of the capitalised words of its foreground sentences."""
    words: dict[str, set[str]] = {}
    for line in lines:
        if not line.background:
            seen = words.setdefault(line.article_id, set())
            seen.update(u.form for u in line.units if u.text[:1].isupper())
    return words


def _framed(reading: Reading, frame: str) -> Reading:
    """The reading with the group it counts as its frame."""
    return Reading(
        reading.article_id,
        reading.kind,
        reading.value,
        reading.key,
        reading.sentence,
        reading.line,
        frame,
        reading.noun,
    )


def _origin(unit: Unit) -> bool:
    """Whether a unit is a capitalised word that can name where a group is from."""
    return (
        unit.kind == "word"
        and unit.text[:1].isupper()
        and unit.text.isalpha()
        and len(unit.text) >= 3
        and not unit.text.isupper()
        and unit.form not in STOPWORDS
        and unit.form not in _NOT_ORIGINS
    )


def _count(unit: Unit) -> float | None:
    """The exact whole count a number unit gives, else None."""
    q = unit.quantity
    if unit.kind != NUMBER or q is None or q.low is None or q.high is not None or q.qualifier:
        return None
    return q.low


def _split_at(
    line: Line, units: Sequence[Unit], n: int
) -> tuple[Reading, float, frozenset[str]] | None:
    """A split "12 Tamran and 11 Veloran" starting at unit ``n``, else None."""
    if n + 4 >= len(units) or units[n + 2].form not in _JOINS:
        return None
    first, second = _count(units[n]), _count(units[n + 3])
    if first is None or second is None or not (_origin(units[n + 1]) and _origin(units[n + 4])):
        return None
    if units[n + 1].form == units[n + 4].form or word_forms(units[n + 1].form, units[n + 4].form):
        return None
    text = " ".join(u.text for u in units[n : n + 5])
    key = " + ".join(sorted(f"{_short(units[k])}:{units[k - 1].form}" for k in (n + 1, n + 4)))
    reading = Reading(line.article_id, MAKEUP, text, key, line.text, line.line, "", "")
    return reading, first + second, frozenset({units[n + 1].form, units[n + 4].form})


def _single_at(line: Line, units: Sequence[Unit], n: int) -> tuple[Reading, float, str] | None:
    """A group under one origin "23 Tamran sailors" at unit ``n``, else None."""
    if n + 2 >= len(units):
        return None
    total, origin, noun = _count(units[n]), units[n + 1], units[n + 2]
    if total is None or not _origin(origin):
        return None
    if noun.kind != "word" or not noun.text.islower() or noun.form in STOPWORDS:
        return None  # "23 Tamran and Veloran sailors" names no single origin
    text = " ".join(u.text for u in units[n : n + 3])
    key = f"all {_short(origin)}"
    return (
        Reading(line.article_id, MAKEUP, text, key, line.text, line.line, "", noun.form),
        total,
        origin.form,
    )


def _akin(a: str, b: str) -> bool:
    """Whether two lower-case words may name one origin ("veloran", "velora", "veloria")."""
    same_start = min(len(a), len(b)) >= ORIGIN_STEM and a[:ORIGIN_STEM] == b[:ORIGIN_STEM]
    return word_forms(a, b) or same_start


ORIGIN_STEM = 5
"""Two origin words sharing this many first letters may name one place ("Velora", "Veloria")."""


def _short(unit: Unit) -> str:
    """An origin word's shortest common stem-like form, so "Tamranian" keys as "Tamran"."""
    return unit.form[:ORIGIN_STEM]
