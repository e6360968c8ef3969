"""The dates an event's articles name, and when the event itself happened."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from generator.events.document import Doc
from generator.events.model import DatedPoint, TimelineEntry, TimelineMention
from generator.events.timeexpr import DAY, DateMention
from generator.text.document import HEADING

OCCURRED_LOOKBACK_DAYS = 7
"""The event is taken to have happened on a day named in the articles at most this many days
before the first report (and not after the last)."""

_NOT_OCCURRENCE = frozenset({"since", "from", "until", "till", "by", "before", "after", "of"})


def timeline(docs: Sequence[Doc]) -> tuple[TimelineEntry, ...]:
    """Every resolved date the articles name, earliest first, with who names it and where.

    Args:
        docs: The event's prepared articles.

    Returns:
        One entry per distinct date and precision.
    """
    grouped: dict[tuple[dt.date, str], list[TimelineMention]] = defaultdict(list)
    labels: dict[tuple[dt.date, str], str] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        for sentence, mentions in zip(doc.sentences, doc.dates, strict=True):
            if sentence.kind == HEADING:
                continue
            for mention in mentions:
                if mention.date is None:
                    continue
                key = (mention.date, mention.precision)
                labels[key] = mention.label()
                grouped[key].append(
                    TimelineMention(doc.id, mention.text, sentence.text, sentence.line)
                )
    return tuple(
        TimelineEntry(date, precision, labels[(date, precision)], tuple(grouped[(date, precision)]))
        for date, precision in sorted(grouped, key=lambda k: (k[0], _PRECISION_ORDER[k[1]]))
    )


_PRECISION_ORDER = {"year": 0, "month": 1, "day": 2}


def occurred(docs: Sequence[Doc]) -> DatedPoint:
    """When the event happened: the day most articles name around the first reports.

    Ties go to the day closest to the first report.

    Args:
        docs: The event's prepared articles.

    Returns:
        The date with its precision, how it was found and which articles name it.
    """
    dated = [d.article.published.date for d in docs if d.article.published.date is not None]
    if not dated:
        return DatedPoint(None, None, "no publication date to anchor the days named in the text")
    first, last = min(dated), max(dated)
    support: dict[dt.date, set[str]] = defaultdict(set)
    for doc in docs:
        for mention in (m for mentions in doc.dates for m in mentions):
            if _occurrence(mention, first, last):
                support[mention.date].add(doc.id)  # type: ignore[index]
    if not support:
        return DatedPoint(None, None, "no day named in the text around the first reports")
    best = min(support, key=lambda day: (-len(support[day]), abs((first - day).days), day))
    count = len(support[best])
    basis = f"named by {count} article{'s' if count != 1 else ''}"
    return DatedPoint(best, DAY, basis, tuple(sorted(support[best])))


def _occurrence(mention: DateMention, first: dt.date, last: dt.date) -> bool:
    """Whether a mention can name the day the event happened."""
    if mention.date is None or mention.precision != DAY or mention.relation in _NOT_OCCURRENCE:
        return False
    return first - dt.timedelta(days=OCCURRED_LOOKBACK_DAYS) <= mention.date <= last
