"""Aligned claims as fact rows, and the facts one article alone gives or leaves out.

A fact reported by one article is ``single``; by several with the same
number, ``agreed``; with different numbers, ``conflict``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from slugify import slugify

from generator.events.claims import DATE, Claim
from generator.events.model import (
    AGREED,
    CONFLICT,
    SINGLE,
    FactCell,
    FactRow,
)
from generator.text.plurals import plural_of as _plural

LEAVES_OUT_MIN_SHARE = 0.5
"""An article "leaves out" a fact reported by more than this share of the other articles..."""

LEAVES_OUT_MIN_ARTICLES = 2
"""... and by at least this many articles."""

_DESCRIPTION_WORDS = 12


def fact_rows(groups: Sequence[Sequence[Claim]]) -> list[tuple[FactRow, Sequence[Claim]]]:
    """Build one row per aligned fact, with a key unique within the event.

    Args:
        groups: Aligned claims (see ``align.align``).

    Returns:
        (row, claims) pairs, most widely reported first.
    """
    built = [(_row(group), group) for group in groups]
    built.sort(key=lambda item: (-len(item[0].cells), _STATUS_ORDER[item[0].status], item[0].key))
    seen: Counter[str] = Counter()
    out: list[tuple[FactRow, Sequence[Claim]]] = []
    for row, group in built:
        seen[row.key] += 1
        key = row.key if seen[row.key] == 1 else f"{row.key}-{seen[row.key]}"
        out.append((_replace_key(row, key), group))
    return out


_STATUS_ORDER = {CONFLICT: 0, AGREED: 1, SINGLE: 2}


def _replace_key(row: FactRow, key: str) -> FactRow:
    """Copy of ``row`` with another key."""
    return FactRow(
        key, row.description, row.measure, row.thing, row.cells, row.status, row.background
    )


def _row(group: Sequence[Claim]) -> FactRow:
    """The row for one aligned group of claims."""
    cells = tuple(_cell(c) for c in sorted(group, key=lambda c: c.article_id))
    medoid = _medoid(group)
    return FactRow(
        key=_key(group, medoid),
        description=_description(medoid),
        measure=medoid.measure,
        thing=medoid.thing,
        cells=cells,
        status=_status(group),
    )


def _cell(claim: Claim) -> FactCell:
    """One article's value."""
    q = claim.quantity
    return FactCell(
        article_id=claim.article_id,
        value=claim.value_text,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        since=claim.since.text if claim.since else None,
        sentence=claim.text,
        line=claim.line,
        date=claim.date,
    )


def _status(group: Sequence[Claim]) -> str:
    """single, agreed or conflict."""
    if len({c.article_id for c in group}) < 2:
        return SINGLE
    values = {c.amount for c in group if not c.quantity.vague}
    periods = {c.since.date for c in group if c.since is not None}
    return CONFLICT if len(values) > 1 or len(periods) > 1 else AGREED


def _medoid(group: Sequence[Claim]) -> Claim:
    """The claim whose context overlaps most with the others' (ties: first article)."""

    def overlap(claim: Claim) -> tuple[int, int, str]:
        shared = sum(len(claim.words & other.words) for other in group if other is not claim)
        return (-shared, -len(claim.phrase), claim.article_id)

    return min(group, key=overlap)


def _key(group: Sequence[Claim], medoid: Claim) -> str:
    """Readable key: measure, thing and the place words most members share."""
    places: Counter[str] = Counter(w for c in group for w in sorted(c.loc))
    common = [
        w for w, n in sorted(places.items(), key=lambda i: (-i[1], i[0])) if n * 2 >= len(group)
    ]
    parts = [medoid.thing or "count", medoid.measure, *common[:2]]
    return slugify(" ".join(p for p in parts if p)) or "fact"


def _description(claim: Claim) -> str:
    """What is counted, in the words of the most representative article."""
    if claim.measure == DATE:
        return claim.phrase
    if claim.measure:
        subject = claim.noun if claim.thing != "people" and claim.noun else claim.thing
        return f"{subject} {claim.measure}"
    words = claim.phrase.split()
    if len(words) < 2 and claim.lead_in:
        words = [*claim.lead_in.split(), "…", *(words or [_plural(claim.thing)])]
    text = " ".join(words[:_DESCRIPTION_WORDS])
    return text + ("…" if len(words) > _DESCRIPTION_WORDS else "") if text else claim.thing


def only_here(
    rows: Sequence[FactRow], article_ids: Sequence[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Facts each article alone reports, and facts most others report that it leaves out.

    Args:
        rows: Fact rows of the event.
        article_ids: Member articles.

    Returns:
        (only_here, leaves_out): article id → fact keys.
    """
    alone: dict[str, list[str]] = {a: [] for a in article_ids}
    missing: dict[str, list[str]] = {a: [] for a in article_ids}
    for row in rows:
        holders = set(row.article_ids)
        if len(holders) == 1:
            alone[next(iter(holders))].append(row.key)
            continue
        for article in article_ids:
            if article in holders or len(holders) < LEAVES_OUT_MIN_ARTICLES:
                continue
            if len(holders) > LEAVES_OUT_MIN_SHARE * (len(article_ids) - 1):
                missing[article].append(row.key)
    return ({a: tuple(k) for a, k in alone.items()}, {a: tuple(k) for a, k in missing.items()})
