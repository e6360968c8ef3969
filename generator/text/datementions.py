"""Every date a sentence mentions, resolved against a reference date.

"since October 17", "on Tuesday", "in April last year", "that January", "2004":
each mention is resolved against a reference date (the article's publication
date, or the latest date of its event when the article is undated). A
resolution that needed the reference is marked ``inferred``. The patterns and
the month/weekday table are those of :mod:`generator.text.dates`, which also
reads publication dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.text.calendar import WEEKDAYS
from generator.text.dates import (
    DAY,
    DAY_MONTH,
    ISO,
    MONTH,
    MONTH_DAY,
    MONTH_NAME,
    WEEKDAY_NAMES,
    YEAR,
    YEAR_NUMBER,
    DateValue,
    label,
    month_number,
)

FUTURE_SLACK_DAYS = 31
"""A yearless date up to this many days after the reference is read as upcoming, not last year's."""

_RELATIONS = (
    *("since", "on", "in", "by", "from", "until", "till", "after", "before", "through"),
    *("during", "that", "last", "this", "next", "early", "late", "mid", "of", "between"),
    *("and", "to"),
)
_RELATION_RE = re.compile(r"(?:(?P<rel>" + "|".join(_RELATIONS) + r")\s+)?$", re.IGNORECASE)
# _RELATION_RE is searched on a text that ends in one space after a non-space: a match of
# a relation word is that word and the space, so it lies in the last this many characters
# (case-insensitive matching reads one character for one), and only those are searched.
_RELATION_TAIL = max(map(len, _RELATIONS)) + 1
_SHOWN_RELATIONS = frozenset(
    [
        "since",
        "on",
        "in",
        "by",
        "from",
        "until",
        "till",
        "after",
        "before",
        "through",
        "during",
        "that",
        "last",
        "next",
        "early",
        "late",
    ]
)
_SHIFTS = {"last": -1, "this": 0, "next": 1, "yesterday": -1, "today": 0, "tomorrow": 1}
# What every match of a pattern contains: a sentence without it cannot match, so the
# pattern is not run (most sentences name no date; each pattern is a scan of the text).
_CUES: dict[str, re.Pattern[str]] = {
    "digit": re.compile(r"\d"),
    "month": re.compile(MONTH_NAME),
    "weekday": re.compile(WEEKDAY_NAMES),
    "year": re.compile(r"year", re.IGNORECASE),
    "day": re.compile(r"yesterday|today|tomorrow", re.IGNORECASE),
    "dash": re.compile(r"-"),
}
# Tried in this order; a later pattern never takes text an earlier one matched. Each needs
# every one of its cues: a full date holds a digit and a month name (ISO: a digit and a dash).
_MENTIONS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("full", ISO, ("digit", "dash")),
    ("full", MONTH_DAY, ("digit", "month")),
    ("full", DAY_MONTH, ("digit", "month")),
    (
        "my",
        re.compile(r"\b" + MONTH_NAME + r"\s+(?:of\s+)?" + YEAR_NUMBER + r"\b"),
        ("digit", "month"),
    ),
    (
        "month",
        re.compile(r"\b" + MONTH_NAME + r"(?P<shift>\s+(?:last|this|next)\s+year)?(?![\w-])"),
        ("month",),
    ),
    (
        "weekday",
        re.compile(r"\b(?P<weekday>" + WEEKDAY_NAMES + r")(?:'s)?(?![\w-])"),
        ("weekday",),
    ),
    ("relyear", re.compile(r"\b(?P<shift>last|this|next)\s+year\b", re.IGNORECASE), ("year",)),
    ("relday", re.compile(r"\b(?P<shift>yesterday|today|tomorrow)\b", re.IGNORECASE), ("day",)),
    ("year", re.compile(r"(?<![\d,.$])\b" + YEAR_NUMBER + r"\b(?![,.]\d)"), ("digit",)),
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

    @property
    def value(self) -> DateValue | None:
        """The resolved date with its precision, or None when unresolved."""
        return DateValue(self.date, self.precision) if self.date is not None else None

    def label(self) -> str:
        """The resolved date as a reader sees it ("2023-11-15", "2023-09", "2004")."""
        return label(self.date, self.precision) if self.date is not None else self.text


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
    cues = {name for name, cue in _CUES.items() if cue.search(text)}
    for kind, pattern, needs in _MENTIONS:
        if not cues.issuperset(needs):
            continue
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
    return match.group("month").rstrip(".") != "May" or before in ("in", "since", "last", "of")


_Resolved = tuple[dt.date | None, str, bool]


def _mention(
    kind: str,
    match: re.Match[str],
    text: str,
    reference: dt.date | None,
    year_hint: int | None,
) -> DateMention | None:
    """Resolve one pattern match into a mention (None when it is not a usable date)."""
    resolved = _resolve(kind, match.groupdict(), text[: match.start()], reference, year_hint)
    if resolved is None:
        return None
    date, precision, inferred = resolved
    before = text[: match.start()].rstrip()
    tail = max(len(before) + 1 - _RELATION_TAIL, 0)
    rel = _RELATION_RE.search(before[tail:] + " ")
    relation = (rel.group("rel") or "").lower() if rel else ""
    start = tail + rel.start() if rel and relation in _SHOWN_RELATIONS else match.start()
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
) -> _Resolved | None:
    """Turn matched parts into (date, precision, inferred)."""
    if kind == "year":
        return (dt.date(int(g["year"] or 0), 1, 1), YEAR, False)
    if kind in ("relyear", "relday"):
        precision = YEAR if kind == "relyear" else DAY
        if reference is None:
            return (None, precision, True)
        shift = _SHIFTS[(g["shift"] or "").lower()]
        if kind == "relyear":
            return (dt.date(reference.year + shift, 1, 1), YEAR, True)
        return (reference + dt.timedelta(days=shift), DAY, True)
    if kind == "weekday":
        return _weekday(g["weekday"] or "", before, reference)
    month = month_number(g["month"] or "")
    day = int(g["day"] or 0) if g.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if g.get("year"):
        return _safe(int(g["year"] or 0), month, day, inferred=False)
    if g.get("shift") and reference is not None:
        shift = _SHIFTS[(g["shift"] or "").split()[0].lower()]
        return _safe(reference.year + shift, month, day, inferred=True)
    if before.rstrip().lower().endswith("that") and year_hint is not None:
        return _safe(year_hint, month, day, inferred=True)
    weekday = WEEKDAYS.get((g.get("weekday") or "").lower())
    return _yearless(month, day, weekday, reference)


def _safe(year: int, month: int, day: int | None, *, inferred: bool) -> _Resolved | None:
    """Build a date, or None when the parts do not form one (February 30)."""
    try:
        return (dt.date(year, month, day or 1), DAY if day else MONTH, inferred)
    except ValueError:
        return None


def _yearless(
    month: int, day: int | None, weekday: int | None, reference: dt.date | None
) -> _Resolved | None:
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


def _weekday(name: str, before: str, reference: dt.date | None) -> _Resolved | None:
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
