"""Detail discrepancies: reports that agree on a number but tell a different story around it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from generator.events.claims import DATE, Claim
from generator.events.model import (
    AGREED,
    Conflict,
    ConflictSide,
    FactRow,
    Quote,
)
from generator.events.phrases import claim_words
from generator.text.phrasewords import DETAIL_LINKS
from generator.text.tokens import TOKEN_RE, content_words

DETAIL_MAJORITY_SHARE = 0.6
"""A detail is the majority's when at least this share of the other reports carry it."""

DETAIL_MIN_REPORTS = 3
"""Detail discrepancies are looked for only in facts at least this many articles agree on."""

DETAIL_MIN_WORDS = 2
"""A detail discrepancy needs at least this many majority words the odd article never uses."""


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
        f"{', '.join(ids)} {'says' if len(ids) == 1 else 'say'} {their}."
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
        if (lemmas and lemmas <= majority) or (
            current and not lemmas and token.lower() in DETAIL_LINKS
        ):
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


def _trim(run: list[str]) -> list[str]:
    """Drop function words at either end of a run."""
    while run and not content_words(run[0]):
        run = run[1:]
    while run and not content_words(run[-1]):
        run = run[:-1]
    return run
