"""Dates: parse declared values with their precision, find dates in prose.

Only evidence that states publication gives a publication date: a declared
value, a URL path, a dateline, a "Published/Updated/Posted" line, or a lede
clause that reports the news itself ("officials said on Tuesday, November
21"). A year-less date ("Tuesday, November 21") is resolved only from the
article's own evidence or from the articles of its own event, and only where
the weekday (when given) fits.
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
# Dates inside URLs: /2023/11/21/, /2023-11-21/, _2023_11_21_, /20231121/, and /2023/11/.
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-])([01]?\d)\2([0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<![\w.])((?:19|20)\d\d)([01]\d)([0-3]\d)(?!\w)")
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


def resolve_year(
    partial: TextDate, evidence: Iterable[dt.date], max_days: int = 366
) -> dt.date | None:
    """Choose the year of a year-less date from related dates.

    Candidate years are those of the evidence dates and their neighbours. A
    candidate must fit the weekday when the text names one and lie within
    ``max_days`` of an evidence date; the closest wins. The caller decides
    what counts as evidence: the article's own dates, or the publication
    dates of the other articles of its event, never the whole corpus.

    Args:
        partial: The date found in the text, without a year.
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
