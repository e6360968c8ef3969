"""Date facts: a date is their value (not a number), compared by the days it covers."""

from __future__ import annotations

import datetime as dt

from generator.events.align import align
from generator.events.claims import DATE, Claim, extract_claims
from generator.events.datefacts import extract_date_claims
from generator.events.document import build_doc
from generator.events.rows import fact_rows
from generator.text.dates import DateValue
from tests.factories import make_article

REFERENCE = dt.date(2023, 11, 22)


def date_claims(article_id: str, body: str) -> list[Claim]:
    doc = build_doc(make_article(article_id, body, date="2023-11-22"), REFERENCE, inferred=False)
    return list(extract_date_claims(doc, extract_claims(doc)))


def test_a_date_fact_carries_a_date_at_its_precision() -> None:
    (day,) = date_claims("a", "The attacks began on October 17 in Iraq.")
    assert day.measure == DATE and day.thing == "attack"
    assert day.date == DateValue(dt.date(2023, 10, 17), "day")
    assert day.quantity.low is None and day.quantity.high is None
    assert day.amount == (dt.date(2023, 10, 17), None)
    (month,) = date_claims("b", "The attacks began in September in Iraq.")
    assert month.amount == (dt.date(2023, 9, 1), dt.date(2023, 9, 30))


def test_same_day_agrees_and_another_day_conflicts() -> None:
    a = date_claims(
        "a", "The attacks began on October 17 against US bases in Iraq, officials said."
    )
    b = date_claims(
        "b", "The attacks began on Oct. 17 against US bases in Iraq, the Pentagon said."
    )
    c = date_claims(
        "c", "The attacks began on October 18 against US bases in Iraq, a militia said."
    )
    ((agreed, _),) = fact_rows(align([*a, *b]))
    assert agreed.status == "agreed"
    ((row, _),) = fact_rows(align([*a, *c]))
    assert row.status == "conflict"
    assert [cell.date.label() if cell.date else None for cell in row.cells] == [
        "2023-10-17",
        "2023-10-18",
    ]
