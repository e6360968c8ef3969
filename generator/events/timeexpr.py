"""Dates mentioned in prose ("since October 17", "on Tuesday", "in April last year").

Each mention is resolved against a reference date (the article's publication
date, or the latest date of its event when the article is undated). A
resolution that needed the reference is marked ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.lexicon import word_set

DAY = "day"
MONTH = "month"
YEAR = "year"

FUTURE_SLACK_DAYS = 31
"""A yearless date up to this many days after the reference is read as upcoming, not last year's."""

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_RELATION_RE = (
    r"(?:(?P<rel>since|on|in|by|from|until|till|after|before|through|during|that|last|this|"
    r"next|early|late|mid|of|between|and|to)\s+)?"
)
_SHOWN_RELATIONS = word_set(
    "since on in by from until till after before through during that last next early late"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>" + _YEAR_RE + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            r"(?:(?P<wd>" + _WEEKDAY_RE + r"),?\s+)?(?P<mn>" + _MONTH_RE + r")\s+(?P<d>[0-3]?\d)"
            r"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>" + _YEAR_RE + r")\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"(?:(?P<wd>" + _WEEKDAY_RE + r"),?\s+)?\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            r"(?P<mn>" + _MONTH_RE + r")(?:,?\s+(?P<y>" + _YEAR_RE + r")\b)?"
        ),
    ),
    ("my", re.compile(r"(?P<mn>" + _MONTH_RE + r")\s+(?:of\s+)?(?P<y>" + _YEAR_RE + r")\b")),
    (
        "month",
        re.compile(
            r"(?P<mn>" + _MONTH_RE + r")(?P<ly>\s+(?:last|this|next)\s+year)?(?![\w-])",
        ),
    ),
    ("weekday", re.compile(r"(?P<wd>" + _WEEKDAY_RE + r")(?:'s)?(?![\w-])")),
    ("relyear", re.compile(r"\b(?P<ry>last|this|next)\s+year\b", re.IGNORECASE)),
    ("relday", re.compile(r"\b(?P<rd>yesterday|today|tomorrow)\b", re.IGNORECASE)),
    ("year", re.compile(r"(?<![\d,.$])\b(?P<y>" + _YEAR_RE + r")\b(?![,.]\d)")),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in a sentence.

    Attributes:
        text: The words as written ("since October 17").
        start: Character offset in the normalised sentence (relation word included).
        end: Character offset one past the mention.
        relation: The word before it ("since", "on", "in", ...) or "".
        date: The resolved date (day and month set to 1 below day precision), or None.
        precision: ``day``, ``month`` or ``year``.
        inferred: True when the year or day came from the reference date.
    """

    text: str
    start: int
    end: int
    relation: str
    date: dt.date | None
    precision: str
    inferred: bool

    def label(self) -> str:
        """The resolved date as a reader sees it ("2023-11-15", "2023-09", "2004")."""
        if self.date is None:
            return self.text
        if self.precision == YEAR:
            return f"{self.date.year}"
        if self.precision == MONTH:
            return f"{self.date.year}-{self.date.month:02d}"
        return self.date.isoformat()


def find_dates(
    text: str, reference: dt.date | None, year_hint: int | None = None
) -> list[DateMention]:
    """Find and resolve the dates mentioned in one normalised sentence.

    Args:
        text: The normalised sentence.
        reference: Publication date used to resolve yearless dates and weekdays.
        year_hint: A year named shortly before (used for "that January").

    Returns:
        Non-overlapping mentions in reading order.
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if kind == "month" and not _month_is_date(text, match):
                continue
            mention = _mention(kind, match, text, reference, year_hint)
            if mention is not None:
                taken.append((match.start(), match.end()))
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _month_is_date(text: str, match: re.Match[str]) -> bool:
    """A lone month name is a date only after a preposition ("may" is also a verb)."""
    before = text[: match.start()].rstrip().rsplit(" ", 1)[-1].lower()
    return match.group("mn").rstrip(".") != "May" or before in ("in", "since", "last", "of")


def _mention(
    kind: str,
    match: re.Match[str],
    text: str,
    reference: dt.date | None,
    year_hint: int | None,
) -> DateMention | None:
    """Resolve one regex match into a mention (None when it is not a usable date)."""
    groups = match.groupdict()
    resolved = _resolve(kind, groups, text[: match.start()], reference, year_hint)
    if resolved is None:
        return None
    date, precision, inferred = resolved
    rel = re.search(_RELATION_RE + r"$", text[: match.start()].rstrip() + " ", re.IGNORECASE)
    relation = (rel.group("rel") or "").lower() if rel else ""
    start = rel.start() if rel and relation in _SHOWN_RELATIONS else match.start()
    return DateMention(
        text=text[start : match.end()].strip().rstrip(".,"),
        start=start,
        end=match.end(),
        relation=relation,
        date=date,
        precision=precision,
        inferred=inferred,
    )


def _resolve(
    kind: str,
    g: dict[str, str | None],
    before: str,
    reference: dt.date | None,
    year_hint: int | None,
) -> tuple[dt.date | None, str, bool] | None:
    """Turn matched parts into (date, precision, inferred)."""
    if kind == "year":
        return (dt.date(int(g["y"] or 0), 1, 1), YEAR, False)
    if kind == "relyear":
        if reference is None:
            return (None, YEAR, True)
        shift = {"last": -1, "this": 0, "next": 1}[(g["ry"] or "").lower()]
        return (dt.date(reference.year + shift, 1, 1), YEAR, True)
    if kind == "relday":
        if reference is None:
            return (None, DAY, True)
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[(g["rd"] or "").lower()]
        return (reference + dt.timedelta(days=shift), DAY, True)
    if kind == "weekday":
        return _weekday(g["wd"] or "", before, reference)
    month = MONTHS[(g["mn"] or "").rstrip(".").lower()] if g.get("mn") else int(g["m"] or 0)
    day = int(g["d"] or 0) if g.get("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if g.get("y"):
        return _safe(int(g["y"] or 0), month, day, inferred=False)
    if g.get("ly") and reference is not None:
        shift = {"last": -1, "this": 0, "next": 1}[(g["ly"] or "").split()[0].lower()]
        return _safe(reference.year + shift, month, day, inferred=True)
    if before.rstrip().lower().endswith("that") and year_hint is not None:
        return _safe(year_hint, month, day, inferred=True)
    weekday = WEEKDAYS.get((g.get("wd") or "").lower())
    return _yearless(month, day, weekday, reference)


def _safe(
    year: int, month: int, day: int | None, *, inferred: bool
) -> tuple[dt.date | None, str, bool] | None:
    """Build a date, or None when the parts do not form one (February 30)."""
    try:
        return (dt.date(year, month, day or 1), DAY if day else MONTH, inferred)
    except ValueError:
        return None


def _yearless(
    month: int, day: int | None, weekday: int | None, reference: dt.date | None
) -> tuple[dt.date | None, str, bool] | None:
    """Resolve a month (and day) without a year against the reference date."""
    precision = DAY if day else MONTH
    if reference is None:
        return (None, precision, True)
    candidates: list[dt.date] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        # "February 29" with no leap year near the reference, "November 31": not a date.
        return None
    if weekday is not None:
        matching = [c for c in candidates if c.weekday() == weekday]
        candidates = matching or candidates
    limit = reference + dt.timedelta(days=FUTURE_SLACK_DAYS)
    if day is None:
        limit = max(limit, reference.replace(day=1))
    past = [c for c in candidates if c <= limit]
    chosen = (
        max(past)
        if past and weekday is None
        else min(candidates, key=lambda c: abs((c - reference).days))
    )
    return (chosen, precision, True)


def _weekday(
    name: str, before: str, reference: dt.date | None
) -> tuple[dt.date | None, str, bool] | None:
    """Resolve a weekday name to the nearest such day on or before the reference."""
    if reference is None:
        return (None, DAY, True)
    target = WEEKDAYS[name.lower()]
    back = (reference.weekday() - target) % 7
    if before.rstrip().lower().endswith("next"):
        return (reference + dt.timedelta(days=(target - reference.weekday()) % 7 or 7), DAY, True)
    if before.rstrip().lower().endswith("last") and back == 0:
        back = 7
    return (reference - dt.timedelta(days=back), DAY, True)
