"""Numbers in digits and words, qualifiers, ranges and tokenised thousands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.events.numbers import Quantity, find_quantities
from generator.text.normalise import normalise
from generator.text.tokens import tokens


def first(text: str) -> Quantity:
    found = find_quantities(tokens(normalise(text)))
    assert found, f"no number in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("66 attacks", 66),
        ("eight injuries", 8),
        ("2,500 troops", 2500),
        ("killed 170, 000 people", 170000),
        ("sixty-six incidents", 66),
        ("twenty one villages", 21),
        ("a dozen houses", 12),
        ("2.5 million people", 2_500_000),
        ("two hundred people", 200),
        ("a magnitude 6.1 quake", 6.1),
    ],
)
def test_values(text: str, value: float) -> None:
    assert first(text).low == value


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("at least 62 personnel", "at least"),
        ("over 55 attacks", "more than"),
        ("more than 200 people", "more than"),
        ("up to 8 fighters", "up to"),
        ("about 24 hours", "about"),
        ("some 320 kilometres", "about"),
        ("nearly 40 houses", "nearly"),
        ("a total of 66 attacks", "exactly"),
        ("40 or more people", "at least"),
        ("66 attacks", ""),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert first(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("between 10 and 20 people", 10, 20), ("10 to 20 people", 10, 20), ("5 or 6 boats", 5, 6)],
)
def test_ranges(text: str, low: float, high: float) -> None:
    quantity = first(text)
    assert (quantity.low, quantity.high) == (low, high)
    assert quantity.display().endswith(f"{low}–{high}")


def test_vague_amounts_have_no_value_but_a_floor() -> None:
    quantity = first("injuring dozens of people")
    assert quantity.vague and quantity.low is None and quantity.floor == 24


@pytest.mark.parametrize(
    "text", ["in 2014 the group", "one of the victims", "no one was hurt", "the first attack"]
)
def test_not_counts(text: str) -> None:
    assert find_quantities(tokens(normalise(text))) == []


def test_a_day_of_the_month_is_not_joined_to_the_next_number() -> None:
    assert normalise("on May 17, 200 people marched") == "on May 17, 200 people marched"


@given(st.integers(min_value=1_000, max_value=999_999_999))
def test_tokenised_thousands_read_as_one_number(number: int) -> None:
    spaced = f"{number:,}".replace(",", ", ")
    assert first(f"killed {spaced} people").low == number
