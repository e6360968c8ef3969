"""Dates: the one place that reads, finds, resolves and formats dates.

- Declared values (front matter, a header, a URL path) are parsed with the
  precision they were given at (:func:`parse_declared`, :func:`dates_in_url`).
- Dates written in prose are found by one set of patterns. Full dates
  ("Tuesday, November 21", "21 Nov 2023", "2023-11-21") are read for the
  publication date (:func:`find_text_dates`, :func:`publication_in_text`); every
  mention ("since October 17", "on Tuesday", "in April last year", "2004") is
  resolved against a reference date for the comparisons (:func:`find_dates`).
- A year-less publication date takes its year only from related dated
  evidence, and only where the weekday (when named) fits (:func:`resolve_year`).
- A date is shown at its precision: ``2023-11-21``, ``2023-11`` or ``2023``
  (:meth:`DateValue.label`), which is also how the export writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from dateutil import parser as dateutil_parser

from generator.text.calendar import MONTHS, WEEKDAYS

DAY = "day"
MONTH = "month"
YEAR = "year"
# The precisions a date is given at, coarsest first.
PRECISIONS = (YEAR, MONTH, DAY)

MIN_YEAR, MAX_YEAR = 1800, 2099
"""The years a date may have, wherever it is read (declared, in a URL or in prose).

One range for every reader, the one a four-digit year pattern can state exactly
(18xx-20xx). News reports and their background fit it; a declared 2150 is a
typo, not a date (and years near ``date.max`` would overflow later arithmetic)."""

_YEAR_DIGITS = r"(?:1[89]|20)\d\d"  # MIN_YEAR-MAX_YEAR (a test checks they agree)
# Pattern of a year in MIN_YEAR-MAX_YEAR (group ``year``).
YEAR_NUMBER = r"(?P<year>" + _YEAR_DIGITS + r")"

# Pattern of a capitalised month name or abbreviation (group ``month``); "may" and "march" are
# verbs too. Longest first, so that "Sept" is not read as "Sep" and "June" not as "Jun".
MONTH_NAME = (
    r"(?P<month>"
    + "|".join(n.capitalize() for n in sorted(MONTHS, key=lambda n: (-len(n), n)))
    + r")\.?"
)

# Alternation of the capitalised weekday names.
WEEKDAY_NAMES = "|".join(n.capitalize() for n in WEEKDAYS)

_WEEKDAY = r"(?:(?P<weekday>" + WEEKDAY_NAMES + r"),?\s+)?"
# A day-month date ends with the month name: "12 Marines" or "5 Augusta" is none.
_MONTH_END = r"(?![\w-])"

# An ISO date in prose: "2023-11-21".
ISO = re.compile(r"\b" + YEAR_NUMBER + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

# A month-day date: "Tuesday, November 21", "November 21, 2023", "Nov. 21".
MONTH_DAY = re.compile(
    _WEEKDAY
    + r"\b"
    + MONTH_NAME
    + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+"
    + YEAR_NUMBER
    + r"\b)?"
)

# A day-month date: "21 November 2023", "Tuesday 21 November".
DAY_MONTH = re.compile(
    _WEEKDAY
    + r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    + MONTH_NAME
    + _MONTH_END
    + r"(?:,?\s+"
    + YEAR_NUMBER
    + r"\b)?"
)

_FULL_DATES = (MONTH_DAY, DAY_MONTH, ISO)

# Dates inside URLs: /2023/11/21/, /2023-11-21/, _2023_11_21_, /20231121/, and /2023/11/.
_URL_DAY = re.compile(r"(?<!\d)(" + _YEAR_DIGITS + r")([/_-])([01]?\d)\2([0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<![\w.])(" + _YEAR_DIGITS + r")([01]\d)([0-3]\d)(?!\w)")
_URL_MONTH = re.compile(r"/(" + _YEAR_DIGITS + r")/([01]\d)/")
_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date with the precision it was given at.

    Attributes:
        date: The date; below day precision its first day (``2023-11-01``, ``2023-01-01``).
        precision: ``day``, ``month`` or ``year``.
    """

    date: dt.date
    precision: str

    @property
    def first(self) -> dt.date:
        """The first day the value covers."""
        return self.date

    @property
    def last(self) -> dt.date:
        """The last day the value covers (the month's or year's last day below day precision)."""
        if self.precision == YEAR:
            return dt.date(self.date.year, 12, 31)
        if self.precision == MONTH:
            following = dt.date(self.date.year + self.date.month // 12, self.date.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return self.date

    def label(self) -> str:
        """The date at its precision, ISO style: ``2023-11-21``, ``2023-11`` or ``2023``."""
        return label(self.date, self.precision)


def label(date: dt.date, precision: str) -> str:
    """Write a date at its precision, ISO style (``2023-11-21``, ``2023-11``, ``2023``).

    Args:
        date: The date (its first day below day precision).
        precision: ``day``, ``month`` or ``year``.

    Returns:
        The ISO 8601 form at that precision.
    """
    if precision == YEAR:
        return f"{date.year:04d}"
    if precision == MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


# --- declared values ---------------------------------------------------------


def parse_declared(value: object) -> DateValue | None:
    """Parse a declared date (front matter or header) and keep its precision.

    Accepts ``date``/``datetime`` objects, ISO strings (``2023``, ``2023-11``,
    ``2023-11-21``) and common written forms (``21 Nov 2023``, parsed by
    dateutil). Returns None when the value is not a recognisable date or its
    year is outside MIN_YEAR–MAX_YEAR.
    """
    parsed = _parse_declared(value)
    if parsed is None or not MIN_YEAR <= parsed.date.year <= MAX_YEAR:
        return None
    return parsed


def _parse_declared(value: object) -> DateValue | None:
    if isinstance(value, dt.datetime):
        return DateValue(value.date(), DAY)
    if isinstance(value, dt.date):
        return DateValue(value, DAY)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return DateValue(dt.date(value, 1, 1), YEAR)
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_PARTIAL.match(value)
    if iso:
        return _from_parts(*(int(p) if p else None for p in iso.groups()))
    return _parse_written(value)


def _from_parts(year: int | None, month: int | None, day: int | None) -> DateValue | None:
    if year is None:
        return None
    try:
        if month is None:
            return DateValue(dt.date(year, 1, 1), YEAR)
        if day is None:
            return DateValue(dt.date(year, month, 1), MONTH)
        return DateValue(dt.date(year, month, day), DAY)
    except ValueError:
        return None


def _parse_written(value: str) -> DateValue | None:
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
        return DateValue(dt.date(first.year, 1, 1), YEAR)
    if first.day != second.day:
        return DateValue(dt.date(first.year, first.month, 1), MONTH)
    return DateValue(first.date(), DAY)


def dates_in_url(url: str) -> DateValue | None:
    """Return the date embedded in a URL path, if any (day, else month precision)."""
    path = url.split("?", 1)[0]
    for day in _URL_DAY.finditer(path):
        parsed = _from_parts(int(day[1]), int(day[3]), int(day[4]))
        if parsed:
            return parsed
    # A bare eight-digit path segment ("/20130914/") is a date only when it
    # forms one; other digit runs (article ids) are skipped.
    for day in _URL_COMPACT.finditer(path):
        parsed = _from_parts(int(day[1]), int(day[2]), int(day[3]))
        if parsed:
            return parsed
    month = _URL_MONTH.search(path)
    return _from_parts(int(month[1]), int(month[2]), None) if month else None


# --- full dates in prose (publication evidence) -------------------------------


@dataclass(frozen=True, slots=True)
class TextDate:
    """A full date written in prose; ``year`` is None when the text omits it."""

    year: int | None
    month: int
    day: int
    weekday: int | None
    start: int
    end: int
    text: str


def find_text_dates(text: str) -> Iterator[TextDate]:
    """Yield the full dates (with a day) written in ``text``, in order of appearance."""
    found: list[TextDate] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            parsed = _text_date(match)
            if parsed and not any(parsed.start < o.end and o.start < parsed.end for o in found):
                found.append(parsed)
    yield from sorted(found, key=lambda d: d.start)


def _text_date(match: re.Match[str]) -> TextDate | None:
    groups = match.groupdict()
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    weekday_text = groups.get("weekday")
    weekday = WEEKDAYS[weekday_text.lower()] if weekday_text else None
    month = month_number(groups["month"])
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays valid.
    except ValueError:
        return None
    return TextDate(year, month, day, weekday, match.start(), match.end(), match.group(0))


def month_number(text: str) -> int:
    """The month number of a month name ("Nov.", "November") or digits ("11")."""
    return int(text) if text.isdigit() else MONTHS[text.rstrip(".").lower()]


class YearlessParts(Protocol):
    """What a date without its year gives: month, day, and the weekday when named."""

    @property
    def month(self) -> int:
        """1-12."""

    @property
    def day(self) -> int:
        """1-31."""

    @property
    def weekday(self) -> int | None:
        """0 (Monday) - 6, or None."""


def resolve_year(
    partial: YearlessParts, evidence: Iterable[dt.date], max_days: int = 366
) -> dt.date | None:
    """Choose the year of a year-less date from related dates.

    Candidate years are those of the evidence dates and their neighbours. A
    candidate must fit the weekday when the text names one and lie within
    ``max_days`` of an evidence date; the closest wins. The caller decides
    what counts as evidence: the article's own dates, or the publication
    dates of the other articles of its event, never the whole corpus.

    Args:
        partial: The date without a year (a :class:`TextDate`, a stored ``YearlessDate``).
        evidence: Dates that bound when the article was published.
        max_days: Farthest a resolved date may lie from the evidence.

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
        if distance <= max_days and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


# --- publication evidence in the opening of an article ------------------------

LEDE_DATE_SENTENCES = 2
"""Only the first sentences of the lede are read for a publication date (a one-paragraph
article recounts its background later in the same paragraph)."""

YEAR_FROM_OWN_DATES_DAYS = 183
"""A year-less weekday date takes the year of the article's own full dates at most this far off."""

# What states publication in running text. Each needs the date right beside
# the words that make it a publication date, so that the date of a birth, a
# death long ago or a past election in the same paragraph never qualifies.
_REPORTING = r"(?:said|says|saying|told|tells|announced|reported|confirmed|stated|declared)"
_PUBLISHED_LINE = re.compile(
    r"\b(?:published|updated|posted|last\s+modified)\b[^.\n]{0,60}?(?:\bon\s+|:\s*)$",
    re.IGNORECASE,
)
_REPORTING_BEFORE = re.compile(
    r"\b" + _REPORTING + r"(?:\s+(?:in\s+a\s+statement|late|early|on))*\s+$"
)
_REPORTING_AFTER = re.compile(
    r"^,?\s+(?:(?:the|a|an|his|her|their|its|[A-Z][\w.'’-]*|[a-z]+)\s+){1,4}?" + _REPORTING + r"\b"
)
# "WASHINGTON, Nov. 21 (Reuters) -", "KABUL, Afghanistan, Tuesday, November 21 —".
_DATELINE_HEAD = re.compile(
    r"^[A-Z][A-Z .'’/-]{2,}[A-Z](?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)?,\s*$"
)
_DATELINE_TAIL = re.compile(r"^\s*(?:\([A-Z][\w .&-]{1,30}\)\s*)?[-–—]")

PUBLISHED_LINE = "published line"
DATELINE = "dateline"
REPORTING_CLAUSE = "reporting clause"


def publication_in_text(text: str) -> tuple[TextDate, str] | None:
    """The first date in ``text`` that a phrase marks as the publication date.

    Recognised: a dateline ("WASHINGTON, Nov. 21 (Reuters) —"), a
    "Published / Updated / Posted … on" line, and a reporting clause about
    the news itself ("officials said on Tuesday, November 21", "on Friday,
    November 21, officials said"). Any other date (what happened decades ago,
    a birth, a caption) is not one.

    Args:
        text: A paragraph (the lede, or a line near the top of the article).

    Returns:
        The date and the kind of evidence, or None.
    """
    for found in find_text_dates(text):
        before, after = text[: found.start], text[found.end :]
        if _DATELINE_HEAD.match(before) and _DATELINE_TAIL.match(after):
            return found, DATELINE
        if _PUBLISHED_LINE.search(before[-90:]):
            return found, PUBLISHED_LINE
        if _REPORTING_BEFORE.search(before[-60:]) or _REPORTING_AFTER.match(after[:60]):
            return found, REPORTING_CLAUSE
    return None
