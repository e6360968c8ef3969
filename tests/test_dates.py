"""Unit tests of date parsing, dates in URLs and prose, and year resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import (
    ParsedDate,
    TextDate,
    dates_in_url,
    find_text_dates,
    parse_declared,
    resolve_year,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2031, 4, 5), ParsedDate(dt.date(2031, 4, 5), "day")),
        (dt.datetime(2031, 4, 5, 13, 30), ParsedDate(dt.date(2031, 4, 5), "day")),
        (2031, ParsedDate(dt.date(2031, 1, 1), "year")),
        ("2031", ParsedDate(dt.date(2031, 1, 1), "year")),
        ("2031-04", ParsedDate(dt.date(2031, 4, 1), "month")),
        ("2031-04-05", ParsedDate(dt.date(2031, 4, 5), "day")),
        (" 2031-4-5 ", ParsedDate(dt.date(2031, 4, 5), "day")),
        ("5 April 2031", ParsedDate(dt.date(2031, 4, 5), "day")),
        ("April 5, 2031", ParsedDate(dt.date(2031, 4, 5), "day")),
        ("April 2031", ParsedDate(dt.date(2031, 4, 1), "month")),
    ],
)
def test_declared_dates_keep_their_precision(value: object, expected: ParsedDate) -> None:
    assert parse_declared(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2031-13-45",
        "2031-02-30",
        "sometime in spring",
        "Tuesday",
        "",
        "   ",
        None,
        True,
        12,
        [],
        {},
    ],
)
def test_unknown_declared_dates_are_none(value: object) -> None:
    assert parse_declared(value) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/world/2031/04/05/story.html", ParsedDate(dt.date(2031, 4, 5), "day")),
        (
            "https://example.org/world/council-votes-2031-04-05/",
            ParsedDate(dt.date(2031, 4, 5), "day"),
        ),
        ("https://example.org/2031/04/council-votes", ParsedDate(dt.date(2031, 4, 1), "month")),
        ("https://example.org/story?from=2031-04-05", None),
        ("https://example.org/story/123456789", None),
        ("https://example.org/2031/13/45/bad", None),
    ],
)
def test_dates_in_urls(url: str, expected: ParsedDate | None) -> None:
    assert dates_in_url(url) == expected


def test_year_less_date_with_weekday_is_found() -> None:
    (found,) = find_text_dates("Officials said on Wednesday, April 9, that the road was open.")
    assert (found.year, found.month, found.day, found.weekday) == (None, 4, 9, 2)
    assert found.text == "Wednesday, April 9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened on April 5, 2031, after delays.", (2031, 4, 5)),
        ("It opened on 5 April 2031 after delays.", (2031, 4, 5)),
        ("It opened on Apr. 5 after delays.", (None, 4, 5)),
        ("It opened on 2031-04-05 after delays.", (2031, 4, 5)),
        ("It opened on the 5th of April.", None),
        ("Officials may 5 times reconsider.", None),
        ("It opened on February 30.", None),
        ("It cost 2031 dollars in April.", None),
    ],
)
def test_dates_in_prose(text: str, expected: tuple[int | None, int, int] | None) -> None:
    found = next(find_text_dates(text), None)
    got = (found.year, found.month, found.day) if found else None
    assert got == expected


def test_dates_in_prose_come_in_reading_order() -> None:
    text = "On 3 May 2031 a vote; earlier, on April 1, 2031, a debate; see 2030-12-31."
    assert [(d.year, d.month, d.day) for d in find_text_dates(text)] == [
        (2031, 5, 3),
        (2031, 4, 1),
        (2030, 12, 31),
    ]


def partial(month: int, day: int, weekday: int | None = None) -> TextDate:
    return TextDate(None, month, day, weekday, 0, 0, "")


def test_weekday_picks_the_year_that_fits() -> None:
    # Friday, November 21 falls in 2031; the evidence is from late 2031.
    evidence = [dt.date(2031, 11, 20)]
    assert resolve_year(partial(11, 21, weekday=4), evidence) == dt.date(2031, 11, 21)


def test_weekday_can_push_to_a_neighbouring_year() -> None:
    # Monday, January 2 is 2034, next to evidence from the end of 2033.
    assert resolve_year(partial(1, 2, weekday=0), [dt.date(2033, 12, 30)]) == dt.date(2034, 1, 2)


def test_without_weekday_the_closest_year_wins() -> None:
    evidence = [dt.date(2031, 1, 10), dt.date(2031, 1, 12)]
    assert resolve_year(partial(12, 30), evidence) == dt.date(2030, 12, 30)


def test_no_evidence_means_no_date() -> None:
    assert resolve_year(partial(11, 21, weekday=4), []) is None


def test_a_weekday_that_fits_no_nearby_year_means_no_date() -> None:
    # November 21 is a Friday in 2031 but not in 2030 or 2032: a Monday never fits.
    assert resolve_year(partial(11, 21, weekday=0), [dt.date(2031, 6, 1)]) is None


def test_leap_day_resolves_only_to_a_leap_year() -> None:
    assert resolve_year(partial(2, 29), [dt.date(2031, 3, 1)]) == dt.date(2032, 2, 29)
