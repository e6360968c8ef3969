"""Evaluation on the shared corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from functools import cache

import pytest

from bench.grouping_metrics import bcubed
from generator.events import Event, EventReport, analyse_events
from tests.events_support import NEWS_EVENTS, SEEDS, corpus_truth, load_dir

pytestmark = pytest.mark.skipif(not NEWS_EVENTS.is_dir(), reason="shared corpus absent")


@cache
def report() -> EventReport:
    return analyse_events(load_dir(SEEDS) + load_dir(NEWS_EVENTS), {}, {})


def event_holding(article_prefix: str) -> Event:
    for event in report().events:
        if any(a.startswith(article_prefix) for a in event.articles):
            return event
    raise AssertionError(article_prefix)


def test_grouping_recovers_the_three_events_exactly() -> None:
    predicted = {a: e.id for e in report().events for a in e.articles}
    score = bcubed(predicted, corpus_truth())
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_death_tolls_conflict() -> None:
    quake = event_holding("h001")
    row = next(f for f in quake.facts if f.measure == "killed" and len(f.cells) >= 4)
    assert row.status == "conflict"
    assert {c.low for c in row.cells} == {24, 11, 5, 3, 1}
    leaves = {n.article_id[:4]: n.leaves_out for n in quake.notes}
    assert row.key in leaves["h001"]


def test_tweet_quoted_with_different_names() -> None:
    lawsuit = event_holding("h000")
    quotes = [c for c in lawsuit.conflicts if c.kind == "quote"]
    worded = [" ".join(s.value for s in c.sides) for c in quotes]
    assert any("Wendy" in text and "Debbie" in text for text in worded)


def test_aceh_toll_is_an_update_in_publication_order() -> None:
    quake = event_holding("h001")
    updates = [c for c in quake.conflicts if c.kind == "update"]
    assert len(updates) == 1
    assert [s.value.split()[-1] for s in updates[0].sides] == ["1", "3", "5", "11", "24"]
    assert not any(c.kind == "value" and c.fact_key == updates[0].fact_key for c in quake.conflicts)
