"""Complete year-less publication dates from the other articles of the same event.

"Officials said on Tuesday, November 21" states the day of publication but not
the year. The year is taken only from the dated reports of the article's own
event (never from the corpus as a whole, which may span decades), and only
where the weekday, when named, fits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from generator.models import Article, Origin, Published, YearlessDate
from generator.text import dates

PEER_YEAR_MAX_DAYS = 14
"""A year-less publication date takes a year only if that puts it within this many days of a
dated report of the same event."""

_PEER_ORIGINS = frozenset({Origin.FRONT_MATTER, Origin.HEADER, Origin.URL})


def complete_from_event(
    groups: Sequence[Sequence[str]], articles: Mapping[str, Article]
) -> dict[str, Article]:
    """Articles whose year-less publication date the event's dated reports complete.

    Only dates that are declared (front matter, header, URL) are evidence:
    an inferred date never vouches for another.

    Args:
        groups: Member ids of each event.
        articles: Article id → article.

    Returns:
        Article id → the article with its completed date (only those that changed).
    """
    out: dict[str, Article] = {}
    for group in groups:
        evidence = [
            a.published.date
            for a in (articles[i] for i in group)
            if a.published.date is not None
            and a.published.precision == dates.DAY
            and a.published.origin in _PEER_ORIGINS
        ]
        if not evidence:
            continue
        for article_id in group:
            article = articles[article_id]
            partial = article.published.yearless
            if article.published.date is not None or partial is None:
                continue
            resolved = dates.resolve_year(partial, evidence, max_days=PEER_YEAR_MAX_DAYS)
            if resolved is not None:
                out[article_id] = _completed(article, partial, resolved)
    return out


def _completed(article: Article, partial: YearlessDate, resolved: dt.date) -> Article:
    fits = " (the weekday fits)" if partial.weekday is not None else ""
    note = (
        f"read from the {partial.evidence}: “{partial.text}”; year {resolved.year} inferred "
        f"from the dated reports of the same event{fits}"
    )
    published = Published(
        resolved, dates.DAY, Origin.TEXT, inferred=True, line=article.published.line, note=note
    )
    flags = tuple(f for f in article.flags if f != "undated")
    return dataclasses.replace(article, published=published, flags=flags)
