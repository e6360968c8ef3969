"""Infer an article's metadata from a raw seed, recording where each value came from.

Each value has its own module: :mod:`~generator.ingest.titles`,
:mod:`~generator.ingest.published`, :mod:`~generator.ingest.credits` and
:mod:`~generator.ingest.tags`; this module puts them together.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from generator.ingest.credits import infer_credits, infer_publisher
from generator.ingest.fields import KNOWN_KEYS, meta_line, safe_url
from generator.ingest.lede import find_lede, is_caption
from generator.ingest.outlets import OutletRegistry
from generator.ingest.published import infer_published
from generator.ingest.tags import article_flags, declared_tags, has_ai_disclosure, normalise_tag
from generator.ingest.titles import clean_title, headline_from_lede, infer_title
from generator.models import (
    Article,
    Problem,
    RawSeed,
)
from generator.slugs import stable_slug
from generator.text.blocks import Paragraph, paragraphs
from generator.text.normalise import plain
from generator.text.tokens import words
from generator.thresholds import METADATA_RULES as RULES

__all__ = [
    "clean_title",
    "has_ai_disclosure",
    "headline_from_lede",
    "infer_article",
    "is_caption",
    "normalise_tag",
]


def infer_article(seed: RawSeed, outlets: OutletRegistry) -> tuple[Article, list[Problem]]:
    """Infer every metadata value of one seed.

    A publication date stated without a year that the article itself cannot
    complete is kept in ``published.yearless`` for the events stage, which
    may complete it from the other articles of the same event.

    Args:
        seed: The decoded seed.
        outlets: Registry used to name outlets from domains and sign-offs.

    Returns:
        The article and the problems found while inferring.
    """
    problems: list[Problem] = []
    meta = dict(seed.meta)
    paras = paragraphs(seed.body)
    lede_index = find_lede(paras)
    title, title_origin = infer_title(seed, meta, paras, lede_index, problems)
    published = infer_published(seed, meta, paras, lede_index, problems)
    publisher, publisher_origin = infer_publisher(meta, paras, outlets)
    credited = infer_credits(seed, meta, paras, outlets, problems)
    tags = declared_tags(seed, meta.get("tags"), problems)
    body_words = len(words(plain(seed.body)))
    flags = article_flags(seed, paras, published, publisher, credited)
    article = Article(
        id=seed.id,
        file=seed.file,
        title=title,
        title_origin=title_origin,
        published=published,
        publisher=publisher,
        publisher_origin=publisher_origin,
        credited=credited,
        tags=tags,
        flags=flags,
        words=body_words,
        reading_minutes=max(1, math.ceil(body_words / RULES.reading_speed)),
        summary=_summary(paras, lede_index),
        body=seed.body,
        body_line=seed.body_line,
        authors=_authors(meta.get("authors")),
        url=safe_url(meta.get("url"), seed, meta_line(seed, "url", meta.get("url")), problems),
        event_pin=_event_pin(meta.get("event")),
        extra={k: v for k, v in sorted(meta.items()) if k not in KNOWN_KEYS},
    )
    return article, problems


def _summary(paras: Sequence[Paragraph], lede_index: int | None) -> str:
    if lede_index is None:
        return ""
    tokens = plain(paras[lede_index].text).split()
    text = " ".join(tokens[: RULES.summary_max_words])
    return text + "…" if len(tokens) > RULES.summary_max_words else text


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(",") if a.strip())
    if isinstance(value, list):
        return tuple(clean_title(str(a)) for a in value if isinstance(a, str))
    return ()


def _event_pin(value: object) -> str | None:
    if isinstance(value, str | int) and str(value).strip():
        return stable_slug(str(value), "event")
    return None
