"""Stoppage moments of a bout told differently."""

from __future__ import annotations

import datetime as dt

from generator.events.clock import clock_conflicts
from generator.events.document import Doc, build_doc
from tests.factories import make_article


def _docs(bodies: dict[str, str]) -> list[Doc]:
    return [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]


def test_a_clock_time_into_and_time_left_in_the_round_are_compared() -> None:
    bodies = {
        "a": "The referee stepped in, stopping the fight at the 2:15 mark.",
        "b": "Referee Lane stopped the fight 44 seconds into the seventh round.",
        "c": "Dunn stopped the challenger with two seconds remaining of the sixth round.",
        "d": "Referee Lane stopped it at 2 : 58 after a standing count.",
    }
    found = clock_conflicts(_docs(bodies), sorted(bodies))
    assert [[(s.value, s.article_ids) for s in c.sides] for c in found] == [
        [("2:15", ("a",)), ("0:44", ("b",)), ("2:58", ("c", "d"))]
    ]


def test_times_of_day_and_earlier_bouts_are_not_stoppage_moments() -> None:
    bodies = {
        "a": "He was stopped for speeding at approximately 1 : 30 a.m. on Route 94.",
        "b": "In 2004 he stopped Dunn at 2:10 of the fourth round.",
        "c": "The referee stopped the fight at 1:05 of the third.",
    }
    assert clock_conflicts(_docs(bodies), sorted(bodies)) == []
