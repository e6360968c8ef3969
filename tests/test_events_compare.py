"""Fact alignment across articles and classification: agreed, conflict, single, details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.events.align import align, dedupe
from generator.events.claims import extract_claims
from generator.events.compare import value_conflicts
from generator.events.details import detail_conflicts
from generator.events.document import build_doc
from generator.events.model import AGREED, CONFLICT, SINGLE, FactRow
from generator.events.phrases import claim_words
from generator.events.prepare import article_claims
from generator.events.rows import fact_rows, only_here
from tests.factories import make_article

DAY = "2024-03-05"


def rows(bodies: dict[str, str]) -> list[FactRow]:
    docs = [
        build_doc(make_article(i, b, date=DAY), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    claims = [c for d in docs for c in article_claims(d)]
    return [row for row, _ in fact_rows(align(claims))]


def by_measure(found: Sequence[FactRow], measure: str) -> list[FactRow]:
    return [r for r in found if r.measure == measure]


BRIDGE = {
    "a": "At least 12 people were killed when the river bridge collapsed on Monday, police said. "
    "About 40 people were injured.",
    "b": "The collapse of the river bridge killed 15 people on Monday. Some 40 people were hurt.",
    "c": "Twelve people died after the river bridge gave way. "
    "In 1999 a similar collapse killed 30 people.",
}


def test_conflicting_death_tolls_are_one_fact() -> None:
    killed = [r for r in by_measure(rows(BRIDGE), "killed") if len(r.cells) > 1]
    assert len(killed) == 1
    assert killed[0].status == CONFLICT
    assert {c.article_id: c.low for c in killed[0].cells} == {"a": 12, "b": 15, "c": 12}


def test_agreed_injuries_and_background_kept_apart() -> None:
    found = rows(BRIDGE)
    injured = by_measure(found, "injured")
    assert [(r.status, r.article_ids) for r in injured] == [(AGREED, ("a", "b"))]
    background = [
        r for r in by_measure(found, "killed") if (cell := r.cell("c")) and cell.low == 30
    ]
    assert background and background[0].status == SINGLE


def test_one_value_per_article_per_fact() -> None:
    for row in rows(BRIDGE):
        assert len(row.article_ids) == len(set(row.article_ids))


def test_value_conflict_names_each_side_and_sentence() -> None:
    rows_with_claims = fact_rows(
        align(
            [
                c
                for i, b in BRIDGE.items()
                for c in dedupe(
                    extract_claims(build_doc(make_article(i, b, date=DAY), None, inferred=False))
                )
            ]
        )
    )
    conflicts = value_conflicts(rows_with_claims)
    assert len(conflicts) == 1
    sides = {s.value: s.article_ids for s in conflicts[0].sides}
    assert sides == {"at least 12": ("a", "c"), "15": ("b",)} or sides == {
        "12": ("a", "c"),
        "15": ("b",),
    }
    assert all(q.sentence and q.line == 1 for s in conflicts[0].sides for q in s.quotes)


def test_period_difference_is_a_conflict() -> None:
    found = rows(
        {
            "a": "Since March 1, there have been 20 strikes on the port of Tarvo.",
            "b": "Since February, there have been 20 strikes on the port of Tarvo.",
        }
    )
    strikes = [r for r in found if r.thing == "strike"]
    assert strikes[0].status == CONFLICT


def test_only_here_and_leaves_out() -> None:
    found = rows(
        {
            "a": "The storm destroyed 300 homes in the valley. It cut power to 9 hospitals.",
            "b": "Officials said 300 homes were destroyed in the valley.",
            "c": "The storm destroyed 300 homes in the valley, the mayor said.",
            "d": "Power lines fell across the region.",
        }
    )
    alone, missing = only_here(found, ["a", "b", "c", "d"])
    homes = next(r for r in found if r.thing == "home")
    assert homes.status == AGREED and "d" in [k for k, v in missing.items() if homes.key in v]
    assert any(found_key.startswith("hospital") for found_key in alone["a"])


def test_detail_conflict_when_one_report_tells_another_story() -> None:
    shared = "a gas explosion in the covered market injured 20 people and damaged nearby stalls"
    bodies = {
        "a": f"Police said {shared}.",
        "b": f"Witnesses said {shared}.",
        "c": f"The mayor said {shared}.",
        "d": "A car bomb on March 3 injured 20 people near the station.",
    }
    docs = [
        build_doc(make_article(i, b, date=DAY), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    claims = [c for d in docs for c in dedupe(extract_claims(d))]
    vocabulary = {
        d.id: frozenset(w for s in d.sentences for w in claim_words(s.norm)) for d in docs
    }
    conflicts = detail_conflicts(fact_rows(align(claims)), vocabulary)
    assert [c.sides[0].article_ids for c in conflicts] == [("d",)]
    assert "March 3" in conflicts[0].summary and "gas explosion" in conflicts[0].summary


def test_date_facts_align_and_conflict() -> None:
    found = rows(
        {
            "a": "The protests began on February 12 in the capital.",
            "b": "Since February 12, there have been 40 protests in the capital.",
            "c": "There have been 35 protests in the capital since January.",
        }
    )
    dated = [r for r in found if r.measure == "date" and r.thing == "protest"]
    assert len(dated) == 1 and dated[0].status == CONFLICT
    assert {c.article_id: c.value.split(" (")[0] for c in dated[0].cells} == {
        "a": "on February 12",
        "b": "since February 12",
        "c": "since January",
    }
