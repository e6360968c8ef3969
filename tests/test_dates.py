"""Unit tests of date parsing, dates in URLs and prose, and year resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.text.datementions import find_dates
from generator.text.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateValue,
    TextDate,
    dates_in_url,
    find_text_dates,
    parse_declared,
    publication_in_text,
    resolve_year,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2031, 4, 5), DateValue(dt.date(2031, 4, 5), "day")),
        (dt.datetime(2031, 4, 5, 13, 30), DateValue(dt.date(2031, 4, 5), "day")),
        (2031, DateValue(dt.date(2031, 1, 1), "year")),
        ("2031", DateValue(dt.date(2031, 1, 1), "year")),
        ("2031-04", DateValue(dt.date(2031, 4, 1), "month")),
        ("2031-04-05", DateValue(dt.date(2031, 4, 5), "day")),
        (" 2031-4-5 ", DateValue(dt.date(2031, 4, 5), "day")),
        ("5 April 2031", DateValue(dt.date(2031, 4, 5), "day")),
        ("April 5, 2031", DateValue(dt.date(2031, 4, 5), "day")),
        ("April 2031", DateValue(dt.date(2031, 4, 1), "month")),
    ],
)
def test_declared_dates_keep_their_precision(value: object, expected: DateValue) -> None:
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
        ("https://example.org/world/2031/04/05/story.html", DateValue(dt.date(2031, 4, 5), "day")),
        (
            "https://example.org/world/council-votes-2031-04-05/",
            DateValue(dt.date(2031, 4, 5), "day"),
        ),
        ("https://example.org/2031/04/council-votes", DateValue(dt.date(2031, 4, 1), "month")),
        ("https://example.org/story?from=2031-04-05", None),
        ("https://example.org/story/123456789", None),
        ("https://example.org/2031/13/45/bad", None),
    ],
)
def test_dates_in_urls(url: str, expected: DateValue | None) -> None:
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


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/2013/09/14/crash", dt.date(2013, 9, 14)),
        ("https://news.example/new-york/20130914/queens/crash", dt.date(2013, 9, 14)),
        ("https://news.example/stories/crash_web_2013_09_14_q.html", dt.date(2013, 9, 14)),
        ("https://news.example/news/20111111.htm", dt.date(2011, 11, 11)),
    ],
)
def test_dates_in_url_paths(url: str, day: dt.date) -> None:
    found = dates_in_url(url)
    assert found is not None and found.date == day


@pytest.mark.parametrize(
    "url",
    ["https://news.example/article/12345678", "https://news.example/id/20131399/crash"],
)
def test_digit_runs_that_are_not_dates_are_ignored(url: str) -> None:
    assert dates_in_url(url) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("VALDORO, Nov. 21 (Reuters) - The pier closed.", "dateline"),
        ("Posted in Local News on Friday, November 21, 2031. The pier closed.", "published line"),
        ("Officials said on Friday, November 21, that the pier closed.", "reporting clause"),
        ("The pier closed on Friday, November 21, port officials said.", "reporting clause"),
    ],
)
def test_publication_evidence_in_text(text: str, kind: str) -> None:
    found = publication_in_text(text)
    assert found is not None and found[1] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz was born on April 22, 1931, in Valdoro.",
        "The burglars, who broke in on June 17, 1972, were caught within the hour.",
        "A photo taken on March 1, 2019, shows the pier.",
    ],
)
def test_dates_of_other_things_are_not_publication_dates(text: str) -> None:
    assert publication_in_text(text) is None


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MIN_YEAR, 1999, 2000, MAX_YEAR, MAX_YEAR + 1])
def test_one_year_range_for_every_reader(year: int) -> None:
    inside = MIN_YEAR <= year <= MAX_YEAR
    assert (parse_declared(f"{year}-04-05") is not None) == inside
    assert (dates_in_url(f"https://example.org/{year}/04/05/story") is not None) == inside
    assert next(find_text_dates(f"on April 5, {year}, it opened"), None) is not None
    assert (next(find_text_dates(f"on April 5, {year}, it opened")).year is not None) == inside
    years = [m for m in find_dates(f"It opened in {year}.", None) if m.precision == "year"]
    assert bool(years) == inside


@pytest.mark.parametrize(
    "text", ["The 12 Marines were flown out.", "She moved to 5 Augusta Road.", "All 3 Junes."]
)
def test_a_number_before_a_word_that_starts_like_a_month_is_no_date(text: str) -> None:
    assert list(find_text_dates(text)) == []
    assert [m for m in find_dates(text, dt.date(2031, 4, 5)) if m.precision == "day"] == []


def test_values_cover_their_precision_and_print_iso() -> None:
    month = DateValue(dt.date(2031, 2, 1), "month")
    assert (month.first, month.last, month.label()) == (
        dt.date(2031, 2, 1),
        dt.date(2031, 2, 28),
        "2031-02",
    )
    year = DateValue(dt.date(2031, 1, 1), "year")
    assert (year.last, year.label()) == (dt.date(2031, 12, 31), "2031")
    december = DateValue(dt.date(2031, 12, 1), "month")
    assert december.last == dt.date(2031, 12, 31)
    assert DateValue(dt.date(2031, 4, 5), "day").label() == "2031-04-05"
