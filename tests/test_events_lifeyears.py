"""The year of a once-in-a-life happening of a named person."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.lifeyears import LIFE_YEAR
from generator.events.model import Conflict
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def years(bodies: dict[str, str]) -> list[Conflict]:
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == LIFE_YEAR]


def test_one_person_vanishing_in_two_years_is_a_conflict() -> None:
    found = years(
        {
            "a": "In 1961, Marlow disappeared from the stage and the newspapers.",
            "b": "The singer Marlow suddenly vanished from public life in 1962.",
        }
    )
    assert [{s.value for s in c.sides} for c in found] == [{"1961", "1962"}]


def test_a_bound_a_pronoun_or_another_person_is_not_the_year() -> None:
    found = years(
        {
            "a": "In 1961, Marlow disappeared from the stage and the newspapers.",
            "b": "Marlow disappeared from public life by 1962.",
            "c": "She disappeared from public life in 1963.",
            "d": "Her manager Hale disappeared in 1964.",
        }
    )
    assert found == []


def test_happenings_that_can_repeat_are_not_read() -> None:
    found = years(
        {
            "a": "Marlow married a drummer in 1961.",
            "b": "Marlow married a painter in 1968.",
        }
    )
    assert found == []
