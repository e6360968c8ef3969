"""The dates an event's articles name, and when the event itself happened."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from generator.events.document import Doc
from generator.events.model import DatedPoint, TimelineEntry, TimelineMention
from generator.text.datementions import DateMention
from generator.text.dates import DAY, PRECISIONS, DateValue
from generator.text.document import HEADING
from generator.text.factwords import NOT_OCCURRENCE_RELATIONS

OCCURRED_LOOKBACK_DAYS = 7
"""The event is taken to have happened on a day named in the articles at most this many days
before the first report (and not after the last)."""


def timeline(docs: Sequence[Doc]) -> tuple[TimelineEntry, ...]:
    """Every resolved date the articles name, earliest first, with who names it and where.

    Args:
        docs: The event's prepared articles.

    Returns:
        One entry per distinct date and precision.
    """
    grouped: dict[DateValue, list[TimelineMention]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        for sentence, mentions in zip(doc.sentences, doc.dates, strict=True):
            if sentence.kind == HEADING:
                continue
            for mention in mentions:
                if mention.value is not None:
                    grouped[mention.value].append(
                        TimelineMention(doc.id, mention.text, sentence.text, sentence.line)
                    )
    # A year or a month comes before the days in it.
    order = sorted(grouped, key=lambda v: (v.date, PRECISIONS.index(v.precision)))
    return tuple(TimelineEntry(v.date, v.precision, v.label(), tuple(grouped[v])) for v in order)


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
            day = _occurrence(mention, first, last)
            if day is not None:
                support[day].add(doc.id)
    if not support:
        return DatedPoint(None, None, "no day named in the text around the first reports")
    best = min(support, key=lambda day: (-len(support[day]), abs((first - day).days), day))
    count = len(support[best])
    basis = f"named by {count} article{'s' if count != 1 else ''}"
    return DatedPoint(best, DAY, basis, tuple(sorted(support[best])))


def _occurrence(mention: DateMention, first: dt.date, last: dt.date) -> dt.date | None:
    """The day a mention names, when it can be the day the event happened (else None)."""
    day = mention.date
    if day is None or mention.precision != DAY or mention.relation in NOT_OCCURRENCE_RELATIONS:
        return None
    return day if first - dt.timedelta(days=OCCURRED_LOOKBACK_DAYS) <= day <= last else None
