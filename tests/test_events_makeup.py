"""The make-up of a counted group told two ways: one origin for all, or a split."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.makeup import MAKEUP
from generator.events.model import Conflict
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def makeups(bodies: dict[str, str]) -> list[Conflict]:
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == MAKEUP]


SPLIT = "Officers boarded the dhow at dawn, detaining 12 Tamran and 11 Veloran nationals."


def test_one_origin_for_a_group_another_article_splits_is_a_conflict() -> None:
    found = makeups({"a": "The coastguard has detained 23 Tamranian sailors.", "b": SPLIT})
    assert [{s.value for s in c.sides} for c in found] == [
        {"23 Tamranian sailors", "12 Tamran and 11 Veloran"}
    ]
    assert found[0].sides[0].article_ids == ("a",)


def test_a_total_the_split_does_not_add_up_to_is_another_group() -> None:
    assert makeups({"a": "The coastguard has detained 12 Tamran sailors.", "b": SPLIT}) == []


def test_an_article_that_names_the_other_origin_takes_no_side() -> None:
    body = "The coastguard has detained 23 Tamran sailors. Some came from Veloria, it said."
    assert makeups({"a": body, "b": SPLIT}) == []


def test_a_group_of_two_origins_without_counts_states_no_make_up() -> None:
    body = "The coastguard has detained 23 Tamran and Veloran sailors."
    assert makeups({"a": body, "b": SPLIT}) == []


def test_two_dates_are_not_a_split() -> None:
    bodies = {
        "a": "The talks ran for 23 March days.",
        "b": "The talks met on 12 March and 11 April in the capital.",
    }
    assert makeups(bodies) == []
