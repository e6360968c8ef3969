"""Counts of title defences told as an ordinal noun or as "for the Nth time"."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.model import Conflict
from generator.events.ordinals import ORDINAL
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def ordinals(bodies: dict[str, str]) -> tuple[list[Conflict], list[Conflict]]:
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, compatible = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == ORDINAL], compatible


def test_a_noun_and_a_count_of_times_giving_different_ordinals_conflict() -> None:
    found, _ = ordinals(
        {
            "a": "Marlow kept his Northern Rowing Association title for good, retaining his "
            "Northern Rowing Association title for the fifth time.",
            "b": "The win was Marlow's sixth defense of the NRA belt, his coach said.",
        }
    )
    assert len(found) == 1
    assert {s.article_ids for s in found[0].sides} == {("a",), ("b",)}


def test_the_same_ordinal_told_two_ways_agrees() -> None:
    found, compatible = ordinals(
        {
            "a": "Marlow defended his title for the fifth time on Saturday.",
            "b": "It was the fifth successful title defence for Marlow.",
        }
    )
    assert found == [] and compatible == []


def test_defences_of_different_titles_are_not_compared() -> None:
    found, _ = ordinals(
        {
            "a": "It was Marlow's sixth defense of the NRA belt.",
            "b": "It was Marlow's second defense of the WRF belt.",
        }
    )
    assert found == []


def test_ordinals_of_other_things_are_not_read() -> None:
    found, _ = ordinals(
        {
            "a": "Marlow won in the sixth round of his fifth fight.",
            "b": "Marlow won in the seventh round of his fourth fight.",
        }
    )
    assert found == []
