"""Build Article records directly, for unit tests of later stages."""

from __future__ import annotations

import datetime as dt

from generator.models import Article, Credit, Origin, Published


def make_article(
    id: str,
    body: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    credited: tuple[str, ...] = (),
    date: str | None = None,
    tags: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
    event_pin: str | None = None,
) -> Article:
    """Return an Article with sensible defaults; ``date`` is ISO ``YYYY-MM-DD``."""
    published = (
        Published(dt.date.fromisoformat(date), "day", Origin.FRONT_MATTER) if date else Published()
    )
    return Article(
        id=id,
        file=f"{id}.md",
        title=title or id,
        title_origin=Origin.FRONT_MATTER,
        published=published,
        publisher=publisher,
        publisher_origin=Origin.FRONT_MATTER if publisher else None,
        credited=tuple(Credit(name, None, Origin.FRONT_MATTER) for name in credited),
        tags=tags,
        flags=flags,
        words=len(body.split()),
        reading_minutes=max(1, round(len(body.split()) / 230)),
        summary=body.split("\n", 1)[0],
        body=body,
        body_line=1,
        event_pin=event_pin,
    )
