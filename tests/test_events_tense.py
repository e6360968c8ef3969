"""Done or still to come, told both ways."""

from __future__ import annotations

import datetime as dt

from generator.events.document import Doc, build_doc
from generator.events.tense import tense_conflicts
from tests.factories import make_article


def _docs(bodies: dict[str, str], dates: dict[str, str]) -> list[Doc]:
    return [
        build_doc(
            make_article(i, b, date=dates[i]), dt.date.fromisoformat(dates[i]), inferred=False
        )
        for i, b in bodies.items()
    ]


BODIES = {
    "a": "The Orwell will eventually replace the Tamar in patrolling the strait.",
    "b": "The Orwell, which replaced patrol frigate HMS Tamar last month, sailed at dawn.",
    "c": "The Orwell relieved the Tamar and the Orwell will replace the Tamar for good.",
}


def test_a_future_told_as_done_in_a_report_of_the_same_day_conflicts() -> None:
    same_day = dict.fromkeys(BODIES, "2024-03-05")
    found = tense_conflicts(_docs(BODIES, same_day), sorted(BODIES))
    assert [[(s.value, s.article_ids) for s in c.sides] for c in found] == [
        [("will replace Tamar", ("a", "c")), ("replaced Tamar", ("b",))]
    ]


def test_a_later_report_that_it_has_happened_is_not_a_conflict() -> None:
    dates = {"a": "2024-03-01", "b": "2024-03-09", "c": "2024-03-01"}
    assert tense_conflicts(_docs(BODIES, dates), sorted(BODIES)) == []
