"""Dates: parse declared values with their precision, find dates in prose.

A year-less date ("Tuesday, November 21") is resolved only from evidence: the
publication dates of other articles and, when given, the weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}

# Month and weekday names must be capitalised: "may" and "march" are verbs too.
_MONTH_NAMES = [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(calendar.day_name) + r"),?\s+)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# "Tuesday, November 21", "November 21, 2023", "Nov. 21".
_MONTH_DAY = re.compile(
    _WEEKDAY + r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r"\b)?",
)
# "21 November 2023", "Tuesday 21 November".
_DAY_MONTH = re.compile(
    _WEEKDAY + r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?",
)
_ISO = re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# Dates inside URLs: /2023/11/21/, /2023-11-21/, -2023-11-21/, and /2023/11/.
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]\d)/")
_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date with the precision it was given at (``day``, ``month`` or ``year``)."""

    date: dt.date
    precision: str


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date written in prose; ``year`` is None when the text omits it."""

    year: int | None
    month: int
    day: int
    weekday: int | None
    start: int
    end: int
    text: str


# Publication dates outside these years are typos (and would overflow the
# date arithmetic of later stages), so they are refused like unknown formats.
MIN_YEAR, MAX_YEAR = 1800, 2200


def parse_declared(value: object) -> ParsedDate | None:
    """Parse a declared date (front matter or header) and keep its precision.

    Accepts ``date``/``datetime`` objects, ISO strings (``2023``, ``2023-11``,
    ``2023-11-21``) and common written forms (``21 Nov 2023``). Returns None when
    the value is not a recognisable date or its year is outside MIN_YEAR–MAX_YEAR.
    """
    parsed = _parse_declared(value)
    if parsed is None or not MIN_YEAR <= parsed.date.year <= MAX_YEAR:
        return None
    return parsed


def _parse_declared(value: object) -> ParsedDate | None:
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), "day")
    if isinstance(value, dt.date):
        return ParsedDate(value, "day")
    if isinstance(value, int) and 1000 <= value <= 9999:
        return ParsedDate(dt.date(value, 1, 1), "year")
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_PARTIAL.match(value)
    if iso:
        return _from_parts(*(int(p) if p else None for p in iso.groups()))
    return _parse_written(value)


def _from_parts(year: int | None, month: int | None, day: int | None) -> ParsedDate | None:
    if year is None:
        return None
    try:
        if month is None:
            return ParsedDate(dt.date(year, 1, 1), "year")
        if day is None:
            return ParsedDate(dt.date(year, month, 1), "month")
        return ParsedDate(dt.date(year, month, day), "day")
    except ValueError:
        return None


def _parse_written(value: str) -> ParsedDate | None:
    # Parse twice with different defaults: a component that changes with the
    # default was missing from the text, which gives the precision.
    try:
        first = dateutil_parser.parse(value, default=dt.datetime(2000, 1, 1))
        second = dateutil_parser.parse(value, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return ParsedDate(dt.date(first.year, 1, 1), "year")
    if first.day != second.day:
        return ParsedDate(dt.date(first.year, first.month, 1), "month")
    return ParsedDate(first.date(), "day")


def dates_in_url(url: str) -> ParsedDate | None:
    """Return the date embedded in a URL path, if any (day, else month precision)."""
    path = url.split("?", 1)[0]
    for day in _URL_DAY.finditer(path):
        parsed = _from_parts(int(day[1]), int(day[2]), int(day[3]))
        if parsed:
            return parsed
    month = _URL_MONTH.search(path)
    return _from_parts(int(month[1]), int(month[2]), None) if month else None


def find_text_dates(text: str) -> Iterator[TextDate]:
    """Yield the dates written in ``text``, in order of appearance."""
    found: list[TextDate] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for match in pattern.finditer(text):
            parsed = _text_date(match)
            if parsed and not any(_overlaps(parsed, other) for other in found):
                found.append(parsed)
    yield from sorted(found, key=lambda d: d.start)


def _text_date(match: re.Match[str]) -> TextDate | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.casefold()]
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    weekday_text = groups.get("weekday")
    weekday = WEEKDAYS[weekday_text.casefold()] if weekday_text else None
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays valid.
    except ValueError:
        return None
    return TextDate(year, month, day, weekday, match.start(), match.end(), match.group(0))


def _overlaps(a: TextDate, b: TextDate) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_year(partial: TextDate, evidence: Iterable[dt.date]) -> dt.date | None:
    """Choose the year of a year-less date from the dates of other articles.

    Candidate years are those of the evidence dates and their neighbours. A
    candidate must fit the weekday when the text names one; the candidate
    closest to an evidence date wins, and only within a year of it.

    Args:
        partial: The date found in the text, without a year.
        evidence: Known publication dates of other articles in the corpus.

    Returns:
        The resolved date, or None when the evidence does not decide it.
    """
    known = sorted(set(evidence))
    if not known:
        return None
    best: tuple[int, dt.date] | None = None
    for year in sorted({d.year + delta for d in known for delta in (-1, 0, 1)}):
        try:
            candidate = dt.date(year, partial.month, partial.day)
        except ValueError:
            continue
        if partial.weekday is not None and candidate.weekday() != partial.weekday:
            continue
        distance = min(abs((candidate - d).days) for d in known)
        if distance <= 366 and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None
