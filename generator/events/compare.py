"""Turn aligned claims into fact rows, and find where the articles disagree.

A fact reported by one article is ``single``; by several with the same
number, ``agreed``; with different numbers, ``conflict``. Vague amounts
("dozens") never conflict with a number. Agreeing articles can still differ
in the details around the number (a date, another count): those are
reported as ``detail`` discrepancies.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from slugify import slugify

from generator.events.claims import DATE, Claim, claim_words
from generator.events.model import (
    AGREED,
    CONFLICT,
    SINGLE,
    Conflict,
    ConflictSide,
    FactCell,
    FactRow,
    Quote,
)
from generator.events.numbers import lost_fraction
from generator.text.plurals import plural_of as _plural
from generator.text.tokens import TOKEN_RE, content_words

LEAVES_OUT_MIN_SHARE = 0.5
"""An article "leaves out" a fact reported by more than this share of the other articles..."""

LEAVES_OUT_MIN_ARTICLES = 2
"""... and by at least this many articles."""

DETAIL_MAJORITY_SHARE = 0.6
"""A detail is the majority's when at least this share of the other reports carry it."""

DETAIL_MIN_REPORTS = 3
"""Detail discrepancies are looked for only in facts at least this many articles agree on."""

DETAIL_MIN_WORDS = 2
"""A detail discrepancy needs at least this many majority words the odd article never uses."""

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


_HARM_MEASURES = frozenset({"killed", "injured", "missing"})  # tolls rise as reports come in

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
        if row.measure not in _HARM_MEASURES or row.status != CONFLICT or row.background:
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
    from generator.events.parallel import quantities_compatible

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


def detail_conflicts(
    rows: Sequence[tuple[FactRow, Sequence[Claim]]], vocabulary: Mapping[str, frozenset[str]]
) -> list[Conflict]:
    """Reports that agree on a number but tell a different story around it.

    An article differs in detail when its sentence gives a date or a count that
    no other report of the fact gives, while it never uses (anywhere in its
    text) words that most other reports of the fact share: e.g. a different
    weapon and a different date for the same attack.

    Args:
        rows: Fact rows with their claims.
        vocabulary: Article id → every content word of the article.

    Returns:
        One conflict per odd article and fact.
    """
    out: list[Conflict] = []
    for row, group in rows:
        if len(group) < DETAIL_MIN_REPORTS or row.status != AGREED or row.measure in ("", DATE):
            continue
        if row.background:
            continue
        for claim in sorted(group, key=lambda c: c.article_id):
            others = [c for c in group if c is not claim]
            conflict = _detail_conflict(row, claim, others, vocabulary[claim.article_id])
            if conflict is not None:
                out.append(conflict)
    return out


def _detail_conflict(
    row: FactRow, claim: Claim, others: Sequence[Claim], vocabulary: frozenset[str]
) -> Conflict | None:
    """The detail discrepancy of one article against the other reports, if any."""
    elsewhere = {d for other in others for d in _details(other)}
    numbers_elsewhere = {k.split(":")[1] for k in elsewhere if k.startswith("count:")}
    unique = [
        text
        for key, text in _details(claim).items()
        if key not in elsewhere
        and not (key.startswith("count:") and key.split(":")[1] in numbers_elsewhere)
    ]
    if not unique:
        return None
    needed = max(2, math.ceil(DETAIL_MAJORITY_SHARE * len(others)))
    counts: Counter[str] = Counter(w for other in others for w in set(_plain_words(other)))
    majority = {w for w, n in counts.items() if n >= needed}
    missing = {w for w in majority if w not in vocabulary and not any(w in v for v in vocabulary)}
    if len(missing) < DETAIL_MIN_WORDS:
        return None
    carriers = sorted(
        (o for o in others if missing & set(_plain_words(o))),
        key=lambda o: (-len(missing & set(_plain_words(o))), o.article_id),
    )
    phrases = _phrases(carriers[0], majority, missing)
    if not phrases:
        return None
    # Every article on a side must say that side's words: keep the carriers whose own
    # sentences hold every phrase shown.
    carriers = [o for o in carriers if all(_holds(o.context, p) for p in phrases)]
    value = "; ".join(f"“{u}”" for u in unique)
    their = "; ".join(f"“{p}”" for p in phrases)
    ids = tuple(sorted(o.article_id for o in carriers))
    summary = (
        f"{len(others) + 1} articles give {claim.quantity.display()} for {row.description}, "
        f"but {claim.article_id} tells it differently: it has {value}, where "
        f"{_ids(ids)} {'says' if len(ids) == 1 else 'say'} {their}."
    )
    sides = (
        ConflictSide(
            value, (claim.article_id,), (Quote(claim.article_id, claim.context, claim.line),)
        ),
        ConflictSide(their, ids, tuple(Quote(o.article_id, o.context, o.line) for o in carriers)),
    )
    return Conflict(kind="detail", fact_key=row.key, summary=summary, sides=sides)


def _holds(text: str, phrase: str) -> bool:
    """Whether ``text`` holds ``phrase`` word for word (case and spacing aside)."""
    return " ".join(phrase.lower().split()) in " ".join(text.lower().split())


def _details(claim: Claim) -> dict[str, str]:
    """Dates and other counts around a claim: comparable key → text as written."""
    out: dict[str, str] = {}
    for mention in claim.dates:
        if mention.date is not None and mention.relation not in ("of", ""):
            out[f"date:{mention.label()}"] = mention.text
    for key, text in claim.details:
        out[f"count:{key}"] = text
    return out


def _plain_words(claim: Claim) -> list[str]:
    """Content words of the claim's sentence window, numbers and harm words folded."""
    return [w for w in claim_words(claim.context) if w.isalpha() and len(w) > 2]


def _phrases(claim: Claim, majority: set[str], missing: set[str], limit: int = 2) -> list[str]:
    """Runs of the claim's sentences made of majority words.

    Each run kept holds at least ``DETAIL_MIN_WORDS`` words the odd article never
    uses; the most telling runs come first.
    """
    runs: list[list[str]] = []
    current: list[str] = []
    for token in TOKEN_RE.findall(claim.context):
        lemmas = set(content_words(token))
        if (lemmas and lemmas <= majority) or (current and not lemmas and token.lower() in _LINKS):
            current.append(token)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    scored = []
    for run in (_trim(r) for r in runs):
        hits = len(set(content_words(" ".join(run))) & missing)
        if hits >= DETAIL_MIN_WORDS:
            scored.append((-hits, " ".join(run)))
    return [text for _, text in sorted(scored)[:limit]]


_LINKS = frozenset({"of", "to", "the", "a", "an", "in", "on", "for", "with", "by", "at"})


def _trim(run: list[str]) -> list[str]:
    """Drop function words at either end of a run."""
    while run and not content_words(run[0]):
        run = run[1:]
    while run and not content_words(run[-1]):
        run = run[:-1]
    return run


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


__all__ = [
    "detail_conflicts",
    "fact_rows",
    "only_here",
    "value_conflicts",
]
