"""Dates named in prose and their resolution against a reference date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import datementions
from generator.text.datementions import DateMention, find_dates
from generator.text.dates import DAY, MONTH, YEAR

WEDNESDAY = dt.date(2023, 11, 22)


def only(text: str, reference: dt.date | None = WEDNESDAY, hint: int | None = None) -> DateMention:
    found = find_dates(text, reference, hint)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "relation", "date", "precision"),
    [
        ("since October 17, there were", "since", dt.date(2023, 10, 17), DAY),
        ("officials said on Tuesday", "on", dt.date(2023, 11, 21), DAY),
        ("fired on November 15 at", "on", dt.date(2023, 11, 15), DAY),
        ("attacks since September from", "since", dt.date(2023, 9, 1), MONTH),
        ("seized land in 2014 before", "in", dt.date(2014, 1, 1), YEAR),
        ("a picture taken January 13, 2020.", "", dt.date(2020, 1, 13), DAY),
        ("It happened yesterday.", "", dt.date(2023, 11, 21), DAY),
    ],
)
def test_mentions(text: str, relation: str, date: dt.date, precision: str) -> None:
    mention = only(text)
    assert (mention.relation, mention.date, mention.precision) == (relation, date, precision)


def test_weekday_picks_the_year_it_falls_in() -> None:
    mention = only("said on Tuesday, November 21, that", reference=dt.date(2024, 1, 10))
    assert mention.date == dt.date(2023, 11, 21)


def test_that_month_uses_the_year_named_before() -> None:
    assert only("That January, the general died.", hint=2020).date == dt.date(2020, 1, 1)


def test_month_last_year() -> None:
    mention = only("In April last year a quake struck.", reference=dt.date(2013, 7, 2))
    assert mention.date == dt.date(2012, 4, 1) and mention.inferred


def test_upcoming_date_stays_in_the_reference_year() -> None:
    assert only("a May 17 hearing", reference=dt.date(2018, 4, 20)).date == dt.date(2018, 5, 17)


def test_unresolved_without_reference() -> None:
    mention = only("on Tuesday the strikes began", reference=None)
    assert mention.date is None and mention.inferred


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_dates("officials may announce more", WEDNESDAY) == []


_DATE_WORDS = [
    "on", "since", "in", "last", "this", "next", "year", "Year", "yesterday", "Today",
    "May", "may", "Sept.", "November", "Nov", "Tuesday", "Tuesday's", "of", "the", "and",
    "17", "2023", "1999", "2023-11-21", "3rd", "5", ",", ".", "-", "$", "21st",
    "action", "THROUGH", "Between", "reason", "\u212aon", "on\t", "\xa0", "mid-",
]  # fmt: skip


def plain_find_dates(
    text: str, reference: dt.date | None, hint: int | None = None
) -> list[datementions.DateMention]:
    """find_dates as first written: every pattern run, the relation searched in the whole text."""
    cues, tail = datementions._CUES, datementions._RELATION_TAIL
    try:
        datementions._CUES = {name: re.compile("") for name in cues}  # every cue present
        datementions._RELATION_TAIL = 10**9  # the whole text before a mention
        return find_dates(text, reference, hint)
    finally:
        datementions._CUES, datementions._RELATION_TAIL = cues, tail


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=12), st.sampled_from([" ", "", "-", " \n "]))
def test_cues_never_hide_a_mention(words: list[str], joiner: str) -> None:
    # A pattern is skipped when one of its cues is absent, and a relation word is looked for
    # in the last characters before a mention: the plain reading finds the same.
    text = joiner.join(words)
    for reference in (WEDNESDAY, None):
        assert find_dates(text, reference, 2001) == plain_find_dates(text, reference, 2001)
