"""Value conflicts and update sequences between the claims of one fact row.

Rows whose articles give different numbers become ``value`` conflicts when
their clauses frame one fact; tolls that rise with the reports are
``update`` sequences. Vague amounts ("dozens") never conflict with a number.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from generator.events.claims import DATE, Claim
from generator.events.model import (
    CONFLICT,
    Conflict,
    ConflictSide,
    FactRow,
    Quote,
)
from generator.events.numbers import lost_fraction
from generator.text.factwords import HARM_MEASURES

UPDATE_MIN_VALUES = 3
"""A toll given with this many different values, rising with the reports, is an update
sequence even when reports of one day cannot be ordered; two values need two dates."""


def update_conflicts(
    rows: Sequence[tuple[FactRow, Sequence[Claim]]],
    published: Mapping[str, dt.date | None],
) -> list[Conflict]:
    """Tolls that later reports give higher: updates in publication order, not contradictions.

    A toll row qualifies when its values, read in publication order (reports of one
    day, or undated, ordered by value), never fall, and either the dated reports span
    more than one day or there are at least ``UPDATE_MIN_VALUES`` values. Counts over
    a period ("since ...") are not tolls of this event.

    Args:
        rows: Fact rows with their claims.
        published: Article id → publication date (None when unknown).

    Returns:
        One ``update`` per such row; sides in publication order.
    """
    out: list[Conflict] = []
    for row, group in rows:
        if row.measure not in HARM_MEASURES or row.status != CONFLICT or row.background:
            continue
        claims = [c for c in group if not c.quantity.vague and c.quantity.low is not None]
        if any(c.since is not None for c in claims) or len(claims) < 2:
            continue
        latest = max((d for d in published.values() if d is not None), default=None)
        ordered = sorted(
            claims,
            key=lambda c: (
                published.get(c.article_id) or latest or dt.date.min,
                _low(c),
                c.article_id,
            ),
        )
        values = [_low(c) for c in ordered]
        distinct = sorted(set(values))
        days = {published.get(c.article_id) for c in ordered} - {None}
        rising = all(a <= b for a, b in itertools.pairwise(values))
        if not rising or not (len(distinct) >= UPDATE_MIN_VALUES or len(days) > 1):
            continue
        buckets: list[list[Claim]] = []
        for claim in ordered:
            if buckets and _low(buckets[-1][0]) == _low(claim):
                buckets[-1].append(claim)
            else:
                buckets.append([claim])
        sides = tuple(
            ConflictSide(
                value=_common_value(bucket),
                article_ids=tuple(c.article_id for c in bucket),
                quotes=tuple(Quote(c.article_id, c.text, c.line) for c in bucket),
            )
            for bucket in buckets
        )
        chain = " → ".join(side.value for side in sides)
        summary = (
            f"The toll for {row.description} rose as reports came in: {chain} "
            f"({'; '.join(f'{s.value} in {_ids(s.article_ids)}' for s in sides)})."
        )
        out.append(Conflict(kind="update", fact_key=row.key, summary=summary, sides=sides))
    return out


def _low(claim: Claim) -> float:
    """The claim's value (lower end)."""
    return claim.quantity.low if claim.quantity.low is not None else 0.0


def value_conflicts(rows: Sequence[tuple[FactRow, Sequence[Claim]]]) -> list[Conflict]:
    """Conflicts for rows whose articles give different numbers or periods."""
    out: list[Conflict] = []
    for row, full in rows:
        if row.status != CONFLICT or row.measure == DATE or row.background:
            continue
        group = _undamaged(same_frame(full))
        sides = _value_sides(group)
        if len(sides) < 2 or _all_compatible(group):
            continue
        kind = "value"
        listed = "; ".join(f"{s.value} in {_ids(s.article_ids)}" for s in sides)
        noun = "periods" if kind == "period" else "dates" if row.measure == DATE else "numbers"
        summary = f"The articles give different {noun} for {row.description}: {listed}."
        out.append(Conflict(kind=kind, fact_key=row.key, summary=summary, sides=tuple(sides)))
    return out


FRAME_MIN_NEAR = 0.3
"""Two counts state one fact only when the clauses around them share this much (Jaccard)..."""

FRAME_MIN_SHARED = 5
"""... and their sentences share this many content words."""


def same_frame(group: Sequence[Claim]) -> list[Claim]:
    """The claims of a row whose frames match a claim giving another value.

    Alignment is generous (a row is a place to show values side by side); a conflict
    is not: two different values are versions of one fact only when the clauses
    around them match (the same counted thing, said of the same things) and neither
    counts over a stated period the other does not state.
    """
    kept: list[Claim] = []
    for claim in group:
        for other in group:
            if other.article_id == claim.article_id or _same_number(claim, other):
                continue
            near = len(claim.near & other.near) / max(1, len(claim.near | other.near))
            shared = len(claim.words & other.words)
            periods = (claim.since is None) == (other.since is None)
            if near >= FRAME_MIN_NEAR and shared >= FRAME_MIN_SHARED and periods:
                kept.append(claim)
                break
    # A claim giving a value a matched claim gives stands on that side too.
    return [c for c in group if c in kept or any(_same_number(c, k) for k in kept)]


def _undamaged(group: Sequence[Claim]) -> list[Claim]:
    """The claims left when values that are another's with a lost fraction are dropped.

    "412 months" beside "four months" is "4½" with its sign lost: a damaged reading,
    not a second version of the fact.
    """
    values = {c.quantity.low for c in group if c.quantity.low is not None}
    return [
        c
        for c in group
        if c.quantity.low is None
        or not any(v < c.quantity.low and lost_fraction(v, c.quantity.low) for v in values)
    ]


def _same_number(a: Claim, b: Claim) -> bool:
    """Whether two claims give the same precise value."""
    return (a.quantity.low, a.quantity.high) == (b.quantity.low, b.quantity.high)


def _all_compatible(group: Sequence[Claim]) -> bool:
    """Whether every pair of values can both be true ("at least 10" and 12)."""
    from generator.events.slots import quantities_compatible

    precise = [c for c in group if not c.quantity.vague and c.quantity.low is not None]
    if any(
        c.since is not None and c.since.date != precise[0].since.date
        for c in precise
        if precise[0].since
    ):
        return False  # counts over different periods are two framings to show side by side
    if any(c.text and _MONEY.search(c.text) for c in precise):
        return True  # amounts of money in different currencies are not compared here
    return all(
        quantities_compatible(a.quantity, b.quantity)
        for i, a in enumerate(precise)
        for b in precise[i + 1 :]
        if not _same_number(a, b)
    )


_MONEY = re.compile(r"[$€£¥]\s?\d|\b[eE]\d+(?:\.\d+)?\s?(?:m|bn)\b")


def _value_sides(group: Sequence[Claim]) -> list[ConflictSide]:
    """One side per distinct precise value (vague amounts are left out)."""
    by_value: dict[tuple[float | None, float | None], list[Claim]] = {}
    for claim in group:
        if not claim.quantity.vague:
            by_value.setdefault((claim.quantity.low, claim.quantity.high), []).append(claim)
    return _sides(list(by_value.values()))


def _period_sides(group: Sequence[Claim]) -> list[ConflictSide]:
    """One side per distinct period start."""
    by_period: dict[str, list[Claim]] = {}
    for claim in group:
        label = claim.since.label() if claim.since else "no period"
        by_period.setdefault(label, []).append(claim)
    return _sides(list(by_period.values()))


def _sides(buckets: list[list[Claim]]) -> list[ConflictSide]:
    """Sides sorted by support, each named by the wording most of its articles use."""
    buckets.sort(key=lambda b: (-len(b), min(c.article_id for c in b)))
    out: list[ConflictSide] = []
    for bucket in buckets:
        bucket = sorted(bucket, key=lambda c: c.article_id)
        out.append(
            ConflictSide(
                value=_common_value(bucket),
                article_ids=tuple(c.article_id for c in bucket),
                quotes=tuple(Quote(c.article_id, c.text, c.line) for c in bucket),
            )
        )
    return out


def _common_value(bucket: Sequence[Claim]) -> str:
    """The value most claims of a side give, with the period most of them state."""
    values = Counter(c.shown for c in bucket)
    value = min(values, key=lambda v: (-values[v], len(v), v))
    periods = Counter(c.since.text for c in bucket if c.since)
    if not periods or len(periods) > 1:
        return value
    period = min(periods, key=lambda p: (-periods[p], p.lower()))
    # The side's value must be true of every article on it: a period only some of
    # them state is marked as such.
    partial = ", where stated" if any(c.since is None for c in bucket) else ""
    return f"{value} ({period[:1].lower()}{period[1:]}{partial})"


def _ids(ids: Sequence[str]) -> str:
    """List article ids in prose."""
    return ", ".join(ids)


__all__ = ["update_conflicts", "value_conflicts"]
