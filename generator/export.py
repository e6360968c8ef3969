"""The JSON export: a stable, documented view of the corpus."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, TextIO

from generator.actors import actors_export, places_export, suggestions_export
from generator.events import events_export
from generator.models import Article
from generator.pipeline import Corpus

SCHEMA_VERSION = 1


def article_record(article: Article, corpus: Corpus | None = None) -> dict[str, Any]:
    """Return the export record of one article (schema: the site's Data page)."""
    actors = corpus.actors.actors_of(article.id) if corpus else ()
    places = corpus.actors.places_of(article.id) if corpus else ()
    event = corpus.events.event_of(article.id) if corpus else None
    return {
        "event": event,
        "actors": list(actors),
        "places": list(places),
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "title_source": str(article.title_origin),
        "published": article.published.as_dict(),
        "publisher": article.publisher,
        "publisher_source": str(article.publisher_origin) if article.publisher_origin else None,
        "credited": [c.as_dict() for c in article.credited],
        "tags": list(article.tags),
        "inferred_tags": list(article.inferred_tags),
        "flags": list(article.flags),
        "words": article.words,
        "reading_minutes": article.reading_minutes,
        "summary": article.summary,
        "authors": list(article.authors),
        "url": article.url,
        "extra": _jsonable(dict(article.extra)),
    }


def corpus_record(corpus: Corpus) -> dict[str, Any]:
    """Return the whole export as plain JSON-ready data."""
    return {
        "schema": SCHEMA_VERSION,
        "seeds_read": corpus.seeds_read,
        "articles": [article_record(a, corpus) for a in corpus.articles],
        "problems": [p.as_dict() for p in corpus.problems],
        "actors": actors_export(corpus.actors),
        "places": places_export(corpus.actors),
        "unregistered": suggestions_export(corpus.actors),
        "events": events_export(corpus.events),
    }


def dumps(data: Any) -> str:
    """Serialise deterministically: sorted keys, two-space indent, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def dump(data: Any, out: TextIO, batch: int = 16384) -> None:
    """Write :func:`dumps` of ``data`` to ``out`` as it is encoded.

    The text is never whole in memory: at 10,000 articles the export is
    about 80 MB of text, and ``dumps`` holds its millions of pieces and then
    the joined string (several times the size of the data) at once.

    Args:
        data: JSON-ready data (:func:`corpus_record`).
        out: A text stream.
        batch: Encoder chunks joined per write (each chunk is a few characters).
    """
    # The same encoder json.dumps builds for these arguments: same chunks, same text.
    encoder = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)
    pending: list[str] = []
    for chunk in encoder.iterencode(data):
        pending.append(chunk)
        if len(pending) >= batch:
            out.write("".join(pending))
            pending.clear()
    pending.append("\n")
    out.write("".join(pending))


def _jsonable(value: Any) -> Any:
    """Turn front-matter values into plain JSON data, deterministically.

    YAML gives dates (also as mapping keys), sets and non-finite floats that
    JSON lacks: dates and other objects become text, keys become text, sets
    become sorted lists and NaN or infinity become text.
    """
    if isinstance(value, dict):
        return {_key(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _key(key: object) -> str:
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)
