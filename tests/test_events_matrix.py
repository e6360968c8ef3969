"""The fact matrix shows facts a researcher would accept (generator.events.matrix)."""

from __future__ import annotations

import datetime as dt

from generator.events.align import align
from generator.events.document import build_doc
from generator.events.matrix import curate, describe_scopes, junk, trim_description
from generator.events.model import SINGLE, FactCell, FactRow
from generator.events.prepare import article_claims
from generator.events.rows import fact_rows
from tests.factories import make_article

DAY = "2024-03-05"


def matrix(bodies: dict[str, str]) -> tuple[FactRow, ...]:
    docs = [
        build_doc(make_article(i, b, date=DAY), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    claims = [c for d in docs for c in article_claims(d)]
    return curate(describe_scopes(fact_rows(align(claims))))


def row(description: str, thing: str, measure: str = "", cells: int = 1) -> FactRow:
    made = tuple(
        FactCell(f"a{i}", "2", 2.0, None, "", None, "Two of them.", 1) for i in range(cells)
    )
    return FactRow(description, description, measure, thing, made, SINGLE)


def test_rows_that_count_nothing_are_junk() -> None:
    assert junk(row("hour", "hour", cells=2), "hour")  # a duration alone
    assert junk(row("mile", "mile", cells=2), "mile")  # a unit with nothing measured
    assert junk(row("p.m. Police", "p.m.", cells=2), "p.m. Police")  # a clock time
    assert junk(row("year war", "year", cells=3), "year war")  # "17-year war": a duration
    assert junk(row("years later", "year"), "years later")  # an offset
    assert junk(row("Gibe radioed at … hours", "hour"), "Gibe radioed at … hours")  # 1100 hours
    clipped = "the middle of tensions between its … allies"
    assert junk(row(clipped, "ally"), clipped)  # lead-in cut mid-clause
    assert junk(row("said in a statement on …", "statement", "date"), "said in a statement on …")


def test_rows_of_real_things_are_kept() -> None:
    for description, thing in [
        ("days in prison", "day"),
        ("years of federal tax returns", "year"),
        ("troops in Iraq", "troop"),
        ("Prices rose by a tenth in … days", "day"),
    ]:
        assert not junk(row(description, thing), description), description
    assert not junk(row("people injured", "people", "injured"), "people injured")


def test_description_stops_at_a_new_clause_but_keeps_its_scope() -> None:
    assert trim_description("weeks while negotiations") == "weeks"
    assert trim_description("people injured (cumulative)") == "people injured (cumulative)"


def test_ages_of_different_people_never_share_a_row() -> None:
    found = matrix(
        {
            "a": "Police said 38-year-old Anthony Marsh drove into the crowd on Monday.",
            "b": "The victim, 63-year-old Clara Dunn, died after Marsh drove into the crowd.",
            "c": "Police said 38-year-old Anthony Marsh was arrested after the crash on Monday.",
        }
    )
    ages = {f.description: {c.low for c in f.cells} for f in found if "age" in f.description}
    assert ages == {"age of Anthony Marsh": {38.0}, "age of Clara Dunn": {63.0}}


def test_rows_alike_are_told_apart_by_scope() -> None:
    found = matrix(
        {
            "a": "The attack on the base wounded 8 soldiers. "
            "These attacks have injured at least 60 soldiers in total.",
            "b": "The attack on the base injured eight soldiers. "
            "In all, the attacks have wounded at least 60 soldiers.",
        }
    )
    injured = [f.description for f in found if f.measure == "injured"]
    assert len(injured) == len(set(injured)) >= 2
