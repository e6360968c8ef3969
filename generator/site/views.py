"""Indexes over the corpus that the pages are made from (pure functions)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.models import Article
from generator.slugs import stable_slug

UNKNOWN_PUBLISHER = "Unknown publisher"
PAGE_SIZE = 50  # rows per listing page: a page never grows with the corpus


@dataclass(frozen=True, slots=True)
class Facet:
    """One topic, outlet or day page: a name, its slug and its articles."""

    slug: str
    name: str
    articles: tuple[Article, ...]
    credited: tuple[Article, ...] = ()
    inferred: tuple[Article, ...] = ()


def newest_first(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Sort newest first, undated last, ties by id (deterministic)."""
    dated = sorted((a for a in articles if a.published.date), key=lambda a: a.id)
    dated.sort(key=lambda a: a.published.date or dt.date.min, reverse=True)
    undated = sorted((a for a in articles if not a.published.date), key=lambda a: a.id)
    return (*dated, *undated)


def topics(articles: Sequence[Article]) -> list[Facet]:
    """Group articles by tag slug; declared and inferred tags are kept apart."""
    declared: dict[str, list[Article]] = defaultdict(list)
    inferred: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    for article in articles:
        for tag in article.tags:
            names.setdefault(tag_slug(tag), tag)
            declared[tag_slug(tag)].append(article)
        for tag in article.inferred_tags:
            names.setdefault(tag_slug(tag), tag)
            inferred[tag_slug(tag)].append(article)
    return [
        Facet(
            slug, names[slug], newest_first(declared[slug]), inferred=newest_first(inferred[slug])
        )
        for slug in sorted(names)
    ]


def outlets(articles: Sequence[Article]) -> list[Facet]:
    """Group articles by outlet, as publisher and as credited source."""
    published: dict[str, list[Article]] = defaultdict(list)
    credited: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    for article in articles:
        publisher = article.publisher or UNKNOWN_PUBLISHER
        names.setdefault(outlet_slug(publisher), publisher)
        published[outlet_slug(publisher)].append(article)
        for credit in article.credited:
            names.setdefault(outlet_slug(credit.outlet), credit.outlet)
            credited[outlet_slug(credit.outlet)].append(article)
    return [
        Facet(slug, names[slug], newest_first(published[slug]), newest_first(credited[slug]))
        for slug in sorted(names)
    ]


# Tags and outlet names recur on every article and on every row that links
# them; a slug costs a transliteration (python-slugify): each is made once.
@functools.lru_cache(maxsize=1 << 14)
def outlet_slug(name: str | None) -> str:
    """Slug of an outlet page (unknown publishers share one page)."""
    return stable_slug(name or UNKNOWN_PUBLISHER, "outlet")


@functools.lru_cache(maxsize=1 << 14)
def tag_slug(tag: str) -> str:
    """Slug of a topic page."""
    return stable_slug(tag, "tag")


def days(articles: Sequence[Article]) -> list[Facet]:
    """Group dated articles by publication day (month or year precision excluded)."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.published.date and article.published.precision == "day":
            by_day[article.published.date.isoformat()].append(article)
    return [Facet(day, day, newest_first(by_day[day])) for day in sorted(by_day, reverse=True)]


def undated(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Articles without a day-precise publication date."""
    return tuple(
        sorted((a for a in articles if a.published.precision != "day"), key=lambda a: a.id)
    )


def top(counter: Counter[str], limit: int = 8) -> list[tuple[str, int]]:
    """Most common items, ties broken alphabetically."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def date_range(articles: Iterable[Article]) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest publication dates, if any article is dated."""
    known = [a.published.date for a in articles if a.published.date]
    return (min(known), max(known)) if known else None
