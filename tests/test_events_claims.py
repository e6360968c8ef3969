"""Quantitative claims: value, counted thing, harm measure, place, period and time."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.events.claims import Claim, extract_claims
from generator.events.document import build_doc
from tests.factories import make_article

REFERENCE = dt.date(2023, 11, 22)


def claims(body: str, date: str | None = "2023-11-22") -> list[Claim]:
    article = make_article("a", body, date=date)
    return list(extract_claims(build_doc(article, REFERENCE, inferred=date is None)))


def one(body: str) -> Claim:
    found = claims(body)
    assert len(found) == 1, [(c.quantity.text, c.thing) for c in found]
    return found[0]


def test_count_with_period_and_places() -> None:
    claim = one(
        "Since October 17, there have been at least 66 attacks against US forces in Iraq and Syria."
    )
    assert (claim.quantity.low, claim.quantity.qualifier, claim.thing) == (66, "at least", "attack")
    assert claim.since is not None and claim.since.date == dt.date(2023, 10, 17)
    assert claim.loc == {"iraq", "syria"}
    assert claim.value_text == "at least 66 (since October 17)"


@pytest.mark.parametrize(
    ("body", "measure", "value"),
    [
        ("The attack wounded 8 US service members.", "injured", 8),
        ("The quake killed at least five people on Tuesday.", "killed", 5),
        ("At least 24 people were killed by the storm.", "killed", 24),
        ("It resulted in eight injuries and minor damage.", "injured", 8),
        ("The fire brought the death toll to 11.", "killed", 11),
        (
            "These attacks caused injuries, including burns, to at least 62 personnel.",
            "injured",
            62,
        ),
        ("Two others were missing after the flood.", "missing", 2),
    ],
)
def test_harm_to_people(body: str, measure: str, value: float) -> None:
    claim = one(body)
    assert (claim.measure, claim.thing, claim.quantity.low) == (measure, "people", value)


def test_elided_noun_is_carried_over_and_places_differ() -> None:
    found = claims("The United States has 900 troops in Syria and 2,500 in Iraq.")
    assert [(c.quantity.low, c.thing, sorted(c.loc)) for c in found] == [
        (900, "troop", ["syria"]),
        (2500, "troop", ["iraq"]),
    ]


def test_hyphenated_unit_is_the_counted_thing() -> None:
    assert one("A 6.1 - magnitude quake struck the coast.").thing == "magnitude"


def test_sources_of_a_statement_are_not_claims() -> None:
    assert claims("The base was hit by a missile, two US officials said.") == []


def test_background_numbers_are_anchored_in_their_own_time() -> None:
    found = claims("In 2004 a tsunami killed 170, 000 people in the province.")
    assert found[0].anchor is not None and found[0].anchor.first.year == 2004


def test_undated_numbers_are_current() -> None:
    claim = one("Rescuers found 14 children under the rubble.")
    assert claim.anchor is not None and claim.anchor.first == REFERENCE


def test_time_carries_to_the_next_sentence() -> None:
    found = claims("In April last year an earthquake struck the island. Five people died.")
    assert found[-1].measure == "killed" and found[-1].anchor is not None
    assert found[-1].anchor.first == dt.date(2022, 4, 1)


def test_anaphor_brings_the_previous_sentence_into_the_context() -> None:
    found = claims(
        "Militias fired 13 rockets at the airbase on November 15. The attack wounded 8 soldiers."
    )
    wounded = next(c for c in found if c.measure == "injured")
    assert "airbase" in wounded.words
    assert any(d.date == dt.date(2023, 11, 15) for d in wounded.dates)
    assert any("13 rockets" in text for _, text in wounded.details)


def test_a_weekday_after_a_number_is_not_what_is_counted() -> None:
    # The calendar table has lower-case keys; a capitalised look-up let "Tuesday" through.
    assert all(c.thing != "tuesday" for c in claims("Rescuers said 12 Tuesday were missing."))
