"""The date a scheduled happening is held, told two ways."""

from __future__ import annotations

import datetime as dt

from generator.events.dated import DATED
from generator.events.document import build_doc
from generator.events.model import Conflict
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def found(bodies: dict[str, str]) -> tuple[list[Conflict], list[Conflict]]:
    docs = [
        build_doc(make_article(i, b, date="2024-01-30"), dt.date(2024, 1, 30), inferred=False)
        for i, b in bodies.items()
    ]
    conflicts, compatible = slot_conflicts(docs, sorted(bodies))
    return [c for c in conflicts if c.kind == DATED], compatible


def test_passive_and_active_dates_of_one_happening_that_cannot_overlap_conflict() -> None:
    conflicts, _ = found(
        {
            "a": "Voters will pick a new mayor. The runoff would be held on April 30.",
            "b": "Both parties will hold special-election runoffs in mid May, officials said.",
        }
    )
    assert [{s.value for s in c.sides} for c in conflicts] == [{"April 30", "mid May"}]


def test_a_day_inside_the_month_another_gives_is_compatible() -> None:
    conflicts, compatible = found(
        {
            "a": "The runoff would be held on April 30, the clerk said.",
            "b": "The council said the runoff will be held in April.",
        }
    )
    assert conflicts == []
    assert len(compatible) == 1


def test_happenings_with_different_modifiers_are_two_happenings() -> None:
    conflicts, _ = found(
        {
            "a": "The general election will be held on June 25, the clerk said.",
            "b": "The special election will be held on April 30, the clerk said.",
        }
    )
    assert conflicts == []


def test_weekdays_and_other_nouns_are_not_read() -> None:
    conflicts, _ = found(
        {
            "a": "The funeral will be held on Friday. The vote is set for March 3.",
            "b": "The funeral will be held on Saturday. The hearing is set for March 9.",
        }
    )
    assert conflicts == []
