"""Align the claims of different articles that state the same fact.

Two claims can state the same fact when they count the same thing (or state
the same value about a differently named thing), at compatible times and
places; how likely it is comes from the overlap of the words around them.
Claims are then merged greedily, best pair first, into facts that hold at
most one claim per article.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from generator.events.claims import Claim
from generator.events.similarity import greedy_merge, jaccard, weighted_dice

FACT_ANCHOR_GAP_DAYS = 60
"""Two numbers about times further apart than this (e.g. a 2004 tsunami and a 2013
earthquake) are never the same fact."""

ALIGN_MIN_SCORE = 0.25
"""Smallest similarity (0-1) at which two claims from different articles may be the same fact."""

ALIGN_MIN_MEAN = 0.22
"""When two candidate facts merge, the mean similarity of their comparable claim pairs
must reach this too (prevents chaining through one ambiguous claim)."""

BRIDGE_MIN_SCORE = 0.40
"""Claims counting differently named things ("66 attacks", "66 incidents") align only
when their values are equal and their contexts reach this similarity."""

NEAR_WEIGHT = 0.45
"""Weight of the clause around the number in the similarity."""

SENTENCE_WEIGHT = 0.55
"""Weight of the whole sentence (IDF-weighted Dice word overlap) in the similarity."""

SAME_VALUE_BONUS = 0.15
"""Added when two claims give the same number."""

SAME_PERIOD_BONUS = 0.10
"""Added when two claims both count over a period ("since ..."), and again when it starts
on the same date."""

LEAD_CLAIM_BONUS = 0.25
"""Added when each claim is the first precise count of its thing in its article: the
number a report leads with (its death toll, its attack count) is usually the one other
reports of the event give too."""


def dedupe(claims: Sequence[Claim]) -> list[Claim]:
    """Drop an article's repeats of a claim it already made (same thing, value, time)."""
    kept: list[Claim] = []
    for claim in claims:
        if not any(_repeat(claim, other) for other in kept):
            kept.append(claim)
    return kept


def _repeat(a: Claim, b: Claim) -> bool:
    """Whether ``a`` restates ``b`` within one article."""
    return (
        a.key == b.key
        and _same_value(a, b)
        and _compatible_time(a, b)
        and not (a.loc and b.loc and not a.loc & b.loc)
    )


def align(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Group claims (already deduplicated per article) into facts.

    Args:
        claims: Claims of every article of one event.

    Returns:
        Facts as lists of claims (one per article at most), each sorted by
        article id, in a deterministic order.
    """
    ordered = sorted(claims, key=lambda c: (c.article_id, c.sentence, c.quantity.start))
    idf = _idf(ordered)
    leads = _leads(ordered)
    scores: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(ordered):
        a = ordered[i]
        score = similarity(a, ordered[j], idf)
        if score is not None and i in leads and j in leads and a.key == ordered[j].key:
            score += LEAD_CLAIM_BONUS
        if score is not None:
            scores[(i, j)] = score
    clusters = greedy_merge(
        len(ordered),
        ((score, i, j) for (i, j), score in scores.items()),
        ALIGN_MIN_SCORE,
        lambda left, right: _mergeable(left, right, ordered, scores),
    )
    groups = [sorted((ordered[i] for i in m), key=lambda c: c.article_id) for m in clusters]
    return sorted(groups, key=lambda g: (-len(g), g[0].article_id, g[0].sentence))


def candidate_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """The pairs of claims :func:`similarity` can score, as sorted index pairs ``(i, j)``, i < j.

    A pair scores only when both count the same thing (same key) or, counting nothing
    harmed, give the same precise value (the bridge): the claims are grouped by key and
    by value, and only pairs within a group are compared, instead of every pair.

    Args:
        claims: Claims of one event.

    Returns:
        The pairs from different articles that share a key or a bridgeable value.
    """
    groups: dict[object, list[int]] = defaultdict(list)
    for n, claim in enumerate(claims):
        groups[("key", claim.key)].append(n)
        if not claim.measure and not claim.quantity.vague:
            groups[("value", claim.amount)].append(n)
    pairs = {
        (i, j)
        for members in groups.values()
        for i, j in itertools.combinations(members, 2)
        if claims[i].article_id != claims[j].article_id
    }
    return sorted(pairs)


def _mergeable(
    left: Sequence[int],
    right: Sequence[int],
    ordered: Sequence[Claim],
    scores: Mapping[tuple[int, int], float],
) -> bool:
    """Whether two candidate facts can merge: no shared article, no incompatible pair."""
    if {ordered[i].article_id for i in left} & {ordered[j].article_id for j in right}:
        return False
    values: list[float] = []
    for i in left:
        for j in right:
            key = (min(i, j), max(i, j))
            if key not in scores:
                if ordered[i].key == ordered[j].key:
                    return False
                continue
            values.append(scores[key])
    return bool(values) and sum(values) / len(values) >= ALIGN_MIN_MEAN


def similarity(a: Claim, b: Claim, idf: Mapping[str, float]) -> float | None:
    """How likely two claims of different articles state the same fact (None: they cannot).

    Args:
        a: A claim.
        b: A claim from another article.
        idf: Inverse document frequency of words across the event's claim sentences.

    Returns:
        A score (roughly 0-1.25), or None when time, place or thing rule it out.
    """
    if a.article_id == b.article_id or not _compatible_time(a, b):
        return None
    if a.loc and b.loc and not a.loc & b.loc:
        return None
    same = _same_value(a, b)
    # Claims of different things only align through a bridge: the same plain number.
    # Most pairs are ruled out here, before their words are compared.
    bridgeable = same and not a.measure and not b.measure
    if a.key != b.key and not bridgeable:
        return None
    score = NEAR_WEIGHT * jaccard(a.near, b.near) + SENTENCE_WEIGHT * weighted_dice(
        a.words, b.words, idf
    )
    if a.key != b.key and score < BRIDGE_MIN_SCORE:
        return None
    if same:
        score += SAME_VALUE_BONUS
    if a.since and b.since:
        score += SAME_PERIOD_BONUS * (2 if a.since.date == b.since.date else 1)
    return round(score, 6)


def _leads(ordered: Sequence[Claim]) -> set[int]:
    """Indexes of the first precise claim of each (article, thing) in reading order."""
    seen: set[tuple[str, tuple[str, str]]] = set()
    out: set[int] = set()
    for index, claim in enumerate(ordered):
        key = (claim.article_id, claim.key)
        if claim.quantity.vague or key in seen:
            continue
        seen.add(key)
        out.add(index)
    return out


def _compatible_time(a: Claim, b: Claim) -> bool:
    """Whether the two claims can be about the same time."""
    if a.anchor is None or b.anchor is None:
        return True
    return a.anchor.gap_days(b.anchor) <= FACT_ANCHOR_GAP_DAYS


def _same_value(a: Claim, b: Claim) -> bool:
    """Whether two claims give the same precise number (vague words never match)."""
    qa, qb = a.quantity, b.quantity
    return not qa.vague and not qb.vague and a.amount == b.amount


def _idf(claims: Iterable[Claim]) -> dict[str, float]:
    """Smoothed IDF of words over the distinct claim sentences."""
    seen: dict[tuple[str, int], frozenset[str]] = {}
    for claim in claims:
        seen[(claim.article_id, claim.sentence)] = claim.words
    counts: Counter[str] = Counter(w for words in seen.values() for w in words)
    n = len(seen)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in counts.items()}
