"""Where a named person lives, told two ways."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.model import Conflict
from generator.events.residence import RESIDENCE
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def homes(bodies: dict[str, str]) -> list[Conflict]:
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == RESIDENCE]


def test_two_neighbourhoods_for_one_person_are_a_conflict() -> None:
    found = homes(
        {
            "a": "A van struck Dana Marlow, 61, of Cedar Point, near the depot.",
            "b": "Marlow, who lived a mile away in Oak Hollow, died in hospital.",
        }
    )
    assert [{s.value for s in c.sides} for c in found] == [{"Cedar Point", "Oak Hollow"}]


def test_a_wider_place_or_one_word_is_another_scale() -> None:
    found = homes(
        {
            "a": "A van struck Dana Marlow, 61, of Cedar Point, near the depot.",
            "b": "Marlow, 61, of New York, died in hospital.",
            "c": "Marlow, 61, of Brookfield, died in hospital.",
            "d": "Marlow, 61, of Harlan County, died in hospital.",
        }
    )
    assert found == []


def test_an_article_writing_both_places_knows_how_they_relate() -> None:
    found = homes(
        {
            "a": "A van struck Dana Marlow, 61, of Cedar Point, near the depot.",
            "b": "Marlow, who lived in Oak Hollow, died. Cedar Point is near Oak Hollow.",
        }
    )
    assert found == []
