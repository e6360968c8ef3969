"""When a scheduled happening is held: "the vote will be held on May 4" / "hold the vote in June".

A named happening (a vote, a primary, a hearing, a summit) and the date it is
held, scheduled or set for are one fact however the sentence runs: passive
("The runoff would be held on May 4"), active ("the parties will hold runoffs
in mid June") or "scheduled/set for". Two articles giving dates that cannot
overlap for the same happening disagree. Only calendar dates (a month, with or
without its day) are read; weekdays and years alone are not. Two happenings
whose names carry different modifiers ("general election" / "special
election") are different happenings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from generator.events.dated import DATED
from generator.events.document import Doc
from generator.events.numbers import Quantity
from generator.events.slotunits import Reading
from generator.text.calendar import MONTHS
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import STOPWORDS
from generator.text.normalise import lemma

_PASSIVE = re.compile(
    r"\b(?P<noun>[a-z][a-z-]+)\s+(?:will|would|shall|is|are|was|were)\s+(?:(?:now|also|to)\s+)?"
    r"(?:be\s+|been\s+)?(?:held|scheduled\s+for|set\s+for|slated\s+for)\b",
    re.I,
)
_ACTIVE = re.compile(r"\b(?:will|would|shall|to)\s+hold\s+", re.I)
_OBJECT = re.compile(
    r"(?:(?:the|a|its|their)\s+)?(?P<words>(?:[a-z][a-z-]+\s+){0,2}?[a-z][a-z-]+)\s+(?=(?:on|in|for)\s)",
    re.I,
)
_MONTH_NAMES = tuple(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")
_MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")"
_DATE = re.compile(
    r"\s*(?:on|in|for)\s+(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?:" + _MONTH + r"(?:\s+(?P<day>\d{1,2})\b(?!,?\s*\d{3}))?"
    r"|(?P<day2>\d{1,2})\s+" + _MONTH.replace("month", "month2") + r")\b"
)
_LEAP_YEAR = 2000  # dates are compared by month and day: yearless dates resolve differently


def scheduled_readings(docs: Sequence[Doc]) -> list[tuple[Reading, Reading]]:
    """Pairs of dates for the same scheduled happening that cannot both hold.

    Args:
        docs: The articles of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    found: dict[str, list[tuple[Reading, frozenset[str]]]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        for sentence in doc.sentences:
            if sentence.kind in (HEADING, TABLE):
                continue
            for noun, modifiers, date in _happenings(sentence.text):
                reading = Reading(
                    doc.id,
                    DATED,
                    date.group(0).strip().split(None, 1)[1],
                    _key(date),
                    sentence.text,
                    sentence.line,
                    f"{noun} held",
                    noun,
                    _as_days(date),
                )
                found[noun].append((reading, modifiers))
    out: list[tuple[Reading, Reading]] = []
    for noun in sorted(found):
        group = found[noun]
        for x, (a, ma) in enumerate(group):
            for b, mb in group[x + 1 :]:
                if a.article_id == b.article_id or a.key == b.key:
                    continue
                if ma and mb and not ma & mb:
                    continue  # "general election" / "special election": two happenings
                out.append((a, b))
    return out


def _happenings(text: str) -> list[tuple[str, frozenset[str], re.Match[str]]]:
    """(happening noun, its modifiers, its date) of each "held" phrase of a sentence."""
    out: list[tuple[str, frozenset[str], re.Match[str]]] = []
    if not any(name in text for name in _MONTH_NAMES):
        return out  # every happening is read with its date, which names a month
    for match in _PASSIVE.finditer(text):
        date = _DATE.match(text, match.end())
        before = [w.lower().strip(",;:") for w in text[: match.start("noun")].split()[-1:]]
        modifiers = [w for w in _parts(before) if w.isalpha() and w not in STOPWORDS]
        noun = match.group("noun").lower()
        if date is not None and noun not in STOPWORDS and not noun.endswith("-"):
            out.append((lemma(noun), frozenset(modifiers), date))
    for match in _ACTIVE.finditer(text):
        # "will hold special-election primaries in mid May": the object runs up to the date.
        found = _OBJECT.match(text, match.end())
        date = _DATE.match(text, found.end() - 1) if found is not None else None
        if found is None or date is None:
            continue
        words = found.group("words").lower().split()
        if any(w in STOPWORDS for w in words):
            continue
        out.append((lemma(words[-1]), frozenset(_parts(words[:-1])), date))
    return out


def _parts(words: Sequence[str]) -> list[str]:
    """Modifier words, a hyphenated compound split ("special-election" → "special")."""
    return [w.split("-")[0] for w in words]


def _month_day(date: re.Match[str]) -> tuple[int, int | None]:
    """The month number and the day (None for a month alone) of a matched date."""
    month = MONTHS[(date.group("month") or date.group("month2")).lower()]
    day = date.group("day") or date.group("day2")
    return month, int(day) if day else None


def _key(date: re.Match[str]) -> str:
    """Month and day ("05-04"), or the month alone ("05")."""
    month, day = _month_day(date)
    return f"{month:02d}" + (f"-{day:02d}" if day else "")


def _as_days(date: re.Match[str]) -> Quantity:
    """The month and day as day ordinals of one fixed year (a month covers its days)."""
    month, day = _month_day(date)
    if day:
        first = last = _safe_day(month, day)
    else:
        first = dt.date(_LEAP_YEAR, month, 1)
        following = dt.date(_LEAP_YEAR + month // 12, month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
    high = float(last.toordinal()) if last != first else None
    return Quantity(0, 0, float(first.toordinal()), high, "", 0, False, None, date.group(0))


def _safe_day(month: int, day: int) -> dt.date:
    """The day of the fixed year, clamped to the month's last day ("April 31")."""
    for candidate in range(day, 27, -1):
        try:
            return dt.date(_LEAP_YEAR, month, candidate)
        except ValueError:
            continue
    return dt.date(_LEAP_YEAR, month, 28)
