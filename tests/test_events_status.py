"""Status claims that exclude each other: the charge, the cause of death."""

from __future__ import annotations

import datetime as dt

from generator.events.document import Doc, build_doc
from generator.events.model import Conflict
from generator.events.status import (
    cause_conflicts,
    departure_conflicts,
    fate_conflicts,
    status_conflicts,
)
from tests.factories import make_article


def _docs(bodies: dict[str, str]) -> list[Doc]:
    return [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]


def _values(found: list[Conflict]) -> list[list[tuple[str, tuple[str, ...]]]]:
    return [[(s.value, s.article_ids) for s in c.sides] for c in found]


def test_murder_and_manslaughter_charges_for_one_death_conflict() -> None:
    bodies = {
        "a": "A driver who struck a cyclist in Leeds has been charged in her murder, police said. "
        "He was also charged with manslaughter and leaving the scene.",
        "b": "Dunn, 23, was charged with vehicular manslaughter and driving while intoxicated.",
        "c": "Dunn faces manslaughter charges, prosecutors said.",
    }
    found = status_conflicts(_docs(bodies), sorted(bodies))
    assert _values(found) == [
        [("the charge: murder", ("a",)), ("the charge: manslaughter", ("b", "c"))]
    ]


def test_alternative_counts_or_an_upgraded_charge_are_not_a_conflict() -> None:
    both = {
        "a": "Dunn was charged with murder and manslaughter on Friday.",
        "b": "Dunn was charged with vehicular manslaughter.",
    }
    upgraded = {
        "a": "Dunn was charged with murder after prosecutors upgraded the charges.",
        "b": "Dunn was charged with vehicular manslaughter.",
    }
    assert status_conflicts(_docs(both), sorted(both)) == []
    assert status_conflicts(_docs(upgraded), sorted(upgraded)) == []


def test_causes_of_death_that_share_nothing_conflict() -> None:
    bodies = {
        "a": "The singer died Thursday of pneumonia at a Leeds hospital.",
        "b": "She died of pneumonia a week after suffering a heart attack.",
        "c": "She succumbed to complications from a heart attack suffered weeks ago.",
    }
    found = cause_conflicts(_docs(bodies), sorted(bodies))
    assert _values(found) == [
        [("cause of death: pneumonia", ("a", "b")), ("cause of death: heart attack", ("c",))]
    ]


def test_a_cause_told_more_fully_or_a_generic_cause_is_not_a_conflict() -> None:
    bodies = {
        "a": "He died of congestive heart failure at his home on Thursday.",
        "b": "He died Thursday of heart failure, his family said.",
        "c": "He died of natural causes, his grandson said.",
    }
    assert cause_conflicts(_docs(bodies), sorted(bodies)) == []


def test_the_same_people_rescued_in_one_article_and_captured_in_another_conflict() -> None:
    bodies = {
        "a": "The frigate thwarted the attack on Thursday and rescued 14 Omani fishermen.",
        "b": "The frigate foiled the raid, apprehending 14 Omani pirates and seizing arms.",
        "c": "The navy rescued two merchant vessels and seized two small boats.",
    }
    found = fate_conflicts(_docs(bodies), sorted(bodies))
    assert _values(found) == [[("rescued 14 Omani", ("a",)), ("captured 14 Omani", ("b",))]]


def test_a_departure_told_as_a_firing_and_as_a_resignation_conflicts() -> None:
    bodies = {
        "a": "The president praised Dunn, whom he fired in February for misleading aides.",
        "b": "Dunn stepped down in February, saying that he had misled the team.",
        "c": "But the lawyer Hale resigned later in March amid reports of a rift.",
    }
    found = departure_conflicts(_docs(bodies), sorted(bodies))
    assert _values(found) == [
        [("fired in February", ("a",)), ("left of their own accord in February", ("b",))]
    ]


def test_departures_of_two_named_people_are_not_compared() -> None:
    bodies = {
        "a": "The president fired Hale in February after the leak.",
        "b": "Dunn stepped down in February, saying he had misled the team.",
    }
    assert departure_conflicts(_docs(bodies), sorted(bodies)) == []
