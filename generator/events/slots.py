"""Slot readings turned into conflicts and compatible pairs.

Readings linked by a slot pair state one fact; an article giving two values in
one chain is not read. Values that can both be true ("at least 10" and 12) are
compatible, not conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from generator.events.dated import DATED, dated_readings
from generator.events.document import Doc
from generator.events.firstnames import FIRST_NAME, first_name_readings
from generator.events.lifeyears import LIFE_YEAR, life_year_readings
from generator.events.makeup import MAKEUP, makeup_readings
from generator.events.measures import (
    DURATION,
    FREQUENCY,
    INTERVAL,
    OTHER,
    SIZE,
    measure_readings,
)
from generator.events.model import Conflict, ConflictSide, Quote
from generator.events.names import name_readings, record_readings
from generator.events.numbers import (
    Quantity,
)
from generator.events.ordinals import ORDINAL, ordinal_readings
from generator.events.parallel import slot_readings
from generator.events.residence import RESIDENCE, residence_readings
from generator.events.scheduled import scheduled_readings
from generator.events.slotunits import (
    COLOUR,
    DAY,
    MONTH,
    NAME,
    NUMBER,
    PLACE,
    RANK,
    RECORD,
    TIME,
    YEAR,
    Line,
    Reading,
    damaged,
    event_lines,
    reading_low,
)
from generator.events.weekdays import weekday_readings


def compatible(a: Reading, b: Reading) -> bool:
    """Whether two different numbers can both be true ("at least 10" and 12, "about 150" and 140).

    Args:
        a: A reading.
        b: Another reading of the same slot.

    Returns:
        True when neither value rules the other out.
    """
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.low is None or qb.low is None:
        return a.key == b.key
    return quantities_compatible(qa, qb)


def quantities_compatible(qa: Quantity, qb: Quantity) -> bool:
    """Whether two quantities can both be true of one fact.

    Args:
        qa: A quantity.
        qb: Another.

    Returns:
        True when either's qualifier admits the other's value.
    """
    if qa.low is None or qb.low is None:
        return True
    return _admits(qa, qb.low, qb.high) or _admits(qb, qa.low, qa.high)


_APPROX_SHARE = 0.1


def _admits(bound: Quantity, low: float, high: float | None) -> bool:
    """Whether the value range of ``bound`` (with its qualifier) can hold ``low``-``high``."""
    assert bound.low is not None
    top = bound.high if bound.high is not None else bound.low
    value_high = high if high is not None else low
    q = bound.qualifier
    if q == "at least":
        return low >= bound.low
    if q == "more than":
        return low > bound.low
    if q in ("up to", "at most"):
        return value_high <= top
    if q in ("fewer than", "nearly"):
        return value_high <= top and (q == "nearly" or value_high < top)
    if q == "about":
        return abs(low - bound.low) <= _APPROX_SHARE * bound.low
    return bound.high is not None and bound.low <= low and value_high <= bound.high


def cluster(pairs: Sequence[tuple[Reading, Reading]]) -> list[list[Reading]]:
    """Group slot readings into facts: readings linked by a slot pair state one fact.

    Args:
        pairs: Slot pairs from ``slot_readings``.

    Returns:
        Facts as lists of readings (one per article), only those where every article
        gives one value; each list sorted by article id.
    """
    parent: dict[tuple[str, int, str, str, str], tuple[str, int, str, str, str]] = {}

    def key(r: Reading) -> tuple[str, int, str, str, str]:
        framed = r.kind in (NAME, RANK, RECORD, OTHER, *_AS_WRITTEN)
        return (r.article_id, r.line, r.kind, r.value, r.frame if framed else "")

    def find(k: tuple[str, int, str, str, str]) -> tuple[str, int, str, str, str]:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    readings: dict[tuple[str, int, str, str, str], Reading] = {}
    for a, b in pairs:
        readings.setdefault(key(a), a)
        readings.setdefault(key(b), b)
        ra, rb = find(key(a)), find(key(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[str, int, str, str, str], list[Reading]] = defaultdict(list)
    for k, reading in sorted(readings.items()):
        groups[find(k)].append(reading)
    out: list[list[Reading]] = []
    for members in groups.values():
        by_article: dict[str, set[str]] = defaultdict(set)
        for reading in members:
            by_article[reading.article_id].add(reading.key)
        # An article giving two values in one chain is not read: it either reports both
        # versions or the chain joined two facts.
        seen: dict[str, Reading] = {}
        for reading in sorted(members, key=lambda r: (r.article_id, r.line)):
            if len(by_article[reading.article_id]) == 1:
                seen.setdefault(reading.article_id, reading)
        if len(seen) >= 2:
            out.append(list(seen.values()))
    return out


def readings_by_value(members: Sequence[Reading]) -> Mapping[str, list[Reading]]:
    """The readings of one fact grouped by comparable value, in first-article order."""
    out: dict[str, list[Reading]] = {}
    for reading in members:
        out.setdefault(reading.key, []).append(reading)
    return out


_AS_WRITTEN = (
    DURATION,
    FREQUENCY,
    DATED,
    SIZE,
    INTERVAL,
    MAKEUP,
    ORDINAL,
    LIFE_YEAR,
    FIRST_NAME,
    RESIDENCE,
)  # values read as written (days, times, or a group's make-up)

_KIND_WORDS = {
    DATED: "dates",
    SIZE: "sizes",
    OTHER: "numbers",
    INTERVAL: "intervals",
    DURATION: "durations",
    FREQUENCY: "counts of times",
    NUMBER: "numbers",
    YEAR: "years",
    TIME: "times",
    PLACE: "places",
    DAY: "days",
    MONTH: "months",
    NAME: "spellings of a name",
    RANK: "ranks",
    COLOUR: "colours",
    RECORD: "records",
    MAKEUP: "make-ups",
    ORDINAL: "counts",
    LIFE_YEAR: "years",
    FIRST_NAME: "first names",
    RESIDENCE: "homes",
}


def slot_conflicts(
    docs: Sequence[Doc], order: Sequence[str], lines: Sequence[Line] | None = None
) -> tuple[list[Conflict], list[Conflict]]:
    """Conflicts and compatible pairs found in parallel sentences.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).
        lines: The docs' comparable sentences (``event_lines``), when already computed
            per article.

    Returns:
        (conflicts, compatible): discrepancies, and differences that can both be true.
    """
    rank = {a: n for n, a in enumerate(order)}
    conflicts: list[Conflict] = []
    compatibles: list[Conflict] = []
    if lines is None:
        lines = event_lines(docs)
    pairs = [
        *slot_readings(docs, lines),
        *name_readings(docs, lines),
        *record_readings(lines),
        *measure_readings(lines),
        *dated_readings(docs),
        *makeup_readings(lines),
        *scheduled_readings(docs),
        *weekday_readings(docs),
        *ordinal_readings(lines),
        *life_year_readings(lines),
        *first_name_readings(lines),
        *residence_readings(lines),
    ]
    for found in cluster(pairs):
        # A damaged reading ("412" beside "4") is no version, whichever pair linked it.
        members = [
            r
            for r in found
            if not any(damaged(o, r) and reading_low(o) < reading_low(r) for o in found)
        ]
        values = readings_by_value(members)
        if len(values) < 2:
            continue
        buckets = sorted(values.values(), key=lambda b: min(rank.get(r.article_id, 0) for r in b))
        firsts = [b[0] for b in buckets]
        clash = any(not compatible(x, y) for i, x in enumerate(firsts) for y in firsts[i + 1 :])
        sides = tuple(_side(bucket, rank) for bucket in buckets)
        frame = members[0].frame
        listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in sides)
        if clash:
            summary = (
                f"The articles give different {_KIND_WORDS[members[0].kind]} "
                f"for “{frame}”: {listed}."
            )
            conflicts.append(Conflict(members[0].kind, None, summary, sides))
        else:
            summary = f"Compatible values for “{frame}”: {listed}."
            compatibles.append(Conflict("compatible", None, summary, sides))
    return conflicts, compatibles


def _side(bucket: Sequence[Reading], rank: Mapping[str, int]) -> ConflictSide:
    """One version: its value as most articles write it, its articles and sentences."""
    ordered = sorted(bucket, key=lambda r: (rank.get(r.article_id, 0), r.article_id))
    first = ordered[0]
    # Numbers read as figures ("seven" and "7" are one value), like value conflicts.
    measured = first.quantity is not None and first.kind not in _AS_WRITTEN
    value = first.quantity.display() if first.quantity is not None and measured else first.value
    return ConflictSide(
        value=value,
        article_ids=tuple(r.article_id for r in ordered),
        quotes=tuple(Quote(r.article_id, r.sentence, r.line) for r in ordered),
    )
